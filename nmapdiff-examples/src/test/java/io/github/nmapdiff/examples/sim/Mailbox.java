package io.github.nmapdiff.examples.sim;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A sendmail for the simulations that takes every mail and keeps it in a folder, as an MTA
 * would deliver it; and what people read of each: its subject and text body.
 */
final class Mailbox {
    private final Path delivered;
    private final Path program;
    private final Set<String> seen = new HashSet<>();

    private Mailbox(Path delivered, Path program) {
        this.delivered = delivered;
        this.program = program;
    }

    /** A mailbox in {@code dir}. */
    static Mailbox in(Path dir) throws Exception {
        Path delivered = Files.createDirectories(dir.resolve("delivered"));
        Path script = dir.resolve("sendmail");
        Files.writeString(script, String.join("\n", "#!/bin/bash", "cat > " + delivered + "/$(date +%s%N).eml", ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new Mailbox(delivered, script);
    }

    /** The program, for {@code --sendmail}. */
    String program() {
        return program.toString();
    }

    /** The subject and text body of each mail delivered since the last call, in the order they came. */
    List<String> fresh() throws Exception {
        List<String> fresh = new ArrayList<>();
        try (Stream<Path> files = Files.list(delivered)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                if (seen.add(f.getFileName().toString())) {
                    fresh.add(text(f));
                }
            }
        }
        return fresh;
    }

    /** The subject and the text body of a mail: what people read, not the attachments. */
    static String text(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
            Multipart mixed = (Multipart) mail.getContent();
            Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
            return mail.getSubject() + "\n" + alternative.getBodyPart(0).getContent();
        }
    }
}

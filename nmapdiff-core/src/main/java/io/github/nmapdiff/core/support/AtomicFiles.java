package io.github.nmapdiff.core.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes files that must survive a crash and must not be read by others: the snapshots, their
 * metadata and the mail outbox all describe a network's weak points.
 *
 * <ul>
 *   <li>Every write goes to a temporary file ({@code .NAME.tmp}) created new, never through
 *       a link that someone planted, with the permissions of its {@link Access}; it is forced
 *       to disk, renamed into place, and the folder is forced too.</li>
 *   <li>Folders are created with the permissions of the access (0700 or 0750).</li>
 * </ul>
 *
 * Not API: the store and the mail outbox share it so that the rule is written once.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Who may read what nmapdiff writes. */
    public enum Access {
        /** The owner only: files 0600, folders 0700; the default. */
        OWNER("rw-------", "rwx------"),
        /** The owner and the file's group: files 0640, folders 0750. */
        GROUP("rw-r-----", "rwxr-x---");

        private final Set<PosixFilePermission> file;
        private final Set<PosixFilePermission> folder;

        Access(String file, String folder) {
            this.file = PosixFilePermissions.fromString(file);
            this.folder = PosixFilePermissions.fromString(folder);
        }

        /** Returns the permissions of a file. */
        public Set<PosixFilePermission> filePermissions() {
            return file;
        }

        /** Returns the permissions of a folder. */
        public Set<PosixFilePermission> folderPermissions() {
            return folder;
        }
    }

    /**
     * Creates a folder and its missing parents; the folders it creates get the access's
     * permissions, one that exists is left as it is. A link to a folder counts as the folder:
     * which folder to use is the user's choice (a link to a data disk); what is written inside
     * it never goes through a link.
     */
    public static void createFolder(Path folder, Access access) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(folder, attribute(access.folderPermissions()));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(folder);
        }
    }

    /**
     * Writes bytes to a file, whole or not at all: a temporary file created new beside it (a
     * link or file left at that name is removed first, never followed), forced to disk, renamed
     * into place, and the folder forced.
     *
     * @throws IOException when it cannot be written; the target is then as it was and no temporary file is left
     */
    public static void writeAtomically(Path target, byte[] bytes, Access access) throws IOException {
        Path temporary = temporaryFor(target);
        Files.deleteIfExists(temporary);
        try {
            try (FileChannel out = openNew(temporary, access)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        forceFolder(target.toAbsolutePath().getParent());
    }

    /** What a streamed write writes. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out where to write it, buffered; not to be closed
         * @throws IOException when it cannot be written
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file as {@link #writeAtomically(Path, byte[], Access)} does, from content written
     * as a stream, so that a large file need not be held in memory first.
     *
     * @throws IOException when it cannot be written; the target is then as it was and no temporary file is left
     */
    public static void writeAtomically(Path target, Access access, Content content) throws IOException {
        Path temporary = temporaryFor(target);
        Files.deleteIfExists(temporary);
        try {
            try (FileChannel channel = openNew(temporary, access)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        forceFolder(target.toAbsolutePath().getParent());
    }

    /**
     * Opens a file to read, only if it is a regular file and not through a link: a planted link
     * (to {@code /dev/zero}, to a FIFO) or a FIFO at the name is refused, never read from or
     * waited on.
     *
     * @throws IOException when it is not a regular file or cannot be opened
     */
    public static FileChannel openToRead(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file,
                BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is not a regular file (" + (attributes.isSymbolicLink() ? "a symbolic link"
                    : attributes.isDirectory() ? "a folder" : "a device or a pipe") + "); nmapdiff reads only the files it wrote");
        }
        return FileChannel.open(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Opens a file to append to, creating it with the access's permissions, never through a
     * link; a name that holds anything but a regular file is refused.
     *
     * @throws IOException when it cannot be opened
     */
    public static FileChannel openToAppend(Path file, Access access) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file; nmapdiff writes only its own files");
        }
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS);
        try {
            return FileChannel.open(file, options, attribute(access.filePermissions()));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, options);
        }
    }

    /** Returns the temporary file a write of {@code target} uses. */
    public static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    /** Returns whether a file name is one of this class's temporary files. */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(".tmp");
    }

    /**
     * Removes the temporary files an interrupted write left in a folder.
     *
     * @return the names removed, never null
     */
    public static List<String> removeTemporaryFiles(Path folder) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return removed;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
                removed.add(f.getFileName().toString());
            }
        }
        return removed;
    }

    /** Opens a new file for writing with the access's permissions; fails if anything, a link included, is at that name. */
    private static FileChannel openNew(Path file, Access access) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            return FileChannel.open(file, options, attribute(access.filePermissions()));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, options);
        }
    }

    /**
     * Opens a file for reading and writing, creating it with the access's permissions, without
     * following a link at that name (a planted link to another file is refused).
     */
    public static FileChannel openNoFollow(Path file, Access access) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try {
            return FileChannel.open(file, options, attribute(access.filePermissions()));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, options);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    /** Forces a folder's entries to disk; some file systems cannot, and the rename is atomic all the same. */
    public static void forceFolder(@Nullable Path folder) {
        if (folder == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // nothing more can be done; the rename itself is atomic
        }
    }

    /** Says what an I/O error means for a person: "the disk is full" where it is. */
    public static String describe(IOException e) {
        // a FileSystemException's message is often just the path, which the caller names already
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        String message = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No space left")) {
            return "the disk is full (" + message + ")";
        }
        if (e instanceof FileSystemLoopException || message.contains("Too many levels of symbolic links")) {
            return "a symbolic link stands where nmapdiff writes (" + message + "); remove it, and keep the folder writable by its owner only";
        }
        return message;
    }
}

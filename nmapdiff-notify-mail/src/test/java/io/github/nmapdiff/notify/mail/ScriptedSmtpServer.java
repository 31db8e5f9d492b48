package io.github.nmapdiff.notify.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on loopback that misbehaves on purpose: it refuses recipients whose address
 * holds "refused" with 550, or trickles its greeting a {@code 220-} line a second for ever.
 * Messages it accepts are kept as text. Stops when closed.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final boolean trickle;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    final List<String> messages = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer(boolean trickle) throws IOException {
        this.trickle = trickle;
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "scripted-smtp");
        accept.setDaemon(true);
        accept.start();
    }

    /** A server that refuses "refused" recipients with 550 and takes every other mail. */
    static ScriptedSmtpServer refusing() throws IOException {
        return new ScriptedSmtpServer(false);
    }

    /** A server that never finishes its greeting, one continuation line a second. */
    static ScriptedSmtpServer trickling() throws IOException {
        return new ScriptedSmtpServer(true);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                Thread t = new Thread(() -> serve(client), "scripted-smtp-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            if (trickle) {
                for (int i = 0; i < 600 && !client.isClosed(); i++) {
                    send(out, "220-still getting ready");
                    Thread.sleep(1000);
                }
                return;
            }
            send(out, "220 scripted ready");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> send(out, "250 scripted");
                    case "MAIL" -> send(out, "250 2.1.0 ok");
                    case "RCPT" -> send(out, line.contains("refused") ? "550 5.1.1 <refused>: no such user here" : "250 2.1.5 ok");
                    case "DATA" -> {
                        send(out, "354 go ahead");
                        StringBuilder message = new StringBuilder();
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            message.append(data).append('\n');
                        }
                        messages.add(message.toString());
                        send(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        send(out, "221 bye");
                        return;
                    }
                    default -> send(out, "250 ok");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket c : clients) {
            c.close();
        }
    }
}

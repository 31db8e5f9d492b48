package io.github.nmapdiff.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP service on 127.0.0.1 that greets every client with a banner, as SSH and SMTP servers
 * do, so that nmap's version detection has something real to recognise; or, {@link #silent()},
 * one that accepts and never says a word, on which nmap's version detection waits through all
 * its probes (a scan slow enough to time out, cancel and watch progress on). Closes its socket
 * and its connections on {@link #close()}.
 */
public final class BannerServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    private final java.util.List<Socket> clients = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile byte[] banner;

    private BannerServer(int port, String banner, int readTimeoutMillis) throws IOException {
        socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        this.banner = banner.getBytes(StandardCharsets.US_ASCII);
        thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    clients.add(client);
                    client.setSoTimeout(readTimeoutMillis);
                    OutputStream out = client.getOutputStream();
                    out.write(this.banner);
                    out.flush();
                    InputStream in = client.getInputStream();
                    // read what the client sends until it hangs up or goes quiet
                    byte[] sink = new byte[4096];
                    while (in.read(sink) >= 0) {
                        // nothing to answer: the banner is all nmap needs
                    }
                } catch (IOException endOfOneClient) {
                    // a client that hangs up or goes quiet ends only its own connection
                }
            }
        }, "banner-server-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a service that greets as OpenSSH does. */
    public static BannerServer ssh() throws IOException {
        return ssh(0, "8.9p1");
    }

    /**
     * Starts a service that greets as an OpenSSH version does.
     *
     * @param port the port, or 0 for any free one
     * @param version the OpenSSH version, such as {@code 8.9p1}
     */
    public static BannerServer ssh(int port, String version) throws IOException {
        return new BannerServer(port, "SSH-2.0-OpenSSH_" + version + " Ubuntu-3ubuntu0.10\r\n", 3000);
    }

    /** Starts a service that greets as Postfix's SMTP server does. */
    public static BannerServer smtp() throws IOException {
        return smtp(0);
    }

    /** Starts a service on a port that greets as Postfix's SMTP server does. */
    public static BannerServer smtp(int port) throws IOException {
        return new BannerServer(port, "220 mail.example.test ESMTP Postfix (Debian/GNU)\r\n", 3000);
    }

    /** Starts a service on a free port that accepts and never answers, nor hangs up. */
    public static BannerServer silent() throws IOException {
        return silent(0);
    }

    /** Starts a silent service on a port. */
    public static BannerServer silent(int port) throws IOException {
        return new BannerServer(port, "", 0);
    }

    /** Returns a port on 127.0.0.1 that was free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    /** Changes the banner that the next clients get, as an upgraded service would. */
    public void banner(String text) {
        this.banner = text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Changes the OpenSSH version that the next clients are greeted with. */
    public void sshVersion(String version) {
        banner("SSH-2.0-OpenSSH_" + version + " Ubuntu-3ubuntu0.10\r\n");
    }

    /** Returns the port the service listens on. */
    public int port() {
        return socket.getLocalPort();
    }

    /** Closes the listening socket and every open connection, so that the port is free again at once. */
    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}

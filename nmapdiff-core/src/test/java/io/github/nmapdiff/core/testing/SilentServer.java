package io.github.nmapdiff.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP service on 127.0.0.1 that accepts connections and never says a word: nmap's version
 * detection waits on it through all its probes, which makes a scan slow enough to time out,
 * cancel and watch progress on.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    /** Starts the service on a free port. */
    public SilentServer() throws IOException {
        this(0);
    }

    private SilentServer(int port) throws IOException {
        socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        Thread thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    clients.add(socket.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-server-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the service on a given port. */
    public static SilentServer on(int port) throws IOException {
        return new SilentServer(port);
    }

    /** Returns the port. */
    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}

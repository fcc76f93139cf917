package org.mandate.app.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay on 127.0.0.1 between the app and a server it needs (database, broker) that the test controls: it
 * forwards; or it cuts (every connection closed, new ones closed at once, as when the server goes away); or it drops
 * the network (bytes sent either way are swallowed, as by a dead link, until it forwards again; new connections
 * hang); or it cuts one connection right after that connection has sent a COMMIT, before the answer comes back.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dropping = new AtomicBoolean();
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final AtomicReference<String> cutAtCommitAfter = new AtomicReference<>();
    private volatile boolean closed;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    TcpProxy(int targetPort) throws IOException {
        this("127.0.0.1", targetPort);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Swallows every byte and leaves every socket open, as a network that went away. */
    void drop() {
        dropping.set(true);
    }

    /** Closes every connection and every new one at once, until {@link #restore()}: the server went away. */
    void cut() {
        refusing.set(true);
        for (Link link : links) {
            link.close();
        }
    }

    /** Forwards again; what was swallowed is lost, so the connections that saw it are broken for the app. */
    void restore() {
        refusing.set(false);
        dropping.set(false);
    }

    /**
     * The next connection that sends {@code marker} (e.g. a title in an INSERT) and then a COMMIT has that COMMIT
     * delivered to the database and is cut before the database's answer reaches the app.
     */
    void cutAtCommitAfter(String marker) {
        cutAtCommitAfter.set(marker);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (refusing.get()) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                Link link = new Link(client, upstream);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (!closed) {
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Link link : links) {
            link.close();
        }
    }

    /** One relayed connection: two pumps, app to database and back. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;
        private volatile boolean sawMarker;
        /** Set once this link carried the marked COMMIT: nothing the database answers reaches the app any more. */
        private volatile boolean cut;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            pump(client, upstream, true);
            pump(upstream, client, false);
        }

        private void pump(Socket from, Socket to, boolean fromApp) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        if (dropping.get() || cut) {
                            continue;
                        }
                        if (fromApp && armedFor(new String(buffer, 0, read, StandardCharsets.ISO_8859_1))) {
                            cut = true;
                            out.write(buffer, 0, read);
                            out.flush();
                            sleepBeforeCut();
                            close();
                            return;
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException ended) {
                    // one side closed: the other follows
                } finally {
                    close();
                }
            }, "tcp-proxy-" + (fromApp ? "up" : "down"));
            thread.setDaemon(true);
            thread.start();
        }

        private boolean armedFor(String chunk) {
            String marker = cutAtCommitAfter.get();
            if (marker == null) {
                return false;
            }
            if (chunk.contains(marker)) {
                sawMarker = true;
            }
            return sawMarker && chunk.contains("COMMIT") && cutAtCommitAfter.compareAndSet(marker, null);
        }

        /** Lets the database receive and carry out the COMMIT before the link goes. */
        private void sleepBeforeCut() {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                upstream.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            links.remove(this);
        }
    }
}

package org.mandate.app;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat server's incoming webhook in the test JVM (the JDK's HttpServer on 127.0.0.1): keeps every JSON body
 * posted to it, can answer 500 to the next few posts, and can go down (nothing listens) and come back on its port.
 */
public final class ChatReceiver {

    /** One post as received. */
    public record Post(String path, String contentType, String body) {
    }

    private final int port;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<Post> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile String failMarker = "";
    private HttpServer server;

    private ChatReceiver(int port) {
        this.port = port;
    }

    public static ChatReceiver start() {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChatReceiver receiver = new ChatReceiver(port);
        receiver.up();
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** The posts answered 2xx, in order. */
    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /** The posts answered 500. */
    public List<Post> refused() {
        return List.copyOf(refused);
    }

    /** Answers 500 to the next {@code count} posts whose body contains {@code marker}. */
    public void failNext(int count, String marker) {
        failMarker = marker;
        failNext.set(count);
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Post post = new Post(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean fail = post.body().contains(failMarker) && failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
            (fail ? refused : posts).add(post);
            byte[] answer = (fail ? "server error" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }
}

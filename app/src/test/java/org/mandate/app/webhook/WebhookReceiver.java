package org.mandate.app.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A subscriber on 127.0.0.1: every path records what it received and answers with the status set for it (200
 * unless told otherwise), after an optional pause that plays a slow subscriber.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and whether it was answered with a failure. */
    public record Received(String path, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Long> pauses = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> failures = new ConcurrentHashMap<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            try {
                Thread.sleep(pauses.getOrDefault(path, 0L));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
            received.add(new Received(path, headers, body));
            var failing = failures.get(path);
            boolean fail = failing != null && failing.getAndDecrement() > 0;
            exchange.sendResponseHeaders(fail ? 503 : statuses.getOrDefault(path, 200), -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(String path, int status) {
        statuses.put(path, status);
    }

    /** The next {@code times} requests to this path get 503. */
    void failNext(String path, int times) {
        failures.put(path, new java.util.concurrent.atomic.AtomicInteger(times));
    }

    void pause(String path, long millis) {
        pauses.put(path, millis);
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

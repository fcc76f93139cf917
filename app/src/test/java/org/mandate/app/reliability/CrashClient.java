package org.mandate.app.reliability;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that keeps submitting requests (as ana) and approving them (as sofia) while the server is killed
 * under it. Every POST carries an Idempotency-Key and is retried with the same key until it gets an answer,
 * as a careful client would; what was acknowledged is remembered for the checks afterwards.
 */
final class CrashClient implements Runnable {

    record Acknowledged(String title, String requestId, boolean decided) {
    }

    private final int port;
    private final String name;
    private final AtomicBoolean running;
    private final AtomicInteger acknowledgements;
    final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    final List<String> serverErrors = new CopyOnWriteArrayList<>();
    /** Acknowledged submissions that could not be read back within the limit after the server came back. */
    final List<String> lost = new CopyOnWriteArrayList<>();
    volatile int retries;
    /** Retries answered from the Idempotency-Key store: the first try committed but its answer was lost. */
    volatile int replayed;

    CrashClient(int port, String name, AtomicBoolean running, AtomicInteger acknowledgements) {
        this.port = port;
        this.name = name;
        this.running = running;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public void run() {
        try {
            work();
        } catch (AssertionError refused) {
            // a refusal ends this client; the test reports it with the server errors
            serverErrors.add("client " + name + " stopped: " + refused.getMessage());
        }
    }

    private void work() {
        Http ana = Http.basic(port, "ana");
        Http sofia = Http.basic(port, "sofia");
        int n = 0;
        while (running.get()) {
            String title = "Crash " + name + " " + n++;
            Http.Reply submitted = untilAnswered(ana, "/api/requests", Http.write(Map.of("title", title,
                    "category", "supplies", "amount", 400, "currency", "EUR")));
            String id = submitted.json().path("id").asText();
            acknowledged.add(new Acknowledged(title, id, false));
            acknowledgements.incrementAndGet();
            String step = untilRead(ana, id);
            if (step == null) {
                lost.add(title + " (" + id + ")");
                continue;
            }
            untilAnswered(sofia, "/api/requests/" + id + "/steps/" + step + "/decision",
                    Http.write(Map.of("outcome", "APPROVED", "rationale", "approved by " + name)));
            acknowledged.add(new Acknowledged(title, id, true));
            acknowledgements.incrementAndGet();
        }
    }

    /** Retries the same POST with the same key until the server answers it; a refusal fails the client. */
    private Http.Reply untilAnswered(Http http, String path, String body) {
        String key = UUID.randomUUID().toString();
        while (true) {
            try {
                Http.Reply reply = http.send("POST", path, body, "application/json", Map.of("Idempotency-Key", key));
                if (reply.status() >= 500) {
                    serverErrors.add(path + " " + reply);
                } else if (reply.status() < 300) {
                    if ("true".equals(reply.header("Idempotent-Replayed"))) {
                        replayed++;
                    }
                    return reply;
                } else if (reply.status() != 409) {
                    throw new AssertionError("refused: POST " + path + " " + reply);
                }
            } catch (IOException down) {
                // the server is down or was killed mid-call: the same key goes again once it is back
            }
            retries++;
            pause();
        }
    }

    /** The request's open step, or null if the request stays unknown for minutes while the server answers. */
    private String untilRead(Http http, String requestId) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Http.Reply reply = http.send("GET", "/api/requests/" + requestId, null, null, Map.of());
                if (reply.status() == 200) {
                    for (var step : reply.json().path("steps")) {
                        if (step.path("status").asText().equals("OPEN")) {
                            return step.path("id").asText();
                        }
                    }
                } else if (reply.status() >= 500) {
                    serverErrors.add("GET " + requestId + " " + reply);
                }
            } catch (IOException down) {
                // the server is down: the deadline starts again once it answers
                deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
            }
            pause();
        }
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

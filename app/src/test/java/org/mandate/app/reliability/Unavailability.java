package org.mandate.app.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Waiting out a fault as a client would: retrying while the app answers "unavailable", or until a status shows. */
final class Unavailability {

    private Unavailability() {
    }

    interface Call {
        Http.Reply send() throws IOException;
    }

    /** Sends until the answer is neither 503 nor 507 (nor an I/O failure), for up to a minute. */
    static Http.Reply retry(Call call) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        Http.Reply last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = call.send();
                if (last.status() != 503 && last.status() != 507) {
                    return last;
                }
            } catch (IOException notNow) {
                // the app is not answering at all yet: try again
            }
            Thread.sleep(500);
        }
        throw new AssertionError("still unavailable after a minute: " + last);
    }

    /** Polls a path until it answers the status, or fails after the limit with the last answer. */
    static void awaitStatus(Http http, String path, int status, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Http.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = http.call("GET", path, null, null, Map.of());
            if (last.status() == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + limit + ": " + last);
    }
}

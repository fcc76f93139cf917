package org.mandate.app.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile input (jqwik generators: edge cases first, then random samples) against every request
 * body, query parameter, path segment and the Idempotency-Key header of the API, each sent by someone the
 * endpoint's role check lets through: nothing answers 5xx, every refusal is problem+json with a detail. The
 * shared Spring context runs the app, so the samples are drawn here rather than by jqwik's own engine;
 * a failure lists the exact inputs that broke it. {@code -Dreliability.fuzz=N} sets samples per target.
 */
class HostileInputIntegrationTest extends MandateIntegrationTest {

    private static final int SAMPLES = Integer.getInteger("reliability.fuzz", 60);
    private static final int EDGE_CASES = 20;

    private static final List<String> NASTY = List.of("", " ", "\u0000", "null", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "' OR '1'='1' --", "${jndi:ldap://127.0.0.1/x}", "#{1+1}",
            "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "../../../../etc/passwd", "%00%2e%2e%2f",
            "\uD83D\uDCA5", "\u202Eevil", "\uFEFF", "a".repeat(5_000), "9".repeat(400), "-1", "1e400", "NaN",
            "APPROVED", "REJECTED", "approved", "EUR", "eur", "equipment");

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.of(NASTY), Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40));
    }

    /** Any JSON value, typed or not as the field expects. */
    private static Arbitrary<Object> anyValue() {
        return Arbitraries.oneOf(text().map(Object.class::cast),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).ofScale(4)
                        .map(Object.class::cast),
                Arbitraries.of(0, -1, 1, Integer.MAX_VALUE, Long.MIN_VALUE, 0.001, 1e308).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(List.of("a", 1)).map(Object.class::cast),
                Arbitraries.just(Map.of("nested", Map.of("deeper", "x"))).map(Object.class::cast),
                Arbitraries.just(new ArrayList<>(java.util.Collections.singletonList(null))).map(Object.class::cast));
    }

    /** Timestamps at or past the ends of any calendar, in ISO form or nearly: never a usable mandate window. */
    private static Arbitrary<String> absurdInstant() {
        return Arbitraries.oneOf(Arbitraries.of("+999999-01-01T00:00:00Z", "-999999-01-01T00:00:00Z",
                        "+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "+1000000001-01-01T00:00:00Z",
                        "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2026-13-45T00:00:00Z",
                        "+99999999999999999999-01-01T00:00:00Z"),
                Arbitraries.integers().between(10_000, 999_999_999).map(year -> "+" + year + "-06-30T12:00:00Z"));
    }

    /** A JSON object with any subset of the given fields (and a stray one), each with any value. */
    private static Arbitrary<String> objectWith(String... fields) {
        List<String> names = new ArrayList<>(List.of(fields));
        names.add("unexpected");
        return Combinators.combine(Arbitraries.subsetOf(names), anyValue().list().ofSize(names.size()))
                .as((chosen, values) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        if (chosen.contains(names.get(i))) {
                            body.put(names.get(i), values.get(i));
                        }
                    }
                    return Http.write(body);
                });
    }

    /** Bodies that are not the JSON the endpoint expects at all. */
    private static Arbitrary<String> rawBody() {
        return Arbitraries.oneOf(text(), Arbitraries.of("{", "[]", "[[[[[[[[[[", "{\"title\":", "null", "42",
                        "\"just a string\"", "{\"amount\": 1e999999}", "{\"amount\": \"" + "9".repeat(2_000) + "\"}",
                        "[".repeat(3_000) + "]".repeat(3_000), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
    }

    /** A query string with any subset of the given parameters, each with any text, date-ish or number-ish value. */
    private static Arbitrary<String> query(String... names) {
        List<String> all = List.of(names);
        Arbitrary<String> value = Arbitraries.oneOf(text().map(v -> v.length() > 1_000 ? v.substring(0, 1_000) : v),
                Arbitraries.of("2026-01-01T00:00:00Z", "2026-13-45T99:00:00Z", "2026-01-01", "yesterday", "-5",
                        "0", "99999999999999999999", "1e9", "-0.01", "NaN", "Infinity", "1e999999", "-1e999999",
                        "1e-999999", "",
                        "00000000-0000-0000-"
                                + "0000-000000000000"));
        return Combinators.combine(Arbitraries.subsetOf(all), value.list().ofSize(all.size()))
                .as((chosen, values) -> {
                    StringBuilder query = new StringBuilder();
                    for (int i = 0; i < all.size(); i++) {
                        if (chosen.contains(all.get(i))) {
                            query.append(query.isEmpty() ? '?' : '&').append(all.get(i)).append('=')
                                    .append(URLEncoder.encode(values.get(i), StandardCharsets.UTF_8));
                        }
                    }
                    return query.toString();
                });
    }

    /** Numbers as a client may type them where a version number belongs: zero, negative, huge, not a number. */
    private static Arbitrary<String> versionNumber() {
        return Arbitraries.oneOf(Arbitraries.of("0", "-1", "1", "2147483647", "2147483648", "-2147483649",
                        "99999999999999999999", "1e3", "1.5", "abc", "%20", "", "+1", "0x10"),
                Arbitraries.integers().map(String::valueOf));
    }

    private static Arbitrary<String> pathSegment() {
        return Arbitraries.oneOf(text(), Arbitraries.create(() -> java.util.UUID.randomUUID().toString()))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private record Target(String name, Arbitrary<Attempt> attempts) {
    }

    private record Attempt(String method, String path, String body, String contentType, String user,
                           Map<String, String> headers) {

        Attempt(String method, String path, String body, String contentType, String user) {
            this(method, path, body, contentType, user, Map.of());
        }
    }

    @Test
    void noGeneratedInputGetsA5xxAndEveryRefusalIsAProblem() {
        String request = as("ana").submit("Fuzz target", "equipment", 900);
        String step = openStep(as("ana"), request);
        String base = "/api/requests/" + request;
        String lent = as("ana").submit("Fuzz target to lend and escalate", "equipment", 800);
        String lentStep = "/api/requests/" + lent + "/steps/" + openStep(as("ana"), lent);
        List<Target> targets = List.of(
                new Target("submit: fields", objectWith("title", "category", "amount", "currency", "description",
                        "processKey").map(body -> new Attempt("POST", "/api/requests", body, "application/json",
                        "ana"))),
                new Target("submit: raw body", rawBody().map(body -> new Attempt("POST", "/api/requests", body,
                        "application/json", "ana"))),
                new Target("decision: fields", objectWith("outcome", "rationale").map(body -> new Attempt("POST",
                        base + "/steps/" + step + "/decision", body, "application/json", "ben"))),
                new Target("decision: raw body", rawBody().map(body -> new Attempt("POST",
                        base + "/steps/" + step + "/decision", body, "application/json", "ben"))),
                new Target("decision: path", Combinators.combine(pathSegment(), pathSegment()).as((id, stepId) ->
                        new Attempt("POST", "/api/requests/" + id + "/steps/" + stepId + "/decision",
                                "{\"outcome\":\"APPROVED\"}", "application/json", "sofia"))),
                new Target("withdrawal: body", Arbitraries.oneOf(objectWith("reason"), rawBody()).map(body ->
                        new Attempt("POST", base + "/withdrawal", body, "application/json", "ben"))),
                new Target("read: path", pathSegment().map(id -> new Attempt("GET", "/api/requests/" + id, null,
                        null, "ana"))),
                new Target("content types", Arbitraries.of("text/plain", "application/xml", "multipart/form-data",
                        "application/x-www-form-urlencoded", "application/json; charset=bogus", "*/*", "")
                        .map(type -> new Attempt("POST", "/api/requests", "title=x", type, "ana"))),
                new Target("methods", Arbitraries.of("PUT", "PATCH", "DELETE", "OPTIONS", "TRACE").map(method ->
                        new Attempt(method, base, "TRACE".equals(method) ? null : "{}", "application/json", "ana"))),
                // the holder lends and escalates: the rules behind the role check are reached too
                new Target("delegation: fields", Arbitraries.oneOf(objectWith("to", "note"), rawBody()).map(body ->
                        new Attempt("POST", lentStep + "/delegation", body, "application/json", "sofia"))),
                new Target("recall: reason", query("reason").map(query -> new Attempt("DELETE",
                        lentStep + "/delegation" + query, null, null, "sofia"))),
                new Target("escalation: fields", Arbitraries.oneOf(objectWith("reason"), rawBody()).map(body ->
                        new Attempt("POST", lentStep + "/escalation", body, "application/json", "sofia"))),
                new Target("mandate grant: fields", objectWith("to", "categories", "maxAmount", "currency",
                        "validFrom", "validUntil", "reason", "mayRedelegate").map(body -> new Attempt("POST",
                        "/api/mandates", body, "application/json", "sofia"))),
                // only absurd windows (no pair of them is a valid grant), so no mandate is left behind in force
                new Target("mandate grant: absurd windows", Combinators.combine(absurdInstant(), absurdInstant())
                        .as((from, until) -> new Attempt("POST", "/api/mandates", "{\"to\":\"liam\","
                                + "\"categories\":[\"*\"],\"maxAmount\":100,\"currency\":\"EUR\","
                                + "\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until + "\"}",
                                "application/json", "sofia"))),
                new Target("mandate revoke: path and reason", Combinators.combine(pathSegment(), query("reason"))
                        .as((id, query) -> new Attempt("DELETE", "/api/mandates/" + id + query, null, null,
                                "sofia"))),
                new Target("idempotency key", Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~')
                        .ofMaxLength(300), Arbitraries.of("", " ", "a".repeat(201), "\t"))
                        .map(key -> new Attempt("POST", "/api/requests", "{\"title\":\"Keyed\",\"category\":"
                                + "\"equipment\",\"amount\":5,\"currency\":\"EUR\"}", "application/json", "ana",
                                Map.of("Idempotency-Key", key)))),
                new Target("audit events: query", query("requestId", "actor", "from", "to", "limit").map(query ->
                        new Attempt("GET", "/api/audit/events" + query, null, null, "ada"))),
                new Target("audit csv: query", query("requestId", "actor", "from", "to", "limit").map(query ->
                        new Attempt("GET", "/api/audit/events.csv" + query, null, null, "ada"))),
                new Target("replay: asOf", query("asOf").map(query -> new Attempt("GET", "/api/audit/requests/"
                        + request + "/replay" + query, null, null, "ada"))),
                new Target("verification: digest", query("digest").map(query -> new Attempt("GET",
                        "/api/audit/verification" + query, null, null, "ada"))),
                new Target("past decisions: query", query("q", "category", "minAmount", "maxAmount", "decidedBy")
                        .map(query -> new Attempt("GET", "/api/audit/decisions" + query, null, null, "ana"))),
                new Target("insights: weeks", query("weeks").map(query -> new Attempt("GET", "/api/insights"
                        + query, null, null, "ada"))),
                new Target("path versions: query", Combinators.combine(pathSegment(), query("from", "to"))
                        .as((key, query) -> new Attempt("GET", "/api/processes/" + key + "/changes" + query, null,
                                null, "olu"))),
                new Target("path version: number", versionNumber().map(version -> new Attempt("GET",
                        "/api/processes/approval/versions/" + version + "/xml", null, null, "ana"))),
                new Target("path changes: numbers", Combinators.combine(versionNumber(), versionNumber())
                        .as((from, to) -> new Attempt("GET", "/api/processes/approval/changes?from=" + from + "&to="
                                + to, null, null, "olu"))),
                new Target("path validation: body", rawBody().map(body -> new Attempt("POST",
                        "/api/processes/validation", body, "application/xml", "olu"))),
                new Target("path binding: fields", Arbitraries.oneOf(objectWith("processKey", "category",
                        "minAmount", "maxAmount"), rawBody()).map(body -> new Attempt("POST",
                        "/api/processes/bindings", body, "application/json", "olu"))),
                // always a category nothing is bound to: an empty query would unbind the default the suite runs on
                new Target("path unbinding: query", query("minAmount", "maxAmount").map(query -> new Attempt(
                        "DELETE", "/api/processes/bindings?category=nothing-bound-here"
                        + (query.isEmpty() ? "" : "&" + query.substring(1)), null, null, "olu"))),
                new Target("webhook subscription: fields", Arbitraries.oneOf(objectWith("url", "eventTypes"),
                        rawBody()).map(body -> new Attempt("POST", "/api/admin/webhooks", body, "application/json",
                        "ivy"))),
                new Target("webhook deliveries: path and query", Combinators.combine(pathSegment(),
                        query("status", "limit")).as((id, query) -> new Attempt("GET", "/api/admin/webhooks/" + id
                        + "/deliveries" + query, null, null, "ivy"))),
                new Target("webhook redelivery: path", Combinators.combine(pathSegment(), pathSegment())
                        .as((id, delivery) -> new Attempt("POST", "/api/admin/webhooks/" + id + "/deliveries/"
                                + delivery + "/redelivery", null, null, "ivy"))),
                new Target("roles: unknown person", Combinators.combine(pathSegment(), Arbitraries.oneOf(
                        objectWith("roles"), rawBody())).as((id, body) -> new Attempt("PUT", "/api/people/" + id
                        + "/roles", body, "application/json", "ivy"))),
                new Target("departure: unknown person", Combinators.combine(pathSegment(), objectWith("successor"))
                        .as((id, body) -> new Attempt("POST", "/api/people/" + id + "/departure", body,
                                "application/json", "ivy"))));

        List<String> broken = new ArrayList<>();
        int attempts = 0;
        int byTomcat = 0;
        for (Target target : targets) {
            List<Attempt> samples = new ArrayList<>();
            // edge cases of combined generators multiply; the first few carry the extremes of each field
            for (var edge : target.attempts().edgeCases()) {
                if (samples.size() >= EDGE_CASES) {
                    break;
                }
                samples.add(edge.value());
            }
            target.attempts().sampleStream().limit(SAMPLES).forEach(samples::add);
            for (Attempt attempt : samples) {
                attempts++;
                Http.Reply reply = Http.basic(port, attempt.user()).call(attempt.method(), attempt.path(),
                        attempt.body(), attempt.contentType() == null || attempt.contentType().isEmpty() ? null
                                : attempt.contentType(), attempt.headers());
                boolean refusalWithoutProblem = reply.status() >= 400 && !"HEAD".equals(attempt.method())
                        && (!reply.isProblem() || reply.json().path("detail").asText().isBlank());
                if (refusedByTomcat(attempt, reply)) {
                    byTomcat++;
                }
                if (reply.status() >= 500 || refusalWithoutProblem) {
                    broken.add(target.name() + ": " + attempt.method() + " " + shorten(attempt.path()) + " "
                            + shorten(attempt.body()) + " -> " + reply);
                }
            }
        }
        FigureLog.record("hostile input", attempts + " generated calls over " + targets.size() + " targets, "
                + broken.size() + " answered 5xx or without problem+json, " + byTomcat
                + " refused by Tomcat itself before the application (400/405, as problem+json too)");
        assertThat(broken).as("calls answered with 5xx or a refusal that is not problem+json").isEmpty();
        assertThat(as("ana").get(base).json().path("status").asText())
                .as("nobody but sofia could decide, nobody but ana withdraw").isEqualTo("IN_REVIEW");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeAnythingReadsThem() {
        long events = eventCount();
        String huge = "{\"title\":\"" + "x".repeat(1_100_000) + "\"}";

        Http.Reply declared = Http.basic(port, "ana").call("POST", "/api/requests", huge, "application/json",
                Map.of());
        Http.Reply anonymous = Http.basic(port, null).call("POST", "/api/requests", huge, "application/json",
                Map.of());

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.isProblem()).isTrue();
        assertThat(declared.json().path("detail").asText()).contains("larger than 1024 KB");
        assertThat(anonymous.status()).as("refused before authentication is even tried").isEqualTo(413);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRationaleOrDescriptionOverItsLimitIsRefusedWithTheLimit() {
        String id = as("ana").submit("Limits", "equipment", 600);
        String step = openStep(as("ana"), id);
        long events = eventCount();

        Http.Reply longRationale = Http.basic(port, "sofia").postJson("/api/requests/" + id + "/steps/" + step
                + "/decision", Map.of("outcome", "REJECTED", "rationale", "r".repeat(4_001)));
        Http.Reply longDescription = Http.basic(port, "ana").postJson("/api/requests", Map.of("title", "t",
                "category", "equipment", "amount", 5, "currency", "EUR", "description", "d".repeat(10_001)));

        assertThat(longRationale.status()).isEqualTo(400);
        assertThat(longRationale.json().path("detail").asText()).contains("rationale").contains("4000");
        assertThat(longDescription.status()).isEqualTo(400);
        assertThat(longDescription.json().path("detail").asText()).contains("description").contains("10000");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void controlCharactersBidiOverridesAndBrokenCharactersAreRefusedNamingTheField() {
        String id = as("ana").submit("Text rules", "equipment", 400);
        String step = openStep(as("ana"), id);
        long events = eventCount();
        Map<String, Object> submission = new LinkedHashMap<>(Map.of("title", "ok", "category", "equipment",
                "amount", 5, "currency", "EUR", "description", "line one\r\nline two\twith a tab"));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> bad : List.of(Map.entry("title", "Pens\u0000"),
                Map.entry("title", "Invoice \u202Efdp.exe"), Map.entry("title", "two\nlines"),
                Map.entry("category", "equip\u2066ment"), Map.entry("description", "bell\u0007"))) {
            Map<String, Object> body = new LinkedHashMap<>(submission);
            body.put(bad.getKey(), bad.getValue());
            Http.Reply reply = Http.basic(port, "ana").postJson("/api/requests", body);
            if (reply.status() != 400 || !reply.isProblem()
                    || !reply.json().path("detail").asText().contains("'" + bad.getKey() + "'")) {
                wrong.add(bad + " -> " + reply);
            }
        }
        // a lone surrogate survives only as a JSON escape: encoded as UTF-8 it would already be a '?'
        Http.Reply halfAPair = Http.basic(port, "ana").postJson("/api/requests", "{\"title\":\"half \\ud800 a pair\","
                + "\"category\":\"equipment\",\"amount\":5,\"currency\":\"EUR\"}", Map.of());
        assertThat(halfAPair.status()).as(halfAPair.toString()).isEqualTo(400);
        assertThat(halfAPair.json().path("detail").asText()).contains("'title'", "broken character");
        Http.Reply rationale = Http.basic(port, "sofia").postJson("/api/requests/" + id + "/steps/" + step
                + "/decision", Map.of("outcome", "REJECTED", "rationale", "no \u202Ethanks"));
        Http.Reply note = Http.basic(port, "sofia").postJson("/api/requests/" + id + "/steps/" + step
                + "/delegation", Map.of("to", "liam", "note", "over\u0000"));
        Http.Reply reason = Http.basic(port, "ana").postJson("/api/requests/" + id + "/withdrawal",
                Map.of("reason", "\u2067hidden"));

        assertThat(wrong).isEmpty();
        assertThat(rationale.json().path("detail").asText()).contains("'rationale'", "bidirectional");
        assertThat(note.json().path("detail").asText()).contains("'note'", "control character");
        assertThat(reason.json().path("detail").asText()).contains("'reason'");
        assertThat(List.of(rationale.status(), note.status(), reason.status())).containsOnly(400);
        assertThat(eventCount()).as("nothing was recorded").isEqualTo(events);
        assertThat(Http.basic(port, "ana").postJson("/api/requests", submission).status())
                .as("line breaks and tabs are fine in a description").isEqualTo(201);
    }

    @Test
    void badNumbersAndIdsInAddressesAreProblemsNotFailures() {
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put("/api/processes/approval/versions/0/xml", 404);
        cases.put("/api/processes/approval/versions/-1/xml", 404);
        cases.put("/api/processes/approval/versions/2147483648/xml", 400);
        cases.put("/api/processes/approval/versions/abc/xml", 400);
        cases.put("/api/processes/approval/changes?from=0&to=1", 404);
        cases.put("/api/processes/approval/changes?from=1&to=-7", 404);
        cases.put("/api/processes/approval/changes?from=1&to=99999999999", 400);
        cases.put("/api/processes/approval/changes?from=1", 400);
        cases.put("/api/processes/nowhere/versions/0/xml", 404);
        cases.put("/api/audit/events?limit=-1", 400);
        cases.put("/api/audit/events?limit=99999999999", 400);
        cases.put("/api/insights?weeks=0", 400);
        cases.put("/api/insights?weeks=99999999999", 400);
        cases.put("/api/audit/decisions?minAmount=1e999999", 400);
        cases.put("/api/audit/decisions?maxAmount=abc", 400);
        cases.put("/api/requests/%20", 400);
        cases.put("/api/audit/requests/%20/replay", 400);
        List<String> wrong = new ArrayList<>();
        cases.forEach((path, status) -> {
            Http.Reply reply = Http.basic(port, path.contains("/audit/events") || path.contains("insights") ? "ada"
                    : "olu").get(path);
            if (reply.status() != status || !reply.isProblem() || reply.json().path("detail").asText().isBlank()
                    || reply.json().path("status").asInt() != status) {
                wrong.add(path + " -> " + reply);
            }
        });
        assertThat(wrong).as("expected a problem+json with the given status").isEmpty();
        assertThat(Http.session(port, "olu").get("/processes/approval/versions/0").status())
                .as("the page answers a page, not a 500").isEqualTo(404);
    }

    @Test
    void tomcatsOwnRefusalsAreProblemsToo() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String request : List.of(
                "GET /api/requests/a%2Fb HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                "GET /api/requests/a%00b HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                "GET /api/requests/a%5Cb HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                "GET /requests/a%2Fb HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                "GET /api/inbox HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: a\u0001b\r\n",
                "GET /api/inbox HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: " + "a".repeat(20_000) + "\r\n",
                "GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                "TRACE /api/inbox HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic YW5hOmRlbW8=\r\n")) {
            String answer = raw(request + "Connection: close\r\n\r\n");
            String head = answer.contains("\r\n\r\n") ? answer.substring(0, answer.indexOf("\r\n\r\n")) : answer;
            String body = answer.substring(head.length()).strip();
            boolean refused = head.startsWith("HTTP/1.1 4") && !answer.contains("Basic ");
            boolean problem = head.toLowerCase().contains("content-type: application/problem+json")
                    && body.contains("\"detail\"");
            if (!refused || !problem) {
                wrong.add(request.lines().findFirst().orElse("") + " -> " + answer);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** What the server answers to exactly these bytes: the client libraries refuse to send such requests. */
    private String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Tomcat refuses an encoded NUL, slash or backslash in the path, and TRACE, before any filter or servlet of
     * ours runs; its error report valve answers them as problem+json (ProblemErrorReportValve). Counted apart.
     */
    private static boolean refusedByTomcat(Attempt attempt, Http.Reply reply) {
        String path = attempt.path().contains("?") ? attempt.path().substring(0, attempt.path().indexOf('?'))
                : attempt.path(); // Tomcat refuses these in the path only; a query may carry them
        boolean pathTomcatRejects = path.matches("(?i).*%(00|2f|5c).*");
        return (reply.status() == 400 && pathTomcatRejects)
                || (reply.status() == 405 || reply.status() == 400) && "TRACE".equals(attempt.method());
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
    }

}

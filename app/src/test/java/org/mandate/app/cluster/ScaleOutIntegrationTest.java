package org.mandate.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mandate.app.Api;
import org.mandate.app.web.PageSession;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two real app processes on one PostgreSQL database: both take commands, split the projections' segments, fire
 * the engine's timers once between them, and let one winner through when they are asked to change the same
 * request at the same moment. Then one is killed: every acknowledged request still completes on the survivor,
 * the engine and the event store agree, and a node started afterwards serves the same views.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ScaleOutIntegrationTest {

    private static final String TIMED_PATH = "timed-approval";
    /** Requesters do not choose paths: the timed path is bound to a category of its own. */
    private static final String TIMED_CATEGORY = "timed";
    private static final Duration STARTUP = Duration.ofMinutes(6);
    private static final Duration SETTLE = Duration.ofMinutes(2);

    /** Short intervals so that balancing and takeover happen within a test, not within minutes. */
    private static final List<String> FAST_CLUSTER = List.of(
            "--mandate.cluster.heartbeat=1s", "--mandate.cluster.release-for=4s",
            "--axon.eventhandling.tokenstore.claim-timeout=3s",
            // a segment released to the other node is claimed within the release (4 s), not after it
            "--axon.eventhandling.processors.audit-trail.token-claim-interval=1000",
            "--axon.eventhandling.processors.decision-knowledge.token-claim-interval=1000",
            "--axon.eventhandling.processors.ledger.token-claim-interval=1000",
            "--axon.eventhandling.processors.process-versions.token-claim-interval=1000",
            "--axon.eventhandling.processors.insights.token-claim-interval=1000",
            "--axon.eventhandling.processors.webhook-outbox.token-claim-interval=1000",
            "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000",
            "--logging.level.root=WARN", "--logging.level.org.mandate=INFO",
            // this test's path waits one second, under the shortest timer a real deployment may set
            "--mandate.processes.minimum-timer=PT1S");

    private static ClusterDatabase database;
    /** Milliseconds from the kill until no segment is claimed by the killed node any more. */
    private volatile CompletableFuture<Long> takeover;
    private static Path bpmnDirectory;
    private static final List<AppNode> nodes = new ArrayList<>();

    @BeforeAll
    static void freshDatabase() throws Exception {
        database = ClusterDatabase.create("mandate_scale");
        // a path that waits on a timer before its step opens: only these nodes deploy it (not named *.bpmn on the
        // test classpath, so the suite's shared application does not deploy it too)
        bpmnDirectory = Files.createTempDirectory("mandate-scale-bpmn");
        Files.createDirectories(bpmnDirectory.resolve("bpmn"));
        try (var bpmn = ScaleOutIntegrationTest.class.getResourceAsStream("timed-approval.xml")) {
            Files.copy(bpmn, bpmnDirectory.resolve("bpmn/timed-approval.bpmn"));
        }
    }

    @AfterAll
    static void stopNodesAndDropDatabase() throws Exception {
        for (AppNode node : nodes) {
            node.kill();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void twoNodesShareTheWorkAndTheSurvivorCompletesEverythingAcknowledged() throws Exception {
        AppNode a = start("node-a", "--mandate.demo=true", "--mandate.demo-story=false");
        medianSubmission(List.of(a), 10);
        long oneNode = medianSubmission(List.of(a), 20);
        AppNode b = start("node-b", "--mandate.demo=false");
        AppNode[] both = {a, b};

        // segments: the tracking projections' segments are shared out, each node holding some (the inbox and request
        // view are inline: each node writes them in its own commands' transactions)
        long splitting = System.nanoTime();
        awaitOwners(Set.of(a, b));
        report("segments split between the two nodes within " + since(splitting) + " of node-b being ready");
        // node-b just started: before it is compared, it gets the submissions node-a had before its figure was
        // taken. Without them node-b's timed calls took 72-119 ms, falling as it warmed up, while node-a's took
        // 44-140 ms (median 58 ms, like its own on one node): the two-node figure measured node-b's warm-up.
        medianSubmission(List.of(b), 30);
        medianSubmission(List.of(a, b), 10);
        long twoNodes = medianSubmission(List.of(a, b), 20);
        report("median submission, one client: " + oneNode + " ms on one node, " + twoNodes + " ms taking turns "
                + "over two nodes");
        // reported, not asserted: speed is measured, never a timed assertion on a noisy machine. The rule that
        // removed the second per command (1001 ms before ProjectionProgress knew that a segment on another node
        // only skipped the request's events) is tested deterministically by SegmentPositionTest.

        // both take commands, concurrently
        List<String> requests = submitConcurrently(both, 12);
        List<String> timed = new ArrayList<>();
        deployAndBindTheTimedPath(a);
        for (int i = 0; i < 4; i++) {
            timed.add(submit(both[i % 2].as(i % 2 == 0 ? "ana" : "ben"), "Timed " + i, 300 + i, TIMED_CATEGORY));
        }

        // the same step decided on both nodes at once: one decision, one clear conflict
        for (int i = 0; i < 3; i++) {
            String id = requests.remove(0);
            String step = openStep(b.as("ada"), id);
            String assignee = assigneeOf(b.as("ada"), id);
            race(() -> a.as(assignee).post(decision(id, step), approve()),
                    () -> b.as(assignee).post(decision(id, step), approve()));
            assertThat(eventsOf(id, "StepDecided")).as("decisions recorded on " + id).isEqualTo(1);
        }
        // a decision on one node against a withdrawal on the other: one wins, the other is told why not
        List<String> contested = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = requests.remove(0);
            String step = openStep(b.as("ada"), id);
            String assignee = assigneeOf(b.as("ada"), id);
            String requester = b.as("ada").get("/api/requests/" + id).json().path("requester").asText();
            race(() -> a.as(assignee).post(decision(id, step), approve()),
                    () -> b.as(requester).post("/api/requests/" + id + "/withdrawal", Map.of()));
            assertThat(eventsOf(id, "StepDecided") + eventsOf(id, "RequestWithdrawn")).as("winners on " + id)
                    .isEqualTo(1);
            contested.add(id);
        }

        // every timer fired once, on whichever node's job executor got it first
        for (String id : timed) {
            await().atMost(SETTLE).until(() -> b.as("ada").get("/api/requests/" + id).json().path("steps").size() == 1);
            assertThat(eventsOf(id, "StepOpened")).as("steps opened by the timer of " + id).isEqualTo(1);
        }
        requests.addAll(timed);

        // both nodes serve the same views
        awaitCaughtUp(a);
        for (String id : requests) {
            assertThat(view(a, id)).isEqualTo(view(b, id));
        }
        assertThat(a.as("sofia").get("/api/inbox").json()).isEqualTo(b.as("sofia").get("/api/inbox").json());

        // the inline inbox rebuilt on node-a while both nodes take submissions: every node's writes land in the
        // rebuilt tables, which equal a fresh fold of the store afterwards (docs/adr/0010-inline-read-models.md)
        List<String> duringRebuild = submitWhileRebuilding(both, a);
        timings += duringRebuild.size();
        List<Map<String, Object>> inbox = inboxRows();
        for (String id : duringRebuild) {
            assertThat(view(b, id)).isEqualTo(view(a, id));
            assertThat(inbox).as("inbox rows of " + id).filteredOn(row -> id.equals(row.get("request_id")))
                    .hasSize(1);
        }
        assertThat(b.as("ivy").post("/api/admin/projections/inbox/rebuild", "").status()).isEqualTo(202);
        awaitInboxRebuilt(b);
        assertThat(inboxRows()).as("the inbox after a rebuild with nothing else running").isEqualTo(inbox);

        // decisions through both nodes; node A dies half-way
        Map<String, String> acknowledged = decideWhileKilling(both, requests, a);
        // the takeover is watched before node-c joins: a live newcomer rightly gets segments released to it, which
        // the check that the survivor keeps what it took over would count as lost
        long tookOver = takeover.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
        AppNode c = AppNode.start("node-c", bpmnDirectory, database.url(), settings("--mandate.demo=false"));
        nodes.add(c);

        // the survivor takes over A's segments and everything acknowledged completes
        report("segments of the killed node all taken over " + tookOver + " ms after the kill; "
                + acknowledged.size() + " of " + requests.size()
                + " decisions acknowledged while it died");
        for (String id : requests) {
            completeThrough(b, id);
        }
        acknowledged.forEach((step, id) -> assertThat(decisionOn(b, id, step)).as("acknowledged decision on "
                + step).isEqualTo("APPROVED"));
        for (String id : contested) {
            assertThat(view(b, id).path("status").asText()).isIn("APPROVED", "WITHDRAWN");
        }
        awaitCaughtUp(b);
        assertNoMismatch(b, requests.size() + contested.size() + 3 + timings);

        // a node that joins later sees exactly what the survivor sees
        awaitReady(c);
        awaitOwners(Set.of(b, c));
        for (String id : requests) {
            assertThat(view(c, id)).isEqualTo(view(b, id));
        }
        assertNoMismatch(c, requests.size() + contested.size() + 3 + timings);

        // a departure recorded on one node ends the leaver's open page session on another at once
        PageSession fay = PageSession.loggedIn(c.port, "fay");
        assertThat(fay.get("/").statusCode()).isEqualTo(200);
        assertThat(b.as("ivy").post("/api/people/fay/departure", Map.of()).status()).isEqualTo(200);
        HttpResponse<String> after = fay.get("/");
        assertThat(after.statusCode()).as("fay's session on node-c after leaving, recorded on node-b").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(c.as("fay").get("/api/inbox").status()).isEqualTo(401);
    }

    private List<String> submitConcurrently(AppNode[] both, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> submitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                AppNode node = both[i % 2];
                String requester = i % 3 == 0 ? "ben" : "ana";
                // two need the finance check too: two steps, two deciders (not among the first five, which race)
                long amount = i >= 8 && i % 2 == 0 ? 6_000 : 100 + i;
                String title = "Request " + i;
                submitted.add(CompletableFuture.supplyAsync(() -> submit(node.as(requester), title, amount, null),
                        clients));
            }
            List<String> ids = new ArrayList<>();
            for (CompletableFuture<String> id : submitted) {
                ids.add(id.get(2, TimeUnit.MINUTES));
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Submissions through both nodes from two clients while node-a rebuilds the inbox; all must succeed. */
    private List<String> submitWhileRebuilding(AppNode[] both, AppNode rebuilding) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        AtomicInteger number = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean rebuilt = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try {
            List<CompletableFuture<Void>> load = new ArrayList<>();
            for (AppNode node : both) {
                load.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; !rebuilt.get() || i < 3; i++) {
                        ids.add(submit(node.as("ana"), "During the rebuild " + number.incrementAndGet(), 120, null));
                    }
                }, clients));
            }
            Api.Response rebuild = rebuilding.as("ivy").post("/api/admin/projections/inbox/rebuild", "");
            assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
            awaitInboxRebuilt(rebuilding);
            rebuilt.set(true);
            for (CompletableFuture<Void> client : load) {
                client.get(2, TimeUnit.MINUTES);
            }
            report(ids.size() + " submissions through both nodes while node-a rebuilt the inbox");
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * The rebuilding node shows the inline inbox behind in {@code mandate_projection_lag_events} until its rebuild
     * has committed (the others never do).
     */
    private static void awaitInboxRebuilt(AppNode node) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(() -> node.as("ivy")
                .get("/actuator/prometheus").body().lines()
                .anyMatch(line -> line.startsWith("mandate_projection_lag_events{projection=\"inbox\"")
                        && line.endsWith(" 0.0")));
    }

    private static List<Map<String, Object>> inboxRows() throws SQLException {
        try (Connection db = database.connect(); var rows = db.createStatement().executeQuery(
                "select step_id, request_id, assignee, on_behalf_of, title from inbox_item order by step_id")) {
            List<Map<String, Object>> all = new ArrayList<>();
            while (rows.next()) {
                all.add(Map.of("step_id", rows.getString(1), "request_id", rows.getString(2),
                        "assignee", rows.getString(3), "on_behalf_of", String.valueOf(rows.getString(4)),
                        "title", rows.getString(5)));
            }
            return all;
        }
    }

    /**
     * Decides the open step of each request, alternating nodes, from four clients at once, and kills node A after
     * a third of the calls. A call that got its 200 was acknowledged and must survive; one that failed was not.
     */
    private Map<String, String> decideWhileKilling(AppNode[] both, List<String> requests, AppNode victim)
            throws Exception {
        Map<String, String> acknowledged = Collections.synchronizedMap(new HashMap<>());
        AtomicInteger calls = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> decisions = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                String id = requests.get(i);
                AppNode node = both[i % 2];
                decisions.add(CompletableFuture.runAsync(() -> {
                    if (calls.incrementAndGet() == requests.size() / 3) {
                        kill(victim);
                        takeover = CompletableFuture.supplyAsync(() -> awaitTakeover(victim,
                                Arrays.stream(both).filter(other -> other != victim).findFirst().orElseThrow()));
                    }
                    try {
                        String step = openStep(node.as("ada"), id);
                        Api.Response response = node.as(assigneeOf(node.as("ada"), id))
                                .post(decision(id, step), approve());
                        if (response.status() == 200) {
                            acknowledged.put(step, id);
                        }
                    } catch (AssertionError unreachable) {
                        // the node died under this call: not acknowledged, completed through the survivor below
                    }
                }, clients));
            }
            CompletableFuture.allOf(decisions.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } finally {
            clients.shutdownNow();
        }
        assertThat(victim.isAlive()).isFalse();
        assertThat(acknowledged).as("decisions acknowledged before and after the kill").isNotEmpty();
        return acknowledged;
    }

    /** Approves open steps through the node until the request is closed; the survivor may still be catching up. */
    private void completeThrough(AppNode node, String id) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode view = view(node, id);
            if (!view.path("status").asText().equals("IN_REVIEW")) {
                return true;
            }
            for (JsonNode step : view.path("steps")) {
                if (step.path("status").asText().equals("OPEN")) {
                    node.as(step.path("assignee").asText()).post(decision(id, step.path("id").asText()), approve());
                }
            }
            return false;
        });
        assertThat(view(node, id).path("status").asText()).isEqualTo("APPROVED");
    }

    private void assertNoMismatch(AppNode node, int requests) {
        JsonNode report = node.as("ivy").get("/api/admin/reconciliation").json();
        assertThat(report.path("mismatches")).as(report.toString()).isEmpty();
        assertThat(report.path("requestsChecked").asInt()).isEqualTo(requests);
    }

    /**
     * Runs two calls at the same moment; exactly one succeeds and the other is a 409 problem saying why: either
     * the two collided in the database, or the loser arrived just after and finds the step or request closed.
     */
    private static void race(Supplier<Api.Response> first, Supplier<Api.Response> second)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            var one = both.submit(() -> {
                go.await();
                return first.get();
            });
            var other = both.submit(() -> {
                go.await();
                return second.get();
            });
            go.countDown();
            List<Api.Response> responses = List.of(one.get(2, TimeUnit.MINUTES), other.get(2, TimeUnit.MINUTES));
            assertThat(responses).as(responses.toString()).extracting(Api.Response::status)
                    .containsExactlyInAnyOrder(200, 409);
            Api.Response conflict = responses.stream().filter(response -> response.status() == 409).findFirst()
                    .orElseThrow();
            assertThat(conflict.contentType()).isEqualTo("application/problem+json");
            assertThat(conflict.detail()).containsPattern("at the same moment|already");
        } finally {
            both.shutdownNow();
        }
    }

    private AppNode start(String name, String... settings) throws Exception {
        long starting = System.nanoTime();
        AppNode node = AppNode.start(name, bpmnDirectory, database.url(), settings(settings));
        nodes.add(node);
        // one node at a time on a new database: the engine creates its tables on the first start
        awaitReady(node);
        report(name + " ready after " + since(starting));
        return node;
    }

    private static List<String> settings(String... settings) {
        List<String> all = new ArrayList<>(FAST_CLUSTER);
        all.addAll(List.of(settings));
        return all;
    }

    /** Timings for the README's scale-out section; the assertions never depend on them. */
    private static void report(String measurement) {
        System.out.println("[scale-out] " + measurement);
    }

    private static String since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis() + " ms";
    }

    private static void awaitReady(AppNode node) {
        await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).until(node::isReady);
    }

    private static void awaitOwners(Set<AppNode> expected) {
        await().atMost(SETTLE).untilAsserted(() -> {
            Set<String> owners = new HashSet<>();
            for (String owner : owners()) {
                expected.stream().filter(node -> owner.startsWith(node.tokenOwnerPrefix()))
                        .forEach(node -> owners.add(node.name));
            }
            assertThat(owners).as("nodes processing the tracking projections")
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(node -> node.name).toList());
        });
    }

    /**
     * Waits until the survivor holds every segment of the tracking projections (not merely: until the dead node holds none,
     * which unclaimed segments also satisfy), then checks that it keeps them: a node that just died still looks
     * alive for a moment, and a survivor that released segments "to" it left them unprocessed for half a minute.
     */
    private static long awaitTakeover(AppNode killed, AppNode survivor) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(owners())
                .allMatch(owner -> owner.startsWith(survivor.tokenOwnerPrefix())));
        long took = Duration.ofNanos(System.nanoTime() - killed.killedAt()).toMillis();
        long keepUntil = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < keepUntil) {
            try {
                assertThat(owners()).as("segments after the takeover")
                        .allMatch(owner -> owner.startsWith(survivor.tokenOwnerPrefix()));
                Thread.sleep(200);
            } catch (SQLException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return took;
    }

    /** Requests submitted only to time them; the reconciler counts them too. */
    private static int timings;

    /** Median milliseconds of sequential submissions, taking turns over the given nodes. */
    private static long medianSubmission(List<AppNode> over, int count) {
        timings += count;
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            submit(over.get(i % over.size()).as("ana"), "Timing " + i, 100, null);
            millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        millis.sort(null);
        return millis.get(millis.size() / 2);
    }

    private static void awaitCaughtUp(AppNode node) {
        await().atMost(SETTLE).until(() -> node.as("ada").get("/actuator/health").json()
                .path("components").path("projections").path("status").asText().equals("UP"));
    }

    /** The owner of every tracking projection's segment ("" for one nobody holds). */
    private static List<String> owners() throws SQLException {
        try (Connection db = database.connect();
             var query = db.prepareStatement("select owner from token_entry")) {
            List<String> owners = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    owners.add(rows.getString(1) == null ? "" : rows.getString(1));
                }
            }
            return owners;
        }
    }

    private static long eventsOf(String requestId, String type) throws SQLException {
        try (Connection db = database.connect(); var query = db.prepareStatement(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?")) {
            query.setString(1, requestId);
            query.setString(2, "%." + type);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Only paths deployed through Mandate exist (no classpath deployment), so the test deploys its own. */
    private static void deployAndBindTheTimedPath(AppNode node) throws java.io.IOException {
        try (var bpmn = ScaleOutIntegrationTest.class.getResourceAsStream("timed-approval.xml")) {
            Api.Response deployed = node.as("olu").postXml("/api/processes",
                    new String(bpmn.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        }
        Api.Response category = node.as("ivy").post("/api/categories", Map.of("key", TIMED_CATEGORY,
                "name", "Timed"));
        assertThat(category.status()).as(category.toString()).isIn(201, 409);
        Api.Response bound = node.as("olu").post("/api/processes/bindings", Map.of("processKey", TIMED_PATH,
                "category", TIMED_CATEGORY, "maxAmount", 5000));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
    }

    private static String submit(Api as, String title, long amount, String category) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "category",
                category == null ? "equipment" : category, "amount", amount, "currency", "EUR"));
        Api.Response response = as.post("/api/requests", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private static JsonNode view(AppNode node, String id) {
        return node.as("ada").get("/api/requests/" + id).json();
    }

    private static String openStep(Api viewer, String id) {
        return openStepNode(viewer, id).path("id").asText();
    }

    private static String assigneeOf(Api viewer, String id) {
        return openStepNode(viewer, id).path("assignee").asText();
    }

    private static JsonNode openStepNode(Api viewer, String id) {
        for (JsonNode step : viewer.get("/api/requests/" + id).json().path("steps")) {
            if (step.path("status").asText().equals("OPEN")) {
                return step;
            }
        }
        throw new AssertionError("request " + id + " has no open step");
    }

    private static String decisionOn(AppNode node, String id, String stepId) {
        for (JsonNode step : view(node, id).path("steps")) {
            if (step.path("id").asText().equals(stepId)) {
                return step.path("decision").path("outcome").asText();
            }
        }
        return "no such step";
    }

    private static String decision(String id, String step) {
        return "/api/requests/" + id + "/steps/" + step + "/decision";
    }

    private static Map<String, String> approve() {
        return Map.of("outcome", "APPROVED", "rationale", "fine");
    }

    private static void kill(AppNode node) {
        try {
            node.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

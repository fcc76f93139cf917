package org.mandate.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mandate.app.request.InboxQuery;
import org.mandate.app.request.InboxReader;
import org.mandate.bench.db.Database;
import org.mandate.bench.measure.Dataset;
import org.mandate.bench.measure.FixedLoad;
import org.mandate.bench.measure.Latencies;
import org.mandate.bench.measure.RawJdbc;
import org.mandate.bench.measure.Replay;
import org.mandate.bench.measure.Throughput;
import org.mandate.bench.report.Report;
import org.mandate.bench.report.Row;
import org.mandate.bench.system.ApprovalSystem;
import org.mandate.bench.system.CamundaSystem;
import org.mandate.bench.system.MandateSystem;
import org.mandate.projections.inbox.InboxProjection;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * All figures on one kind of database. Mandate and both Camunda baselines run side by side in the same JVM, each on
 * its own fresh database, and take turns cell by cell, so that a noisy neighbour hurts them alike.
 */
final class BenchRun {

    private static final String FULL = "Camunda, history full";
    private static final String NONE = "Camunda, history none";

    private final Sizes sizes;
    private final Report.Section section;
    private final boolean scaleOnly;
    private final Map<String, Double> phases = new LinkedHashMap<>();

    BenchRun(Sizes sizes, Report.Section section, boolean scaleOnly) {
        this.sizes = sizes;
        this.section = section;
        this.scaleOnly = scaleOnly;
    }

    void run(Database mandateDb, Database noneDb, Database fullDb, File dataDir) throws Exception {
        run(mandateDb, noneDb, fullDb, dataDir, null);
    }

    /**
     * {@code clearDb}: when given, a second Mandate on it writes personal fields in clear, and the throughput cells
     * measure it too, so that sealing's cost is a ratio from one run (issue 24).
     */
    void run(Database mandateDb, Database noneDb, Database fullDb, File dataDir, Database clearDb) throws Exception {
        section.version(mandateDb.version());
        long started = System.nanoTime();
        // the engines build their schemas while Mandate starts: start-up is not measured, only waited for
        CompletableFuture<CamundaSystem> noneStarting = CompletableFuture.supplyAsync(() -> new CamundaSystem(noneDb, "none"));
        CompletableFuture<CamundaSystem> fullStarting = CompletableFuture.supplyAsync(() -> new CamundaSystem(fullDb, "full"));
        try (MandateSystem mandate = new MandateSystem(mandateDb, dataDir);
             CamundaSystem none = noneStarting.join();
             CamundaSystem full = fullStarting.join();
             HikariDataSource raw = mandateDb.pool("raw-jdbc");
             MandateSystem clear = clearDb == null ? null : new MandateSystem(clearDb, new File(dataDir, "clear"), false)) {
            AtomicInteger numbers = new AtomicInteger();
            List<ApprovalSystem> systems = clear == null ? List.of(mandate, full, none)
                    : List.of(mandate, full, none, clear);
            phase("start-up", started);
            if (!scaleOnly) {
                long warm = System.nanoTime();
                for (ApprovalSystem system : systems) {
                    for (int i = 0; i < sizes.warmupApprovals(); i++) { // JIT and caches: not measured
                        system.approve(numbers.getAndIncrement());
                    }
                }
                phase("warm-up", warm);
                long throughput = System.nanoTime();
                systems.forEach(system -> system.counter().start());
                double slowest = throughput(systems, numbers, raw);
                systems.forEach(system -> system.counter().stop());
                phase("throughput", throughput);
                long latency = System.nanoTime();
                latency(mandate, full, none, numbers, Math.max(1, sizes.latencyShare() * slowest));
                phase("latency", latency);
                if (clear != null) {
                    sealing(mandate);
                }
            }
            replayAndInbox(mandate, full, raw);
        }
        section.detail("seconds per phase", phases);
    }

    /** Where the run's time goes, so that the quick mode can be kept to its five and a half minutes. */
    private void phase(String name, long since) {
        double seconds = (System.nanoTime() - since) / 1e9;
        phases.put(name, Math.round(seconds * 10) / 10.0);
        System.out.printf(Locale.ROOT, "  (%s: %.1f s)%n", name, seconds);
    }

    /**
     * What sealing costs per event, apart from the database: the events the run stored, written and read again
     * through the sealing event serializer and through the plain message serializer, in alternating rounds so that
     * both meet the same machine. Throughput cells on a busy machine vary more than this cost.
     */
    private void sealing(MandateSystem mandate) {
        var context = mandate.context();
        var sealed = (Serializer) context.getBean("eventSerializer");
        var plain = (Serializer) context.getBean("messageSerializer");
        List<Object> events = context.getBean(JdbcTemplate.class).query(
                "select payload, payload_type, payload_revision from domain_event_entry order by global_index desc "
                        + "fetch first 2000 rows only",
                (row, n) -> sealed.deserialize(new SimpleSerializedObject<>(
                        row.getBytes("payload"), byte[].class, row.getString("payload_type"),
                        row.getString("payload_revision"))));
        long sealedNanos = 0;
        long plainNanos = 0;
        for (int round = 0; round < 20; round++) {
            sealedNanos += roundTrips(sealed, events, round >= 5);
            plainNanos += roundTrips(plain, events, round >= 5);
        }
        long measured = 15L * events.size();
        double sealedMicros = sealedNanos / 1e3 / measured;
        double plainMicros = plainNanos / 1e3 / measured;
        section.add(Row.ratio("event written and read, personal data sealed (µs)", "µs", sealedMicros,
                "the same in clear", plainMicros));
    }

    /** Nanoseconds to serialize and deserialize every event once (0 for a warm-up round). */
    private static long roundTrips(Serializer serializer, List<Object> events,
                                   boolean measured) {
        long started = System.nanoTime();
        for (Object event : events) {
            serializer.deserialize(serializer.serialize(event, byte[].class));
        }
        return measured ? System.nanoTime() - started : 0;
    }

    /**
     * Returns the slowest system's single-client approvals per second. Each cell's window is cut into
     * {@code sizes.rounds()} rounds taken by the systems in turn, so that a slow minute of this machine (a checkpoint,
     * another process) falls on all of them rather than on whichever had the cell's window then. After each of
     * Mandate's rounds its background projections catch up, unmeasured, so that their work is not done in the next
     * system's round; what they had not yet done when Mandate's round ended (at most a batch's linger) is left out of
     * Mandate's figure.
     */
    private double throughput(List<ApprovalSystem> systems, AtomicInteger numbers, HikariDataSource raw)
            throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        double slowest = Double.MAX_VALUE;
        Duration round = sizes.window().dividedBy(sizes.rounds());
        for (int clients : sizes.clients()) {
            Map<String, Throughput.Result> cell = new LinkedHashMap<>();
            for (ApprovalSystem system : systems) {
                if (system instanceof MandateSystem mandate) {
                    mandate.timePerApproval(); // from here on
                }
            }
            for (int r = 0; r < sizes.rounds(); r++) {
                for (ApprovalSystem system : systems) {
                    cell.merge(system.name(), Throughput.run(system, clients, sizes.warmup(), round, numbers),
                            Throughput.Result::plus);
                    system.settle();
                }
            }
            for (ApprovalSystem system : systems) {
                if (system instanceof MandateSystem mandate) {
                    Map<String, Double> split = mandate.timePerApproval();
                    details.put(clients + " clients, " + mandate.name() + "'s milliseconds per approval", split);
                    System.out.printf(Locale.ROOT, "  (%s, %d clients, ms per approval: %s)%n", mandate.name(),
                            clients, split);
                }
            }
            Map<String, Object> counted = new LinkedHashMap<>();
            cell.forEach((name, result) -> counted.put(name, Map.of("approvals", result.approvals(),
                    "seconds", result.seconds(), "approvals per second", result.perSecond(),
                    "statements per approval", result.statementsPerApproval(),
                    "CPU ms per approval", result.cpuMillisPerApproval(),
                    "commits per approval by thread", result.commitsPerApprovalByThread())));
            details.put(clients + " clients", counted);
            if (clients == sizes.clients().get(0)) {
                slowest = cell.values().stream().mapToDouble(Throughput.Result::perSecond).min().orElseThrow();
            }
            Throughput.Result mandate = cell.get("Mandate");
            Throughput.Result full = cell.get(systems.get(1).name());
            Throughput.Result none = cell.get(systems.get(2).name());
            String suffix = ", " + clients + (clients == 1 ? " client" : " clients");
            section.add(Row.ratio("approvals/s" + suffix, "/s", mandate.perSecond(), FULL, full.perSecond())
                    .atLeast(1.0));
            section.add(Row.ratio("approvals/s" + suffix, "/s", mandate.perSecond(), NONE, none.perSecond()));
            if (cell.containsKey(MandateSystem.CLEAR)) {
                section.add(Row.ratio("approvals/s" + suffix + ", personal data sealed", "/s", mandate.perSecond(),
                        MandateSystem.CLEAR, cell.get(MandateSystem.CLEAR).perSecond()));
            }
            section.add(Row.ratio("commits per approval" + suffix, "", mandate.commitsPerApproval(), FULL,
                    full.commitsPerApproval()).atMost(1.2));
            section.add(Row.ratio("SQL statements per approval" + suffix, "", mandate.statementsPerApproval(), FULL,
                    full.statementsPerApproval()));
            section.add(Row.ratio("CPU ms per approval" + suffix, "ms", mandate.cpuMillisPerApproval(), FULL,
                    full.cpuMillisPerApproval()));
            if (clients == sizes.clients().get(0)) {
                double floor = RawJdbc.insertCommitRate(raw, sizes.rawInsertWindow());
                details.put("raw insert+commit per second", floor);
                section.add(Row.ratio("commits/s" + suffix, "/s", mandate.commitsPerSecond(),
                        "raw JDBC insert+commit", floor));
            }
        }
        section.detail("throughput", details);
        return slowest;
    }

    private void latency(MandateSystem mandate, CamundaSystem full, CamundaSystem none, AtomicInteger numbers,
                         double perSecond) throws InterruptedException {
        // in rounds taken in turn, as the throughput cells, so that a slow moment of the machine meets every system
        List<ApprovalSystem> systems = List.of(mandate, full, none);
        List<FixedLoad.Recording> recordings = List.of(new FixedLoad.Recording(), new FixedLoad.Recording(),
                new FixedLoad.Recording());
        for (int r = 0; r < sizes.rounds(); r++) {
            for (int i = 0; i < systems.size(); i++) {
                FixedLoad.run(systems.get(i), sizes.latencyWindow().dividedBy(sizes.rounds()), perSecond, numbers,
                        recordings.get(i));
                systems.get(i).settle();
            }
        }
        FixedLoad.Result m = recordings.get(0).result(perSecond);
        FixedLoad.Result f = recordings.get(1).result(perSecond);
        FixedLoad.Result n = recordings.get(2).result(perSecond);
        section.detail("decision latency", Map.of("Mandate", m, FULL, f, NONE, n));
        String load = String.format(Locale.ROOT, " at %.1f decisions/s", perSecond);
        section.add(Row.ratio("decision p50" + load, "ms", m.p50Millis(), FULL + ", task completion", f.p50Millis()));
        section.add(Row.ratio("decision p99" + load, "ms", m.p99Millis(), FULL + ", task completion", f.p99Millis())
                .atMost(1.0));
        section.add(Row.ratio("decision p99" + load, "ms", m.p99Millis(), NONE + ", task completion", n.p99Millis()));
    }

    private void replayAndInbox(MandateSystem mandate, CamundaSystem full, HikariDataSource raw) throws Exception {
        long load = System.nanoTime();
        Replay.stopProjections(mandate);
        Dataset.writeEvents(mandate.context().getBean(EventStorageEngine.class), sizes.openSteps(),
                sizes.closedSteps());
        phase("events written", load);
        long replaying = System.nanoTime();
        for (int i = 0; i < sizes.replayWarmups(); i++) { // JIT: not measured
            RawJdbc.eventScanRate(raw);
            Replay.rebuild(mandate);
        }
        double scan = RawJdbc.eventScanRate(raw);
        Replay.Result replay = Replay.rebuild(mandate);
        phase("scan and replay", replaying);
        section.detail("replay", replay);
        section.detail("raw event scan per second", scan);
        section.add(Row.ratio(String.format(Locale.ROOT, "replay of %,d events (%s)", replay.events(),
                        String.join(", ", replay.projections())), "events/s", replay.eventsPerSecond(),
                "raw JDBC scan of the event table", scan)
                .and("≥ 25000 events/s", replay.eventsPerSecond() >= 25_000));

        long tasks = System.nanoTime();
        Dataset.startTasks(full, sizes.openSteps(), sizes.engineClosedSteps());
        phase("engine tasks started", tasks);
        long querying = System.nanoTime();
        int people = Dataset.people(sizes.openSteps());
        InboxProjection inbox = mandate.context().getBean(InboxProjection.class);
        Map<String, Function<String, Integer>> queries = new LinkedHashMap<>();
        queries.put("Mandate", person -> inbox.inboxOf(person).size());
        queries.put(FULL, person -> full.taskList(person).size());
        queries.put("raw SQL", person -> rawInbox(raw, person));
        Map<String, Latencies.Result> latencies = Latencies.interleaved(sizes.inboxQueries(), people, queries);
        Latencies.Result m = latencies.get("Mandate");
        Latencies.Result f = latencies.get(FULL);
        Latencies.Result r = latencies.get("raw SQL");
        phase("inbox queries", querying);
        section.detail("inbox query", Map.of("Mandate", m, FULL, f, "raw SQL", r,
                "open steps", sizes.openSteps(), "closed steps (Mandate)", sizes.closedSteps(),
                "closed steps (Camunda)", sizes.engineClosedSteps(), "people", people));
        String figure = String.format(Locale.ROOT, "inbox query %s, %,d open steps", "%s", sizes.openSteps());
        section.add(Row.ratio(String.format(figure, "p50"), "ms", m.p50Millis(), FULL + ", task query", f.p50Millis()));
        section.add(Row.ratio(String.format(figure, "p99"), "ms", m.p99Millis(), FULL + ", task query", f.p99Millis())
                .atMost(0.5).and("< 20 ms", m.p99Millis() < 20));
        section.add(Row.ratio(String.format(figure, "p99"), "ms", m.p99Millis(), "raw SQL on inbox_item",
                r.p99Millis()));
        filteredInbox(mandate, full, raw, people);
    }

    /**
     * The inbox as {@code GET /api/inbox?category=supplies&minAmount=5000&sort=-amount} reads it (InboxReader: the
     * filtered query, then the authority-chain and mandate checks, committee votes and the sort), against Camunda's
     * task query on the same process variables and the same SQL on inbox_item. All three must find the same steps,
     * or the comparison says nothing.
     */
    private void filteredInbox(MandateSystem mandate, CamundaSystem full, HikariDataSource raw, int people) {
        long querying = System.nanoTime();
        InboxReader reader = mandate.context().getBean(InboxReader.class);
        InboxQuery query = InboxQuery.parse("category=" + Dataset.FILTERED_CATEGORY + "&minAmount="
                + Dataset.FILTERED_MIN_AMOUNT.toPlainString() + "&sort=-amount");
        Map<String, Function<String, Integer>> queries = new LinkedHashMap<>();
        queries.put("Mandate", person -> reader.find(person, query.filter(Instant.now()), query.forWhom()).size());
        queries.put(FULL, person -> full.taskList(person, Dataset.FILTERED_CATEGORY, Dataset.FILTERED_MIN_AMOUNT)
                .size());
        queries.put("raw SQL", person -> rawFilteredInbox(raw, person));
        // a twentieth of the unfiltered queries: Camunda's query on process variables took ~0.3 s each at 100k
        // open tasks on PostgreSQL (2026-12-07), so 10,000 of them would take the best part of an hour
        int count = Math.max(20, sizes.inboxQueries() / 20);
        Map<String, Latencies.Result> latencies = Latencies.interleaved(count, people, queries);
        Latencies.Result m = latencies.get("Mandate");
        Latencies.Result f = latencies.get(FULL);
        Latencies.Result r = latencies.get("raw SQL");
        if (m.meanRows() != r.meanRows() || f.meanRows() != r.meanRows()) {
            throw new IllegalStateException("the filtered inboxes differ (rows per query: Mandate " + m.meanRows()
                    + ", Camunda " + f.meanRows() + ", raw SQL " + r.meanRows() + "): the dataset is not alike");
        }
        phase("filtered inbox queries", querying);
        section.detail("filtered inbox query", Map.of("Mandate", m, FULL, f, "raw SQL", r, "query",
                query.queryString()));
        String figure = String.format(Locale.ROOT, "filtered inbox query %s, %,d open steps (%.0f found)", "%s",
                sizes.openSteps(), m.meanRows());
        section.add(Row.ratio(String.format(figure, "p50"), "ms", m.p50Millis(), FULL + ", task query on variables",
                f.p50Millis()));
        section.add(Row.ratio(String.format(figure, "p99"), "ms", m.p99Millis(), FULL + ", task query on variables",
                f.p99Millis()).atMost(0.5).and("< 20 ms", m.p99Millis() < 20));
        section.add(Row.ratio(String.format(figure, "p99"), "ms", m.p99Millis(), "raw SQL on inbox_item",
                r.p99Millis()));
    }

    /** The filtered inbox with no framework: the same conditions and order as the API's, on inbox_item. */
    private static int rawFilteredInbox(HikariDataSource raw, String person) {
        try (Connection connection = raw.getConnection();
             PreparedStatement query = connection.prepareStatement("select step_id, request_id, step_name, "
                     + "assignee, on_behalf_of, due_at, opened_at, amount from inbox_item where assignee = ? "
                     + "and category = ? and amount >= ? order by amount desc, step_id")) {
            query.setString(1, person);
            query.setString(2, Dataset.FILTERED_CATEGORY);
            query.setBigDecimal(3, Dataset.FILTERED_MIN_AMOUNT);
            int rows = 0;
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    row.getString(1);
                    row.getBigDecimal(8);
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The projection table read with no framework: the floor for an inbox query. */
    private static int rawInbox(HikariDataSource raw, String person) {
        try (Connection connection = raw.getConnection();
             PreparedStatement query = connection.prepareStatement("select step_id, request_id, step_name, "
                     + "assignee, on_behalf_of, due_at, opened_at from inbox_item where assignee = ? "
                     + "order by opened_at, step_id")) {
            query.setString(1, person);
            int rows = 0;
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    row.getString(1);
                    row.getTimestamp(7);
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

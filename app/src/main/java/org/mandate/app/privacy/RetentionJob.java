package org.mandate.app.privacy;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.PeriodicTask;
import org.mandate.app.PeriodicWork;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.ShredRequestData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shreds the texts of closed requests whose category's retention period has run (docs/privacy.md), on a timer:
 * for each period, the closed requests past it with no {@code request_shredded} row, oldest first, a page at a time,
 * each by its own {@link ShredRequestData} command and transaction. Nothing is remembered between runs: a run that
 * stops half-way (a crash, a shutdown, a database away) leaves the rest without a row, and the next run picks it
 * up. Every node runs it; a request that two nodes shred at once is shredded once (the aggregate records it once,
 * and the later command is a no-op or loses the race), so no cluster lock is needed.
 */
@Component
class RetentionJob extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int PAGE = 100;

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final RetentionPolicy policy;
    private final RetentionMeters meters;
    private final Clock clock;

    RetentionJob(JdbcTemplate jdbc, CommandGateway commands, RetentionPolicy policy, RetentionMeters meters,
                 Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.policy = policy;
        this.meters = meters;
        this.clock = clock;
    }

    /** What one run did: requests shredded, requests that failed (tried again next run), and still waiting. */
    record Run(int shredded, int failed, long waiting) {
    }

    private record Due(String id, Instant closedAt) {
    }

    /** One pass over every period; safe to call at any time and as often as wanted. */
    Run runOnce() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        int shredded = 0;
        int failed = 0;
        for (Map.Entry<String, Duration> period : periods().entrySet()) {
            Duration retention = period.getValue();
            Due after = null;
            List<Due> page;
            do {
                page = due(period.getKey(), now.minus(retention), after, PAGE);
                for (Due due : page) {
                    if (Thread.currentThread().isInterrupted()) {
                        // stopping: what is left has no row yet, so the next start's run takes it up
                        throw new IllegalStateException("the retention run was stopped after shredding " + shredded
                                + " request(s)");
                    }
                    try {
                        commands.sendAndWait(new ShredRequestData(RequestId.of(due.id()), retention));
                        shredded++;
                    } catch (RuntimeException e) {
                        // the next run tries it again; one request that fails holds up none of the others
                        failed++;
                        log.warn("Could not shred request {} (retention {} after closing): {}", due.id(), retention,
                                e.toString());
                    }
                    after = due;
                }
            } while (page.size() == PAGE);
        }
        long waiting = waiting(now);
        meters.ran(clock.instant(), waiting);
        if (shredded > 0 || failed > 0) {
            log.info("Retention: {} request(s) shredded, {} failed, {} still waiting, in {} ms", shredded, failed,
                    waiting, Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        return new Run(shredded, failed, waiting);
    }

    /** Every period by its name; {@value RetentionPolicy#DEFAULT} covers the categories without their own. */
    private Map<String, Duration> periods() {
        Map<String, Duration> periods = new LinkedHashMap<>(policy.ownPeriods());
        policy.defaultPeriod().ifPresent(period -> periods.put(RetentionPolicy.DEFAULT, period));
        return periods;
    }

    private long waiting(Instant now) {
        long waiting = 0;
        for (Map.Entry<String, Duration> period : periods().entrySet()) {
            Criteria criteria = criteria(period.getKey(), now.minus(period.getValue()), null);
            Long count = jdbc.queryForObject("select count(*) from request_view r" + criteria.where(), Long.class,
                    criteria.arguments().toArray());
            waiting += count == null ? 0 : count;
        }
        return waiting;
    }

    /** The next page of requests under this period closed at or before {@code closedBy}, not yet shredded. */
    private List<Due> due(String period, Instant closedBy, Due after, int limit) {
        Criteria criteria = criteria(period, closedBy, after);
        return jdbc.query("select r.id, r.closed_at from request_view r" + criteria.where()
                        + " order by r.closed_at, r.id fetch first " + limit + " rows only",
                (row, n) -> new Due(row.getString("id"), row.getTimestamp("closed_at").toInstant()),
                criteria.arguments().toArray());
    }

    private record Criteria(String where, List<Object> arguments) {
    }

    private Criteria criteria(String period, Instant closedBy, Due after) {
        StringBuilder where = new StringBuilder(" where r.status <> 'IN_REVIEW' and r.closed_at is not null "
                + "and r.closed_at <= ? and not exists (select 1 from request_shredded s where s.request_id = r.id)");
        List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(closedBy)));
        if (period.equals(RetentionPolicy.DEFAULT)) {
            List<String> own = new ArrayList<>(policy.ownPeriods().keySet());
            if (!own.isEmpty()) {
                where.append(" and lower(r.category) not in (")
                        .append(String.join(", ", Collections.nCopies(own.size(), "?"))).append(')');
                arguments.addAll(own);
            }
        } else {
            where.append(" and lower(r.category) = ?");
            arguments.add(period);
        }
        if (after != null) {
            // keyset paging: a request that failed is passed over in this run instead of being met again and again
            where.append(" and (r.closed_at > ? or (r.closed_at = ? and r.id > ?))");
            arguments.addAll(List.of(Timestamp.from(after.closedAt()), Timestamp.from(after.closedAt()), after.id()));
        }
        return new Criteria(where.toString(), arguments);
    }

    @Override
    protected PeriodicTask schedule() {
        Duration every = policy.retentionEvery();
        return PeriodicTask.start("retention", every, every, () -> {
            if (!policy.shredsAnything()) {
                return;
            }
            try {
                runOnce();
            } catch (RuntimeException e) {
                // the database may be away for a while; nothing was half-done that the next run would not redo
                log.warn("The retention run failed; trying again in {}", every, e);
            }
        });
    }
}

package org.mandate.app.outage;

import jakarta.annotation.PreDestroy;
import com.zaxxer.hikari.HikariDataSource;
import org.mandate.app.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Knows, within a second, whether the database answers. It asks on a connection of its own, outside the pool: the
 * pool makes a caller wait its whole connection timeout (10 s) before it admits the database is gone, and a pooled
 * probe would queue behind the callers it is meant to spare. The answer is read by {@link UnavailableFilter}, which
 * turns callers away at once during an outage, and by the health indicators, which must answer within a second.
 */
@Component
public class DatabaseProbe {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    /** Room H2 needs to write when it opens its file again (a chunk of the store, the transaction log). */
    private static final long REOPEN_ROOM = 4L << 20;

    private final DataSource pool;
    private final ApplicationEventPublisher events;
    private final Duration restartAfter;
    private final boolean embedded;
    private final DataSourceProperties database;
    private final Duration timeout;
    private final Clock clock;
    private final PeriodicTask timer;
    private volatile ExecutorService checker = newChecker();
    private volatile Connection connection;
    private volatile Instant unreachableSince;
    private volatile Instant lastFoundDown;
    private volatile String problem;

    /** Starts after the pool (on H2 the file is compacted before the pool opens it), and empties it in an outage. */
    DatabaseProbe(DataSource pool, DataSourceProperties database, Clock clock, ApplicationEventPublisher events,
                  DatabaseSettings settings) {
        this.pool = pool;
        this.events = events;
        this.restartAfter = settings.restartAfter();
        this.embedded = String.valueOf(database.determineUrl()).startsWith("jdbc:h2:file:");
        this.database = database;
        this.timeout = settings.probeTimeout();
        this.clock = clock;
        this.timer = PeriodicTask.start("database-probe", Duration.ZERO, settings.probeInterval(), this::probe);
    }

    /** True unless the last look found the database out of reach. */
    public boolean reachable() {
        return unreachableSince == null;
    }

    /** When the database was first found out of reach, or null while it answers. */
    public Instant unreachableSince() {
        return unreachableSince;
    }

    /**
     * Whether a look found the database out of reach at or after the given instant (or finds it so now, without
     * looking again). A call that failed in a way nobody could classify while the database went away and came back
     * during it failed because of the outage, even though the database answers by the time the failure is read.
     */
    public boolean foundDownSince(Instant start) {
        Instant down = lastFoundDown;
        return unreachableSince != null || down != null && !down.isBefore(start);
    }

    /** The probe's clock, read when a call starts so that {@link #foundDownSince} can be asked about it. */
    Instant now() {
        return clock.instant();
    }

    /** Whether the database is an H2 file in this process (its disk is this node's to watch, and to restart for). */
    public boolean embedded() {
        return embedded;
    }

    /** What the last failed look saw, in words for an operator. */
    public String problem() {
        return problem;
    }

    /**
     * Looks now, on the caller's thread, and says whether the database answered (waiting at most the probe
     * timeout). For a failure nobody could classify: if the database does not answer either, it is an outage.
     */
    public boolean answersNow() {
        probe();
        return reachable();
    }

    /** A caller saw the database fail: look again now rather than at the next tick. */
    public void suspect() {
        timer.runNow();
    }

    /**
     * Runs the check on a thread of its own and waits for it at most the probe timeout: a database behind a dropped
     * network does not answer at all, and no driver timeout is as sure as not waiting. A check that overruns counts
     * as "out of reach"; its connection is aborted, which also frees the thread (an embedded check's thread is
     * left to finish by itself).
     */
    synchronized void probe() {
        Future<?> check = checker.submit(() -> {
            check();
            return null;
        });
        try {
            check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (unreachableSince != null) {
                log.info("The database answers again after {}", Duration.between(unreachableSince, clock.instant()));
                AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
            }
            unreachableSince = null;
            problem = null;
        } catch (TimeoutException e) {
            // the thread may be stuck for good (a socket without timeout, a database file that cannot be opened):
            // the next look gets a thread of its own rather than queue behind it. It is left, not interrupted: an
            // embedded check interrupted inside H2 closes the database file for every connection (PeriodicTask)
            checker.shutdown();
            checker = newChecker();
            abandon();
            down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            abandon();
            down(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The pool's connections are of no use to a database that went away, and on H2 they keep the broken database
     * open: it closed itself after a failed write, but is only opened afresh from its file once no session holds
     * it. Idle connections go now, busy ones when they are handed back. Done at every failed look, not once: the
     * pool keeps opening connections while the outage lasts, and each of them holds the broken database again.
     */
    private void evictPooledConnections() {
        if (pool instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    private static ExecutorService newChecker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "database-probe-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    private void check() throws SQLException {
        if (embedded) {
            checkEmbedded();
            return;
        }
        Connection current = connection;
        if (current == null || current.isClosed()) {
            current = open();
            connection = current;
        }
        try (Statement statement = current.createStatement()) {
            statement.execute("select 1");
        }
    }

    /**
     * The embedded database is asked the way the pool asks it: a session opened for the look and closed after it. A
     * session the probe kept would keep H2's database object alive after H2 closed it on a failed write, and go on
     * answering for it while the pool, opening sessions afresh, could not; readiness said 200 to callers who got 503.
     * While the database is out of reach and its disk has no room left, it is not opened at all: opened on a full
     * disk it fails again at its first write, and the next opening has to clean up after that one.
     */
    private void checkEmbedded() throws SQLException {
        if (unreachableSince != null) {
            long free = freeSpaceForTheFile();
            if (free < REOPEN_ROOM) {
                throw new SQLException("the disk that holds the database is full (" + free + " bytes free); it is "
                        + "opened again once there is room");
            }
        }
        try (Connection session = open(); Statement statement = session.createStatement()) {
            statement.execute("select 1");
        }
    }

    private long freeSpaceForTheFile() {
        String location = database.determineUrl().substring("jdbc:h2:file:".length()).split(";", 2)[0];
        File existing = new File(location).getAbsoluteFile().getParentFile();
        while (existing != null && !existing.exists()) {
            existing = existing.getParentFile();
        }
        return existing == null ? Long.MAX_VALUE : existing.getUsableSpace();
    }

    private void down(String why) {
        evictPooledConnections();
        lastFoundDown = clock.instant();
        if (unreachableSince == null) {
            unreachableSince = clock.instant();
            log.warn("The database does not answer: {}", why);
        } else if (embedded && Duration.between(unreachableSince, clock.instant()).compareTo(restartAfter) > 0) {
            // The embedded database lives in this process: if it has not come back by itself (it does once its
            // disk has space again), a restart is what is left, so liveness says so and an orchestrator restarts.
            // A database server out of reach is not helped by restarting its clients, so liveness stays up there.
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
        problem = why;
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        if (database.determineUsername() != null) {
            properties.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            properties.setProperty("password", database.determinePassword());
        }
        String url = database.determineUrl();
        if (url.startsWith("jdbc:postgresql:")) {
            String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("socketTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
            properties.setProperty("ApplicationName", "mandate-database-probe");
        }
        return DriverManager.getConnection(url, properties);
    }

    private void abandon() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // broken anyway; the next look opens a new one
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.stop();
        checker.shutdown();
        abandon();
    }
}

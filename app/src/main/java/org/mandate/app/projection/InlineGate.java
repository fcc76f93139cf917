package org.mandate.app.projection;

import org.mandate.app.outage.ReadModelBehind;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The gate between the commands that write the inline read models (inbox, request view) and a rebuild of them
 * (docs/adr/0010-inline-read-models.md). Every transaction that writes them passes the gate shared, once, and holds
 * it until it commits or rolls back; a rebuild closes it exclusively for its one transaction. A rebuild therefore
 * starts only when no transaction that wrote those tables is open, and no transaction writes them until the rebuild
 * has committed: its replay sees every event whose rows are in the tables, and every event it does not see writes
 * its rows into the rebuilt tables afterwards. Nothing is lost or doubled; a command waits at most
 * {@code mandate.projections.gate-wait} and is then refused as "try again".
 * <p>
 * On PostgreSQL the gate is a transaction-level advisory lock, so it works across every node of one database and
 * a dead node's hold ends with its connection. H2 runs embedded in one process (its file is locked to it), so there
 * the gate is a lock in this JVM, released when the transaction completes.
 */
public abstract sealed class InlineGate {

    private static final String PASSED = InlineGate.class.getName() + "#passed";

    /** The advisory lock keys: the gate itself, and "a rebuild is running" (one at a time, on any node). */
    static final long GATE_KEY = 0x4d616e6461746531L;
    static final long REBUILD_KEY = 0x4d616e6461746532L;

    final Duration wait;

    InlineGate(Duration wait) {
        this.wait = wait;
    }

    public static InlineGate of(JdbcTemplate jdbc, Duration wait) {
        return Rows.onPostgres(jdbc) ? new Advisory(jdbc, wait) : new InProcess(wait);
    }

    /**
     * Passes the gate for the current transaction, once however many events it writes: waits while a rebuild holds
     * it. Outside a transaction there is nothing to hold it for (the write commits at once, as does the gate).
     */
    public void pass() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(PASSED)) {
            return;
        }
        enterShared();
        TransactionSynchronizationManager.bindResource(PASSED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PASSED);
                leaveShared();
            }
        });
    }

    /** Enters shared in the current transaction, or refuses the command after the wait. */
    abstract void enterShared();

    abstract void leaveShared();

    /** Marks this node as running a rebuild; false when one runs already (on any node sharing the database). */
    abstract boolean startRebuild();

    /**
     * Closes the gate for the current transaction (the rebuild's): waits until the transactions that passed it have
     * completed; transactions arriving meanwhile wait behind it.
     */
    abstract void close() throws InterruptedException;

    /** On the rebuild's thread once its transaction has completed, committed or not; nothing if it never started. */
    abstract void endRebuild();

    static ReadModelBehind closedTooLong(Duration wait) {
        return new ReadModelBehind("The inbox and request view are being rebuilt and did not take this change within "
                + wait.toSeconds() + " s; nothing was recorded. Try again in a minute.");
    }

    /** PostgreSQL: shared and exclusive transaction-level advisory locks on one key, seen by every node. */
    static final class Advisory extends InlineGate {

        private final JdbcTemplate jdbc;

        Advisory(JdbcTemplate jdbc, Duration wait) {
            super(wait);
            this.jdbc = jdbc;
        }

        /**
         * A try first: one round trip when no rebuild runs. PostgreSQL refuses a try that would overtake a waiting
         * exclusive request, so a rebuild waiting for the gate is not starved by new commands.
         */
        @Override
        void enterShared() {
            long deadline = System.nanoTime() + wait.toNanos();
            while (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock_shared(?)",
                    Boolean.class, GATE_KEY))) {
                if (System.nanoTime() >= deadline) {
                    throw closedTooLong(wait);
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }

        @Override
        void leaveShared() {
            // released by PostgreSQL with the transaction
        }

        @Override
        boolean startRebuild() {
            return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                    REBUILD_KEY));
        }

        @Override
        void close() {
            jdbc.query("select pg_advisory_xact_lock(?)", (org.springframework.jdbc.core.ResultSetExtractor<Object>)
                    rows -> null, GATE_KEY);
        }

        @Override
        void endRebuild() {
            // both locks end with the rebuild's transaction
        }
    }

    /** H2, one process: a fair read-write lock; a waiting rebuild holds back new commands, as on PostgreSQL. */
    static final class InProcess extends InlineGate {

        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
        private final AtomicReference<Thread> rebuilder = new AtomicReference<>();

        InProcess(Duration wait) {
            super(wait);
        }

        @Override
        void enterShared() {
            try {
                if (!lock.readLock().tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw closedTooLong(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw closedTooLong(wait);
            }
        }

        @Override
        void leaveShared() {
            lock.readLock().unlock();
        }

        @Override
        boolean startRebuild() {
            return rebuilder.compareAndSet(null, Thread.currentThread());
        }

        @Override
        void close() throws InterruptedException {
            lock.writeLock().lockInterruptibly();
        }

        @Override
        void endRebuild() {
            if (rebuilder.get() != Thread.currentThread()) {
                return;
            }
            if (lock.writeLock().isHeldByCurrentThread()) {
                lock.writeLock().unlock();
            }
            rebuilder.set(null);
        }
    }
}

package org.mandate.app.projection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mandate.app.outage.ReadModelBehind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The gate between commands writing the inline read models and their rebuild, on each database's own locks, with
 * real transactions on separate connections (on PostgreSQL, what two nodes would hold): a rebuild waits for the
 * transactions that passed, and transactions arriving meanwhile wait for the rebuild or give up after the wait.
 */
class InlineGateTest {

    /** Long enough that a thread that would get past the gate has done so on a loaded machine. */
    private static final Duration HELD_BACK = Duration.ofMillis(300);

    /** Each transaction on a thread of its own: they block each other on purpose. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRebuildWaitsForCommandsInFlightAndNewCommandsWaitForTheRebuild(String database) throws Exception {
        DataSource data = dataSource(database);
        InlineGate gate = InlineGate.of(new JdbcTemplate(data), Duration.ofMinutes(1));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(data));

        CountDownLatch commandPassed = new CountDownLatch(1);
        CountDownLatch finishCommand = new CountDownLatch(1);
        CompletableFuture<Void> command = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            gate.pass();
            gate.pass(); // once per transaction
            commandPassed.countDown();
            awaitLatch(finishCommand);
        }), threads);
        assertThat(commandPassed.await(1, TimeUnit.MINUTES)).isTrue();

        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch finishRebuild = new CountDownLatch(1);
        CompletableFuture<Void> rebuild = rebuild(gate, transactions, () -> closed.set(true), finishRebuild);
        await().during(HELD_BACK).atMost(HELD_BACK.multipliedBy(4)).untilFalse(closed);

        finishCommand.countDown();
        command.get(1, TimeUnit.MINUTES);
        await().atMost(Duration.ofMinutes(1)).untilTrue(closed);

        AtomicBoolean laterPassed = new AtomicBoolean();
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            gate.pass();
            laterPassed.set(true);
        }), threads);
        await().during(HELD_BACK).atMost(HELD_BACK.multipliedBy(4)).untilFalse(laterPassed);

        finishRebuild.countDown();
        rebuild.get(1, TimeUnit.MINUTES);
        later.get(1, TimeUnit.MINUTES);
        assertThat(laterPassed).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCommandHeldBackLongerThanTheWaitIsRefused(String database) throws Exception {
        DataSource data = dataSource(database);
        InlineGate gate = InlineGate.of(new JdbcTemplate(data), HELD_BACK);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(data));
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch finishRebuild = new CountDownLatch(1);
        CompletableFuture<Void> rebuild = rebuild(gate, transactions, closed::countDown, finishRebuild);
        assertThat(closed.await(1, TimeUnit.MINUTES)).isTrue();
        // a second rebuild, here or on another node, is refused while this one runs
        Boolean second = transactions.execute(tx -> gate.startRebuild());
        assertThat(second).isFalse();

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> gate.pass()))
                .isInstanceOf(ReadModelBehind.class).hasMessageContaining("being rebuilt");

        finishRebuild.countDown();
        rebuild.get(1, TimeUnit.MINUTES);
        transactions.executeWithoutResult(tx -> gate.pass());
    }

    /**
     * A rebuild on a thread of its own: it closes the gate (waiting for the transactions that passed), says so through
     * {@code closed}, and holds the gate closed until {@code finishRebuild} is released.
     */
    private CompletableFuture<Void> rebuild(InlineGate gate, TransactionTemplate transactions, Runnable closed,
                                            CountDownLatch finishRebuild) {
        return CompletableFuture.runAsync(() -> {
            try {
                transactions.executeWithoutResult(tx -> {
                    assertThat(gate.startRebuild()).isTrue();
                    try {
                        gate.close();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    closed.run();
                    awaitLatch(finishRebuild);
                });
            } finally {
                gate.endRebuild();
            }
        }, threads);
    }

    private static DataSource dataSource(String database) {
        if (database.equals("h2")) {
            return new DriverManagerDataSource("jdbc:h2:mem:gate-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        }
        DriverManagerDataSource postgres = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", "");
        try (Connection probe = postgres.getConnection()) {
            return postgres;
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL not reachable at 127.0.0.1:5432 as user postgres ("
                    + unreachable.getMessage() + "): install and start it (see .ci/run)");
            return null;
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

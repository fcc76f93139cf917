package org.mandate.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big and how long each figure's run is. The decision latency is measured at an offered load of
 * {@code latencyShare} of the slowest system's single-client rate in this run, so that no system is pushed past
 * what the machine gives it at the moment (a fixed number would overload a busy machine and measure its queue).
 * A throughput cell measures each system for {@code window} in all, in {@code rounds} turns (each after its own
 * {@code warmup}), the systems taking turns.
 */
public record Sizes(String mode, int warmupApprovals, Duration warmup, Duration window, int rounds,
                    List<Integer> clients, Duration latencyWindow, double latencyShare, int openSteps, int closedSteps,
                    int engineClosedSteps, int inboxQueries, Duration rawInsertWindow, int replayWarmups) {

    /**
     * About 5½ minutes for both databases on 2 cores; enough to see the ratios, not to trust the third digit. The
     * decision latency gets 140-220 decisions per system (10 s at 14-22 a second), so its p99 is the second worst.
     * Each system first approves 300 requests unmeasured: with 20, the JIT had not compiled the longer path yet
     * (Mandate's commands, Axon, Jackson, Spring), and the first cells measured a half-warm JVM (Mandate 20
     * approvals/s at one client, 39 after 300; Camunda 47 and 68). The scan and the rebuild each run once unmeasured
     * first: a first rebuild of the quick mode's 67k events spends much of its 7 seconds compiling the rebuild's
     * path (a throwaway harness: 8–9k events/s the first time, 13–15k after), which the full mode's 4.2M events
     * amortise on their own.
     */
    public static Sizes quick() {
        return new Sizes("quick", 300, Duration.ofMillis(500), Duration.ofSeconds(3), 3, List.of(1, 4, 16),
                Duration.ofSeconds(10), 0.5,
                1_000, 15_000, 500, 2_000, Duration.ofSeconds(1), 1);
    }

    /**
     * The sizes for Mandate: 100k open steps and 1M closed ones (4.2M events). The baseline engine gets the
     * same 100k open tasks and 100k closed ones, not a million: its task query reads {@code ACT_RU_TASK}, which holds
     * open tasks only (a completed task leaves it at once; its history goes to {@code ACT_HI_*}, which the query does
     * not read), and each closed task costs a start and a completion, so a million would add hours of loading and
     * nothing to the table the query reads.
     */
    public static Sizes full() {
        return new Sizes("full", 200, Duration.ofSeconds(10), Duration.ofSeconds(30), 3, List.of(1, 4, 16),
                Duration.ofSeconds(120), 0.5,
                100_000, 1_000_000, 100_000, 10_000, Duration.ofSeconds(10), 0);
    }

    /**
     * The inbox at the 100k open steps without the closed ones, for {@code --scale-only}: an inbox query
     * reads open steps only (inbox_item; ACT_RU_TASK and the running instances' variables), so closed ones add
     * loading time and nothing the queries read. About ten minutes for one database on 2 cores.
     */
    public static Sizes inbox() {
        return new Sizes("inbox", 200, Duration.ofSeconds(10), Duration.ofSeconds(30), 3, List.of(1, 4, 16),
                Duration.ofSeconds(120), 0.5,
                100_000, 0, 0, 10_000, Duration.ofSeconds(10), 0);
    }

    /** Only checks that every figure comes out; the numbers mean nothing at this size. */
    public static Sizes smoke() {
        return new Sizes("smoke", 2, Duration.ofMillis(200), Duration.ofMillis(800), 2, List.of(1, 4, 16),
                Duration.ofMillis(500), 0.5,
                200, 300, 20, 20, Duration.ofMillis(300), 0);
    }
}

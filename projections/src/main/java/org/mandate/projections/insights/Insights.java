package org.mandate.projections.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of one organisation at one moment. Durations are in seconds; a percentile or share is null when
 * there is nothing to compute it from. Decisions count within the window of {@code settings.weeks()} weeks ending
 * with the current one; open steps are those open now.
 */
public record Insights(Instant at, Organisation organisation, List<Approver> approvers,
                       List<Week> timeline, List<Bottleneck> bottlenecks, List<Committee> committees,
                       Settings settings) {

    /** Whole-organisation figures; {@code mandatesInForce} counts those in force at {@code at}. */
    public record Organisation(long openSteps, long decisions, long decisionsBelowTop, Double shareBelowTop,
                               Long medianDecisionSeconds, Long p90DecisionSeconds, long decisionsUnderMandate,
                               long decisionsUnderDelegation, long escalations, long mandatesInForce) {
    }

    /**
     * One person who holds open steps or took decisions. {@code topLevel}: nobody manages them now.
     * {@code decisionsPerWeek} is their decisions divided by the weeks of the timeline. {@code underMandate} and
     * {@code underDelegation} count decisions they took on someone else's behalf; {@code onTheirBehalf} counts
     * decisions others took on theirs. An escalation is received by the person a step moved up to and caused by
     * the one it moved away from.
     */
    public record Approver(String id, String name, boolean topLevel, long openSteps, Long oldestOpenSeconds,
                           Long meanOpenSeconds, long decisions, double decisionsPerWeek, Long medianDecisionSeconds,
                           Long p90DecisionSeconds, long underMandate, long underDelegation, long onTheirBehalf,
                           long escalationsReceived, long escalationsCaused) {
    }

    /** One week (starting Monday, UTC) of decisions. */
    public record Week(LocalDate week, long decisions, long decisionsBelowTop, Double shareBelowTop,
                       Long medianDecisionSeconds, Long p90DecisionSeconds) {
    }

    /**
     * Someone holding more than the set share of all open steps. {@code suggestedHolder} is the direct report who
     * decided most in the window: the natural first holder of a mandate from them.
     */
    public record Bottleneck(String id, String name, long openSteps, double share, Long oldestOpenSeconds,
                             String suggestedHolder) {
    }

    /**
     * One committee's votes: those open now (and how long the oldest has waited), and those decided in the window,
     * {@code met} or {@code failed}, with the time from the vote opening to its quorum met or failed (nearest-rank
     * percentiles, like decision times). {@code id} is the committee's id, or {@code committees} for one-from-each
     * votes of groups alone.
     */
    public record Committee(String id, long openVotes, Long oldestOpenSeconds, long decisions, long met, long failed,
                            Long medianSecondsToQuorum, Long p90SecondsToQuorum) {
    }

    /**
     * @param bottleneckShare   a person holding more than this share of all open steps is a bottleneck
     * @param bottleneckMinOpen below this many open steps in all, nobody is called a bottleneck
     * @param weeks             how many weeks, the current one included, the decision figures cover
     */
    public record Settings(double bottleneckShare, int bottleneckMinOpen, int weeks) {

        public Settings {
            if (bottleneckShare <= 0 || bottleneckShare >= 1) {
                throw new IllegalArgumentException("mandate.insights.bottleneck-share must lie between 0 and 1, "
                        + "e.g. 0.3 for 30 %; it is " + bottleneckShare);
            }
            if (bottleneckMinOpen < 1 || weeks < 1) {
                throw new IllegalArgumentException("mandate.insights.bottleneck-min-open and mandate.insights.weeks "
                        + "must be at least 1");
            }
        }
    }
}

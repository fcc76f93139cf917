package org.mandate.domain.request;

import org.mandate.domain.Refusals;
import org.mandate.domain.committee.CommitteeId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of a committee's voters must approve: {@code all}, {@code any}, {@code n of m}, {@code majority} (more
 * than half of the eligible voters) or {@code one from each of a, b} (an approval from a member of each of the
 * committees named). {@code of} in {@code n of m} is the committee's size the rule was written for; the validator
 * checks it against the committee as it stands, the vote needs {@code count} approvals from whoever is eligible.
 */
public record QuorumRule(Kind kind, int count, int of, List<CommitteeId> groups) {

    public enum Kind { ALL, ANY, N_OF_M, MAJORITY, ONE_FROM_EACH }

    private static final Pattern N_OF_M = Pattern.compile("(\\d{1,3})\\s+of\\s+(\\d{1,3})");
    private static final Pattern ONE_FROM_EACH = Pattern.compile("one\\s+from\\s+each\\s+of\\s+(.+)");

    public QuorumRule {
        groups = List.copyOf(groups);
    }

    public static QuorumRule parse(String text) {
        String rule = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (rule) {
            case "all":
                return new QuorumRule(Kind.ALL, 0, 0, List.of());
            case "any":
                return new QuorumRule(Kind.ANY, 0, 0, List.of());
            case "majority":
                return new QuorumRule(Kind.MAJORITY, 0, 0, List.of());
            default:
                break;
        }
        Matcher nOfM = N_OF_M.matcher(rule);
        if (nOfM.matches()) {
            int count = Integer.parseInt(nOfM.group(1));
            int of = Integer.parseInt(nOfM.group(2));
            if (count < 1 || count > of) {
                throw Refusals.invalid("request.quorumRule.theQuorumRuleCanNever", text.strip());
            }
            return new QuorumRule(Kind.N_OF_M, count, of, List.of());
        }
        Matcher each = ONE_FROM_EACH.matcher(rule);
        if (each.matches()) {
            List<CommitteeId> groups = new ArrayList<>();
            for (String name : each.group(1).split("\\s*(,|\\band\\b)\\s*")) {
                CommitteeId group = CommitteeId.of(name.strip());
                if (name.isBlank()) {
                    continue;
                }
                if (!group.wellFormed() || groups.contains(group)) {
                    throw Refusals.invalid("request.quorumRule.theQuorumRuleNamesName",
                            text.strip(), name.strip(), Refusals.phrase(group.wellFormed() ? "request.quorumRule.twice"
                                    : "request.quorumRule.notACommitteeId"));
                }
                groups.add(group);
            }
            if (groups.size() < 2) {
                throw Refusals.invalid("request.quorumRule.theQuorumRuleNamesFewer", text.strip());
            }
            return new QuorumRule(Kind.ONE_FROM_EACH, 0, 0, groups);
        }
        throw Refusals.invalid("request.quorumRule.isNotAQuorumRule", text == null ? "" : text.strip());
    }

    /** Approvals needed from {@code voters} eligible voters; for one-from-each, one per group. */
    public int needed(int voters) {
        return switch (kind) {
            case ALL -> voters;
            case ANY -> 1;
            case N_OF_M -> count;
            case MAJORITY -> voters / 2 + 1;
            case ONE_FROM_EACH -> groups.size();
        };
    }

    /** The rule as written in a path, in its one canonical form. */
    public String text() {
        return switch (kind) {
            case ALL -> "all";
            case ANY -> "any";
            case N_OF_M -> count + " of " + of;
            case MAJORITY -> "majority";
            case ONE_FROM_EACH -> "one from each of " + String.join(", ", groups.stream()
                    .map(CommitteeId::value).toList());
        };
    }

    @Override
    public String toString() {
        return text();
    }
}

package org.mandate.projections.insights;

import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns the insights rows into figures as of a given moment. Reads only the decisions inside the window, so the
 * cost follows the window, not the age of the organisation.
 */
public class InsightsReader {

    private final JdbcTemplate jdbc;

    public InsightsReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Member(String id, String name, String manager, boolean active) {
    }

    record OpenStep(String assignee, long ageSeconds) {
    }

    record Escalation(String from, String to) {
    }

    record Decision(String decidedBy, String onBehalfOf, String mandateId, Instant decidedAt, long seconds,
                    boolean belowTop) {

        boolean underMandate() {
            return mandateId != null;
        }

        /** A one-off delegation: on someone's behalf, without a standing mandate. */
        boolean underDelegation() {
            return onBehalfOf != null && mandateId == null;
        }
    }

    public Insights read(Instant now, Insights.Settings settings) {
        LocalDate currentWeek = weekOf(now);
        LocalDate firstWeek = currentWeek.minusWeeks(settings.weeks() - 1L);
        Map<String, Member> people = people();
        List<OpenStep> open = openSteps(now);
        Instant since = firstWeek.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Decision> decisions = decisionsSince(since);
        List<Escalation> escalations = escalationsSince(since);
        List<Insights.Week> timeline = timeline(decisions, firstWeek, currentWeek);
        List<Insights.Approver> approvers = approvers(people, open, decisions, escalations, timeline.size());
        return new Insights(now, organisation(open, decisions, escalations.size(), mandatesInForce(now)), approvers,
                timeline,
                bottlenecks(approvers, people, decisions, settings), committees(now, since), settings);
    }

    static LocalDate weekOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private Insights.Organisation organisation(List<OpenStep> open, List<Decision> decisions, long escalations,
                                               long mandatesInForce) {
        Percentiles times = new Percentiles(decisions.stream().map(Decision::seconds).toList());
        long belowTop = count(decisions, Decision::belowTop);
        return new Insights.Organisation(open.size(), decisions.size(), belowTop, share(belowTop, decisions.size()),
                times.at(50), times.at(90), count(decisions, Decision::underMandate),
                count(decisions, Decision::underDelegation), escalations, mandatesInForce);
    }

    private List<Insights.Approver> approvers(Map<String, Member> people, List<OpenStep> open,
                                              List<Decision> decisions, List<Escalation> escalations,
                                              int weeksCovered) {
        Map<String, List<OpenStep>> openBy = new TreeMap<>();
        open.forEach(step -> openBy.computeIfAbsent(step.assignee(), id -> new ArrayList<>()).add(step));
        Map<String, List<Decision>> decidedBy = new TreeMap<>();
        decisions.forEach(decision -> decidedBy.computeIfAbsent(decision.decidedBy(), id -> new ArrayList<>())
                .add(decision));
        Map<String, Long> onBehalf = new TreeMap<>();
        decisions.stream().filter(decision -> decision.onBehalfOf() != null)
                .forEach(decision -> onBehalf.merge(decision.onBehalfOf(), 1L, Long::sum));
        Map<String, Long> received = new TreeMap<>();
        Map<String, Long> caused = new TreeMap<>();
        escalations.forEach(escalation -> {
            received.merge(escalation.to(), 1L, Long::sum);
            caused.merge(escalation.from(), 1L, Long::sum);
        });
        Set<String> ids = new TreeSet<>(openBy.keySet());
        List.of(decidedBy.keySet(), onBehalf.keySet(), received.keySet(), caused.keySet()).forEach(ids::addAll);
        return ids.stream().map(id -> {
            Member member = people.getOrDefault(id, new Member(id, id, null, false));
            List<OpenStep> held = openBy.getOrDefault(id, List.of());
            List<Decision> taken = decidedBy.getOrDefault(id, List.of());
            Percentiles ages = new Percentiles(held.stream().map(OpenStep::ageSeconds).toList());
            Percentiles times = new Percentiles(taken.stream().map(Decision::seconds).toList());
            return new Insights.Approver(id, member.name(), member.manager() == null, held.size(), ages.at(100),
                    ages.mean(), taken.size(), (double) taken.size() / weeksCovered, times.at(50), times.at(90),
                    count(taken, Decision::underMandate), count(taken, Decision::underDelegation),
                    onBehalf.getOrDefault(id, 0L), received.getOrDefault(id, 0L), caused.getOrDefault(id, 0L));
        }).sorted(Comparator.comparingLong(Insights.Approver::openSteps).reversed()
                .thenComparing(Comparator.comparingLong(Insights.Approver::decisions).reversed())
                .thenComparing(Insights.Approver::id)).toList();
    }

    /** Every week from the first with a decision to the current one, empty weeks included, so gaps show. */
    private List<Insights.Week> timeline(List<Decision> decisions, LocalDate firstWeek, LocalDate currentWeek) {
        TreeMap<LocalDate, List<Decision>> byWeek = new TreeMap<>();
        decisions.forEach(decision -> byWeek.computeIfAbsent(weekOf(decision.decidedAt()), week -> new ArrayList<>())
                .add(decision));
        LocalDate start = byWeek.isEmpty() ? currentWeek : byWeek.firstKey();
        List<Insights.Week> weeks = new ArrayList<>();
        for (LocalDate week = start.isBefore(firstWeek) ? firstWeek : start; !week.isAfter(currentWeek);
             week = week.plusWeeks(1)) {
            List<Decision> those = byWeek.getOrDefault(week, List.of());
            Percentiles times = new Percentiles(those.stream().map(Decision::seconds).toList());
            long belowTop = count(those, Decision::belowTop);
            weeks.add(new Insights.Week(week, those.size(), belowTop, share(belowTop, those.size()), times.at(50),
                    times.at(90)));
        }
        return weeks;
    }

    private List<Insights.Bottleneck> bottlenecks(List<Insights.Approver> approvers, Map<String, Member> people,
                                                  List<Decision> decisions, Insights.Settings settings) {
        long total = approvers.stream().mapToLong(Insights.Approver::openSteps).sum();
        if (total < settings.bottleneckMinOpen()) {
            return List.of();
        }
        return approvers.stream()
                .filter(approver -> (double) approver.openSteps() / total > settings.bottleneckShare())
                .map(approver -> new Insights.Bottleneck(approver.id(), approver.name(), approver.openSteps(),
                        (double) approver.openSteps() / total, approver.oldestOpenSeconds(),
                        suggestedHolder(approver.id(), people, decisions)))
                .toList();
    }

    /** The active direct report who decided most in the window; ties go to the first by id. */
    private static String suggestedHolder(String manager, Map<String, Member> people, List<Decision> decisions) {
        return people.values().stream()
                .filter(member -> manager.equals(member.manager()) && member.active())
                .min(Comparator.comparingLong((Member member) ->
                        -count(decisions, decision -> decision.decidedBy().equals(member.id())))
                        .thenComparing(Member::id))
                .map(Member::id).orElse(null);
    }

    private record Vote(String committee, String status, Instant openedAt, Long seconds) {
    }

    /** Each committee with a vote open now or decided in the window, by id. */
    private List<Insights.Committee> committees(Instant now, Instant since) {
        Map<String, List<Vote>> byCommittee = new TreeMap<>();
        jdbc.query("select committee_id, status, opened_at, decision_seconds from insights_vote where status = ? "
                        + "or (status in (?, ?) and closed_at >= ?)", row -> {
                    byCommittee.computeIfAbsent(row.getString("committee_id"), id -> new ArrayList<>())
                            .add(new Vote(row.getString("committee_id"), row.getString("status"),
                                    Rows.instant(row, "opened_at"), (Long) row.getObject("decision_seconds",
                                    Long.class)));
                }, InsightsProjection.OPEN, InsightsProjection.MET, InsightsProjection.FAILED,
                Rows.timestamp(since));
        return byCommittee.entrySet().stream().map(committee -> {
            List<Vote> votes = committee.getValue();
            List<Vote> open = votes.stream().filter(vote -> vote.status().equals(InsightsProjection.OPEN)).toList();
            List<Vote> decided = votes.stream().filter(vote -> !vote.status().equals(InsightsProjection.OPEN))
                    .toList();
            Percentiles ages = new Percentiles(open.stream()
                    .map(vote -> Math.max(0, Duration.between(vote.openedAt(), now).toSeconds())).toList());
            Percentiles times = new Percentiles(decided.stream().map(Vote::seconds).toList());
            long met = decided.stream().filter(vote -> vote.status().equals(InsightsProjection.MET)).count();
            return new Insights.Committee(committee.getKey(), open.size(), ages.at(100), decided.size(), met,
                    decided.size() - met, times.at(50), times.at(90));
        }).toList();
    }

    private Map<String, Member> people() {
        Map<String, Member> people = new LinkedHashMap<>();
        jdbc.query("select id, name, manager_id, active from insights_person order by id", row -> {
            people.put(row.getString("id"), new Member(row.getString("id"), row.getString("name"),
                    row.getString("manager_id"), row.getBoolean("active")));
        });
        return people;
    }

    private List<OpenStep> openSteps(Instant now) {
        return jdbc.query("select assignee, opened_at from insights_step where status = ?",
                (row, n) -> new OpenStep(row.getString("assignee"),
                        Math.max(0, Duration.between(Rows.instant(row, "opened_at"), now).toSeconds())),
                InsightsProjection.OPEN);
    }

    private List<Decision> decisionsSince(Instant since) {
        return jdbc.query("select decided_by, on_behalf_of, mandate_id, decided_at, decision_seconds, below_top "
                        + "from insights_step where status = ? and decided_at >= ?",
                (row, n) -> new Decision(row.getString("decided_by"), row.getString("on_behalf_of"),
                        row.getString("mandate_id"), Rows.instant(row, "decided_at"), row.getLong("decision_seconds"),
                        row.getBoolean("below_top")),
                InsightsProjection.DECIDED, Rows.timestamp(since));
    }

    private List<Escalation> escalationsSince(Instant since) {
        return jdbc.query("select from_person, to_person from insights_escalation where escalated_at >= ?",
                (row, n) -> new Escalation(row.getString("from_person"), row.getString("to_person")),
                Rows.timestamp(since));
    }

    /** In force: begun, not ended, not revoked by then; a mandate ending at 10:00 no longer counts at 10:00. */
    private long mandatesInForce(Instant at) {
        Long count = jdbc.queryForObject("select count(*) from insights_mandate where valid_from <= ? "
                        + "and valid_until > ? and (revoked_at is null or revoked_at > ?)", Long.class,
                Rows.timestamp(at), Rows.timestamp(at), Rows.timestamp(at));
        return count == null ? 0 : count;
    }

    private static long count(List<Decision> decisions, Predicate<Decision> which) {
        return decisions.stream().filter(which).count();
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}

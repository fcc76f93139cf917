package org.mandate.domain.directory;

import java.util.List;

/**
 * What a departure would do, worked out before it is recorded so that an administrator sees it first: who takes
 * over, where each open step goes (or why nobody may take it), and who the leaver's direct reports will report to.
 * The departure itself applies the same rules ({@link Handover}), so the preview and the outcome cannot differ.
 */
public record DeparturePlan(PersonId leaver, PersonId successor, List<StepMove> steps, List<ReportMove> reports) {

    public DeparturePlan {
        steps = List.copyOf(steps);
        reports = List.copyOf(reports);
    }

    /** One open step of the leaver's: who takes it, or, when nobody may, why not. */
    public record StepMove(HeldStep step, PersonId to, String whyNobody) {
    }

    /** One direct report and their new manager (null at the top of the tree). */
    public record ReportMove(PersonId report, PersonId newManager) {
    }

    /** False when some step would have nobody to decide it: the departure would be refused. */
    public boolean possible() {
        return steps.stream().allMatch(move -> move.to() != null);
    }

    /**
     * The plan for {@code leaver} with the successor named by the administrator, or their manager when none is
     * named; refuses a successor that is the leaver or not an active person, as the departure would.
     */
    public static DeparturePlan of(Directory directory, OpenWork work, PersonId leaver, PersonId named) {
        PersonId successor = new ReportingLines(directory).successorOf(leaver, named);
        Handover handover = new Handover(directory);
        List<StepMove> steps = work.of(leaver).stream()
                .map(step -> handover.takerOf(leaver, successor, step)
                        .map(taker -> new StepMove(step, taker, null))
                        .orElseGet(() -> new StepMove(step, null, handover.whyNot(successor, leaver, step.requester())
                                .orElse("nobody may take it"))))
                .toList();
        List<ReportMove> reports = directory.reportingTo(leaver).stream().filter(Person::active)
                .map(report -> new ReportMove(report.id(), handover.newManagerOf(report.id(), leaver, successor)))
                .toList();
        return new DeparturePlan(leaver, successor, steps, reports);
    }
}

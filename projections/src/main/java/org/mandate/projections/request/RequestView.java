package org.mandate.projections.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record RequestView(String id, String title, String category, BigDecimal amount, String currency,
                          String description, String requester, String processKey, String status,
                          Instant submittedAt, Instant closedAt, List<StepView> steps, List<Comment> comments,
                          List<Attachment> attachments, List<Question> questions) {

    public RequestView {
        questions = questions == null ? List.of() : List.copyOf(questions);
        steps = List.copyOf(steps);
        comments = comments == null ? List.of() : List.copyOf(comments);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * {@code assignee} decides the step now; {@code lentBy} is set while the holder has lent it to them.
     * {@code holders} is everyone who may decide it now: the assignee and anyone with a mandate covering it.
     */
    public record StepView(String id, String name, String status, String assignee, List<String> holders,
                           Instant dueAt, Instant openedAt, Decision decision, String lentBy, Vote vote) {

        public StepView withHolders(List<String> everyone) {
            return new StepView(id, name, status, assignee, List.copyOf(everyone), dueAt, openedAt, decision, lentBy,
                    vote);
        }
    }

    /**
     * A committee vote: the rule, how many approvals it needs of the voters now, each voter's current ballot (in
     * the snapshot's order; {@code vote} null until they voted), who is still to vote, and the outcome once the
     * aggregate recorded it ({@code reason} says why it failed). {@code leftOut} is the requester when they sit on
     * the committee.
     */
    public record Vote(String committee, String rule, int needed, int approvals, int rejections,
                       List<Ballot> ballots, List<String> stillToVote, String leftOut, String outcome, String reason) {

        public Vote {
            ballots = List.copyOf(ballots);
            stillToVote = List.copyOf(stillToVote);
        }

        public List<String> voters() {
            return ballots.stream().map(Ballot::voter).toList();
        }

        public java.util.Optional<Ballot> ballotOf(String voter) {
            return ballots.stream().filter(ballot -> ballot.voter().equals(voter)).findFirst();
        }
    }

    /**
     * One voter's current vote; {@code votedBy} differs from {@code voter} when cast under mandate {@code mandateId}.
     */
    public record Ballot(String voter, String vote, String votedBy, String mandateId, String rationale, Instant at) {
    }

    public RequestView withSteps(List<StepView> replaced) {
        return new RequestView(id, title, category, amount, currency, description, requester, processKey, status,
                submittedAt, closedAt, List.copyOf(replaced), comments, attachments, questions);
    }

    /** A comment, oldest first in {@link #comments()}; {@code mentions} are the people its @names reached. */
    public record Comment(String id, String author, String text, List<String> mentions, Instant at) {
    }

    /**
     * A file attached to the request, oldest first in {@link #attachments()}: {@code hash} is the SHA-256 of its bytes
     * (lower-case hex) and names it in {@code GET /api/requests/{id}/attachments/{hash}}; {@code size} is in bytes.
     * A superseded attachment stays listed and readable, with the hash of the one that replaced it.
     */
    public record Attachment(String hash, String name, String mediaType, long size, String by, Instant at,
                             String supersedes, String supersededBy) {
    }

    /**
     * A step sent back to the requester with a question, oldest first in {@link #questions()}: {@code askedBy} asked
     * (for {@code onBehalfOf}, the holder, when it was someone else); {@code answer} and {@code answeredAt} are null
     * while the step waits for it.
     */
    /**
     * A question a step was sent back with. {@code requesterLeftAt} and {@code leftRecordedBy} are set when the
     * requester left before answering it (who recorded the departure, when): it then waits no more, unanswered.
     */
    public record Question(String requestId, String stepId, String askedBy, String onBehalfOf, String question,
                           Instant askedAt, String answeredBy, String answer, Instant answeredAt,
                           Instant requesterLeftAt, String leftRecordedBy) {

        public boolean waiting() {
            return answeredAt == null && requesterLeftAt == null;
        }
    }

    /** The question the request waits on, if a step was sent back and not yet answered while it is in review. */
    public java.util.Optional<Question> waitingOn() {
        return "IN_REVIEW".equals(status) ? questions.stream().filter(Question::waiting).findFirst()
                : java.util.Optional.empty();
    }

    /** Whether this step waits for the requester's answer. */
    public boolean waits(String stepId) {
        return waitingOn().filter(question -> question.stepId().equals(stepId)).isPresent();
    }

    public record Decision(String outcome, String decidedBy, String onBehalfOf, String mandateId, String rationale,
                           Instant at) {
    }

    /**
     * Everyone who took part: the requester, whoever holds, lent or decided a step, and on whose behalf it was
     * decided. A holder who lent a step out keeps sight of it, so they can take it back.
     */
    public boolean involves(String personId) {
        return requester.equals(personId) || steps.stream().anyMatch(step -> step.assignee().equals(personId)
                || step.holders().contains(personId) || personId.equals(step.lentBy())
                || (step.vote() != null && step.vote().ballots().stream().anyMatch(ballot ->
                        ballot.voter().equals(personId) || personId.equals(ballot.votedBy())))
                || (step.decision() != null && (personId.equals(step.decision().decidedBy())
                        || personId.equals(step.decision().onBehalfOf()))));
    }
}

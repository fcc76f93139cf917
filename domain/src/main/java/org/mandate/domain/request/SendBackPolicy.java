package org.mandate.domain.request;

import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.mandate.Mandates;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Sending a step back for more information, and answering (docs/conversation.md, docs/adr/0019-send-back.md).
 * <ul>
 *     <li>Whoever may decide the step may send it back: its holder, the colleague it is lent to, a mandate holder of
 *     the holder (by the decision's own rule). The step stays with its holder.</li>
 *     <li>One question at a time per request: while it waits for an answer it cannot be sent back again; add to the
 *     question with a comment.</li>
 *     <li>While it waits, the step cannot be decided, lent or escalated, and its time limit stands still.</li>
 *     <li>Only the requester answers, and only while the request waits. The answer may amend the title and the
 *     description, never the amount: a higher amount may need a higher approver and the finance check, which only a
 *     new routing decides, and a lower one would leave the authority checked for the old figure on record. To change
 *     the amount the requester withdraws the request and submits a new one.</li>
 * </ul>
 */
final class SendBackPolicy {

    static final int TEXT_LENGTH = DecisionPolicy.RATIONALE_LENGTH;

    /** The step a request waits on, who asked and when. */
    record Waiting(StepId stepId, String askedBy, Instant askedAt) {
    }

    private SendBackPolicy() {
    }

    static DecisionPolicy.Authorisation checkReturn(ReturnStep command, RequestFacts request, Step found,
                                                    Waiting waiting, Mandates mandates, Directory directory,
                                                    Instant now) {
        Step step = request.openStep(command.stepId(), found);
        if (command.by() == null || command.by().equals(request.requester())) {
            throw RuleViolation.forbidden("You cannot send your own request back to yourself; add what is missing "
                    + "with a comment or an attachment.");
        }
        DecisionPolicy.Authorisation authorisation = DecisionPolicy.authorise(command.by(), request, step, mandates,
                new AuthorityChainPolicy(directory), now);
        if (waiting != null) {
            throw RuleViolation.conflict("This request already waits for " + request.requester() + "'s answer to "
                    + waiting.askedBy() + "'s question (asked at " + waiting.askedAt() + "); one question at a time. "
                    + "Add to it with a comment, or wait for the answer.");
        }
        checkText("question", command.question());
        return authorisation;
    }

    static void checkAnswer(AnswerRequest command, RequestFacts request, Waiting waiting) {
        if (command.by() == null || !command.by().equals(request.requester())) {
            throw RuleViolation.forbidden("Only the requester, " + request.requester() + ", answers the question a "
                    + "step was sent back with. To add something, comment on the request.");
        }
        if (request.status() != RequestStatus.IN_REVIEW) {
            throw RuleViolation.conflict("This request is already " + request.status().name().toLowerCase()
                    + "; there is no question left to answer.");
        }
        if (waiting == null) {
            throw RuleViolation.conflict("Nobody sent this request back with a question, so there is nothing to "
                    + "answer. To add something, comment on the request.");
        }
        checkText("answer", command.answer());
        BigDecimal amount = command.amount();
        if (amount != null && amount.compareTo(request.amount()) != 0) {
            throw RuleViolation.invalid("An answer cannot change the amount (" + request.amount().toPlainString()
                    + " " + request.currency() + "): a different amount needs a new routing to the person whose "
                    + "authority covers it. Withdraw this request and submit a new one with the new amount, or "
                    + "answer without changing it.");
        }
        if (command.title() != null && !command.title().isBlank()
                && command.title().strip().length() > SubmissionPolicy.TITLE_LENGTH) {
            throw RuleViolation.invalid("The title is " + command.title().strip().length() + " characters long; keep "
                    + "it under " + SubmissionPolicy.TITLE_LENGTH + " and put the details in the description.");
        }
        if (command.description() != null && command.description().length() > SubmissionPolicy.DESCRIPTION_LENGTH) {
            throw RuleViolation.invalid("The description is longer than " + SubmissionPolicy.DESCRIPTION_LENGTH
                    + " characters; attach a summary instead.");
        }
    }

    /** The refusal for deciding, lending or escalating a step that waits for the requester's answer. */
    static RuleViolation paused(Waiting waiting, String what, RequestFacts request) {
        return RuleViolation.conflict("This step was sent back to " + request.requester() + " with a question by "
                + waiting.askedBy() + " at " + waiting.askedAt() + " and waits for the answer; it cannot be " + what
                + " until they answer (or withdraw the request).");
    }

    private static void checkText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw RuleViolation.invalid("question".equals(field)
                    ? "Write your question: the requester needs to know what is missing."
                    : "Write your answer: the text is empty.");
        }
        if (text.strip().length() > TEXT_LENGTH) {
            throw RuleViolation.invalid("Your " + field + " is " + text.strip().length() + " characters long; keep it "
                    + "to " + TEXT_LENGTH + ", or attach a file with the details.");
        }
    }
}

package org.mandate.domain.request;

import org.mandate.domain.Refusals;
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

    static DecisionPolicy.Authorisation checkReturn(ReturnStep command, RequestFacts request, StepHolding found,
                                                    Waiting waiting, Mandates mandates, Directory directory,
                                                    Instant now) {
        StepHolding step = request.openStep(command.stepId(), found);
        if (command.by() == null || command.by().equals(request.requester())) {
            throw Refusals.forbidden("request.sendBackPolicy.youCannotSendYourOwn");
        }
        DecisionPolicy.Authorisation authorisation = DecisionPolicy.authorise(command.by(), request, step, mandates,
                new AuthorityChainPolicy(directory), now);
        if (waiting != null) {
            throw Refusals.conflict("request.sendBackPolicy.thisRequestAlreadyWaitsFor",
                    request.requester(), waiting.askedBy(), waiting.askedAt());
        }
        checkText("question", command.question());
        return authorisation;
    }

    static void checkAnswer(AnswerRequest command, RequestFacts request, Waiting waiting) {
        if (command.by() == null || !command.by().equals(request.requester())) {
            throw Refusals.forbidden("request.sendBackPolicy.onlyTheRequesterAnswersThe", request.requester());
        }
        if (request.status() != RequestStatus.IN_REVIEW) {
            throw Refusals.conflict("request.sendBackPolicy.thisRequestIsAlreadyThere",
                    ApprovalRequest.status(request.status()));
        }
        if (waiting == null) {
            throw Refusals.conflict("request.sendBackPolicy.nobodySentThisRequestBack");
        }
        checkText("answer", command.answer());
        BigDecimal amount = command.amount();
        if (amount != null && amount.compareTo(request.money().amount()) != 0) {
            throw Refusals.invalid("request.sendBackPolicy.anAnswerCannotChangeThe", request.money());
        }
        if (command.title() != null && !command.title().isBlank()
                && command.title().strip().length() > SubmissionPolicy.TITLE_LENGTH) {
            throw Refusals.invalid("request.sendBackPolicy.theTitleIsCharactersLong",
                    command.title().strip().length(), SubmissionPolicy.TITLE_LENGTH);
        }
        if (command.description() != null && command.description().length() > SubmissionPolicy.DESCRIPTION_LENGTH) {
            throw Refusals.invalid("request.sendBackPolicy.theDescriptionIsLongerThan",
                    SubmissionPolicy.DESCRIPTION_LENGTH);
        }
    }

    /** The refusal for deciding, lending or escalating a step that waits for the requester's answer. */
    static RuleViolation paused(Waiting waiting, Refusals.Phrase what, RequestFacts request) {
        return Refusals.conflict("request.sendBackPolicy.thisStepWasSentBack",
                request.requester(), waiting.askedBy(), waiting.askedAt(), what);
    }

    private static void checkText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw Refusals.invalid("question".equals(field) ? "request.sendBackPolicy.writeYourQuestion"
                    : "request.sendBackPolicy.writeYourAnswer");
        }
        if (text.strip().length() > TEXT_LENGTH) {
            throw Refusals.invalid("request.sendBackPolicy.yourIsCharactersLongKeep",
                    Refusals.phrase("request.word." + field), text.strip().length(), TEXT_LENGTH);
        }
    }
}

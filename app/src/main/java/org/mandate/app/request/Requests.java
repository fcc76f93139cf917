package org.mandate.app.request;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.MandateSettings;
import org.mandate.app.category.KnownCategories;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.Money;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.DecideStep;
import org.mandate.domain.request.DelegateStep;
import org.mandate.domain.request.EscalateStep;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RecallDelegation;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;
import org.mandate.domain.request.SubmitRequest;
import org.mandate.domain.request.WithdrawRequest;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A request's use cases (submit, decide, withdraw; lend, recall and escalate a step) in one place for the JSON API
 * and the pages: what the app itself decides about the input (the category by the managed list, the amount in the
 * organisation's currency) is checked the same way whichever of them it came through, then the command is sent.
 * The rules, and how text a person typed is kept (stripped, blank as none), are the aggregate's; a refusal is a
 * {@link org.mandate.domain.RuleViolation} either adapter words through {@link org.mandate.app.problem.Refusal}.
 */
@Component
public class Requests {

    /** What a person asks for; {@code processKey} names a path explicitly (the API only), else null. */
    public record Submission(String title, String category, BigDecimal amount, String currency, String description,
                             String processKey) {
    }

    private final CommandGateway commands;
    private final KnownCategories categories;
    private final String currency;

    Requests(CommandGateway commands, KnownCategories categories, MandateSettings settings) {
        this.commands = commands;
        this.categories = categories;
        this.currency = settings.currency();
    }

    /** The organisation's currency, in which every authority is set. */
    public String currency() {
        return currency;
    }

    public RequestId submit(String requester, Submission submission) {
        if (!currency.equals(submission.currency())) {
            throw AppRefusals.invalid("refusal.request.currency", currency, submission.currency());
        }
        String category = categories.requireActive(submission.category());
        RequestId id = RequestId.create();
        commands.sendAndWait(new SubmitRequest(id, submission.title(), category,
                Money.of(submission.amount(), currency), submission.description(), PersonId.of(requester),
                submission.processKey()));
        return id;
    }

    public void decide(UUID request, String step, String decider, Outcome outcome, String rationale) {
        commands.sendAndWait(new DecideStep(new RequestId(request), new StepId(step), PersonId.of(decider), outcome,
                rationale));
    }

    public void withdraw(UUID request, String requester, String reason) {
        commands.sendAndWait(new WithdrawRequest(new RequestId(request), PersonId.of(requester), reason));
    }

    /** Lends the step to {@code to}, who decides it instead until it is recalled. */
    public void lend(UUID request, String step, String by, String to, String note) {
        commands.sendAndWait(new DelegateStep(new RequestId(request), new StepId(step), PersonId.of(by),
                PersonId.of(to.strip()), note));
    }

    public void recall(UUID request, String step, String by, String reason) {
        commands.sendAndWait(new RecallDelegation(new RequestId(request), new StepId(step), PersonId.of(by), reason));
    }

    public void escalate(UUID request, String step, String by, String reason) {
        commands.sendAndWait(new EscalateStep(new RequestId(request), new StepId(step), PersonId.of(by), reason));
    }
}

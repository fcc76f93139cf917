package org.mandate.app.request;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.AnswerRequest;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.ReturnStep;
import org.mandate.domain.request.StepId;
import org.mandate.projections.request.RequestView;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Sending a step back to the requester with a question, and the requester's answer (docs/conversation.md). Both
 * answer with the request as it is now; the texts are checked by SendBackPolicy, whose refusals say what to change.
 */
@RestController
@RequestMapping("/api/requests/{id}")
class SendBackController {

    record ReturnBody(String question) {
    }

    /**
     * {@code title} and {@code description} amend the request when given; {@code amount}, if sent, must be the
     * request's amount: an answer never changes it (withdraw and submit a new request instead).
     */
    record AnswerBody(String answer, String title, String description, BigDecimal amount) {
    }

    private final CommandGateway commands;
    private final RequestReader reader;

    SendBackController(CommandGateway commands, RequestReader reader) {
        this.commands = commands;
        this.reader = reader;
    }

    @PostMapping("/steps/{stepId}/return")
    RequestView sendBack(@PathVariable UUID id, @PathVariable String stepId, @RequestBody ReturnBody body,
                         Authentication user) {
        commands.sendAndWait(new ReturnStep(new RequestId(id), new StepId(stepId), PersonId.of(user.getName()),
                body.question()));
        return reader.readableBy(id.toString(), user);
    }

    @PostMapping("/answer")
    RequestView answer(@PathVariable UUID id, @RequestBody AnswerBody body, Authentication user) {
        commands.sendAndWait(new AnswerRequest(new RequestId(id), PersonId.of(user.getName()), body.answer(),
                body.title(), body.description(), body.amount()));
        return reader.readableBy(id.toString(), user);
    }
}

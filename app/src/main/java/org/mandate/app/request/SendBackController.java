package org.mandate.app.request;

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

    private final Conversation conversation;
    private final RequestReader reader;

    SendBackController(Conversation conversation, RequestReader reader) {
        this.conversation = conversation;
        this.reader = reader;
    }

    @PostMapping("/steps/{stepId}/return")
    RequestView sendBack(@PathVariable UUID id, @PathVariable String stepId, @RequestBody ReturnBody body,
                         Authentication user) {
        conversation.sendBack(id, stepId, user.getName(), body.question());
        return reader.readableBy(id.toString(), user);
    }

    @PostMapping("/answer")
    RequestView answer(@PathVariable UUID id, @RequestBody AnswerBody body, Authentication user) {
        conversation.answer(id, user.getName(), body.answer(), body.title(), body.description(), body.amount());
        return reader.readableBy(id.toString(), user);
    }
}

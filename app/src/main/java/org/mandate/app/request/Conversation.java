package org.mandate.app.request;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.AnswerRequest;
import org.mandate.domain.request.CommentOnRequest;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.ReturnStep;
import org.mandate.domain.request.StepId;
import org.mandate.projections.request.RequestView;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The conversation around a request (docs/conversation.md) in one place for the JSON API and the pages: comments,
 * a step sent back to the requester with a question, and the requester's answer. The texts are checked by the
 * aggregate's policies (CommentPolicy, SendBackPolicy), whose refusals say what to change.
 */
@Component
public class Conversation {

    private final CommandGateway commands;
    private final RequestReader reader;

    Conversation(CommandGateway commands, RequestReader reader) {
        this.commands = commands;
        this.reader = reader;
    }

    /** Adds a comment and returns it as the request view now shows it: its mentions are the people who are told. */
    public RequestView.Comment comment(UUID request, String author, String text) {
        String commentId = UUID.randomUUID().toString();
        commands.sendAndWait(new CommentOnRequest(new RequestId(request), commentId, PersonId.of(author), text));
        // the request view is inline: the comment is there once the command has returned
        return reader.find(request.toString()).stream()
                .flatMap(view -> view.comments().stream())
                .filter(each -> each.id().equals(commentId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("comment " + commentId + " is not in the request view"));
    }

    public void sendBack(UUID request, String step, String by, String question) {
        commands.sendAndWait(new ReturnStep(new RequestId(request), new StepId(step), PersonId.of(by), question));
    }

    /**
     * The requester's answer; {@code title} and {@code description} amend the request when given, and
     * {@code amount}, if given, must be the request's amount (an answer never changes it).
     */
    public void answer(UUID request, String requester, String answer, String title, String description,
                       BigDecimal amount) {
        commands.sendAndWait(new AnswerRequest(new RequestId(request), PersonId.of(requester), answer, title,
                description, amount));
    }
}

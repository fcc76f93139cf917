package org.mandate.app.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mandate.domain.Money;
import org.mandate.domain.request.DecideStep;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestId;
import org.mandate.projections.request.RequestView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/requests")
class RequestController {

    record SubmitBody(@NotBlank @Size(max = 200) String title,
                      @NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N} _-]+",
                              message = "may contain letters, digits, spaces, '-' and '_' only") String category,
                      @NotNull @DecimalMin(value = "0.01", message = "must be greater than zero")
                      @Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
                      BigDecimal amount,
                      @NotBlank
                      @Pattern(regexp = Money.CURRENCY_CODE, message = "must be a three-letter ISO code such as EUR")
                      String currency,
                      @Size(max = 10_000) String description,
                      @Size(max = 100) String processKey) {
    }

    record DecisionBody(@NotNull(message = "must be APPROVED or REJECTED") Outcome outcome,
                        @Size(max = DecideStep.MAX_RATIONALE) String rationale) {
    }

    /** The text is checked by the comment rule itself, whose refusal says what to change. */
    record CommentBody(String text) {
    }

    record WithdrawalBody(@Size(max = DecideStep.MAX_RATIONALE) String reason) {
    }

    private final Requests requests;
    private final Conversation conversation;
    private final RequestReader reader;

    RequestController(Requests requests, Conversation conversation, RequestReader reader) {
        this.requests = requests;
        this.conversation = conversation;
        this.reader = reader;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> submit(@Valid @RequestBody SubmitBody body, Authentication user) {
        RequestId id = requests.submit(user.getName(), new Requests.Submission(body.title(), body.category(),
                body.amount(), body.currency(), body.description(), body.processKey()));
        String status = reader.find(id.toString()).map(RequestView::status).orElse("IN_REVIEW");
        return ResponseEntity.created(URI.create("/api/requests/" + id))
                .body(Map.of("id", id.toString(), "status", status));
    }

    @GetMapping("/{id}")
    RequestView get(@PathVariable UUID id, Authentication user) {
        return reader.readableBy(id.toString(), user);
    }

    /** 201 with the comment as the request view now shows it; its mentions are the people who will be told. */
    @PostMapping("/{id}/comments")
    ResponseEntity<RequestView.Comment> comment(@PathVariable UUID id, @RequestBody CommentBody body,
                                                Authentication user) {
        RequestView.Comment comment = conversation.comment(id, user.getName(), body.text());
        return ResponseEntity.created(URI.create("/api/requests/" + id)).body(comment);
    }

    @PostMapping("/{id}/withdrawal")
    RequestView withdraw(@PathVariable UUID id, @Valid @RequestBody(required = false) WithdrawalBody body,
                         Authentication user) {
        requests.withdraw(id, user.getName(), body == null ? null : body.reason());
        return reader.readableBy(id.toString(), user);
    }

    @PostMapping("/{id}/steps/{stepId}/decision")
    RequestView decide(@PathVariable UUID id, @PathVariable String stepId, @Valid @RequestBody DecisionBody body,
                       Authentication user) {
        requests.decide(id, stepId, user.getName(), body.outcome(), body.rationale());
        return reader.readableBy(id.toString(), user);
    }
}

package org.mandate.app.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.mandate.projections.request.RequestView;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Moving a step: lend it to a colleague, recall it, or escalate it one level up. */
@RestController
@RequestMapping("/api/requests/{id}/steps/{stepId}")
class StepController {

    record DelegationBody(@NotBlank(message = "must name the colleague who decides instead") @Size(max = 64) String to,
                          @Size(max = 2_000) String note) {
    }

    record EscalationBody(@NotBlank(message = "must say why you escalate") @Size(max = 2_000) String reason) {
    }

    private final Requests requests;
    private final RequestReader reader;

    StepController(Requests requests, RequestReader reader) {
        this.requests = requests;
        this.reader = reader;
    }

    @PostMapping("/delegation")
    RequestView delegate(@PathVariable UUID id, @PathVariable String stepId, @Valid @RequestBody DelegationBody body,
                         Authentication user) {
        requests.lend(id, stepId, user.getName(), body.to(), body.note());
        return after(id, user);
    }

    @DeleteMapping("/delegation")
    RequestView recall(@PathVariable UUID id, @PathVariable String stepId,
                       @RequestParam(required = false) String reason, Authentication user) {
        requests.recall(id, stepId, user.getName(), reason);
        return after(id, user);
    }

    @PostMapping("/escalation")
    RequestView escalate(@PathVariable UUID id, @PathVariable String stepId, @Valid @RequestBody EscalationBody body,
                         Authentication user) {
        requests.escalate(id, stepId, user.getName(), body.reason());
        return after(id, user);
    }

    /** Whoever just moved the step may no longer be part of the request, but still sees what they did. */
    private RequestView after(UUID id, Authentication user) {
        return reader.find(id.toString()).orElseGet(() -> reader.readableBy(id.toString(), user));
    }
}

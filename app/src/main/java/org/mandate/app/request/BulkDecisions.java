package org.mandate.app.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.mandate.app.idempotency.BatchIdempotency;
import org.mandate.app.problem.AppRefusals;
import org.mandate.app.problem.Refusal;
import org.mandate.app.web.voice.Messages;
import org.mandate.domain.request.DecideStep;
import org.mandate.domain.request.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Several steps decided in one action: each is its own {@link DecideStep}, with its own checks, transaction and
 * events, exactly as if decided one by one; one refused does not stop the others, and the answer says per step what
 * happened. The API and the inbox page both decide through here.
 */
@Component
public class BulkDecisions {

    public static final int MAX_ITEMS = 100;
    public static final int MAX_RATIONALE = DecideStep.MAX_RATIONALE;

    private static final Logger log = LoggerFactory.getLogger(BulkDecisions.class);

    public record Item(String requestId, String stepId) {
    }

    /**
     * {@code result} is {@code decided} or {@code refused}; a refusal carries the status and reason it would have had
     * alone.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(String requestId, String stepId, String result, Integer status, String detail) {

        public boolean decided() {
            return "decided".equals(result);
        }
    }

    private final Requests requests;
    private final BatchIdempotency idempotency;

    BulkDecisions(Requests requests, BatchIdempotency idempotency) {
        this.requests = requests;
        this.idempotency = idempotency;
    }

    /** Refuses the whole batch, deciding nothing, only when the batch itself is malformed. */
    public List<ItemResult> decide(String me, List<Item> items, Outcome outcome, String rationale) {
        if (items == null || items.isEmpty()) {
            throw AppRefusals.invalid("refusal.bulk.noItems").with("parameter", "items");
        }
        if (items.size() > MAX_ITEMS) {
            throw AppRefusals.invalid("refusal.bulk.tooMany", String.valueOf(MAX_ITEMS), String.valueOf(items.size()))
                    .with("parameter", "items");
        }
        if (outcome == null) {
            throw AppRefusals.invalid("refusal.bulk.outcome").with("parameter", "outcome");
        }
        if (rationale != null && rationale.length() > MAX_RATIONALE) {
            throw AppRefusals.invalid("refusal.bulk.rationale", String.valueOf(rationale.length()),
                    String.valueOf(MAX_RATIONALE)).with("parameter", "rationale");
        }
        idempotency.claimForBatch();
        List<ItemResult> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Item item : items) {
            results.add(decideOne(me, item, outcome, rationale, seen));
        }
        return results;
    }

    private ItemResult decideOne(String me, Item item, Outcome outcome, String rationale, Set<String> seen) {
        String requestId = item == null ? null : item.requestId();
        String stepId = item == null ? null : item.stepId();
        UUID request;
        try {
            request = UUID.fromString(requestId);
        } catch (RuntimeException notAnId) {
            return refused(requestId, stepId, 400, Messages.of("bulk.item.notARequestId", requestId));
        }
        if (stepId == null || stepId.isBlank()) {
            return refused(requestId, stepId, 400, Messages.of("bulk.item.noStep"));
        }
        if (!seen.add(requestId + ":" + stepId)) {
            return refused(requestId, stepId, 400, Messages.of("bulk.item.twice"));
        }
        try {
            requests.decide(request, stepId, me, outcome, rationale);
            return new ItemResult(requestId, stepId, "decided", null, null);
        } catch (RuntimeException exception) {
            Refusal refusal;
            try {
                refusal = Refusal.of(exception);
            } catch (RuntimeException failure) {
                log.error("Deciding step {} of request {} in a batch failed", stepId, requestId, failure);
                return refused(requestId, stepId, 500, Messages.of("bulk.item.failed"));
            }
            return refused(requestId, stepId, refusal.status().value(), refusal.message());
        }
    }

    private static ItemResult refused(String requestId, String stepId, int status, String detail) {
        return new ItemResult(requestId, stepId, "refused", status, detail);
    }
}

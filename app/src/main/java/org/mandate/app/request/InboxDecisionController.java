package org.mandate.app.request;

import org.mandate.app.request.BulkDecisions.Item;
import org.mandate.app.request.BulkDecisions.ItemResult;
import org.mandate.domain.request.Outcome;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Decides several steps at once ({@link BulkDecisions}): 200 with a result per step, decided or refused and why.
 * An {@code Idempotency-Key} covers the whole batch.
 */
@RestController
class InboxDecisionController {

    record BulkBody(List<Item> items, Outcome outcome, String rationale) {
    }

    /** {@code decided} and {@code refused} count the results, so a caller sees at once whether all went through. */
    record BulkAnswer(int decided, int refused, List<ItemResult> results) {
    }

    private final BulkDecisions bulk;

    InboxDecisionController(BulkDecisions bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/inbox/decisions")
    BulkAnswer decide(@RequestBody BulkBody body, Authentication user) {
        List<ItemResult> results = bulk.decide(user.getName(), body.items(), body.outcome(), body.rationale());
        int decided = (int) results.stream().filter(ItemResult::decided).count();
        return new BulkAnswer(decided, results.size() - decided, results);
    }
}

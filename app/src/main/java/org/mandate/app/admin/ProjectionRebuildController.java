package org.mandate.app.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mandate.app.projection.InlineRebuilds;
import org.mandate.domain.RuleViolation;
import org.mandate.projections.ledger.LedgerProjection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rebuilds a projection from event zero while the app keeps serving. A tracking projection's processor stops, its
 * token goes back to the start (its reset handler empties its tables) and it starts again; commands are unaffected,
 * and the projection's readers see it refill from empty until it has caught up (the replay status says when). Chosen
 * over building into shadow tables for simplicity; the gap is seconds for the history sizes here. An inline read
 * model (inbox, request view) is replayed in one transaction while the commands that write it wait at a gate
 * ({@link InlineRebuilds}); its readers see the old rows until the new ones commit.
 * The ledger is not a projection one may rebuild: re-chaining would re-sign whatever the store holds now.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class ProjectionRebuildController {

    private final EventProcessingConfiguration processing;
    private final InlineRebuilds inline;

    ProjectionRebuildController(EventProcessingConfiguration processing, InlineRebuilds inline) {
        this.processing = processing;
        this.inline = inline;
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<Map<String, Object>> rebuild(@PathVariable String name) {
        if (LedgerProjection.NAME.equals(name)) {
            throw RuleViolation.conflict("The ledger is evidence, not a view: rebuilding it would re-sign whatever "
                    + "the store holds now. Check it with GET /api/audit/verification instead.");
        }
        if (inline.isInline(name)) {
            inline.start(name);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("name", name, "status", "REBUILDING",
                    "detail", "The projection is replayed from event zero in one transaction; commands that change "
                            + "it wait meanwhile, and readers see its old rows until the new ones are complete."));
        }
        EventProcessor processor = processing.eventProcessor(name).orElseThrow(() -> RuleViolation.notFound(
                "There is no projection '" + name + "'. Rebuildable projections: " + rebuildable() + "."));
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            throw RuleViolation.conflict("'" + name + "' runs inside each command's transaction and is never "
                    + "behind, so there is nothing to rebuild. Rebuildable projections: " + rebuildable() + ".");
        }
        if (!streaming.supportsReset()) {
            // the publishers (docs/events-out.md) would send history to consumers again
            throw RuleViolation.conflict("'" + name + "' sends events out of Mandate and is never replayed. "
                    + "Rebuildable projections: " + rebuildable() + ".");
        }
        synchronized (this) {
            streaming.shutDown();
            streaming.resetTokens();
            streaming.start();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("name", name, "status", "REBUILDING",
                "detail", "The projection is refilling from event zero; its rows are complete once it has caught "
                        + "up with the event store."));
    }

    private String rebuildable() {
        TreeSet<String> names = processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor streaming
                        && streaming.supportsReset())
                .map(Map.Entry::getKey).filter(name -> !LedgerProjection.NAME.equals(name))
                .collect(Collectors.toCollection(TreeSet::new));
        names.addAll(inline.names());
        return names.toString();
    }
}

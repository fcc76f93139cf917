package org.mandate.app.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mandate.app.projection.InlineRebuilds;
import org.mandate.app.projection.ProjectionProgress;
import org.mandate.domain.RuleViolation;
import org.mandate.projections.ledger.LedgerProjection;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rebuilds a projection from event zero while the app keeps serving, for the API and the console alike. A tracking
 * projection's processor stops, its token goes back to the start (its reset handler empties its tables) and it
 * starts again; commands are unaffected, and the projection's readers see it refill from empty until it has caught
 * up. Chosen over building into shadow tables for simplicity; the gap is seconds for the history sizes here. An
 * inline read model (inbox, request view) is replayed in one transaction while the commands that write it wait at a
 * gate ({@link InlineRebuilds}); its readers see the old rows until the new ones commit. The ledger is not a
 * projection one may rebuild: re-chaining would re-sign whatever the store holds now.
 */
@Component
public class ProjectionRebuilds {

    /** Where a projection stands: how it runs, how far behind the event store it is, and whether it may be rebuilt. */
    public record Status(String name, String kind, long behind, String rebuildRefusal, InlineRebuilds.Progress rebuild) {

        public boolean rebuildable() {
            return rebuildRefusal == null;
        }

        public boolean rebuilding() {
            return rebuild != null && rebuild.running();
        }
    }

    private final EventProcessingConfiguration processing;
    private final InlineRebuilds inline;
    private final ProjectionProgress progress;

    ProjectionRebuilds(EventProcessingConfiguration processing, InlineRebuilds inline, ProjectionProgress progress) {
        this.processing = processing;
        this.inline = inline;
        this.progress = progress;
    }

    /** Starts a rebuild and says what happens meanwhile; refused with a reason for what may not be rebuilt. */
    public String rebuild(String name) {
        if (inline.isInline(name)) {
            inline.start(name);
            return "The projection is replayed from event zero in one transaction; commands that change it wait "
                    + "meanwhile, and readers see its old rows until the new ones are complete.";
        }
        String refusal = refusal(name, processing.eventProcessor(name).orElse(null));
        if (refusal != null) {
            throw LedgerProjection.NAME.equals(name) || processing.eventProcessor(name).isPresent()
                    ? RuleViolation.conflict(refusal) : RuleViolation.notFound(refusal);
        }
        StreamingEventProcessor streaming = (StreamingEventProcessor) processing.eventProcessor(name).orElseThrow();
        synchronized (this) {
            streaming.shutDown();
            streaming.resetTokens();
            streaming.start();
        }
        return "The projection is refilling from event zero; its rows are complete once it has caught up with the "
                + "event store.";
    }

    /** Every projection: the inline read models and each event processor, by name. */
    public List<Status> statuses() {
        long head = progress.head();
        Map<String, List<ProjectionProgress.SegmentPosition>> segments = progress.segments();
        Map<String, Status> statuses = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (inline.isInline(name)) {
                return;
            }
            boolean streaming = processor instanceof StreamingEventProcessor;
            statuses.put(name, new Status(name, streaming ? "background" : "in each command",
                    streaming ? ProjectionProgress.lag(segments.getOrDefault(name, List.of()), head) : 0,
                    refusal(name, processor), null));
        });
        inline.names().forEach(name -> statuses.put(name, new Status(name, "inline", inline.lag(name), null,
                inline.progress(name).orElse(null))));
        return List.copyOf(statuses.values());
    }

    /** Why this projection may not be rebuilt, or null when it may. */
    private String refusal(String name, EventProcessor processor) {
        if (LedgerProjection.NAME.equals(name)) {
            return "The ledger is evidence, not a view: rebuilding it would re-sign whatever the store holds now. "
                    + "Check it with GET /api/audit/verification instead.";
        }
        if (processor == null) {
            return "There is no projection '" + name + "'. Rebuildable projections: " + rebuildable() + ".";
        }
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return "'" + name + "' runs inside each command's transaction and is never behind, so there is nothing "
                    + "to rebuild. Rebuildable projections: " + rebuildable() + ".";
        }
        if (!streaming.supportsReset()) {
            // the publishers (docs/events-out.md) would send history to consumers again
            return "'" + name + "' sends events out of Mandate and is never replayed. Rebuildable projections: "
                    + rebuildable() + ".";
        }
        return null;
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

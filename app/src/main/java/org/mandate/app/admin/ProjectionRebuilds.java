package org.mandate.app.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mandate.app.problem.AppRefusals;
import org.mandate.app.projection.InlineRebuilds;
import org.mandate.app.projection.ProjectionProgress;
import org.mandate.app.web.voice.Messages;
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
            return Messages.of("admin.rebuild.inline");
        }
        Why refusal = refusal(name, processing.eventProcessor(name).orElse(null));
        if (refusal != null) {
            throw LedgerProjection.NAME.equals(name) || processing.eventProcessor(name).isPresent()
                    ? AppRefusals.conflict(refusal.key(), refusal.args())
                    : AppRefusals.notFound(refusal.key(), refusal.args());
        }
        StreamingEventProcessor streaming = (StreamingEventProcessor) processing.eventProcessor(name).orElseThrow();
        synchronized (this) {
            streaming.shutDown();
            streaming.resetTokens();
            streaming.start();
        }
        return Messages.of("admin.rebuild.background");
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
                    Why.words(refusal(name, processor)), null));
        });
        inline.names().forEach(name -> statuses.put(name, new Status(name, "inline", inline.lag(name), null,
                inline.progress(name).orElse(null))));
        return List.copyOf(statuses.values());
    }

    /** Why a projection may not be rebuilt: a sentence of the bundles and its arguments. */
    private record Why(String key, Object... args) {

        /** In the page's (or the API caller's) language; null when there is no refusal. */
        static String words(Why why) {
            return why == null ? null : Messages.of(why.key(), why.args());
        }
    }

    /** Why this projection may not be rebuilt, or null when it may. */
    private Why refusal(String name, EventProcessor processor) {
        if (LedgerProjection.NAME.equals(name)) {
            return new Why("refusal.rebuild.ledger");
        }
        if (processor == null) {
            return new Why("refusal.rebuild.unknown", name, rebuildable());
        }
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new Why("refusal.rebuild.inEachCommand", name, rebuildable());
        }
        if (!streaming.supportsReset()) {
            // the publishers (docs/events-out.md) would send history to consumers again
            return new Why("refusal.rebuild.sendsOut", name, rebuildable());
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

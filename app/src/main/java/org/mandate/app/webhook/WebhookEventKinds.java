package org.mandate.app.webhook;

import org.apache.commons.lang3.StringUtils;
import org.mandate.app.web.voice.Messages;
import org.mandate.domain.webhook.SubscriptionPolicy;
import org.mandate.processes.Words;

import java.util.List;

/**
 * The event kinds the console offers as checkboxes, each in words (the {@code console} bundle's
 * {@code console.event.<name>} and {@code .words}): the ones subscribers ask for. The API takes any event name
 * (docs/events-out.md); a subscription made there with other names is shown with those names.
 */
final class WebhookEventKinds {

    /** Where the bundle keeps a kind's words; {@code *} is "all". */
    static final String KEYS = "console.event.";

    record Kind(String name) {

        /** What the kind means, in the page's language: "A request was submitted". */
        public String words() {
            return Messages.ofOr(KEYS + key(name) + ".words", name);
        }
    }

    static final Kind ALL = new Kind(SubscriptionPolicy.ALL);

    static final List<Kind> KINDS = List.of(
            new Kind("RequestSubmitted"),
            new Kind("StepOpened"),
            new Kind("StepDecided"),
            new Kind("StepDelegated"),
            new Kind("StepEscalated"),
            new Kind("StepReassigned"),
            new Kind("RequestApproved"),
            new Kind("RequestRejected"),
            new Kind("RequestWithdrawn"),
            new Kind("MandateGranted"),
            new Kind("MandateRevoked"),
            new Kind("PersonJoined"),
            new Kind("PersonLeft"),
            new Kind("ProcessDeployed"));

    private WebhookEventKinds() {
    }

    /**
     * "StepDecided" reads "Step decided" ("Schritt entschieden"), {@code *} "Every event"; a name the bundles do not
     * know (subscribed to over the API) is split into English words.
     */
    static String label(String name) {
        String english = SubscriptionPolicy.ALL.equals(name) ? "Every event"
                : StringUtils.capitalize(Words.of(name));
        return Messages.ofOr(KEYS + key(name), english);
    }

    static String key(String name) {
        return SubscriptionPolicy.ALL.equals(name) ? "all" : name;
    }
}

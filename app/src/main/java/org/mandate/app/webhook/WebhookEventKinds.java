package org.mandate.app.webhook;

import org.apache.commons.lang3.StringUtils;
import org.mandate.domain.webhook.SubscriptionPolicy;

import java.util.List;
import java.util.Locale;

/**
 * The event kinds the console offers as checkboxes, each in words: the ones subscribers ask for. The API takes any
 * event name (docs/events-out.md); a subscription made there with other names is shown with those names.
 */
final class WebhookEventKinds {

    record Kind(String name, String words) {
    }

    static final Kind ALL = new Kind(SubscriptionPolicy.ALL, "Everything Mandate publishes, including kinds added "
            + "later");

    static final List<Kind> KINDS = List.of(
            new Kind("RequestSubmitted", "A request was submitted"),
            new Kind("StepOpened", "A step opened and waits for someone's decision"),
            new Kind("StepDecided", "Someone approved or rejected a step"),
            new Kind("StepDelegated", "A step was passed on to someone else"),
            new Kind("StepEscalated", "A step was escalated, by a person or because it waited too long"),
            new Kind("StepReassigned", "A step moved to someone else, e.g. after a departure"),
            new Kind("RequestApproved", "A request was approved in full"),
            new Kind("RequestRejected", "A request was rejected"),
            new Kind("RequestWithdrawn", "The requester withdrew a request"),
            new Kind("MandateGranted", "Someone granted a standing mandate"),
            new Kind("MandateRevoked", "A mandate was revoked"),
            new Kind("PersonJoined", "Someone joined the directory"),
            new Kind("PersonLeft", "Someone's departure was recorded"),
            new Kind("ProcessDeployed", "A new version of an approval path was deployed"));

    private WebhookEventKinds() {
    }

    /** "StepDecided" reads "Step decided", {@code *} "Every event". */
    static String label(String name) {
        if (SubscriptionPolicy.ALL.equals(name)) {
            return "Every event";
        }
        return StringUtils.capitalize(String.join(" ", StringUtils.splitByCharacterTypeCamelCase(name))
                .toLowerCase(Locale.ROOT));
    }
}

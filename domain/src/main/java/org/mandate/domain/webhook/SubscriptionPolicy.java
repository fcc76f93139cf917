package org.mandate.domain.webhook;

import org.mandate.domain.Refusals;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a subscription must name: a URL of reasonable length, and at least one event type, each either {@code *}
 * or an event name such as {@code StepDecided} (with or without the {@code org.mandate.} prefix of its CloudEvents
 * type). Each refusal names the field it is about ({@code field}: {@code url} or {@code eventTypes}), so that a form
 * can show it beside that field.
 */
public final class SubscriptionPolicy {

    public static final int MAX_URL_LENGTH = 2000;
    public static final int MAX_EVENT_TYPES = 50;
    public static final String ALL = "*";
    public static final String URL_FIELD = "url";
    public static final String EVENT_TYPES_FIELD = "eventTypes";
    public static final String TYPE_PREFIX = "org.mandate.";
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,79}");

    private SubscriptionPolicy() {
    }

    static void check(SubscribeWebhook command) {
        if (command.url() == null || command.url().isBlank()) {
            throw Refusals.invalid("webhook.subscriptionPolicy.giveTheURLTheEvents")
                    .with("field", URL_FIELD);
        }
        if (command.url().length() > MAX_URL_LENGTH) {
            throw Refusals.invalid("webhook.subscriptionPolicy.theURLIsLongerThan", MAX_URL_LENGTH)
                    .with("field", URL_FIELD);
        }
        List<String> types = command.eventTypes();
        if (types == null || types.isEmpty()) {
            throw Refusals.invalid("webhook.subscriptionPolicy.nameTheEventTypesTo")
                    .with("field", EVENT_TYPES_FIELD);
        }
        if (types.size() > MAX_EVENT_TYPES) {
            throw Refusals.invalid("webhook.subscriptionPolicy.nameAtMostEventTypes", MAX_EVENT_TYPES)
                    .with("field", EVENT_TYPES_FIELD);
        }
        for (String type : types) {
            if (type == null || !(ALL.equals(type) || EVENT_NAME.matcher(eventName(type)).matches())) {
                throw Refusals.invalid("webhook.subscriptionPolicy.isNotAnEventType", type)
                        .with("field", EVENT_TYPES_FIELD);
            }
        }
    }

    /** {@code org.mandate.StepDecided} and {@code StepDecided} name the same event. */
    public static String eventName(String type) {
        return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }
}

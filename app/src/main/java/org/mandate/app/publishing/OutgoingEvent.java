package org.mandate.app.publishing;

/**
 * One domain event ready to leave Mandate: the CloudEvent in structured JSON mode, and what a broker binding needs
 * to route and order it (the routing key, and the aggregate id whose order must be kept).
 */
public record OutgoingEvent(String id, String type, String routingKey, String subject, byte[] json) {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** The event name without the {@code org.mandate.} prefix, e.g. {@code StepDecided}. */
    public String name() {
        return type.substring(CloudEventMessages.TYPE_PREFIX.length());
    }
}

package org.mandate.domain.notification;

/** The kinds of notice a person chooses a delivery for. */
public enum NoticeKind {
    /** A step arrived for you: routed, lent, escalated, handed over on a departure. */
    STEP_ARRIVED,
    /** Your request was approved, rejected or withdrawn. */
    REQUEST_DECIDED,
    /** A step of yours is due soon, or overdue. */
    REMINDER,
    /** Someone granted you a standing mandate. */
    MANDATE_GRANTED,
    /** Someone mentioned you (@name) in a comment on a request. */
    MENTIONED
}

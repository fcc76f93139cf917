package org.mandate.app.web.request;

import java.time.Instant;

/** One line of a request's history: when, who, what happened, and why if they said. */
public record TimelineEntry(Instant at, String who, String what, String why) {
}

package org.mandate.app.request.web;

import java.time.Instant;

/** One line of a request's history: when, who, what happened, and why if they said. */
public record TimelineEntry(Instant at, String who, String what, String why) {
}

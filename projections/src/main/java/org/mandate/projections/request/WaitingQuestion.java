package org.mandate.projections.request;

/** A question a requester still has to answer, with the title of its request: what their inbox lists. */
public record WaitingQuestion(String title, RequestView.Question question) {
}

package org.mandate.domain.request;

import org.mandate.domain.Refusals;

/** What a request must look like before anyone is asked to decide on it. */
final class SubmissionPolicy {

    static final int TITLE_LENGTH = 200;
    static final int DESCRIPTION_LENGTH = 10_000;

    private SubmissionPolicy() {
    }

    static void check(SubmitRequest command) {
        if (command.title() == null || command.title().isBlank()) {
            throw Refusals.invalid("request.submissionPolicy.aRequestNeedsATitle");
        }
        if (command.title().length() > TITLE_LENGTH) {
            throw Refusals.invalid("request.sendBackPolicy.theTitleIsCharactersLong",
                    command.title().length(), TITLE_LENGTH);
        }
        if (command.description() != null && command.description().length() > DESCRIPTION_LENGTH) {
            throw Refusals.invalid("request.sendBackPolicy.theDescriptionIsLongerThan", DESCRIPTION_LENGTH);
        }
        if (command.category() == null || command.category().isBlank()) {
            throw Refusals.invalid("request.submissionPolicy.aRequestNeedsACategory");
        }
        command.money().checkRequested();
    }
}

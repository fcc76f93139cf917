package org.mandate.domain;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a rule violation by kind and by a part of its message, which is what the person reads. */
public final class RuleViolations {

    private RuleViolations() {
    }

    public static Matcher<RuleViolation> violation(RuleViolation.Kind kind, String messagePart) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.kind() == kind && violation.getMessage().contains(messagePart);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rule violation mentioning '" + messagePart + "'");
            }
        };
    }
}

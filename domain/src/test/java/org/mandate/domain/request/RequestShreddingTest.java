package org.mandate.domain.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.committee.CommitteeRoster;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;
import org.mandate.domain.mandate.MandateRegister;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.mandate.domain.RuleViolations.violation;

/** Retention: a closed request's texts are shredded once, and only after its period has run since it closed. */
class RequestShreddingTest {

    private static final Instant CLOSED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);
    private static final RequestId ID = RequestId.of("0f6a2c55-1d2e-4c1b-8f33-5a9e0d7c4b21");
    private static final PersonId ANA = PersonId.of("ana");

    private FixtureConfiguration<ApprovalRequest> at(Instant now) {
        return RequestFixture.at(now, SchoolDirectory.school(), new MandateRegister(),
                ApprovalRequestTest.BOUND_TO_DEFAULT, CommitteeRoster.school());
    }

    @Test
    void shredsAClosedRequestOnceItsRetentionHasRunSinceItClosed() {
        Instant due = CLOSED.plus(THIRTY_DAYS);
        at(due).given(submitted(), new RequestApproved(ID, CLOSED))
                .when(new ShredRequestData(ID, THIRTY_DAYS))
                .expectEvents(new RequestDataShredded(ID, "equipment", THIRTY_DAYS, CLOSED, due));
    }

    @Test
    void retentionRunsFromAWithdrawalOrARejectionToo() {
        Instant later = CLOSED.plus(Duration.ofDays(400));
        at(later).given(submitted(), new RequestWithdrawn(ID, ANA, "no longer needed", CLOSED))
                .when(new ShredRequestData(ID, THIRTY_DAYS))
                .expectEvents(new RequestDataShredded(ID, "equipment", THIRTY_DAYS, CLOSED, later));
        at(later).given(submitted(), new RequestRejected(ID, CLOSED))
                .when(new ShredRequestData(ID, THIRTY_DAYS))
                .expectEvents(new RequestDataShredded(ID, "equipment", THIRTY_DAYS, CLOSED, later));
    }

    @Test
    void keepsTheTextsUntilTheRetentionHasRun() {
        at(CLOSED.plus(THIRTY_DAYS).minusSeconds(1)).given(submitted(), new RequestApproved(ID, CLOSED))
                .when(new ShredRequestData(ID, THIRTY_DAYS))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "kept until 2026-02-09T09:00:00Z"));
    }

    @Test
    void keepsAnOpenRequestWhateverTheRetention() {
        at(CLOSED).given(submitted())
                .when(new ShredRequestData(ID, Duration.ZERO))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "still in review"));
    }

    @Test
    void aSecondShreddingIsANoOp() {
        Instant due = CLOSED.plus(THIRTY_DAYS);
        at(due.plusSeconds(60)).given(submitted(), new RequestApproved(ID, CLOSED),
                        new RequestDataShredded(ID, "equipment", THIRTY_DAYS, CLOSED, due))
                .when(new ShredRequestData(ID, THIRTY_DAYS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesANegativeRetention() {
        at(CLOSED).given(submitted(), new RequestApproved(ID, CLOSED))
                .when(new ShredRequestData(ID, Duration.ofDays(-1)))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "zero or more"));
    }

    @Test
    void aShreddedRequestTakesNoNewComment() {
        Instant due = CLOSED.plus(THIRTY_DAYS);
        at(due.plusSeconds(60)).given(submitted(), new RequestApproved(ID, CLOSED),
                        new RequestDataShredded(ID, "equipment", THIRTY_DAYS, CLOSED, due))
                .when(new CommentOnRequest(ID, "c1", ANA, "It was delivered"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "takes no new comments"));
    }

    private static RequestSubmitted submitted() {
        return new RequestSubmitted(ID, "Microscope", "equipment", new BigDecimal("1500"), "EUR", "For the lab", ANA,
                ApprovalRequest.DEFAULT_PROCESS, CLOSED.minus(Duration.ofDays(2)));
    }
}

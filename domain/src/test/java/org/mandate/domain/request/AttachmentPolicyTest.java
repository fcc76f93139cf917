package org.mandate.domain.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.domain.directory.SchoolDirectory;
import org.mandate.domain.mandate.MandateRegister;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.mandate.domain.RuleViolations.violation;

/** Who may attach a file to a request, and how attachments supersede one another without being removed. */
class AttachmentPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final RequestId ID = RequestId.of("7d0b7b0e-58a8-4b1a-9d7c-3f0d3c1b2a12");
    private static final PersonId ANA = PersonId.of("ana");
    private static final PersonId SOFIA = PersonId.of("sofia");
    private static final PersonId BEN = PersonId.of("ben");
    private static final PersonId ADA = PersonId.of("ada");
    private static final StepId STEP = new StepId("task-1");
    private static final String QUOTE = "a".repeat(64);
    private static final String NEWER = "b".repeat(64);
    private static final String NEWEST = "c".repeat(64);

    private FixtureConfiguration<ApprovalRequest> fixture;
    private SchoolDirectory directory;

    @BeforeEach
    void setUp() {
        directory = SchoolDirectory.school().with("ada", null, Authority.none(), Role.AUDITOR);
        fixture = RequestFixture.at(NOW, directory, new MandateRegister());
    }

    @Test
    void theRequesterAttachesAFile_andTheEventKeepsItsHashNotItsBytes_andTheNameWithoutAPath() {
        fixture.given(submitted(), opened())
                .when(attach(ANA, QUOTE, "C:\\fakepath\\quote.pdf", null))
                .expectEvents(new AttachmentAdded(ID, QUOTE, "quote.pdf", "application/pdf", 1234, ANA, null, NOW));
    }

    @Test
    void theHolderSupersedesAFile() {
        fixture.given(submitted(), opened(), added(QUOTE, null))
                .when(attach(SOFIA, NEWER, "quote-v2.pdf", QUOTE))
                .expectEvents(new AttachmentAdded(ID, NEWER, "quote-v2.pdf", "application/pdf", 1234, SOFIA, QUOTE,
                        NOW));
    }

    @Test
    void aSupersededFileCannotBeSupersededAgain() {
        fixture.given(submitted(), opened(), added(QUOTE, null), added(NEWER, QUOTE))
                .when(attach(ANA, NEWEST, "quote-v3.pdf", QUOTE))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "Supersede that one instead"));
    }

    @Test
    void refusesSupersedingAFileTheRequestDoesNotHave() {
        fixture.given(submitted(), opened())
                .when(attach(ANA, NEWER, "quote-v2.pdf", QUOTE))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.NOT_FOUND, "no attachment " + QUOTE));
    }

    @Test
    void theSameBytesAreAttachedOnce_evenUnderAnotherName() {
        fixture.given(submitted(), opened(), added(QUOTE, null))
                .when(attach(SOFIA, QUOTE, "copy.pdf", null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already attached to the request as "
                        + "'file-aaaaaaaa.pdf'"));
    }

    @Test
    void someoneTakingNoPartIsRefused() {
        fixture.given(submitted(), opened())
                .when(attach(BEN, QUOTE, "cheaper.pdf", null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "Only the people taking part"));
    }

    @Test
    void anAuditorIsRefused() {
        fixture.given(submitted(), opened())
                .when(attach(ADA, QUOTE, "audit.pdf", null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "Only the people taking part"));
    }

    @Test
    void aClosedRequestTakesAttachments() {
        fixture.given(submitted(), opened(), new StepDecided(ID, STEP, Outcome.APPROVED, SOFIA, null, null, null, NOW),
                        new RequestApproved(ID, NOW))
                .when(attach(ANA, QUOTE, "invoice.pdf", null))
                .expectEvents(new AttachmentAdded(ID, QUOTE, "invoice.pdf", "application/pdf", 1234, ANA, null, NOW));
    }

    @Test
    void refusesAMalformedHash() {
        fixture.given(submitted(), opened())
                .when(attach(ANA, "ABC", "quote.pdf", null))
                .expectException(violation(RuleViolation.Kind.INVALID, "64 lower-case hex digits"));
    }

    @Test
    void refusesAMissingName() {
        fixture.given(submitted(), opened())
                .when(attach(ANA, QUOTE, "folder/ ", null))
                .expectException(violation(RuleViolation.Kind.INVALID, "The file has no name"));
    }

    @Test
    void refusesAnOverlongName() {
        fixture.given(submitted(), opened())
                .when(attach(ANA, QUOTE, "x".repeat(AttachmentPolicy.NAME_LENGTH + 1), null))
                .expectException(violation(RuleViolation.Kind.INVALID, "rename the file to at most 255"));
    }

    @Test
    void refusesAnEmptyFile() {
        fixture.given(submitted(), opened())
                .when(new AttachToRequest(ID, QUOTE, "empty.txt", "text/plain", 0, ANA, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "The file is empty"));
    }

    @Test
    void refusesMoreAttachmentsThanTheLimit() {
        List<Object> given = new ArrayList<>(List.of(submitted(), opened()));
        for (int n = 0; n < AttachmentPolicy.MOST_ATTACHMENTS; n++) {
            given.add(added(String.format("%064x", n + 1), null));
        }
        fixture.given(given)
                .when(attach(ANA, QUOTE, "one-too-many.pdf", null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "the most it may have"));
    }

    private static AttachToRequest attach(PersonId by, String hash, String name, String supersedes) {
        return new AttachToRequest(ID, hash, name, "application/pdf", 1234, by, supersedes);
    }

    private static AttachmentAdded added(String hash, String supersedes) {
        return new AttachmentAdded(ID, hash, "file-" + hash.substring(0, 8) + ".pdf", "application/pdf", 1234, ANA,
                supersedes, NOW);
    }

    private static RequestSubmitted submitted() {
        return new RequestSubmitted(ID, "Microscope", "equipment", new BigDecimal("1500"), "EUR", "For the lab", ANA,
                ApprovalRequest.DEFAULT_PROCESS, NOW);
    }

    private static StepOpened opened() {
        return new StepOpened(ID, STEP, "Approval", SOFIA, NOW.plus(Duration.ofDays(2)), NOW, "approval:1:5e2c");
    }
}

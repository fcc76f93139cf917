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
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.mandate.domain.RuleViolations.violation;
import static org.mandate.domain.mandate.MandateRegister.mandate;

/** Who may comment on a request, what a comment may say, and whom its @names mention. */
class CommentPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final RequestId ID = RequestId.of("7d0b7b0e-58a8-4b1a-9d7c-3f0d3c1b2a11");
    private static final PersonId ANA = PersonId.of("ana");
    private static final PersonId SOFIA = PersonId.of("sofia");
    private static final PersonId LIAM = PersonId.of("liam");
    private static final PersonId VERA = PersonId.of("vera");
    private static final PersonId BEN = PersonId.of("ben");
    private static final PersonId ADA = PersonId.of("ada");
    private static final StepId STEP = new StepId("task-1");
    private static final String COMMENT = "c0mment-0000-0000-0000-000000000001";

    private FixtureConfiguration<ApprovalRequest> fixture;
    private SchoolDirectory directory;
    private MandateRegister mandates;

    @BeforeEach
    void setUp() {
        directory = SchoolDirectory.school().with("ada", null, Authority.none(), Role.AUDITOR);
        mandates = new MandateRegister();
        fixture = RequestFixture.at(NOW, directory, mandates);
    }

    @Test
    void theRequesterCommentsAndTheTextIsKeptStripped() {
        fixture.given(submitted(), opened())
                .when(comment(ANA, "  The quote is valid until Friday.\n"))
                .expectEvents(new RequestCommented(ID, COMMENT, ANA, "The quote is valid until Friday.", List.of(),
                        NOW));
    }

    @Test
    void theHolderMentionsTheRequester_unknownNamesAndAddressesStayText() {
        fixture.given(submitted(), opened())
                .when(comment(SOFIA, "@ana which supplier? @nobody knows; mail quotes@ana.example. Thanks @ana."))
                .expectEvents(new RequestCommented(ID, COMMENT, SOFIA,
                        "@ana which supplier? @nobody knows; mail quotes@ana.example. Thanks @ana.", List.of(ANA),
                        NOW));
    }

    @Test
    void mentionsOnlyThoseWhoMayReadTheRequest_notTheAuthorNorSomeoneWhoLeft() {
        directory.with("olga", "sofia", Authority.none()).left("olga");
        fixture.given(submitted(), opened())
                // vera manages sofia, who manages ana: she reads her team's requests; ada audits; ben takes no part
                .when(comment(SOFIA, "@vera @ada @ben @sofia @olga please look"))
                .expectEvents(new RequestCommented(ID, COMMENT, SOFIA, "@vera @ada @ben @sofia @olga please look",
                        List.of(VERA, ADA), NOW));
    }

    @Test
    void refusesSomeoneWhoTakesNoPart_andSaysWhoMay() {
        fixture.given(submitted(), opened())
                .when(comment(BEN, "I know a cheaper shop"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "Ask one of them to add what you want"));
    }

    @Test
    void anAuditorReadsButDoesNotComment() {
        fixture.given(submitted(), opened())
                .when(comment(ADA, "Noted"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "You may read it"));
    }

    @Test
    void theRequestersManagerDoesNotComment() {
        fixture.given(submitted(), opened())
                .when(comment(VERA, "Fine by me"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "taking part"));
    }

    @Test
    void aPastHolderKeepsTakingPartAfterEscalation() {
        fixture.given(submitted(), opened(), escalated())
                .when(comment(SOFIA, "Vera has the context"))
                .expectEvents(new RequestCommented(ID, COMMENT, SOFIA, "Vera has the context", List.of(), NOW));
    }

    @Test
    void theNewHolderTakesPartFromTheEscalation() {
        fixture.given(submitted(), opened(), escalated())
                .when(comment(VERA, "Looking at it"))
                .expectEvents(new RequestCommented(ID, COMMENT, VERA, "Looking at it", List.of(), NOW));
    }

    private static StepEscalated escalated() {
        return new StepEscalated(ID, STEP, SOFIA, VERA, SOFIA, "Over my head", NOW);
    }

    @Test
    void theBorrowerOfALentStepComments() {
        fixture.given(submitted(), opened(), new StepDelegated(ID, STEP, SOFIA, LIAM, null, NOW))
                .when(comment(LIAM, "I will decide tomorrow"))
                .expectEvents(new RequestCommented(ID, COMMENT, LIAM, "I will decide tomorrow", List.of(), NOW));
    }

    @Test
    void aMandateHolderForTheHolderComments() {
        mandates.add(mandate("3f6c1c8e-1d0a-4f61-9d1e-7a0b9c2d4e51", "sofia", "liam", 2000, NOW.minusSeconds(60),
                NOW.plusSeconds(3600)));
        fixture.given(submitted(), opened())
                .when(comment(LIAM, "Covering for Sofia this week"))
                .expectEvents(new RequestCommented(ID, COMMENT, LIAM, "Covering for Sofia this week", List.of(), NOW));
    }

    @Test
    void aMandateHolderCommentsOnlyWhileTheMandateCoversTheRequest() {
        mandates.add(mandate("3f6c1c8e-1d0a-4f61-9d1e-7a0b9c2d4e51", "sofia", "liam", 1000, NOW.minusSeconds(60),
                NOW.plusSeconds(3600)));
        fixture.given(submitted(), opened())
                .when(comment(LIAM, "Covering for Sofia this week"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "under a mandate"));
    }

    @Test
    void aClosedRequestTakesComments() {
        fixture.given(submitted(), opened(), new StepDecided(ID, STEP, Outcome.APPROVED, SOFIA, null, null, null, NOW),
                        new RequestApproved(ID, NOW))
                .when(comment(ANA, "Delivered today"))
                .expectEvents(new RequestCommented(ID, COMMENT, ANA, "Delivered today", List.of(), NOW));
    }

    @Test
    void someoneWhoLeftCommentsNoMore() {
        directory.left("sofia");
        fixture.given(submitted(), opened())
                .when(comment(SOFIA, "One more thing"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "not an active member"));
    }

    @Test
    void refusesAnEmptyComment() {
        fixture.given(submitted(), opened())
                .when(comment(ANA, "  \n "))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "the text is empty"));
    }

    @Test
    void refusesAnOverlongComment() {
        fixture.given(submitted(), opened())
                .when(comment(ANA, "x".repeat(CommentPolicy.TEXT_LENGTH + 1)))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "keep it to 4000"));
    }

    @Test
    void refusesMoreMentionsThanTheLimit() {
        IntStream.rangeClosed(1, CommentPolicy.MOST_MENTIONS + 1)
                .forEach(n -> directory.with("auditor" + n, null, Authority.none(), Role.AUDITOR));
        String everyone = IntStream.rangeClosed(1, CommentPolicy.MOST_MENTIONS + 1).mapToObj(n -> "@auditor" + n)
                .collect(Collectors.joining(" "));
        fixture.given(submitted(), opened())
                .when(comment(ANA, everyone))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "mentions more than 20 people"));
    }

    private static CommentOnRequest comment(PersonId by, String text) {
        return new CommentOnRequest(ID, COMMENT, by, text);
    }

    private static RequestSubmitted submitted() {
        return new RequestSubmitted(ID, "Microscope", "equipment", new BigDecimal("1500"), "EUR", "For the lab", ANA,
                ApprovalRequest.DEFAULT_PROCESS, NOW);
    }

    private static StepOpened opened() {
        return new StepOpened(ID, STEP, "Approval", SOFIA, NOW.plus(Duration.ofDays(2)), NOW, "approval:1:5e2c");
    }
}

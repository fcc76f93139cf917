package org.mandate.domain.committee;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.containsString;

class CommitteeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final CommitteeId BUDGET = CommitteeId.of("budget-committee");
    private static final PersonId IVY = PersonId.of("ivy");
    private static final PersonId VERA = PersonId.of("vera");
    private static final PersonId OMAR = PersonId.of("omar");

    private final Map<String, CommitteeId> names = new HashMap<>();
    private FixtureConfiguration<Committee> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Committee.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(SchoolDirectory.school().left("liam"));
        fixture.registerInjectableResource(new NoCommittees() {
            @Override
            public Optional<CommitteeId> named(String name) {
                return Optional.ofNullable(names.get(name.strip().toLowerCase()));
            }
        });
    }

    private static CommitteeFormed formed() {
        return new CommitteeFormed(BUDGET, "Budget committee", IVY, NOW);
    }

    @Test
    void aCommitteeIsFormedWithItsNameTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new FormCommittee(BUDGET, "  Budget committee ", IVY))
                .expectEvents(formed());
    }

    @Test
    void aCommitteeNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new FormCommittee(BUDGET, " ", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("needs a name"))
                .expectNoEvents();
    }

    @Test
    void aNameAlreadyUsedByAnotherCommitteeIsRefusedNamingIt() {
        names.put("budget committee", CommitteeId.of("finance"));
        fixture.givenNoPriorActivity()
                .when(new FormCommittee(BUDGET, "Budget Committee", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("'finance' is already called"))
                .expectNoEvents();
    }

    @Test
    void anIdIsNotFormedTwice() {
        fixture.given(formed())
                .when(new FormCommittee(BUDGET, "Other", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("exists already"));
    }

    @Test
    void anIdThatIsNoPlainSlugIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new FormCommittee(CommitteeId.of("Bad Id"), "Other", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("lower-case"));
    }

    @Test
    void anActivePersonIsAddedOnce() {
        fixture.given(formed())
                .when(new AddCommitteeMember(BUDGET, VERA, IVY))
                .expectEvents(new CommitteeMemberAdded(BUDGET, VERA, IVY, NOW));
        fixture.given(formed(), new CommitteeMemberAdded(BUDGET, VERA, IVY, NOW))
                .when(new AddCommitteeMember(BUDGET, VERA, IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("already sits on"))
                .expectNoEvents();
    }

    @Test
    void someoneNotInTheDirectoryOrWhoHasLeftIsNotAdded() {
        fixture.given(formed())
                .when(new AddCommitteeMember(BUDGET, PersonId.of("nobody"), IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("Nobody in the directory is 'nobody'"))
                .expectNoEvents();
        fixture.given(formed())
                .when(new AddCommitteeMember(BUDGET, PersonId.of("liam"), IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("liam has left"))
                .expectNoEvents();
    }

    @Test
    void onlyAMemberIsRemoved() {
        fixture.given(formed(), new CommitteeMemberAdded(BUDGET, VERA, IVY, NOW))
                .when(new RemoveCommitteeMember(BUDGET, VERA, IVY))
                .expectEvents(new CommitteeMemberRemoved(BUDGET, VERA, IVY, false, NOW));
        fixture.given(formed(), new CommitteeMemberAdded(BUDGET, VERA, IVY, NOW))
                .when(new RemoveCommitteeMember(BUDGET, OMAR, IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(
                        containsString("omar does not sit on Budget committee; its members are [vera]"));
    }

    @Test
    void aLeaverIsRemovedOnceAndADepartureOfANonMemberChangesNothing() {
        fixture.given(formed(), new CommitteeMemberAdded(BUDGET, VERA, IVY, NOW))
                .when(new RemoveMemberOnDeparture(BUDGET, VERA, IVY))
                .expectEvents(new CommitteeMemberRemoved(BUDGET, VERA, IVY, true, NOW));
        fixture.given(formed(), new CommitteeMemberAdded(BUDGET, VERA, IVY, NOW),
                        new CommitteeMemberRemoved(BUDGET, VERA, IVY, true, NOW))
                .when(new RemoveMemberOnDeparture(BUDGET, VERA, IVY))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void authorityNeedsAMemberALimitAndACurrency() {
        Authority upTo = Authority.upTo(100_000);
        fixture.given(formed())
                .when(new SetCommitteeAuthority(BUDGET, upTo, "EUR", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("add at least one member"))
                .expectNoEvents();
        fixture.given(formed(), new CommitteeMemberAdded(BUDGET, VERA, IVY, NOW))
                .when(new SetCommitteeAuthority(BUDGET, upTo, "euro", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("three-letter ISO code"));
        fixture.given(formed(), new CommitteeMemberAdded(BUDGET, VERA, IVY, NOW))
                .when(new SetCommitteeAuthority(BUDGET, new Authority(Map.of("it", BigDecimal.valueOf(-1))), "EUR",
                        IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("zero or more"));
        fixture.given(formed(), new CommitteeMemberAdded(BUDGET, VERA, IVY, NOW))
                .when(new SetCommitteeAuthority(BUDGET, upTo, "EUR", IVY))
                .expectEvents(new CommitteeAuthoritySet(BUDGET, upTo, "EUR", IVY, NOW));
    }

    @Test
    void aDissolvedCommitteeNoLongerChanges() {
        fixture.given(formed())
                .when(new DissolveCommittee(BUDGET, IVY))
                .expectEvents(new CommitteeDissolved(BUDGET, IVY, NOW));
        fixture.given(formed(), new CommitteeDissolved(BUDGET, IVY, NOW))
                .when(new AddCommitteeMember(BUDGET, VERA, IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("is dissolved"))
                .expectNoEvents();
        fixture.given(formed(), new CommitteeDissolved(BUDGET, IVY, NOW))
                .when(new DissolveCommittee(BUDGET, IVY))
                .expectException(RuleViolation.class);
    }

    @Test
    void anIdIsSuggestedByTheName() {
        org.junit.jupiter.api.Assertions.assertEquals("budget-committee",
                CommitteeId.from("  Budget  Committee! ").value());
    }
}

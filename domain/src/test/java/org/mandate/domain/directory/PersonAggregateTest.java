package org.mandate.domain.directory;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.notification.Delivery;
import org.mandate.domain.notification.NoticeKind;
import org.mandate.domain.notification.NotificationPreferenceSet;
import org.mandate.domain.notification.SetNotificationPreference;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.mandate.domain.RuleViolations.violation;

class PersonAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final PersonId SOFIA = PersonId.of("sofia");
    private static final PersonId VERA = PersonId.of("vera");
    private static final PersonId IVY = PersonId.of("ivy");
    private static final PersonId MAX = PersonId.of("max");

    private FixtureConfiguration<PersonAggregate> fixture;
    private SchoolDirectory directory;

    @BeforeEach
    void setUp() {
        directory = SchoolDirectory.school();
        fixture = new AggregateTestFixture<>(PersonAggregate.class);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(new HeldSteps());
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aPersonJoinsUnderAManagerWhoIsThere() {
        fixture.givenNoPriorActivity()
                .when(new JoinPerson(PersonId.of("kim"), "Kim Lee", "Teacher", SOFIA, Set.of(), Authority.none()))
                .expectEvents(new PersonJoined(PersonId.of("kim"), "Kim Lee", "Teacher", SOFIA, Set.of(),
                        Authority.none()));
    }

    @Test
    void refusesAManagerWhoIsNotInTheDirectory() {
        fixture.givenNoPriorActivity()
                .when(new JoinPerson(PersonId.of("kim"), "Kim Lee", "Teacher", PersonId.of("zed"), Set.of(),
                        Authority.none()))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "'zed' is not in the directory"));
    }

    @Test
    void authorityIsSetAsAnEvent() {
        Authority trips = new Authority(Map.of("*", new BigDecimal("2000"), "trip", new BigDecimal("500")));
        fixture.given(sofiaJoined())
                .when(new SetAuthority(SOFIA, trips))
                .expectEvents(new AuthoritySet(SOFIA, trips));
    }

    @Test
    void rolesAreSetAsAnEvent() {
        fixture.given(sofiaJoined())
                .when(new SetRoles(SOFIA, Set.of(Role.AUDITOR), IVY))
                .expectEvents(new RolesSet(SOFIA, Set.of(Role.AUDITOR), IVY));
    }

    @Test
    void rolesMayShrinkToStaffOnly() {
        fixture.given(sofiaJoined())
                .when(new SetRoles(SOFIA, Set.of(), IVY))
                .expectEvents(new RolesSet(SOFIA, Set.of(), IVY));
    }

    @Test
    void refusesMissingRoles() {
        fixture.given(sofiaJoined())
                .when(new SetRoles(SOFIA, null, IVY))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "empty list"));
    }

    @Test
    void refusesRolesForALeaver() {
        fixture.given(sofiaJoined(), new PersonLeft(SOFIA, VERA, IVY, NOW))
                .when(new SetRoles(SOFIA, Set.of(), IVY))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already left"));
    }

    @Test
    void refusesANegativeAuthority() {
        fixture.given(sofiaJoined())
                .when(new SetAuthority(SOFIA, new Authority(Map.of("*", new BigDecimal("-1")))))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "zero or more"));
    }

    @Test
    void theManagerChangesAsAnEvent() {
        fixture.given(sofiaJoined())
                .when(new ChangeManager(SOFIA, PersonId.of("omar")))
                .expectEvents(new ManagerChanged(SOFIA, PersonId.of("omar")));
    }

    @Test
    void refusesAReportingLoop() {
        fixture.given(new PersonJoined(VERA, "Vera", null, PersonId.of("pat"), Set.of(), Authority.upTo(10_000)))
                .when(new ChangeManager(VERA, PersonId.of("ana")))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "close a loop"));
    }

    @Test
    void refusesBeingOnesOwnManager() {
        fixture.given(sofiaJoined())
                .when(new ChangeManager(SOFIA, SOFIA))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "their own manager"));
    }

    @Test
    void aDepartureNamesTheSuccessor() {
        fixture.given(sofiaJoined())
                .when(new RecordDeparture(SOFIA, PersonId.of("liam"), IVY))
                .expectEvents(new PersonLeft(SOFIA, PersonId.of("liam"), IVY, NOW));
    }

    @Test
    void withoutASuccessorTheNearestActiveManagerTakesOver() {
        fixture.given(sofiaJoined())
                .when(new RecordDeparture(SOFIA, null, IVY))
                .expectEvents(new PersonLeft(SOFIA, VERA, IVY, NOW));
    }

    @Test
    void aManagerWhoLeftIsSkippedForTheNextOneUp() {
        directory.left("vera");
        fixture.given(sofiaJoined())
                .when(new RecordDeparture(SOFIA, null, IVY))
                .expectEvents(new PersonLeft(SOFIA, PersonId.of("pat"), IVY, NOW));
    }

    @Test
    void refusesADepartureNobodyCanTakeOver() {
        fixture.given(new PersonJoined(PersonId.of("pat"), "Pat", null, null, Set.of(), Authority.upTo(50_000)))
                .when(new RecordDeparture(PersonId.of("pat"), null, IVY))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "name a successor"));
    }

    @Test
    void refusesASuccessorWhoLeft() {
        directory.left("liam");
        fixture.given(sofiaJoined())
                .when(new RecordDeparture(SOFIA, PersonId.of("liam"), IVY))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "successor 'liam'"));
    }

    @Test
    void refusesSomeoneAsTheirOwnSuccessor() {
        fixture.given(sofiaJoined())
                .when(new RecordDeparture(SOFIA, SOFIA, IVY))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "cannot succeed themselves"));
    }

    @Test
    void aPersonLeavesOnce() {
        fixture.given(sofiaJoined(), new PersonLeft(SOFIA, VERA, IVY, NOW))
                .when(new RecordDeparture(SOFIA, null, IVY))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already left"));
    }

    @Test
    void aLeaverIsReadOnly() {
        fixture.given(sofiaJoined(), new PersonLeft(SOFIA, VERA, IVY, NOW))
                .when(new SetAuthority(SOFIA, Authority.upTo(1)))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already left"));
    }

    @Test
    void aMailAddressIsSetAsAnEvent() {
        fixture.given(sofiaJoined())
                .when(new SetEmail(SOFIA, "sofia@school.example", IVY))
                .expectEvents(new EmailSet(SOFIA, "sofia@school.example", IVY));
    }

    @Test
    void aMailAddressWithATypoIsRefused() {
        fixture.given(sofiaJoined())
                .when(new SetEmail(SOFIA, "sofia at school", IVY))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "is not a mail address"));
    }

    @Test
    void aDigestIsSentAtTheChosenHour() {
        fixture.given(sofiaJoined())
                .when(new SetNotificationPreference(SOFIA, NoticeKind.REMINDER, Delivery.DAILY_DIGEST, 7))
                .expectEvents(new NotificationPreferenceSet(SOFIA, NoticeKind.REMINDER, Delivery.DAILY_DIGEST, 7));
    }

    @Test
    void onlyADigestKeepsAnHour() {
        fixture.given(sofiaJoined())
                .when(new SetNotificationPreference(SOFIA, NoticeKind.REMINDER, Delivery.AT_ONCE, 7))
                .expectEvents(new NotificationPreferenceSet(SOFIA, NoticeKind.REMINDER, Delivery.AT_ONCE, null));
    }

    @Test
    void aDigestHourIsAnHourOfTheDay() {
        fixture.given(sofiaJoined())
                .when(new SetNotificationPreference(SOFIA, NoticeKind.REMINDER, Delivery.DAILY_DIGEST, 24))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "from 0 to 23; 24 is not one"));
    }

    @Test
    void aLeaverChoosesNothing() {
        fixture.given(sofiaJoined(), new PersonLeft(SOFIA, VERA, IVY, NOW))
                .when(new SetNotificationPreference(SOFIA, NoticeKind.REMINDER, Delivery.OFF, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "has already left"));
    }


    @Test
    void anErasureOfALeaverIsAskedByOneAdministrator() {
        fixture.given(sofiaJoined(), new PersonLeft(SOFIA, VERA, IVY, NOW))
                .when(new RequestErasure(SOFIA, IVY, " left in 2024, retention over "))
                .expectEvents(new ErasureRequested(SOFIA, IVY, "left in 2024, retention over", NOW));
    }

    @Test
    void anErasureIsApprovedByAnotherAdministrator() {
        fixture.given(sofiaJoined(), new PersonLeft(SOFIA, VERA, IVY, NOW),
                        new ErasureRequested(SOFIA, IVY, "left in 2024", NOW))
                .when(new ApproveErasure(SOFIA, MAX))
                .expectEvents(new PersonErased(SOFIA, IVY, MAX, "left in 2024", NOW));
    }

    @Test
    void refusesToEraseSomeoneStillHere() {
        fixture.given(sofiaJoined())
                .when(new RequestErasure(SOFIA, IVY, "left"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "has not left"));
    }

    @Test
    void refusesAnErasureWithoutAReason() {
        fixture.given(sofiaJoined(), new PersonLeft(SOFIA, VERA, IVY, NOW))
                .when(new RequestErasure(SOFIA, IVY, " "))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "needs a reason"));
    }

    @Test
    void theAdministratorWhoAskedCannotApprove() {
        fixture.given(sofiaJoined(), new PersonLeft(SOFIA, VERA, IVY, NOW),
                        new ErasureRequested(SOFIA, IVY, "left in 2024", NOW))
                .when(new ApproveErasure(SOFIA, IVY))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "four eyes"));
    }

    @Test
    void nobodyApprovesAnErasureThatWasNotAsked() {
        fixture.given(sofiaJoined(), new PersonLeft(SOFIA, VERA, IVY, NOW))
                .when(new ApproveErasure(SOFIA, MAX))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "Nobody asked"));
    }

    @Test
    void anErasedPersonStaysErased() {
        fixture.given(sofiaJoined(), new PersonLeft(SOFIA, VERA, IVY, NOW),
                        new ErasureRequested(SOFIA, IVY, "left", NOW),
                        new PersonErased(SOFIA, IVY, MAX, "left", NOW))
                .when(new RequestErasure(SOFIA, IVY, "again"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already erased"));
    }

    private static PersonJoined sofiaJoined() {
        return new PersonJoined(SOFIA, "Sofia Reyes", "Head of science", VERA, Set.of(), Authority.upTo(2_000));
    }
}

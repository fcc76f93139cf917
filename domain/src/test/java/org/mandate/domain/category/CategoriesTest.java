package org.mandate.domain.category;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoriesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final PersonId IVY = PersonId.of("ivy");

    private FixtureConfiguration<Categories> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Categories.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void anAdminAddsACategoryWithAKeyAndAName() {
        fixture.givenNoPriorActivity()
                .when(new AddCategory(" field-trip ", " Field trips ", IVY))
                .expectEvents(new CategoryAdded("field-trip", "Field trips", IVY, NOW));
    }

    @ParameterizedTest
    @MethodSource("keysRequestsCouldNotCarry")
    void refusesAKeyThatRequestsCouldNotCarry(String key) {
        fixture.givenNoPriorActivity()
                .when(new AddCategory(key, "Something", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("cannot be a category key"));
    }

    static List<String> keysRequestsCouldNotCarry() {
        return List.of("Equipment", "*", "", "a".repeat(65));
    }

    @Test
    void refusesASecondCategoryWithTheSameKey() {
        fixture.given(new CategoryAdded("equipment", "Equipment", IVY, NOW))
                .when(new AddCategory("equipment", "Gear", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("rename it instead"));
    }

    @Test
    void refusesASecondCategoryWithTheSameNameInAnyCase() {
        fixture.given(new CategoryAdded("equipment", "Equipment", IVY, NOW))
                .when(new AddCategory("gear", "EQUIPMENT", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("could not be told apart"));
    }

    @Test
    void renamingKeepsTheKeyAndRemembersTheOldName() {
        fixture.given(new CategoryAdded("trip", "Trip", null, NOW))
                .when(new RenameCategory("trip", "School trips", IVY))
                .expectEvents(new CategoryRenamed("trip", "Trip", "School trips", IVY, NOW));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        fixture.given(new CategoryAdded("trip", "Trip", null, NOW))
                .when(new RenameCategory("trip", " Trip ", IVY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void retiringKeepsTheKeyKnown() {
        fixture.given(new CategoryAdded("trip", "Trip", null, NOW))
                .when(new RetireCategory("trip", IVY))
                .expectEvents(new CategoryRetired("trip", IVY, NOW));
    }

    @Test
    void retiringIsOnce() {
        fixture.given(new CategoryAdded("trip", "Trip", null, NOW), new CategoryRetired("trip", IVY, NOW))
                .when(new RetireCategory("trip", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("retired already"));
    }

    @Test
    void addingARetiredCategoryAgainBringsItBack() {
        fixture.given(new CategoryAdded("trip", "Trip", null, NOW), new CategoryRetired("trip", IVY, NOW))
                .when(new AddCategory("trip", "Trips", IVY))
                .expectEvents(new CategoryAdded("trip", "Trips", IVY, NOW));
    }

    @Test
    void renamingOrRetiringAnUnknownKeyIsNotFound() {
        fixture.given(new CategoryAdded("trip", "Trip", null, NOW))
                .when(new RetireCategory("tirp", IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("There is no category 'tirp'"));
    }

    @Test
    void seedingAddsTheCategoriesInUseOnce() {
        fixture.givenNoPriorActivity()
                .when(new SeedCategories(List.of("trip", "equipment", "trip")))
                .expectEvents(new CategoryAdded("equipment", "Equipment", null, NOW),
                        new CategoryAdded("trip", "Trip", null, NOW));
    }

    @Test
    void seedingAListThatHasCategoriesAlreadyAddsNothing() {
        fixture.given(new CategoryAdded("books", "Books", IVY, NOW))
                .when(new SeedCategories(List.of("trip")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnknownCategoryIsRefusedWithTheKnownOnesAndTheClosestSuggested() {
        CategoryList list = listOf("equipment", "supplies", "trip");

        assertThatThrownBy(() -> list.requireActive("equipmnet"))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("Unknown category 'equipmnet'; known: equipment, supplies, trip. Did you mean "
                        + "'equipment'? An admin can add categories under Admin → Categories.")
                .satisfies(e -> assertThat(((RuleViolation) e).properties())
                        .containsEntry("known", List.of("equipment", "supplies", "trip")));
        assertThatThrownBy(() -> list.requireActive("trp")).hasMessageContaining("Did you mean 'trip'?");
        for (String unlike : List.of("zoo", "it")) {
            assertThatThrownBy(() -> list.requireActive(unlike)).hasMessageNotContaining("Did you mean");
        }
    }

    @Test
    void aRetiredCategoryIsKnownButTakesNothingNew() {
        CategoryList list = listOf("equipment", "trip");
        list.on(new CategoryRetired("trip", IVY, NOW));

        assertThat(list.requireKnown("trip").active()).isFalse();
        assertThatThrownBy(() -> list.requireActive("trip"))
                .hasMessage("Category 'trip' was retired; nothing new can be started in it. Choose one of: "
                        + "equipment.");
        assertThat(list.active()).extracting(Category::key).containsExactly("equipment");
    }

    private static CategoryList listOf(String... keys) {
        CategoryList list = new CategoryList();
        for (String key : keys) {
            list.on(new CategoryAdded(key, CategoryPolicy.nameFor(key), null, NOW));
        }
        return list;
    }
}

package org.mandate.domain.request;

import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalRoutingTest {

    private final ApprovalRouting routing = new ApprovalRouting(SchoolDirectory.school());

    @Test
    void routesASmallRequestToTheNearestManagerWhoseAuthorityCoversIt() {
        assertThat(approverFor("ana", 1500)).isEqualTo("sofia");
    }

    @Test
    void skipsManagersWhoseAuthorityIsTooSmall() {
        assertThat(approverFor("ana", 8000)).isEqualTo("vera");
        assertThat(approverFor("ana", 20000)).isEqualTo("pat");
    }

    @Test
    void neverCountsTheRequestersOwnAuthority() {
        assertThat(approverFor("sofia", 1500)).isEqualTo("vera");
    }

    @Test
    void refusesAnAmountNobodyInTheChainMayApproveAndNamesTheLargestTheyCan() {
        assertThatThrownBy(() -> approverFor("ana", 60000))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("largest amount your chain can approve is 50000")
                .satisfies(e -> assertThat(((RuleViolation) e).kind()).isEqualTo(RuleViolation.Kind.INVALID));
    }

    @Test
    void refusesARequesterWithoutManager() {
        assertThatThrownBy(() -> approverFor("pat", 10)).hasMessageContaining("no manager");
    }

    @Test
    void usesACategoryLimitBeforeTheGeneralOne() {
        var directory = SchoolDirectory.school()
                .with("kim", "sofia", Authority.none());
        directory.with("sofia", "vera", new Authority(java.util.Map.of("*", new BigDecimal("2000"),
                "trip", new BigDecimal("100"))));
        assertThat(new ApprovalRouting(directory).firstApprover(PersonId.of("kim"), "trip", new BigDecimal("500"))
                .id().value()).isEqualTo("vera");
    }

    @Test
    void sendsTheFinanceCheckToTheFinanceOfficerUnlessTheyAsked() {
        assertThat(routing.financeChecker(PersonId.of("ana")).id().value()).isEqualTo("fay");
        assertThat(routing.financeChecker(PersonId.of("fay")).id().value()).isEqualTo("omar");
    }

    private String approverFor(String requester, long amount) {
        return routing.firstApprover(PersonId.of(requester), "equipment", BigDecimal.valueOf(amount)).id().value();
    }
}

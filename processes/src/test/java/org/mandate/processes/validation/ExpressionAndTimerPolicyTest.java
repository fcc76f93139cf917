package org.mandate.processes.validation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpressionAndTimerPolicyTest {

    private final TimerPolicy timers = new TimerPolicy(Duration.ofMinutes(5));

    @Test
    void acceptsComparisonsOfMandatesVariables() {
        assertThat(ExpressionPolicy.checkCondition("${outcome == 'APPROVED' && amount >= 5000}")).isNull();
        assertThat(ExpressionPolicy.checkCondition("${category eq \"trip\" or not (amount lt 10.5)}")).isNull();
        assertThat(ExpressionPolicy.checkCondition("#{empty category}")).isNull();
    }

    @Test
    void refusesBeansMethodsPropertiesAndConcatenatedExpressions() {
        assertThat(ExpressionPolicy.checkCondition("${routing.approverFor(execution) == 'pat'}").text())
                .contains("'routing'");
        assertThat(ExpressionPolicy.checkCondition("${amount.class}").text()).contains("'.class'", "not allowed");
        assertThat(ExpressionPolicy.checkCondition("${amount > 5}${true}").text()).contains("not a single");
        assertThat(ExpressionPolicy.checkCondition("${''.getClass().forName('java.lang.Runtime')}").text())
                .contains("not allowed");
        assertThat(ExpressionPolicy.checkCondition("${amount[0]}").text()).contains("not allowed");
    }

    @Test
    void acceptsOnlyTheRoutingAssignments() {
        assertThat(ExpressionPolicy.checkAssignment("${ routing.approverFor( execution ) }")).isNull();
        assertThat(ExpressionPolicy.checkAssignment("${routing.financeCheckerFor(execution)}")).isNull();
        assertThat(ExpressionPolicy.checkAssignment("${routing.directory}")).isNotNull();
        assertThat(ExpressionPolicy.checkAssignment("${requester}")).isNotNull();
    }

    @Test
    void dueDatesMayBeCountedByTheRoutingBean() {
        assertThat(ExpressionPolicy.checkDueAfter("${routing.dueAfter('P2D')}")).isNull();
        assertThat(ExpressionPolicy.checkDueAfter("${ routing.dueAfter( 'PT4H' ) }")).isNull();
        assertThat(ExpressionPolicy.checkDueAfter("${routing.dueAfter('P1W')}").text()).contains("not a duration");
        assertThat(ExpressionPolicy.checkDueAfter("${dateTime().plusWeeks(1).toDate()}").text())
                .contains("does not understand", "${routing.dueAfter('P2D')}");
    }

    @Test
    void namesMayQuoteVariablesButNothingElse() {
        assertThat(ExpressionPolicy.checkTemplate("Approve ${category} for ${amount}")).isNull();
        assertThat(ExpressionPolicy.checkTemplate("Hi ${execution.id}").text()).contains("'execution'");
        assertThat(ExpressionPolicy.checkTemplate("Hi ${amount ${x}}")).isNotNull();
    }

    @Test
    void reasonsCarryTheirCodeAndTheValuesTheyQuote() {
        assertThat(timers.check("timeDuration", "PT1M")).isEqualTo(new Said("the timer waits PT1M, less than the "
                + "minimum of PT5M. Choose PT5M or longer", "timer.tooShort", List.of("PT1M", "PT5M")));
        assertThat(timers.check("timeDate", "tomorrow").code()).isEqualTo("timer.notDate");
        assertThat(ExpressionPolicy.checkCondition("${amount[0]}").args()).containsExactly("[0]",
                ExpressionPolicy.CONDITION_EXAMPLE);
        assertThat(ExpressionPolicy.checkDueAfter("${routing.dueAfter('P1W')}").args()).containsExactly("P1W");
        assertThat(ExpressionPolicy.checkTemplate("Hi ${amount ${amount}}").code()).isEqualTo("expression.nested");
    }

    @Test
    void timersAtOrAboveTheMinimumPass() {
        assertThat(timers.check("timeDuration", "PT5M")).isNull();
        assertThat(timers.check("timeDuration", "P2D")).isNull();
        assertThat(timers.check("timeDuration", "P1W")).isNull();
        assertThat(timers.check("timeCycle", "R3/PT1H")).isNull();
        assertThat(timers.check("timeCycle", "R/2027-01-01T08:00:00Z/P1D")).isNull();
        assertThat(timers.check("timeDate", "2027-01-31T17:00:00Z")).isNull();
    }

    @Test
    void timersBelowTheMinimumOrWrittenAsCodeAreRefused() {
        assertThat(timers.check("timeDuration", "PT4M59S").text()).contains("minimum of PT5M");
        assertThat(timers.check("timeDuration", "-PT1H").text()).contains("minimum");
        assertThat(timers.check("timeCycle", "R/PT1M").text()).contains("repeats every PT1M");
        assertThat(timers.check("timeCycle", "0 0/1 * * * ?").text()).contains("cron");
        assertThat(timers.check("timeDuration", "${sla}").text()).contains("expression");
        assertThat(timers.check("timeDuration", "soon").text()).contains("not an ISO 8601 duration");
        assertThat(timers.check("timeDate", "tomorrow").text()).contains("not an ISO 8601 date");
    }
}

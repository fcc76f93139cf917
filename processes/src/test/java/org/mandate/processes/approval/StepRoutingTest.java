package org.mandate.processes.approval;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.mandate.domain.Money;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step routed after the transaction that started the path (an escalation's timer, the step after a decision)
 * reads the amount the engine stores, a double. Every amount a request may have (at most
 * {@link Money#LARGEST_REQUEST}, in cents) has at most twelve digits, which a double holds exactly: the routing
 * rule sees the same value as at the start, up to the last cent.
 */
class StepRoutingTest {

    private static final BigDecimal LARGEST_BUT_A_CENT = Money.LARGEST_REQUEST.subtract(new BigDecimal("0.01"));

    /** ana reports to sofia, who may approve all but the largest request; sofia to vera, who may approve all. */
    private final StepRouting routing = new StepRouting(new PeopleDirectory(
            person("vera", null, Money.LARGEST_REQUEST),
            person("sofia", "vera", LARGEST_BUT_A_CENT),
            person("ana", "sofia", BigDecimal.ZERO)));

    @Test
    void routesOnTheEnginesDoubleAsOnTheExactAmountDownToTheCent() {
        assertThat(routing.approverFor(storedByTheEngine(LARGEST_BUT_A_CENT))).isEqualTo("sofia");
        assertThat(routing.approverFor(storedByTheEngine(Money.LARGEST_REQUEST))).isEqualTo("vera");
        assertThat(routing.approverFor(storedByTheEngine(new BigDecimal("0.01")))).isEqualTo("sofia");
    }

    /** In the transaction that starts the path the exact amount (a decimal string) is there, and routing takes it. */
    @Test
    void routesOnTheExactAmountWhileTheStartingTransactionHasIt() {
        VariableScope starting = variables(Map.of(ApprovalPath.REQUESTER, "ana", ApprovalPath.CATEGORY, "equipment",
                ApprovalPath.AMOUNT, Money.LARGEST_REQUEST.doubleValue(),
                ApprovalPath.EXACT_AMOUNT, LARGEST_BUT_A_CENT.toPlainString()));

        assertThat(routing.approverFor(starting)).as("the exact amount, not the double beside it").isEqualTo("sofia");
    }

    /** The variables a later transaction finds: the transient exact amount is gone, the double is what remains. */
    private static VariableScope storedByTheEngine(BigDecimal amount) {
        return variables(Map.of(ApprovalPath.REQUESTER, "ana", ApprovalPath.CATEGORY, "equipment",
                ApprovalPath.AMOUNT, amount.doubleValue()));
    }

    private static VariableScope variables(Map<String, Object> variables) {
        return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
                new Class<?>[] {VariableScope.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getVariable") && args.length == 1) {
                        return variables.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Person person(String id, String manager, BigDecimal limit) {
        return new Person(PersonId.of(id), id, manager == null ? null : PersonId.of(manager), Set.of(),
                new Authority(Map.of(Authority.ANY, limit)), true);
    }
}

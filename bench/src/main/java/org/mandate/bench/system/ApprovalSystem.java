package org.mandate.bench.system;

import org.mandate.bench.db.SqlCounter;

/**
 * Something that runs approvals on the approval.bpmn path: Mandate, or plain Camunda as the baseline. Every
 * approval follows the same mix: even numbers ask for 1500 (one step), odd ones for 6000 (an approval and a
 * finance check), all approved.
 */
public interface ApprovalSystem extends AutoCloseable {

    String name();

    /** One whole approval: submit, find each step in its approver's inbox and decide it, see the request closed. */
    void approve(int n);

    /** Submits a request and waits until its first step is in the approver's inbox; returns what decide needs. */
    Object openStep(int n);

    /** Decides a step that {@link #openStep} left waiting: the command whose latency is measured. */
    void decide(Object step);

    /**
     * Returns once the work the system does in the background for what it was asked so far is done (none for the
     * baseline engines), so that a measurement that follows does not pay for it.
     */
    default void settle() {
    }

    SqlCounter counter();

    @Override
    void close();

    static boolean needsFinanceCheck(int n) {
        return n % 2 == 1;
    }

    static long amount(int n) {
        return needsFinanceCheck(n) ? 6000 : 1500;
    }

    /** Who decides the steps of request n, in order: the routing rule's answer for the demo school's ana. */
    static String[] approvers(int n) {
        return needsFinanceCheck(n) ? new String[]{"vera", "fay"} : new String[]{"sofia"};
    }
}

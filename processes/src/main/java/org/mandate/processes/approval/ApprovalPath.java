package org.mandate.processes.approval;

/** Names shared by the BPMN files, the bridge and the assignment rule; change them in one place only. */
public final class ApprovalPath {

    /** The path used when a request names none. */
    public static final String DEFAULT_KEY = "approval";

    /** Process variables set when a request starts its path. */
    public static final String REQUESTER = "requester";
    public static final String CATEGORY = "category";
    public static final String AMOUNT = "amount";
    /**
     * The amount exactly as requested, as a decimal string in a transient variable (never stored) of the transaction
     * that starts the path: routing in that transaction uses it instead of {@link #AMOUNT}, which gateways compare
     * and which the engine can only hold as a double. A string, because the engine serialises an object value with
     * Java serialisation on every start even when it is transient (half a percent of an approval in the bench's
     * profile).
     */
    public static final String EXACT_AMOUNT = "exactAmount";
    /** Set when a step is decided: APPROVED or REJECTED; gateways route on it and the end reports it. */
    public static final String OUTCOME = "outcome";

    /**
     * A task-local variable: when (engine clock) the step was sent back for more information, while it waits for the
     * answer; its timers are suspended meanwhile (SendBackBridge).
     */
    public static final String PAUSED_AT = "mandatePausedAt";

    /**
     * Extension properties (camunda:property, the modeler's "Extension properties") that make a user task a committee
     * vote: {@code mandate:quorum} holds the rule ({@code 2 of 3}, see QuorumRule), {@code mandate:committee} the
     * committee's id. Such a task has no assignee: its voters come from the committee when it opens.
     */
    public static final String QUORUM_PROPERTY = "mandate:quorum";
    public static final String COMMITTEE_PROPERTY = "mandate:committee";

    /** The bean name approval paths use to assign steps, e.g. {@code ${routing.approverFor(execution)}}. */
    public static final String ROUTING_BEAN = "routing";

    private ApprovalPath() {
    }
}

package org.mandate.app.reconcile;

/** One place where the engine and a request's events disagree, said so that an administrator can act on it. */
public record Mismatch(String requestId, Kind kind, String detail) {

    public enum Kind {
        /** The request is in review but no approval path runs for it: nobody will ever be asked to decide. */
        NO_RUNNING_PATH,
        /** The request is closed but its path still runs, and may still open steps. */
        PATH_STILL_RUNNING,
        /** The request has an open step the engine has no task for: deciding it cannot move the path. */
        STEP_WITHOUT_TASK,
        /** The engine has a task the request never opened as a step: nobody sees it in their inbox. */
        TASK_WITHOUT_STEP,
        /** Step and task exist but name different people. */
        ASSIGNEE_DIFFERS,
        /** A path runs for a business key that is no request in the event store. */
        PATH_WITHOUT_REQUEST,
        /**
         * An open step is held, lent out or on loan by someone who has left: authority that ended would be exercised,
         * or nobody active may decide the step (a departure recorded before departures handed every step on).
         */
        STEP_HELD_BY_INACTIVE,
        /**
         * A step waits for the requester's answer but its engine timers still run (it would escalate while paused),
         * or it does not wait but its timers stand still (it would never escalate).
         */
        PAUSE_DIFFERS
    }
}

package org.mandate.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State a projection collects over a tracking processor's batch of events and writes just before the batch's
 * transaction commits, so that it commits or rolls back with the batch and its token. In a subscribing processor
 * (an inline read model) the root unit of work is the command's: the state gathers that command's events and is
 * written as its transaction prepares to commit; a failing write rolls the command back. Outside a unit of work the
 * change is written at once.
 */
public final class PerBatch {

    private PerBatch() {
    }

    /**
     * Applies {@code change} to this batch's state under {@code key}, made by {@code fresh} on first use, which
     * {@code write} writes at prepare-commit.
     */
    public static <T> void change(String key, Supplier<T> fresh, Consumer<T> write, Consumer<T> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            T alone = fresh.get();
            change.accept(alone);
            write.accept(alone);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        change.accept(batch.getOrComputeResource(key, name -> {
            T state = fresh.get();
            batch.onPrepareCommit(committing -> write.accept(state));
            return state;
        }));
    }
}

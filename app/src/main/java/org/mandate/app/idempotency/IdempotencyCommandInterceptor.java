package org.mandate.app.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.mandate.app.problem.AppRefusals;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Records a POST's Idempotency-Key in the transaction the command bus opened for its command, before the
 * command runs. The key commits with the command's events and the engine change, or not at all; a second
 * call with the same key that slipped past the filter's check fails on the key's primary key and applies
 * nothing. Axon registers it with the command bus, as it does every command handler interceptor bean.
 */
@Component
class IdempotencyCommandInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    IdempotencyCommandInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        IdempotentCall call = IdempotentCall.claim();
        if (call != null) {
            try {
                store.recordCommand(call, target(unitOfWork.getMessage()));
            } catch (DuplicateKeyException alreadyUsed) {
                throw AppRefusals.conflict("refusal.idempotency.meanwhile", call.key());
            }
        }
        return chain.proceed();
    }

    private String target(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            // a command that creates something without naming it up front; the stored answer carries its id
            return null;
        }
    }
}

package org.mandate.app.problem;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mandate.domain.FreeText;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies the domain's text rule ({@link FreeText}) to every command before its handler runs, so the API, the
 * pages and anything else that sends commands meet the same rule in one place. Axon registers it with the command
 * bus (as every handler interceptor bean) inside {@link RefusalLog}, so its refusals are logged like any other.
 */
@Component
@Order(1)
class FreeTextCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof Record command) {
            FreeText.checkFields(command);
        }
        return chain.proceed();
    }
}

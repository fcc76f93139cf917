package org.mandate.app.problem;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mandate.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A refused command is the system working, not failing: one INFO line says who tried what and why, for the API
 * and the pages alike (both send commands through this bus). Faults are left to whoever answers the caller, which
 * logs them with their stack trace (ProblemAdvice for the API).
 */
@Component
class RefusalLog implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

    RefusalLog(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (Exception failure) {
            RuleViolation rule = ruleIn(failure);
            if (rule != null) {
                log.info("Refused {} by {}: {} {}", unitOfWork.getMessage().getPayloadType().getSimpleName(), who(),
                        rule.kind(), rule.getMessage());
            }
            throw failure;
        }
    }

    private static String who() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null ? "the system" : "'" + user.getName() + "'";
    }

    private static RuleViolation ruleIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RuleViolation rule) {
                return rule;
            }
        }
        return null;
    }
}

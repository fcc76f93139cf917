package org.mandate.app.problem;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mandate.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A refused command is the system working, not failing: one INFO line says who tried what and why, for the API
 * and the pages alike (both send commands through this bus). Faults are left to whoever answers the caller, which
 * logs them with their stack trace (ProblemAdvice for the API). Axon registers every command handler interceptor
 * bean with the command bus, in this order: first is outermost, so this one sees the refusals of the others.
 */
@Component
@Order(0)
class RefusalLog implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
    private static final String LOGGED = RefusalLog.class.getName() + ".logged";

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
                logged(rule);
            }
            throw failure;
        }
    }

    /**
     * Logs a rule broken outside any command (a controller's own check, such as an unknown id in the address) as
     * the same one INFO line, unless the command bus has logged it already.
     */
    static void refusedOutsideACommand(RuleViolation rule, String method, String path, String user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(LOGGED, RequestAttributes.SCOPE_REQUEST) == rule) {
            return;
        }
        log.info("Refused {} {} by {}: {} {}", method, path, user == null ? "someone not logged in" : "'" + user + "'",
                rule.kind(), rule.getMessage());
    }

    private static void logged(RuleViolation rule) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(LOGGED, rule, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static String who() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null ? "the system" : "'" + user.getName() + "'";
    }

    private static RuleViolation ruleIn(Throwable failure) {
        return ExceptionUtils.throwableOfType(failure, RuleViolation.class);
    }
}

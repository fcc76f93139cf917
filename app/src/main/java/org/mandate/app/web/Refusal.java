package org.mandate.app.web;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.mandate.domain.RuleViolation;
import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * Why a command was refused, in words for the person on the page. Causes are searched through wrappers, because
 * a rule broken inside an engine listener reaches the page wrapped by the engine and by Axon.
 */
public record Refusal(HttpStatus status, String message, boolean invalidInput) {

    private static final Map<RuleViolation.Kind, HttpStatus> STATUS = Map.of(
            RuleViolation.Kind.INVALID, HttpStatus.BAD_REQUEST,
            RuleViolation.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
            RuleViolation.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            RuleViolation.Kind.CONFLICT, HttpStatus.CONFLICT);

    /** The refusal behind the exception, or the exception itself when it is not a refusal but a failure. */
    public static Refusal of(RuntimeException exception) {
        RuleViolation rule = find(exception, RuleViolation.class);
        if (rule != null) {
            return new Refusal(STATUS.get(rule.kind()), rule.getMessage(), rule.kind() == RuleViolation.Kind.INVALID);
        }
        if (find(exception, AggregateNotFoundException.class) != null) {
            return new Refusal(HttpStatus.NOT_FOUND, "There is no such request. Check the link, or look in your inbox.",
                    false);
        }
        if (find(exception, ConcurrencyException.class) != null
                || find(exception, OptimisticLockingException.class) != null) {
            return new Refusal(HttpStatus.CONFLICT, "Someone else changed this request at the same moment. "
                    + "Look at it again, then try once more if it still applies.", false);
        }
        throw exception;
    }

    static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        return ExceptionUtils.throwableOfType(exception, type);
    }
}

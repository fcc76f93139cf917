package org.mandate.app.problem;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.mandate.app.web.voice.Messages;
import org.mandate.domain.RuleViolation;
import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * Why a command was refused, in words for a person: the one mapping from a broken rule to a status and a sentence,
 * used by the JSON API ({@link ProblemAdvice}) and by the pages alike. Causes are searched through wrappers,
 * because a rule broken inside an engine listener arrives wrapped by the engine and by Axon.
 *
 * @param message the sentence in the caller's language (the page's, or the API caller's choice or Accept-Language;
 *                English without either), see {@link Messages#locale()}
 * @param english the same sentence in English, for code that reads it (which form field it is about)
 * @param properties extra members of the API's problem body (e.g. the step a conflict is about)
 */
public record Refusal(HttpStatus status, String message, String english, boolean invalidInput,
                      Map<String, Object> properties) {

    private static final Map<RuleViolation.Kind, HttpStatus> STATUS = Map.of(
            RuleViolation.Kind.INVALID, HttpStatus.BAD_REQUEST,
            RuleViolation.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
            RuleViolation.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            RuleViolation.Kind.CONFLICT, HttpStatus.CONFLICT);

    /** The refusal behind the exception, or the exception itself rethrown when it is a failure, not a refusal. */
    public static Refusal of(RuntimeException exception) {
        Refusal refusal = among(exception);
        if (refusal == null) {
            throw exception;
        }
        return refusal;
    }

    /** The refusal behind the exception, or null when it is a failure, not a refusal. */
    static Refusal among(Throwable exception) {
        RuleViolation rule = ExceptionUtils.throwableOfType(exception, RuleViolation.class);
        if (rule != null) {
            return new Refusal(STATUS.get(rule.kind()), rule.message(Messages.locale()), rule.getMessage(),
                    rule.kind() == RuleViolation.Kind.INVALID, rule.properties());
        }
        Refused refused = ExceptionUtils.throwableOfType(exception, Refused.class);
        if (refused != null) {
            return new Refusal(refused.status(), refused.message(), refused.getMessage(),
                    refused.status().is4xxClientError(), Map.of());
        }
        if (ExceptionUtils.throwableOfType(exception, AggregateNotFoundException.class) != null) {
            return new Refusal(HttpStatus.NOT_FOUND, Messages.of("refusal.noSuchRequest"),
                    Messages.english("refusal.noSuchRequest"), false, Map.of());
        }
        if (ExceptionUtils.throwableOfType(exception, ConcurrencyException.class) != null
                || ExceptionUtils.throwableOfType(exception, OptimisticLockingException.class) != null) {
            return new Refusal(HttpStatus.CONFLICT, Messages.of("refusal.changedMeanwhile"),
                    Messages.english("refusal.changedMeanwhile"), false, Map.of());
        }
        return null;
    }
}

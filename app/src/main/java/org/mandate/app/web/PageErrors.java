package org.mandate.app.web;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.app.outage.OutageAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.UUID;

/**
 * Pages answer with a page, not with problem+json: this advice is consulted before the API's for the page
 * controllers (this package's and those marked {@link Page}), and says what went wrong and where to go next.
 */
@ControllerAdvice(basePackages = "org.mandate.app.web", annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badAddress(MethodArgumentTypeMismatchException exception, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, Messages.of("problem.badAddress",
                String.valueOf(exception.getValue())), model, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(Model model, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, Messages.of("problem.role"), model, response);
    }

    private final OutageAnswers outages;

    PageErrors(OutageAnswers outages) {
        this.outages = outages;
    }

    @ExceptionHandler(Exception.class)
    String anything(Exception exception, Model model, HttpServletRequest request, HttpServletResponse response) {
        String outage = outages.pageMessage(exception, response);
        if (outage != null) {
            return unavailable(outage, model, response);
        }
        if (exception instanceof ErrorResponse error) {
            HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
            return page(status, Messages.of("problem.didNotWork",
                    status.getReasonPhrase().toLowerCase()), model, response);
        }
        if (exception instanceof RuntimeException runtime) {
            try {
                Refusal refusal = Refusal.of(runtime);
                return page(refusal.status(), refusal.message(), model, response);
            } catch (RuntimeException notARefusal) {
                // falls through: a failure on our side
            }
        }
        String unexplainedOutage = outages.unexplainedPageMessage(exception, request, response);
        if (unexplainedOutage != null) {
            return unavailable(unexplainedOutage, model, response);
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure on a page, reference {}", reference, exception);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, Messages.of("problem.ourSide", reference),
                model, response);
    }

    /** Its own page, without the layout: the layout reads the directory, which may be what is out of reach. */
    private static String unavailable(String message, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("message", message);
        return "unavailable";
    }

    private static String page(HttpStatus status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", message);
        return "problem";
    }
}

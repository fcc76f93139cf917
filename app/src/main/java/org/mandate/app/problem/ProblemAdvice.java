package org.mandate.app.problem;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.mandate.app.attachment.AttachmentSettings;
import org.mandate.app.attachment.Attachments;
import org.mandate.app.outage.OutageAnswers;
import org.mandate.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers the JSON API's failures as problem+json: a refusal as {@link Refusal} words it (the pages use the same),
 * an outage as {@link OutageAnswers} does, malformed input with what to send instead, anything else as a 500 with a
 * reference to quote.
 */
@RestControllerAdvice(basePackages = "org.mandate.app")
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final OutageAnswers outages;
    private final DataSize attachmentLimit;

    ProblemAdvice(OutageAnswers outages, AttachmentSettings attachments) {
        this.outages = outages;
        this.attachmentLimit = attachments.maxSize();
    }

    /** Only uploads are multipart, and only attachments are uploaded: the servlet container's limit is theirs. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException exception,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE, Attachments.tooLargeDetail(attachmentLimit)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> anything(Exception exception, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> outage = outages.problem(exception,
                request.getHeader("Idempotency-Key") != null);
        if (outage != null) {
            return outage;
        }
        Refusal refusal = Refusal.among(exception);
        if (refusal != null) {
            RuleViolation rule = find(exception, RuleViolation.class);
            if (rule != null) {
                RefusalLog.refusedOutsideACommand(rule, request.getMethod(), request.getRequestURI(),
                        request.getRemoteUser());
            }
            ResponseEntity<ProblemDetail> problem = problem(refusal.status(), refusal.message());
            refusal.properties().forEach(problem.getBody()::setProperty);
            return problem;
        }
        if (find(exception, AccessDeniedException.class) != null) {
            return problem(HttpStatus.FORBIDDEN, "Your role does not allow this.");
        }
        if (find(exception, MultipartException.class) != null) {
            return problem(HttpStatus.BAD_REQUEST, "The body could not be read as a multipart form. Send JSON with "
                    + "Content-Type application/json, or a well-formed upload.");
        }
        if (find(exception, UnsupportedCharsetException.class) != null
                || find(exception, IllegalCharsetNameException.class) != null) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The charset in Content-Type is unknown. "
                    + "Send UTF-8: Content-Type: application/json; charset=utf-8.");
        }
        ResponseEntity<ProblemDetail> unexplainedOutage = outages.unexplained(exception, request);
        if (unexplainedOutage != null) {
            return unexplainedOutage;
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side and nothing was changed. "
                + "Try again; if it keeps happening, give an administrator the reference " + reference + ".");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException exception) {
        return problem(HttpStatus.BAD_REQUEST, "'" + exception.getValue() + "' is not a valid "
                + exception.getName() + ".");
    }

    /**
     * A blank id in the address ({@code /api/requests/%20}) converts to nothing; Spring answers that as a 400 whose
     * problem body still says 500. It is the caller's mistake: a 400 throughout.
     */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException exception,
                                                               HttpHeaders headers, HttpStatusCode status,
                                                               WebRequest request) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The '"
                + exception.getVariableName() + "' in the address is missing or blank. Put the id there."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String detail = "The body is not valid JSON. Send an object such as {\"title\": \"...\"}.";
        if (exception.getCause() instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            detail = "The field '" + format.getPath().get(0).getFieldName() + "' has a value of the wrong kind: '"
                    + format.getValue() + "'.";
        } else if (exception.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            detail = "The field '" + mismatch.getPath().get(0).getFieldName() + "' has a value of the wrong kind.";
        } else if (exception.getMessage() != null && exception.getMessage().startsWith("Required request body")) {
            detail = "The request needs a JSON body.";
        }
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String detail = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> "'" + error.getField() + "' " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; ", "", "."));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("fields", exception.getBindingResult().getFieldErrors().stream()
                .collect(Collectors.toMap(error -> error.getField(), error -> String.valueOf(error.getDefaultMessage()),
                        (first, second) -> first)));
        return ResponseEntity.badRequest().body(problem);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        return ExceptionUtils.throwableOfType(exception, type);
    }
}

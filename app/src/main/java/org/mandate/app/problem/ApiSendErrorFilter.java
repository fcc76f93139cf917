package org.mandate.app.problem;

import org.apache.commons.lang3.exception.ExceptionUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.mandate.app.attachment.AttachmentSettings;
import org.mandate.app.attachment.Attachments;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

import java.io.IOException;

/**
 * Some refusals happen before Spring MVC and its advice see the request: Spring Security's firewall rejecting
 * an address, the servlet container refusing a method. They call {@code sendError}, which would render Boot's
 * error map. Under /api/ this turns them into the same problem+json every other refusal gets.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiSendErrorFilter extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final DataSize attachmentLimit;

    ApiSendErrorFilter(ObjectMapper json,
                       AttachmentSettings attachments) {
        this.json = json;
        this.attachmentLimit = attachments.maxSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!readableContentType(request.getContentType())) {
            response.setStatus(415);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(415),
                    "The Content-Type header is not a concrete media type. Send Content-Type: application/json."));
            return;
        }
        try {
            chain.doFilter(request, problemOnSendError(response));
        } catch (ServletException | RuntimeException failure) {
            // a body the servlet layer cannot even split into parts fails before any controller advice applies
            if (response.isCommitted() || !causedBy(failure, MultipartException.class)) {
                throw failure;
            }
            if (Attachments.overLimit(failure)) {
                response.setStatus(413);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(
                        HttpStatusCode.valueOf(413), Attachments.tooLargeDetail(attachmentLimit)));
                return;
            }
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(400),
                    "The body could not be read as a multipart form. Send JSON with Content-Type application/json, "
                            + "or a well-formed upload."));
        }
    }

    /** Spring refuses a wildcard or malformed Content-Type deep inside argument resolution, as a 500. */
    private static boolean readableContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            return !MediaType.parseMediaType(contentType).isWildcardType();
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return ExceptionUtils.indexOfType(failure, type) >= 0;
    }

    private HttpServletResponse problemOnSendError(HttpServletResponse response) {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                if (isCommitted()) {
                    super.sendError(status, message);
                    return;
                }
                resetBuffer();
                setStatus(status);
                setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(getOutputStream(), ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                        detail(status)));
                flushBuffer();
            }
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The address or the request could not be read. Check the address for unusual characters "
                    + "(encoded slashes, dots or percent signs) and send JSON the API describes.";
            case 401 -> "Log in first: send your user name and password with HTTP Basic authentication.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "There is nothing at this address. Check it against the API in the README.";
            case 405 -> "This address does not accept that method. Check the API in the README.";
            default -> "The request was refused with status " + status + ".";
        };
    }
}

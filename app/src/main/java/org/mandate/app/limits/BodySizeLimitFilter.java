package org.mandate.app.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a body larger than {@code mandate.limits.max-body-size} before anyone parses it, whether or not the
 * client declared its length. Runs before authentication, so an anonymous flood costs a bounded read only.
 * Forms and uploads are left to the servlet container's own limits (see application.yaml), because reading
 * their body here would hide their parameters from it; an upload's declared length is left to them too, since an
 * attachment may be larger than this limit (mandate.attachments.max-size, see MultipartLimits).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ObjectMapper json;

    BodySizeLimitFilter(@Value("${mandate.limits.max-body-size:1MB}") DataSize limit, ObjectMapper json) {
        this.limit = limit.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit && !isUpload(request)) {
            tooLarge(response);
            return;
        }
        if (!hasReadableBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit + 1);
        if (body.length > limit) {
            tooLarge(response);
            return;
        }
        chain.doFilter(CachedBodyRequest.withBody(request, body), response);
    }

    /** An upload's limit is the attachments' (MultipartLimits), enforced by the container where the file is read. */
    private static boolean isUpload(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().toLowerCase().startsWith("multipart/");
    }

    private static boolean hasReadableBody(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        boolean form = type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || type.startsWith("multipart/");
        boolean mayHaveBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        return mayHaveBody && !form;
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The body is larger than " + limit / 1024 + " KB. Shorten the text (a description has at most "
                        + "10000 characters, a rationale 4000), or split what you send."));
    }
}

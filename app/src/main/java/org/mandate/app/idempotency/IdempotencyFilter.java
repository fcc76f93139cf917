package org.mandate.app.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.limits.CachedBodyRequest;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Honours {@code Idempotency-Key} on API POSTs. A first call runs normally; its key is recorded with the
 * command (see {@link IdempotencyCommandInterceptor}) and its answer once it has one. A repeat with the same
 * key and the same request gets the stored answer and changes nothing; the same key on a different request
 * is refused. Runs after Spring Security, so keys belong to the logged-in caller.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IdempotencyStore store;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null || isUpload(request);
    }

    /**
     * An upload's body is the servlet container's to read (a copy here would hold up to the attachment limit in
     * memory, and the container could no longer split it into parts). It needs no key: the same file attached again
     * is refused with 409 naming the attachment, so a retry can never attach it twice (docs/adr/0018-attachments.md).
     */
    private static boolean isUpload(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problem(response, HttpStatus.BAD_REQUEST, "The Idempotency-Key header must be 1 to 200 visible ASCII "
                    + "characters without spaces, such as a UUID.");
            return;
        }
        CachedBodyRequest cached = CachedBodyRequest.of(request);
        String requestLine = request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        IdempotentCall call = new IdempotentCall(user.getName(), key, fingerprint(requestLine, cached.body()),
                requestLine);
        var earlier = store.find(call.caller(), key);
        if (earlier.isPresent()) {
            replay(earlier.get(), call, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        call.open();
        try {
            chain.doFilter(cached, answer);
        } finally {
            IdempotentCall.close();
        }
        if (answer.getStatus() < 300 && store.find(call.caller(), key).isPresent()) {
            store.recordAnswer(call, answer.getStatus(), answer.getContentType(),
                    new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
        }
        answer.copyBodyToResponse();
    }

    private void replay(IdempotencyStore.Entry earlier, IdempotentCall call, HttpServletResponse response)
            throws IOException {
        if (!earlier.fingerprint().equals(call.fingerprint())) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "The Idempotency-Key '" + call.key()
                    + "' was already used for a different request (" + earlier.requestLine() + ", or the same "
                    + "address with another body). Use a new key for a new request; repeat a key only to retry "
                    + "exactly the same request.");
            return;
        }
        response.setHeader(REPLAYED, "true");
        if (earlier.answered() && earlier.body() != null) {
            response.setStatus(earlier.status());
            if (earlier.contentType() != null) {
                response.setContentType(earlier.contentType());
            }
            response.getOutputStream().write(earlier.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        // The command committed but its answer was never stored (the node stopped in between): say what was done.
        response.setStatus(earlier.answered() ? earlier.status() : HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), earlier.resourceId() == null ? Map.of("replayed", true)
                : Map.of("id", earlier.resourceId(), "replayed", true));
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static String fingerprint(String requestLine, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(requestLine.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

package org.mandate.app.outage;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.web.voice.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The answers given while something Mandate depends on is out of reach, or when a change may or may not have been
 * stored: always 503 with Retry-After, as problem+json for the API and as a short page for people.
 */
public final class Unavailable {

    public static final URI DATABASE_UNREACHABLE = URI.create("urn:mandate:problem:database-unreachable");
    public static final URI STORAGE_FULL = URI.create("urn:mandate:problem:storage-full");
    public static final URI OUTCOME_UNKNOWN = URI.create("urn:mandate:problem:outcome-unknown");

    static final String DATABASE_DETAIL = "Mandate cannot reach its database right now, so it could neither check "
            + "who you are nor change anything. Nothing was changed. Try again in a few seconds; your password "
            + "and your request are fine.";

    private Unavailable() {
    }

    /** The problem for a call turned away because the database does not answer. */
    public static ProblemDetail databaseUnreachable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_DETAIL);
        problem.setType(DATABASE_UNREACHABLE);
        problem.setTitle("Database unreachable");
        return problem;
    }

    /** The problem for a change whose commit failed part-way: it may have been stored, or not. */
    public static ProblemDetail outcomeUnknown(boolean withIdempotencyKey) {
        String detail = "Your change reached the database, but the database failed while storing it, so we cannot "
                + "tell whether it was stored. " + (withIdempotencyKey
                ? "Send the same request again with the same Idempotency-Key: that is safe. If it was stored, the "
                + "answer says so (Idempotent-Replayed) and nothing happens twice; if not, it is made now."
                : "Look before you try again (your requests, or the request's page), or send the request again with "
                + "an Idempotency-Key header next time, which makes a retry safe.");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(OUTCOME_UNKNOWN);
        problem.setTitle("Outcome unknown");
        problem.setProperty("outcome", "unknown");
        return problem;
    }

    /** Retry-After in whole seconds, at least one. */
    static String seconds(Duration retryAfter) {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }

    static void writeStorageFull(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                                 Duration retryAfter) throws IOException {
        String detail = "The disk that holds Mandate's data is full, so no change can be stored safely now. Nothing "
                + "was changed. Reading still works; an administrator has to free space, then try again.";
        response.setStatus(HttpStatus.INSUFFICIENT_STORAGE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
        if (wantsPage(request)) {
            writePage(request, response, "unavailable.storageFull");
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INSUFFICIENT_STORAGE, detail);
        problem.setType(STORAGE_FULL);
        problem.setTitle("Storage full");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json, Duration retryAfter)
            throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (wantsPage(request)) {
            writePage(request, response, "unavailable.signIn");
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), databaseUnreachable());
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !path.startsWith("/api/") && !path.startsWith("/actuator/") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /**
     * Written without the template engine: the layout reads the directory, which is what is out of reach. In the
     * browser's language, since a person's own choice lives in the database too. The bundles' words hold no markup.
     */
    private static void writePage(HttpServletRequest request, HttpServletResponse response, String messageKey)
            throws IOException {
        Locale language = Messages.fromBrowser(request);
        String title = Messages.in(language, "unavailable.title");
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(PAGE.formatted(language.getLanguage(), title, title,
                Messages.in(language, messageKey), Messages.in(language, "unavailable.tryAgain")));
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="%s">
            <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Mandate</title>
                <link rel="stylesheet" href="/css/mandate.css">
            </head>
            <body>
            <header><a class="brand" href="/">Mandate</a></header>
            <main id="main">
                <h1>%s</h1>
                <p class="error" role="alert">%s</p>
                <p><a href="">%s</a></p>
            </main>
            </body>
            </html>
            """;
}

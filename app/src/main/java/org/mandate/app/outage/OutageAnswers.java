package org.mandate.app.outage;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.mandate.app.web.voice.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * What the API and the pages answer when a call failed because of the database rather than because of what was
 * asked: the database out of reach (nothing was changed), or a commit that failed part-way (nobody knows).
 */
@Component
public class OutageAnswers {

    private static final Logger log = LoggerFactory.getLogger(OutageAnswers.class);

    /** The request attribute holding when the call started, by the probe's clock (set by {@link UnavailableFilter}). */
    static final String STARTED = OutageAnswers.class.getName() + ".started";

    private final DatabaseProbe database;
    private final ObjectMapper json;
    private final Duration retryAfter;

    OutageAnswers(DatabaseProbe database, ObjectMapper json, DatabaseSettings settings) {
        this.database = database;
        this.json = json;
        this.retryAfter = settings.retryAfter();
    }

    /** 503 for a call turned away because the database does not answer: problem+json, or a page for people. */
    void writeUnreachable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Unavailable.write(request, response, json, retryAfter);
    }

    /** 507 for a change refused because the embedded database's disk is (nearly) full. */
    void writeStorageFull(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Unavailable.writeStorageFull(request, response, json, retryAfter);
    }

    /**
     * For the login checks: when a password could not be checked because the database is out of reach, answers
     * 503 (never "wrong password") and returns true; returns false for every other failure.
     */
    public boolean answeredOutage(Throwable failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!Faults.databaseUnreachable(failure)) {
            return false;
        }
        log.warn("A login could not be checked because the database is out of reach: {}", failure.toString());
        database.suspect();
        writeUnreachable(request, response);
        return true;
    }

    /** The API's answer to an outage, or null when the failure is something else. */
    public ResponseEntity<ProblemDetail> problem(Throwable failure, boolean withIdempotencyKey) {
        if (Faults.outcomeUnknown(failure)) {
            log.warn("A commit failed part-way; the caller is told the outcome is unknown: {}", failure.toString());
            database.suspect();
            return answer(Unavailable.outcomeUnknown(withIdempotencyKey));
        }
        ReadModelBehind behind = ExceptionUtils.throwableOfType(failure, ReadModelBehind.class);
        if (behind != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    behind.getMessage());
            problem.setTitle("Being rebuilt");
            return answer(problem);
        }
        if (Faults.databaseUnreachable(failure)) {
            log.warn("A call failed because the database is out of reach: {}", failure.toString());
            database.suspect();
            return answer(Unavailable.databaseUnreachable());
        }
        return null;
    }

    /**
     * The last word before a 500: a failure no rule recognised (a driver or framework that wrapped the connection
     * error away, or a transaction marked rollback-only by one) while the database does not answer, or while it was
     * found out of reach at some point during the call, is an outage, and the caller is told to try again rather
     * than that something is broken. The second case is the end of an outage: the call failed on the dropped
     * network, and by the time its failure is read the database answers again. Null when the database answered
     * throughout. The failure is logged whole, so that the rule can learn its kind.
     */
    public ResponseEntity<ProblemDetail> unexplained(Throwable failure, HttpServletRequest request) {
        return unexplained(failure, request.getAttribute(STARTED) instanceof Instant started ? started : null);
    }

    ResponseEntity<ProblemDetail> unexplained(Throwable failure, Instant started) {
        if (database.answersNow() && (started == null || !database.foundDownSince(started))) {
            return null;
        }
        log.warn("A call failed in a way no rule recognised while the database was out of reach; told to retry",
                failure);
        return answer(Unavailable.databaseUnreachable());
    }

    /** The sentence a page shows for an outage (and the status and Retry-After set), or null for anything else. */
    public String pageMessage(Throwable failure, HttpServletResponse response) {
        return pageMessage(problem(failure, false), response);
    }

    /** {@link #unexplained} for a page: the sentence it shows, or null while the database answers. */
    public String unexplainedPageMessage(Throwable failure, HttpServletRequest request, HttpServletResponse response) {
        return pageMessage(unexplained(failure, request), response);
    }

    private String pageMessage(ResponseEntity<ProblemDetail> problem, HttpServletResponse response) {
        if (problem == null) {
            return null;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Unavailable.seconds(retryAfter));
        if (Unavailable.OUTCOME_UNKNOWN.equals(problem.getBody().getType())) {
            return Messages.of("unavailable.outcomeUnknown");
        }
        if (Unavailable.DATABASE_UNREACHABLE.equals(problem.getBody().getType())) {
            return Messages.of("unavailable.databaseUnreachable");
        }
        return problem.getBody().getDetail();
    }

    private ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Unavailable.seconds(retryAfter)).body(problem);
    }
}

package org.mandate.app.outage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Turns callers away with 503 at once while the database is out of reach, before the login check, which would
 * otherwise wait the pool's whole timeout and then answer 401 as if the password were wrong. A caller whose call
 * fails on the database (the probe had not noticed yet) makes the probe look again at once. While the embedded
 * database's disk is nearly full, changes are refused with 507 and reads go on. Health and static files still
 * answer: they are how an operator and a browser find out what is going on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class UnavailableFilter extends OncePerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    private final DatabaseProbe database;
    private final StorageWatch storage;
    private final OutageAnswers answers;

    UnavailableFilter(DatabaseProbe database, StorageWatch storage, OutageAnswers answers) {
        this.database = database;
        this.storage = storage;
        this.answers = answers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/health") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!database.reachable()) {
            answers.writeUnreachable(request, response);
            return;
        }
        if (storage.full() && !READING.contains(request.getMethod()) && !request.getRequestURI().equals("/login")
                && !request.getRequestURI().equals("/logout")) {
            answers.writeStorageFull(request, response);
            return;
        }
        request.setAttribute(OutageAnswers.STARTED, database.now());
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (Faults.databaseUnreachable(failure)) {
                database.suspect();
                if (!response.isCommitted()) {
                    response.resetBuffer();
                    answers.writeUnreachable(request, response);
                    return;
                }
            }
            throw failure;
        }
    }
}

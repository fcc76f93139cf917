package org.mandate.app.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets one state-changing call per resource (say, one request and its steps) into the application at a time
 * on this node; the others wait here, in arrival order. Without it, every caller would open a transaction,
 * take a pooled database connection, and only then queue for the aggregate's lock inside Axon: sixty-four
 * deciders on one step pinned the whole pool while the one that held the lock waited for a connection to
 * answer. Across nodes nothing changes: the event store's unique key still turns a race into a 409.
 */
@Component
@Order(1)
class OneWriterPerResourceFilter extends OncePerRequestFilter {

    private static final Pattern RESOURCE = Pattern.compile("^(/api/[a-z-]+/[^/]+)(/.*)?$");

    private record Gate(ReentrantLock lock, int users) {
    }

    private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod()) || !RESOURCE.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = RESOURCE.matcher(request.getRequestURI());
        if (!matcher.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String resource = matcher.group(1);
        ReentrantLock lock = enter(resource);
        lock.lock();
        try {
            chain.doFilter(request, response);
        } finally {
            lock.unlock();
            leave(resource);
        }
    }

    private ReentrantLock enter(String resource) {
        return gates.compute(resource, (key, gate) -> gate == null ? new Gate(new ReentrantLock(true), 1)
                : new Gate(gate.lock(), gate.users() + 1)).lock();
    }

    /** Forgets a resource's gate when nobody uses it, so the map holds only resources being written now. */
    private void leave(String resource) {
        gates.compute(resource, (key, gate) -> gate == null || gate.users() <= 1 ? null
                : new Gate(gate.lock(), gate.users() - 1));
    }
}

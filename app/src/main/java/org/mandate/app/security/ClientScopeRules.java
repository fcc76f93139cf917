package org.mandate.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.mandate.domain.client.ClientScopes;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.function.Supplier;

/**
 * Who may call the API at all: staff, and a system client only where its scopes reach. {@code requests:submit}:
 * {@code POST /api/requests}; {@code requests:read}: {@code GET /api/requests/**}; {@code audit:read}:
 * {@code GET /api/audit/**} (the person it acts as must be an auditor too). Nothing else, whatever the person it
 * acts as may do: a system decides nothing, grants no mandate, changes no directory.
 */
final class ClientScopeRules implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller instanceof SystemClientToken client) {
            String needed = scopeFor(context.getRequest());
            return new AuthorizationDecision(needed != null && client.scopes().contains(needed));
        }
        return new AuthorizationDecision(caller != null && caller.isAuthenticated() && caller.getAuthorities()
                .stream().anyMatch(held -> held.getAuthority().equals("ROLE_" + PersonUserDetailsService.STAFF)));
    }

    /** The scope a call needs, or null for calls no system client may make. */
    static String scopeFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if (method.equals("POST") && (path.equals("/api/requests") || path.equals("/api/requests/"))) {
            return ClientScopes.SUBMIT;
        }
        if (method.equals("GET") && path.startsWith("/api/requests/")) {
            return ClientScopes.READ;
        }
        if (method.equals("GET") && path.startsWith("/api/audit/")) {
            return ClientScopes.AUDIT;
        }
        return null;
    }

    /** Why a system client was refused, for the 403's detail. */
    static String refusal(SystemClientToken client, HttpServletRequest request) {
        String needed = scopeFor(request);
        return needed == null
                ? "The system client '" + client.clientId() + "' may not call " + request.getMethod() + " "
                + request.getRequestURI() + ": system clients only submit requests (requests:submit), read them "
                + "(requests:read) and read the audit trail (audit:read)."
                : "The system client '" + client.clientId() + "' is registered with " + client.scopes()
                + ", not '" + needed + "', which " + request.getMethod() + " " + request.getRequestURI()
                + " needs. Ask a Mandate administrator to register it again with that scope.";
    }
}

package org.mandate.app.security;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import java.util.Collection;

/**
 * Security headers on every page, on top of Spring Security's defaults (nosniff, no-store, HSTS on https).
 * Scripts come only from our own bundles, so an injected script or inline handler does not run even if some
 * page forgot to escape user text. Styles allow inline attributes because bpmn-js sets them on its SVG.
 */
final class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The policy, with the identity providers' addresses allowed as form targets: logging out is a form posted to
     * Mandate that ends at the provider's end-session endpoint, and browsers hold a form's redirects to
     * form-action too.
     */
    static String contentSecurityPolicy(Collection<String> providerOrigins) {
        return providerOrigins.isEmpty() ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace(
                "form-action 'self'", "form-action 'self' " + String.join(" ", providerOrigins));
    }

    static final ReferrerPolicyHeaderWriter.ReferrerPolicy REFERRER_POLICY =
            ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN;

    private PageHeaders() {
    }

    static HeaderWriter permissionsPolicy() {
        return new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    }
}

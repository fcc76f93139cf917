package org.mandate.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.RedirectStrategy;

import java.io.IOException;
import java.net.URI;

/**
 * Redirects within the application only, as a path: a saved request's URL is built from the Host header the
 * client sent, so its scheme and host are dropped (Spring's context-relative option keeps the host when the
 * context path is empty). Anything that is not a path on this site goes to the start page.
 */
final class RelativeRedirects implements RedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        response.sendRedirect(response.encodeRedirectURL(pathOf(url)));
    }

    static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String relative = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return relative.startsWith("/") && !relative.startsWith("//") ? relative : "/";
        } catch (IllegalArgumentException notAUri) {
            return "/";
        }
    }
}

package org.mandate.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.mandate.domain.directory.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A page session holds what was true at login. Sessions live in one node's memory, so a departure or a role
 * change recorded anywhere cannot reach them; instead every request of a session asks the shared directory
 * (see {@link AccountStanding}) before anything else runs. A person who may no longer act loses the session at
 * once and is sent to the login page, where they can no longer log in; a person whose roles changed
 * carries the new roles from this request on.
 */
final class SessionStandingFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionStandingFilter.class);

    private final AccountStanding standing;
    private final Identities identities;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SessionStandingFilter(AccountStanding standing, Identities identities) {
        this.standing = standing;
        this.identities = identities;
    }

    /** Stylesheets, scripts and the icon tell nobody anything: no directory read for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = contexts.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        var now = standingOf(user);
        if (now.isEmpty() || !now.get().mayAct()) {
            log.warn("Ended the session of '{}': they left or may no longer log in; refused {} {}", user.getName(),
                    request.getMethod(), request.getRequestURI());
            contexts.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            // straight to the login page: going on would only meet the ended session's CSRF token, a bare 403.
            // htmx (the inbox refreshing itself) follows a redirect unseen and would swap the login page into the
            // fragment: it is told to load the login page as a whole instead
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", "/login");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            response.sendRedirect("/login");
            return;
        }
        Set<String> roles = authorities(now.get().roles());
        if (user.getPrincipal() instanceof PersonOidcUser signedIn) {
            signedIn.providerRoles().forEach(role -> roles.add("ROLE_" + role));
        }
        if (!roles.equals(names(user.getAuthorities()))) {
            log.info("The roles of '{}' changed to {}; their session carries them from {} {} on", user.getName(),
                    roles, request.getMethod(), request.getRequestURI());
            renew(user, roles, request);
        }
        chain.doFilter(request, response);
    }

    /**
     * A session signed in with the identity provider needs no password here, only an active person; one signed in
     * with a password needs its credential too.
     */
    private java.util.Optional<AccountStanding.Standing> standingOf(Authentication user) {
        if (user instanceof OAuth2AuthenticationToken) {
            return identities.standing(user.getName())
                    .map(who -> new AccountStanding.Standing(who.active(), who.directoryRoles()));
        }
        return standing.of(user.getName());
    }

    private void renew(Authentication user, Set<String> roles, HttpServletRequest request) {
        List<SimpleGrantedAuthority> authorities = roles.stream().map(SimpleGrantedAuthority::new).toList();
        AbstractAuthenticationToken renewed = user instanceof OAuth2AuthenticationToken signedIn
                ? new OAuth2AuthenticationToken(signedIn.getPrincipal(), authorities,
                signedIn.getAuthorizedClientRegistrationId())
                : UsernamePasswordAuthenticationToken.authenticated(user.getPrincipal(), null, authorities);
        renewed.setDetails(user.getDetails());
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(renewed);
        contexts.setContext(context);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    private static Set<String> authorities(Set<Role> roles) {
        return new HashSet<>(names(PersonUserDetailsService.authorities(roles)));
    }

    private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}

package org.mandate.app.web.voice;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.MandateSettings;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The language of a page: the person's choice if they made one, else the first of their browser's languages that
 * Mandate speaks, else English. The time zone: the person's choice, else the organisation's ({@code mandate.zone}).
 * Resolved at most once per request, when a page first asks, and kept on the request.
 */
@Component("localeResolver")
class PersonLocaleResolver implements LocaleContextResolver {

    private static final String RESOLVED = PersonLocaleResolver.class.getName() + ".resolved";

    private final VoiceChoices choices;
    private final ZoneId organisationZone;

    PersonLocaleResolver(VoiceChoices choices, MandateSettings settings) {
        this.choices = choices;
        this.organisationZone = settings.zone();
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        // the dispatcher asks on every request, API calls and static files included; only a page reads the stream
        Optional<String> person = person();
        return new TimeZoneAwareLocaleContext() {
            @Override
            public Locale getLocale() {
                return resolved(request, person).getLocale();
            }

            @Override
            public TimeZone getTimeZone() {
                return resolved(request, person).getTimeZone();
            }
        };
    }

    private TimeZoneAwareLocaleContext resolved(HttpServletRequest request, Optional<String> person) {
        if (request.getAttribute(RESOLVED) instanceof TimeZoneAwareLocaleContext context) {
            return context;
        }
        VoiceChoices.Choice choice = person.map(choices::of).orElse(new VoiceChoices.Choice(null, null));
        Locale locale = choice.language() != null ? Locale.forLanguageTag(choice.language())
                : Messages.fromBrowser(request);
        ZoneId zone = choice.zone() != null ? ZoneId.of(choice.zone()) : organisationZone;
        TimeZoneAwareLocaleContext context = new SimpleTimeZoneAwareLocaleContext(locale, TimeZone.getTimeZone(zone));
        request.setAttribute(RESOLVED, context);
        return context;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolveLocaleContext(request).getLocale();
    }

    /** A change of choice is recorded as an event (see {@link VoicePage}); here only this request learns of it. */
    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        request.removeAttribute(RESOLVED);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.removeAttribute(RESOLVED);
    }

    private static Optional<String> person() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(user.getName());
    }
}

package org.mandate.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.outage.OutageAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * Every refused login on the API as problem+json: no credentials or wrong ones (401, naming the ways in that are
 * on), a bearer token that is expired, forged or meant for another audience (401, saying which), an identity with
 * no person or a person who left (403: a new token would not help), too many failures (429), the database out of
 * reach (503).
 */
final class ApiEntryPoint implements AuthenticationEntryPoint {

    private final ObjectMapper json;
    private final OutageAnswers outages;
    private final boolean basic;
    private final boolean bearer;

    ApiEntryPoint(ObjectMapper json, OutageAnswers outages, boolean basic, boolean bearer) {
        this.json = json;
        this.outages = outages;
        this.basic = basic;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (outages.answeredOutage(exception, request, response)) {
            return;
        }
        if (exception instanceof LoginThrottledException throttled) {
            SecurityConfiguration.tooManyFailures(response, json, throttled);
            return;
        }
        if (exception instanceof IdentityRefusedException refused) {
            SecurityConfiguration.problem(response, json, HttpStatus.FORBIDDEN, refused.getMessage());
            return;
        }
        if (exception instanceof OAuth2AuthenticationException token) {
            String why = token.getError().getDescription() == null ? token.getError().getErrorCode()
                    : token.getError().getDescription();
            response.addHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
                    + why.replace('"', '\'').replaceAll("[\\r\\n]", " ") + "\"");
            SecurityConfiguration.problem(response, json, HttpStatus.UNAUTHORIZED, "Your bearer token was refused: "
                    + why + ". Get a new token for Mandate from your organisation's identity provider and send it "
                    + "as 'Authorization: Bearer <token>'.");
            return;
        }
        if (bearer) {
            response.addHeader("WWW-Authenticate", "Bearer realm=\"Mandate\"");
        }
        if (basic) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"Mandate\"");
        }
        SecurityConfiguration.problem(response, json, HttpStatus.UNAUTHORIZED, "Log in first: " + (bearer && basic
                ? "send a bearer token from your organisation's identity provider ('Authorization: Bearer <token>'), "
                + "or your user name and password with HTTP Basic authentication."
                : bearer ? "send a bearer token from your organisation's identity provider "
                + "('Authorization: Bearer <token>'); HTTP Basic is switched off here."
                : "send your user name and password with HTTP Basic authentication."));
    }
}

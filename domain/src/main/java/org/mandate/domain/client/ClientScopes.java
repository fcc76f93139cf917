package org.mandate.domain.client;

import org.mandate.domain.Refusals;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a system client may be registered with: a plain client id and at least one known scope. Each refusal names
 * the field it is about ({@code field}: {@code clientId}, {@code actsAs} or {@code scopes}), so that a form can show
 * it beside that field.
 */
public final class ClientScopes {

    public static final String SUBMIT = "requests:submit";
    public static final String READ = "requests:read";
    public static final String AUDIT = "audit:read";
    public static final List<String> ALL = List.of(SUBMIT, READ, AUDIT);

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private ClientScopes() {
    }

    public static final String CLIENT_ID_FIELD = "clientId";
    public static final String ACTS_AS_FIELD = "actsAs";
    public static final String SCOPES_FIELD = "scopes";

    static void check(RegisterSystemClient command) {
        if (command.clientId() == null || !CLIENT_ID.matcher(command.clientId()).matches()) {
            throw Refusals.invalid("client.clientScopes.theClientIdMustBe", command.clientId())
                    .with("field", CLIENT_ID_FIELD);
        }
        if (command.actsAs() == null) {
            throw Refusals.invalid("client.clientScopes.nameThePersonTheClient").with("field", ACTS_AS_FIELD);
        }
        if (command.scopes() == null || command.scopes().isEmpty()) {
            throw Refusals.invalid("client.clientScopes.chooseAtLeastOneScope", ALL).with("field", SCOPES_FIELD);
        }
        for (String scope : command.scopes()) {
            if (!ALL.contains(scope)) {
                throw Refusals.invalid("client.clientScopes.isNotAScopeUse", scope, ALL)
                        .with("field", SCOPES_FIELD);
            }
        }
    }
}

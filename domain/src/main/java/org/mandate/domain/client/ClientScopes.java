package org.mandate.domain.client;

import org.mandate.domain.RuleViolation;

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
            throw RuleViolation.invalid("The client id must be the one the identity provider gave the system: 1 to "
                    + "128 letters, digits or . _ : @ -, starting with a letter or digit; got '" + command.clientId()
                    + "'.")
                    .with("field", CLIENT_ID_FIELD);
        }
        if (command.actsAs() == null) {
            throw RuleViolation.invalid("Name the person the client acts as.").with("field", ACTS_AS_FIELD);
        }
        if (command.scopes() == null || command.scopes().isEmpty()) {
            throw RuleViolation.invalid("Choose at least one scope of " + ALL + ".").with("field", SCOPES_FIELD);
        }
        for (String scope : command.scopes()) {
            if (!ALL.contains(scope)) {
                throw RuleViolation.invalid("'" + scope + "' is not a scope; use " + ALL + ".")
                        .with("field", SCOPES_FIELD);
            }
        }
    }
}

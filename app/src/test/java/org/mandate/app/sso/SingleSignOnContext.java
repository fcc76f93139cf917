package org.mandate.app.sso;

import org.junit.jupiter.api.BeforeEach;
import org.mandate.app.Api;
import org.mandate.app.browser.BrowserTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.util.UUID;

/**
 * Base of the tests that run Mandate with single sign-on against {@link TestIdentityProvider} (a real OpenID Connect
 * provider over HTTP), with local passwords and HTTP Basic still on. Its subclasses share one Spring context of their
 * own (the provider's settings), on a database of its own, so that departures recorded there touch no other test.
 */
public abstract class SingleSignOnContext extends BrowserTest {

    protected static final TestIdentityProvider IDP = TestIdentityProvider.shared();

    private static final String DATABASE = "jdbc:h2:file:" + new File("target/test-data/sso-" + UUID.randomUUID())
            .getAbsolutePath() + "/mandate;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        // the base class's mandate.data-dir wins over a subclass's: the database is named here instead
        properties.add("spring.datasource.url", () -> DATABASE);
        properties.add("mandate.demo-story", () -> "false");
        IDP.signInThroughThisProvider(properties);
        properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "mandate,mandate-cli,"
                + TestIdentityProvider.MATRIX_CLIENT + ",expired-tokens,purchasing,reporting,prometheus");
    }

    @BeforeEach
    void mandateIsAClientOfTheProvider() {
        IDP.registerMandate("http://127.0.0.1:" + port);
    }

    /** An access token the provider issued to a person for a client (the authorization code flow over HTTP). */
    protected static String token(String user, String clientId) {
        return IDP.accessToken(user, clientId);
    }

    protected Api bearer(String user) {
        return Api.bearer(port, token(user, "mandate-cli"));
    }
}

package org.mandate.app.security;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.JoinPerson;
import org.mandate.domain.directory.PersonId;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Remembered password checks (see {@link RememberedPasswordChecks}) never outlive a password. */
class PasswordChangeIntegrationTest extends MandateIntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    Credentials credentials;

    @Test
    void theOldPasswordStopsWorkingTheMomentItIsChanged() {
        String id = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        commands.sendAndWait(new JoinPerson(PersonId.of(id), id, "Test hire", PersonId.of("vera"), Set.of(),
                Authority.none()));
        credentials.set(id, "first");
        Api withFirst = new Api(port, id, "first");
        assertThat(withFirst.get("/api/inbox").status()).isEqualTo(200);
        assertThat(withFirst.get("/api/inbox").status()).as("again, answered from memory").isEqualTo(200);

        credentials.set(id, "second");

        Api.Response stale = withFirst.get("/api/inbox");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(401);
        assertThat(new Api(port, id, "second").get("/api/inbox").status()).isEqualTo(200);
    }
}

package org.mandate.projections.delegation;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.MandateGranted;
import org.mandate.domain.mandate.MandateId;
import org.mandate.domain.mandate.MandateRevoked;
import org.mandate.domain.mandate.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A mandate lists as in force only while every mandate it was passed on from is in force too. */
class DelegationsRegisterTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final Scope SCOPE = new Scope(Set.of("*"), new BigDecimal("500"), "EUR");
    private static final MandateId FROM_SOFIA = MandateId.of("3f6c1c8e-1d0a-4f61-9d1e-7a0b9c2d4e51");
    private static final MandateId FROM_LIAM = MandateId.of("33333333-2222-4333-8444-555555555555");
    private static final MandateId FROM_BEN = MandateId.of("44444444-2222-4333-8444-555555555555");

    private DelegationsRegister register;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:mandates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        register = new DelegationsRegister(new JdbcTemplate(dataSource));
        register.on(granted(FROM_SOFIA, "sofia", "liam", null, NOW.plus(Duration.ofDays(7))));
        register.on(granted(FROM_LIAM, "liam", "ben", FROM_SOFIA, NOW.plus(Duration.ofDays(7))));
        register.on(granted(FROM_BEN, "ben", "ana", FROM_LIAM, NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void aChainWhoseEveryLinkIsInForceListsAsActive() {
        assertThat(register.view(FROM_BEN.toString(), NOW)).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo("ACTIVE");
            assertThat(view.endedBecause()).isNull();
        });
    }

    @Test
    void aMandatePassedOnFromARevokedOneListsAsEndedSayingWhy() {
        register.on(new MandateRevoked(FROM_SOFIA, PersonId.of("ivy"), "sofia left the organisation", NOW));

        assertThat(register.view(FROM_LIAM.toString(), NOW.plusSeconds(1))).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo("ENDED");
            assertThat(view.endedBecause()).isEqualTo("no longer in force: the mandate it was passed on from ("
                    + FROM_SOFIA + ", from sofia) was revoked: sofia left the organisation");
        });
        assertThat(register.view(FROM_BEN.toString(), NOW.plusSeconds(1))).as("at any depth")
                .hasValueSatisfying(view -> assertThat(view.endedBecause()).contains("sofia left the organisation"));
        assertThat(register.involving("ana", NOW.plusSeconds(1))).singleElement()
                .satisfies(view -> assertThat(view.status()).isEqualTo("ENDED"));
        assertThat(register.view(FROM_SOFIA.toString(), NOW.plusSeconds(1)).orElseThrow().status())
                .isEqualTo("REVOKED");
    }

    @Test
    void aMandatePassedOnFromAnExpiredOneListsAsEnded() {
        register.on(granted(FROM_SOFIA, "sofia", "liam", null, NOW.plusSeconds(60)));

        assertThat(register.view(FROM_LIAM.toString(), NOW.plusSeconds(61))).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo("ENDED");
            assertThat(view.endedBecause()).contains("ended at " + NOW.plusSeconds(60));
        });
    }

    private static MandateGranted granted(MandateId id, String from, String to, MandateId parent, Instant until) {
        return new MandateGranted(id, PersonId.of(from), PersonId.of(to), PersonId.of("sofia"), parent, SCOPE,
                NOW.minusSeconds(60), until, null, true, NOW.minusSeconds(60));
    }
}

package org.mandate.app.demo;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoOrganisationIntegrationTest extends MandateIntegrationTest {

    @Autowired
    Directory directory;

    @Test
    void theDemoSchoolIsInTheDirectoryWithItsReportingLines() {
        assertThat(directory.managementChainAbove(PersonId.of("ana"))).extracting(person -> person.id().value())
                .containsExactly("sofia", "vera", "pat");
        assertThat(directory.find(PersonId.of("fay")).orElseThrow().has(Role.FINANCE)).isTrue();
        assertThat(directory.find(PersonId.of("ada")).orElseThrow().has(Role.AUDITOR)).isTrue();
    }

    @Test
    void passwordsAreStoredHashedNeverInClear() {
        List<String> hashes = jdbc.queryForList("select password_hash from credential", String.class);

        assertThat(hashes).hasSizeGreaterThanOrEqualTo(11)
                .allSatisfy(hash -> assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("demo"));
    }
}

package org.mandate.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak realm the compose file imports (docker/keycloak/mandate-realm.json) cannot drift from the demo school
 * silently: every person of {@link DemoOrganisation} has a Keycloak user of the same user name, address and name,
 * whose realm roles are their directory roles (as Mandate reads them from {@code realm_access.roles}), and the
 * clients the compose file's settings name are there.
 */
class KeycloakRealmTest {

    private static final Path REALM = Path.of("..", "docker", "keycloak", "mandate-realm.json");
    private static final Path COMPOSE = Path.of("..", "docker", "compose.yaml");

    private final JsonNode realm = read();

    @Test
    void everyDemoPersonIsAKeycloakUserWithTheirRolesAsRealmRoles() {
        Map<String, JsonNode> users = new HashMap<>();
        realm.path("users").forEach(user -> users.put(user.path("username").asText(), user));
        assertThat(realm.path("realm").asText()).isEqualTo("mandate");
        for (DemoOrganisation.Member member : DemoOrganisation.SCHOOL) {
            JsonNode user = users.get(member.id());
            assertThat(user).as("a Keycloak user for %s", member.id()).isNotNull();
            assertThat(user.path("enabled").asBoolean()).isTrue();
            assertThat(user.path("email").asText()).isEqualTo(member.id() + "@" + DemoOrganisation.MAIL_DOMAIN);
            assertThat(user.path("firstName").asText() + " " + user.path("lastName").asText())
                    .isEqualTo(member.name());
            assertThat(user.path("credentials").get(0).path("value").asText()).isEqualTo(DemoOrganisation.PASSWORD);
            Set<String> roles = new TreeSet<>();
            user.path("realmRoles").forEach(role -> {
                if (!role.asText().startsWith("default-roles-")) {
                    roles.add(role.asText().toUpperCase(Locale.ROOT).replace('-', '_'));
                }
            });
            assertThat(roles).as("%s's realm roles", member.id())
                    .isEqualTo(new TreeSet<>(member.roles().stream().map(Role::name).toList()));
        }
        Set<String> defined = new TreeSet<>();
        realm.path("roles").path("realm").forEach(role -> defined.add(role.path("name").asText()));
        assertThat(defined).contains("auditor", "process-owner", "admin", "finance", "metrics");
    }

    @Test
    void theClientsTheComposeFileNamesAreThere() throws IOException {
        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(client -> clients.put(client.path("clientId").asText(), client));

        JsonNode pages = clients.get("mandate");
        assertThat(pages.path("publicClient").asBoolean()).as("a confidential client").isFalse();
        assertThat(pages.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(List.of(pages.path("redirectUris").get(0).asText(), pages.path("redirectUris").get(1).asText()))
                .containsExactly("http://localhost:8081/login/oauth2/code/sso",
                        "http://localhost:8082/login/oauth2/code/sso");
        assertThat(pages.path("attributes").path("post.logout.redirect.uris").asText())
                .contains("http://localhost:8081/login?logout");

        JsonNode purchasing = clients.get("purchasing");
        assertThat(purchasing.path("serviceAccountsEnabled").asBoolean()).as("client credentials").isTrue();
        assertThat(purchasing.path("publicClient").asBoolean()).isFalse();
        assertThat(purchasing.path("standardFlowEnabled").asBoolean()).isFalse();
        for (JsonNode client : List.of(pages, purchasing, clients.get("mandate-cli"))) {
            assertThat(client.path("protocolMappers").toString()).as("tokens meant for Mandate")
                    .contains("\"included.client.audience\":\"mandate\"");
        }

        String compose = Files.readString(COMPOSE);
        assertThat(compose).contains("--import-realm",
                "./keycloak/mandate-realm.json:/opt/keycloak/data/import/mandate-realm.json",
                "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_SSO_ISSUER_URI: http://keycloak:8180/realms/mandate",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI: http://keycloak:8180/realms/mandate",
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_SSO_CLIENT_ID: mandate",
                "MANDATE_SSO_CLIENT_SECRET:-" + pages.path("secret").asText(),
                "MANDATE_SECURITY_ROLES_CLAIM: realm_access.roles");
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(REALM.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + REALM.toAbsolutePath(), e);
        }
    }
}

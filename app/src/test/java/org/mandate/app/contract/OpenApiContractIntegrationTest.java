package org.mandate.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated contract covers every /api endpoint and equals the committed docs/openapi.json. After changing the
 * API, regenerate the file with the command in {@link #REGENERATE} and commit it.
 */
class OpenApiContractIntegrationTest extends MandateIntegrationTest {

    static final String REGENERATE = "./mvnw -B -ntp -q -pl app -am test -Dtest=OpenApiContractIntegrationTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";
    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointIsInTheDocumentWithItsProblems() {
        JsonNode paths = document().path("paths");
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod verb : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (paths.path(path).path(verb.name().toLowerCase()).isMissingNode()) {
                        missing.add(verb + " " + path);
                    }
                }
            }
        });
        assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
        JsonNode decision = paths.path("/api/requests/{id}/steps/{stepId}/decision").path("post").path("responses");
        assertThat(decision.fieldNames()).toIterable().contains("200", "400", "401", "403", "404", "409");
        assertThat(decision.path("409").path("content").has("application/problem+json")).isTrue();
        JsonNode schemes = document().path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void theDocumentEqualsTheCommittedCopy() throws Exception {
        JsonNode generated = document();
        String pretty = JSON.writeValueAsString(JSON.treeToValue(generated, Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, pretty, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as("docs/openapi.json is missing; create it with: " + REGENERATE)
                .isTrue();
        JsonNode committed = JSON.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        List<String> differences = new ArrayList<>();
        differences("", committed, generated, differences);
        assertThat(differences).as("the API changed but docs/openapi.json did not (first differences listed); "
                + "regenerate it with: %s", REGENERATE).isEmpty();
    }

    /** Where two documents differ, as JSON pointers: enough to see what changed without printing both. */
    private static void differences(String at, JsonNode committed, JsonNode generated, List<String> found) {
        if (found.size() >= 20 || committed.equals(generated)) {
            return;
        }
        if (committed.isObject() && generated.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            generated.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name) || !generated.has(name)) {
                    found.add(pointer + (committed.has(name) ? " is gone" : " is new"));
                } else {
                    differences(pointer, committed.get(name), generated.get(name), found);
                }
            }
        } else {
            String now = generated.toString();
            found.add(at + " is now " + (now.length() > 200 ? now.substring(0, 200) + "…" : now));
        }
    }

    @Test
    void theDocumentIsForLoggedInUsersOnly() {
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(302);
        Api.Response ui = as("ana").get("/v3/api-docs/swagger-config");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).doesNotContain("petstore").doesNotContain("validator.swagger.io");
    }

    private JsonNode document() {
        Api.Response response = as("ana").get("/v3/api-docs");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }
}

package org.mandate.app.web;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A process owner sees the bindings, binds a path from the form and is told plainly when a binding is refused. */
class BindingsPageIntegrationTest extends MandateIntegrationTest {

    @Test
    void aProcessOwnerBindsAPathFromThePage() throws IOException {
        String xml = new ClassPathResource("process-templates/single-approval.bpmn")
                .getContentAsString(StandardCharsets.UTF_8).replace("NEW_KEY", "page-path")
                .replace("NEW_NAME", "Page path");
        assertThat(as("olu").postXml("/api/processes", xml).status()).isEqualTo(201);
        category("page");
        category("page-big");
        PageSession olu = PageSession.loggedIn(port, "olu");
        assertThat(olu.get("/processes/bindings").body()).contains("any category", "Bind a path");

        HttpResponse<String> bound = olu.postForm("/processes/bindings", Map.of("processKey", "page-path",
                "category", "Page", "maxAmount", "5000", "_csrf", olu.csrfFrom("/processes/bindings")));
        HttpResponse<String> refused = olu.postForm("/processes/bindings", Map.of("processKey", "page-path",
                "category", "page-big", "_csrf", olu.csrfFrom("/processes/bindings")));

        assertThat(bound.statusCode()).isEqualTo(302);
        assertThat(olu.get("/processes/bindings").body()).contains("page-path", ">page<");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("has no finance check step");
        assertThat(as("ana").submit("Page request", "page", 100)).isNotBlank();
        assertThat(olu.get("/processes/page-path").body())
                .contains("Requests go on this path for:", "page, below 5,000.00");
        assertThat(olu.get("/processes/approval").body()).contains("any category");
    }
}

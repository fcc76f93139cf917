package org.mandate.app.process;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.web.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process owners deploy versions through the API: each deployment is validated, recorded as an event and used by
 * new requests, while running requests stay on theirs. Keys are unique per test: the context is shared.
 */
class ProcessDeploymentIntegrationTest extends MandateIntegrationTest {

    /** The hostile catalogue lives with the validator it was written for. */
    static final Path HOSTILE = Path.of("..", "processes", "src", "test", "resources", "bpmn", "hostile");

    @Autowired
    RepositoryService repository;

    @Test
    void theShippedPathIsRecordedAsAVersionAtStartup() {
        JsonNode versions = as("olu").get("/api/processes/approval/versions").json();

        JsonNode first = versions.get(versions.size() - 1);
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.has("deployedBy")).as("shipped, so deployed by nobody").isFalse();
        assertThat(first.path("deployedAt").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%ProcessDeployed'", Long.class, "process-path:approval")).isEqualTo(1);
    }

    @Test
    void aProcessOwnerDeploysANewPathAndRequestsStartOnIt() {
        long events = eventCount();

        Api.Response deployed = as("olu").postXml("/api/processes", path("field-trip", "Teacher approval"));

        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        assertThat(deployed.json().path("version").asInt()).isEqualTo(1);
        assertThat(eventCount()).isEqualTo(events + 1);
        JsonNode version = as("olu").get("/api/processes/field-trip/versions").json().get(0);
        assertThat(version.path("deployedBy").asText()).isEqualTo("olu");
        assertThat(version.path("running").asLong()).isZero();

        String request = submit("ana", "field-trip");
        JsonNode step = as("ana").get("/api/requests/" + request).json().path("steps").get(0);
        assertThat(step.path("name").asText()).isEqualTo("Teacher approval");
        assertThat(step.path("assignee").asText()).isEqualTo("sofia");
    }

    @Test
    void runningRequestsStayOnTheirVersionWhileNewOnesStartOnTheNext() {
        as("olu").postXml("/api/processes", path("library", "Approval"));
        String onFirst = submit("ana", "library");

        Api.Response second = as("olu").postXml("/api/processes", path("library", "Head of department approval"));
        String onSecond = submit("ana", "library");

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        assertThat(stepName(onFirst)).isEqualTo("Approval");
        assertThat(stepName(onSecond)).isEqualTo("Head of department approval");
        JsonNode versions = as("olu").get("/api/processes/library/versions").json();
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).path("running").asLong()).isEqualTo(1);
        assertThat(versions.get(1).path("running").asLong()).isEqualTo(1);

        Api.Response decided = as("sofia").post(decision(onFirst, openStep(as("sofia"), onFirst)),
                Map.of("outcome", "APPROVED"));
        assertThat(decided.json().path("status").asText()).isEqualTo("APPROVED");
        JsonNode changes = as("olu").get("/api/processes/library/changes?from=1&to=2").json().path("changes");
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.path("elementId").asText()).isEqualTo("approval");
            assertThat(change.path("description").asText())
                    .contains("renamed from 'Approval' to 'Head of department approval'");
            assertThat(change.path("type").asText()).isEqualTo("userTask");
            assertThat(change.path("differences")).singleElement().satisfies(difference -> {
                assertThat(difference.path("property").asText()).isEqualTo("name");
                assertThat(difference.path("before").asText()).isEqualTo("Approval");
                assertThat(difference.path("after").asText()).isEqualTo("Head of department approval");
            });
        });
        // the changes page says the same in the reader's language, from those facts
        assertThat(PageSession.loggedIn(port, "olu").get("/processes/library/changes?from=1&to=2").body())
                .contains("The user task &#39;Approval&#39; changed: renamed from &#39;Approval&#39; to "
                        + "&#39;Head of department approval&#39;.");
        assertThat(PageSession.loggedIn(port, "olu").speaking("de").get("/processes/library/changes?from=1&to=2")
                .body()).contains("Benutzeraufgabe ‚Approval‘ geändert: umbenannt von ‚Approval‘ in "
                + "‚Head of department approval‘.");
    }

    @Test
    void versionsCanBeReadBackExactlyAsDeployed() {
        String xml = path("equipment-path", "Approval");
        as("olu").postXml("/api/processes", xml);

        Api.Response read = as("olu").get("/api/processes/equipment-path/versions/1/xml");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(xml);
        assertThat(as("olu").get("/api/processes/equipment-path/versions/9/xml").status()).isEqualTo(404);
    }

    @Test
    void deployingTheSameFileTwiceIsAConflictAndDeploysNothing() {
        String xml = path("repeat-path", "Approval");
        as("olu").postXml("/api/processes", xml);
        long events = eventCount();

        Api.Response again = as("olu").postXml("/api/processes", xml);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("exactly version 1");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("repeat-path").count()).isEqualTo(1);
    }

    @Test
    void onlyProcessOwnersValidateAndDeploy() {
        long deployments = repository.createDeploymentQuery().count();
        String xml = path("staff-path", "Approval");

        assertThat(as("ana").postXml("/api/processes", xml).status()).isEqualTo(403);
        assertThat(as("pat").postXml("/api/processes/validation", xml).status()).isEqualTo(403);
        assertThat(anonymous().postXml("/api/processes", xml).status()).isEqualTo(401);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void validationListsEveryProblemWithItsElement() throws IOException {
        String invoice = Files.readString(Path.of("..", "processes", "src", "test", "resources", "bpmn", "examples",
                "invoice-receipt.bpmn"));

        Api.Response response = as("olu").postXml("/api/processes/validation", invoice);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("valid").asBoolean()).isFalse();
        assertThat(response.json().path("problems")).hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(problem -> assertThat(problem.path("message").asText()).endsWith("."))
                .anySatisfy(problem -> assertThat(problem.path("elementId").asText()).isEqualTo("archiveInvoice"));
        assertThat(as("olu").postXml("/api/processes/validation", path("fine", "Approval")).json()
                .path("valid").asBoolean()).isTrue();
    }

    @Test
    void validationAnswersInTheCallersLanguageAndInUnchangedEnglishWithoutOne() {
        String xml = path("words", "Approval").replace("</bpmn:process>", """
                <bpmn:scriptTask id="stamp" name="Stamp it" scriptFormat="groovy"><bpmn:script>1</bpmn:script>
                </bpmn:scriptTask>
                <bpmn:boundaryEvent id="late" name="Too late" attachedToRef="approval">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                </bpmn:process>""");

        JsonNode english = as("olu").postXml("/api/processes/validation", xml).json().path("problems");
        JsonNode german = as("olu").speaking("de").postXml("/api/processes/validation", xml).json()
                .path("problems");

        assertThat(messageOf(english, "stamp")).isEqualTo("The script task 'Stamp it' is a script task: it would run "
                + "a script on the server. Use a user task.");
        assertThat(messageOf(english, "late")).isEqualTo("The boundary event 'Too late' has a timer that is refused: "
                + "the timer waits PT1M, less than the minimum of PT5M. Choose PT5M or longer.");
        assertThat(messageOf(german, "stamp")).isEqualTo("Skriptaufgabe ‚Stamp it‘: Eine Skriptaufgabe würde ein "
                + "Skript auf dem Server ausführen. Verwenden Sie eine Benutzeraufgabe.");
        assertThat(messageOf(german, "late")).isEqualTo("Angeheftetes Ereignis ‚Too late‘: Der Zeitgeber ist so "
                + "nicht zulässig. Die Wartezeit PT1M ist kürzer als das Minimum von PT5M. Wählen Sie PT5M oder "
                + "länger.");
        assertThat(german).hasSameSizeAs(english).allSatisfy(problem ->
                assertThat(problem.path("message").asText()).doesNotContain("{", "refused"));
        JsonNode timer = problemOf(german, "late");
        assertThat(timer.path("code").asText()).isEqualTo("timer.refused");
        assertThat(timer.path("because").path("code").asText()).isEqualTo("timer.tooShort");
        assertThat(timer.path("because").path("args")).extracting(JsonNode::asText).containsExactly("PT1M", "PT5M");
    }

    /** Each hostile file's problems have German sentences with every argument filled in. */
    @Test
    void everyHostileFilesProblemsAreWordedInGerman() throws IOException {
        try (Stream<Path> files = Files.list(HOSTILE)) {
            for (Path file : files.sorted().toList()) {
                String xml = Files.readString(file);
                JsonNode english = as("olu").postXml("/api/processes/validation", xml).json().path("problems");
                JsonNode german = as("olu").speaking("de").postXml("/api/processes/validation", xml).json()
                        .path("problems");
                assertThat(german).as(file.getFileName().toString()).hasSameSizeAs(english);
                for (int i = 0; i < german.size(); i++) {
                    String sentence = german.get(i).path("message").asText();
                    assertThat(sentence).as("%s: %s", file.getFileName(), sentence)
                            .isNotEqualTo(english.get(i).path("message").asText())
                            .doesNotContainPattern("\\{\\d").endsWith(".");
                }
            }
        }
    }

    @Test
    void aRefusedDeploymentAnswersInTheCallersLanguage() {
        String xml = path("words-deploy", "Approval").replace("</bpmn:process>",
                "<bpmn:scriptTask id=\"stamp\" name=\"Stamp it\"/></bpmn:process>");

        Api.Response refused = as("olu").speaking("de").postXml("/api/processes", xml);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).startsWith("Der Prozess wurde nicht veröffentlicht; beheben Sie zuerst ein "
                + "Problem. Skriptaufgabe ‚Stamp it‘:");
        assertThat(refused.json().path("title").asText()).isEqualTo("Prozess nicht veröffentlicht");
        assertThat(messageOf(refused.json().path("problems"), "stamp")).startsWith("Skriptaufgabe ‚Stamp it‘:");
    }

    private static JsonNode problemOf(JsonNode problems, String elementId) {
        for (JsonNode problem : problems) {
            if (problem.path("elementId").asText().equals(elementId)) {
                return problem;
            }
        }
        throw new AssertionError("no problem about " + elementId + " in " + problems);
    }

    private static String messageOf(JsonNode problems, String elementId) {
        return problemOf(problems, elementId).path("message").asText();
    }

    @Test
    void theModelerOnThePageGetsRefusalsAsProblemsItCanPointAt() throws IOException {
        String invoice = Files.readString(Path.of("..", "processes", "src", "test", "resources", "bpmn", "examples",
                "invoice-receipt.bpmn"));
        long deployments = repository.createDeploymentQuery().count();

        HttpResponse<String> refused = PageSession.loggedIn(port, "olu").postXmlAsScript("/processes/deployments",
                invoice);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("archiveInvoice").contains("\"detail\"");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @TestFactory
    Stream<DynamicTest> everyHostileFileIsRefusedAndNothingIsDeployed() throws IOException {
        try (Stream<Path> files = Files.list(HOSTILE)) {
            return files.sorted().toList().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                    () -> {
                        long events = eventCount();
                        long deployments = repository.createDeploymentQuery().count();

                        Api.Response response = as("olu").postXml("/api/processes", Files.readString(file));

                        assertThat(response.status()).as(response.toString()).isEqualTo(400);
                        assertThat(response.contentType()).isEqualTo("application/problem+json");
                        assertThat(response.detail()).startsWith("The process was not deployed");
                        assertThat(response.json().path("problems")).isNotEmpty();
                        assertThat(eventCount()).isEqualTo(events);
                        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
                    }));
        }
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutBeingDeployed() {
        long deployments = repository.createDeploymentQuery().count();
        // over the 512 KB BPMN limit, under the 1 MB limit for any request body
        String large = path("large-path", "Approval").replace("</bpmn:definitions>",
                "<!-- " + "x".repeat(700 * 1024) + " --></bpmn:definitions>");

        Api.Response response = as("olu").postXml("/api/processes", large);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).contains("larger than the limit of 512 KB");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aBodyOverTheRequestLimitIsRefusedBeforeAnythingReadsIt() {
        long deployments = repository.createDeploymentQuery().count();
        String huge = path("huge-path", "Approval").replace("</bpmn:definitions>",
                "<!-- " + "x".repeat(2 * 1024 * 1024) + " --></bpmn:definitions>");

        Api.Response response = as("olu").postXml("/api/processes", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aRequestNamingAPathThatIsNotDeployedIsABadRequest() {
        long events = eventCount();

        Api.Response response = as("ana").post("/api/requests", Map.of("title", "Bus", "category", "trip",
                "amount", 100, "currency", "EUR", "processKey", "no-such-path"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).contains("do not choose the approval path", "not 'no-such-path'");
        assertThat(eventCount()).isEqualTo(events);
    }

    /** The modeler's template with a key and a step name, as a process owner would save it. */
    static String path(String key, String stepName) {
        try {
            return new ClassPathResource("process-templates/single-approval.bpmn")
                    .getContentAsString(StandardCharsets.UTF_8)
                    .replace("NEW_KEY", key).replace("NEW_NAME", key)
                    .replace("name=\"Approval\" camunda:assignee", "name=\"" + stepName + "\" camunda:assignee");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requesters do not choose paths: the path is bound to a category of its own, and the request names that. */
    private String submit(String person, String processKey) {
        bind(processKey, processKey);
        Api.Response response = as(person).post("/api/requests", Map.of("title", "Visit", "category", processKey,
                "amount", 300, "currency", "EUR"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    /** Binds below 5000: the template has no finance check step. */
    void bind(String processKey, String category) {
        category(category);
        Api.Response bound = as("olu").post("/api/processes/bindings", Map.of("processKey", processKey,
                "category", category, "maxAmount", 5000));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }

    private String stepName(String requestId) {
        return as("ana").get("/api/requests/" + requestId).json().path("steps").get(0).path("name").asText();
    }
}

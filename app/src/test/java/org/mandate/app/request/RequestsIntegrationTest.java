package org.mandate.app.request;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.web.PageSession;
import org.mandate.domain.request.DecideStep;
import org.mandate.domain.request.RequestWithdrawn;
import org.mandate.domain.request.StepDelegated;
import org.mandate.domain.request.StepEscalated;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API and the pages read a request's input the same way, through {@link Requests}. */
class RequestsIntegrationTest extends MandateIntegrationTest {

    @Autowired
    EventStore events;

    @Test
    void aSubmissionThroughTheApiOrThePageIsReadTheSameWay() {
        Api.Response byApi = as("ana").post("/api/requests", Map.of("title", "  Padded globe  ", "category",
                "supplies", "amount", 120, "currency", "EUR", "description", "   "));
        assertThat(byApi.status()).as(byApi.toString()).isEqualTo(201);
        JsonNode fromApi = as("ana").get("/api/requests/" + byApi.json().path("id").asText()).json();

        PageSession ana = PageSession.loggedIn(port, "ana");
        HttpResponse<String> byPage = ana.postForm("/requests", Map.of("title", "  Padded globe  ", "category",
                "supplies", "amount", "120", "description", "   ", "_csrf", ana.csrfFrom("/requests/new")));
        assertThat(byPage.statusCode()).isEqualTo(302);
        String pageId = byPage.headers().firstValue("Location").orElseThrow().replaceAll(".*/requests/", "");
        JsonNode fromPage = as("ana").get("/api/requests/" + pageId).json();

        for (JsonNode view : new JsonNode[]{fromApi, fromPage}) {
            assertThat(view.path("title").asText()).isEqualTo("Padded globe");
            assertThat(view.path("description").isNull() || view.path("description").isMissingNode()).isTrue();
        }
    }

    @Test
    void aWithdrawalWithABlankReasonThroughTheApiRecordsNoReason() {
        String id = as("ana").submit("Withdrawn globe", "supplies", 120);

        Api.Response withdrawn = as("ana").post("/api/requests/" + id + "/withdrawal", Map.of("reason", "  "));

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(events.readEvents(id).asStream().map(message -> message.getPayload())
                .filter(RequestWithdrawn.class::isInstance).map(RequestWithdrawn.class::cast))
                .singleElement().satisfies(event -> assertThat(event.reason()).isNull());
    }

    @Test
    void aWithdrawalReasonOverTheLimitIsRefusedOnThePageAsOnTheApi() {
        String id = as("ana").submit("Long withdrawal globe", "supplies", 120);
        PageSession ana = PageSession.loggedIn(port, "ana");
        long events = eventCount();

        HttpResponse<String> refused = ana.postForm("/requests/" + id + "/withdrawal", Map.of("reason",
                "x".repeat(DecideStep.MAX_RATIONALE + 1), "_csrf", ana.csrfFrom("/requests/" + id)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The reason is longer than 4000 characters");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aStepMovedThroughTheApiKeepsItsNoteAndReasonAsThePageWould() {
        String id = as("ana").submit("Moved globe", "supplies", 120);
        String step = openStep(as("sofia"), id);
        String moves = "/api/requests/" + id + "/steps/" + step;

        assertThat(as("sofia").post(moves + "/delegation", Map.of("to", " liam ", "note", "   ")).status())
                .isEqualTo(200);
        assertThat(as("sofia").delete(moves + "/delegation").status()).isEqualTo(200);
        assertThat(as("sofia").post(moves + "/escalation", Map.of("reason", "  Too big for me  ")).status())
                .isEqualTo(200);

        List<Object> payloads = events.readEvents(id).asStream().map(message -> (Object) message.getPayload())
                .toList();
        assertThat(payloads).filteredOn(StepDelegated.class::isInstance).map(StepDelegated.class::cast)
                .singleElement().satisfies(lent -> {
                    assertThat(lent.to().value()).isEqualTo("liam");
                    assertThat(lent.note()).isNull();
                });
        assertThat(payloads).filteredOn(StepEscalated.class::isInstance).map(StepEscalated.class::cast)
                .singleElement().satisfies(escalated -> assertThat(escalated.reason()).isEqualTo("Too big for me"));
    }
}

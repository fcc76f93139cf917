package org.mandate.app.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks against a receiver on 127.0.0.1 (the shared test context allows private addresses and plain http, and
 * retries within 1.5 s; see MandateIntegrationTest). Each test registers its own subscriptions and looks only at
 * the events of the requests it made.
 */
class WebhooksIntegrationTest extends MandateIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> subscriptions = new ArrayList<>();
    private WebhookReceiver receiver;

    @BeforeEach
    void receive() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> as("ivy").delete("/api/admin/webhooks/" + id));
        receiver.close();
    }

    @Test
    void anApprovalArrivesAsSignedCloudEventsInTheRequestsOrder() throws Exception {
        JsonNode registered = subscribe("/ok", List.of("*")).json();
        String secret = registered.path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(as("ivy").get("/api/admin/webhooks/" + registered.path("id").asText()).body())
                .as("the secret is shown once, on registration").doesNotContain(secret.substring(6));

        String id = as("ana").submit("Microscope", "equipment", 1500);
        as("sofia").post("/api/requests/" + id + "/steps/" + openStep(as("ana"), id) + "/decision",
                Map.of("outcome", "APPROVED", "rationale", "The lab needs it"));

        await().atMost(Duration.ofSeconds(20)).until(() -> types(of(id, receiver.at("/ok"))).contains(
                "org.mandate.RequestApproved"));
        List<WebhookReceiver.Received> deliveries = of(id, receiver.at("/ok"));
        assertThat(types(deliveries)).containsExactly("org.mandate.RequestSubmitted", "org.mandate.StepOpened",
                "org.mandate.StepDecided", "org.mandate.RequestApproved");
        long previous = -1;
        for (WebhookReceiver.Received delivery : deliveries) {
            CloudEvent event = new JsonFormat().deserialize(delivery.body().getBytes(StandardCharsets.UTF_8));
            assertThat(delivery.headers().get("content-type")).isEqualTo("application/cloudevents+json");
            assertThat(delivery.headers().get("webhook-id")).isEqualTo(event.getId());
            assertThat(verify(secret, delivery)).as("signature of %s", event.getType()).isTrue();
            assertThat(verify("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), delivery))
                    .as("another secret does not verify").isFalse();
            long sequence = Long.parseLong((String) event.getExtension("sequence"));
            assertThat(sequence).isGreaterThan(previous);
            previous = sequence;
        }
        CloudEvent decided = new JsonFormat().deserialize(deliveries.get(2).body().getBytes(StandardCharsets.UTF_8));
        assertThat(decided.getExtension("decidedby")).isEqualTo("sofia");
        assertThat(JSON.readTree(decided.getData().toBytes()).path("rationale").asText()).isEqualTo("The lab needs it");
    }

    @Test
    void aFailingSubscriberIsRetriedThenParkedAndRedeliveredOnRequest() throws Exception {
        receiver.answer("/fail", 500);
        String subscription = subscribe("/fail", List.of("RequestSubmitted")).json().path("id").asText();
        String id = as("ana").submit("Failing hook", "equipment", 100);

        String deliveries = "/api/admin/webhooks/" + subscription + "/deliveries";
        await().atMost(Duration.ofSeconds(30)).until(() -> as("ivy").get(deliveries + "?status=PARKED").json().size() == 1);
        JsonNode parked = as("ivy").get(deliveries + "?status=parked").json().get(0);
        int attempts = parked.path("attempts").asInt();
        assertThat(attempts).as("retried with backoff before parking").isGreaterThanOrEqualTo(3);
        assertThat(of(id, receiver.at("/fail"))).hasSize(attempts);
        assertThat(parked.path("lastStatus").asInt()).isEqualTo(500);
        Thread.sleep(500);
        assertThat(of(id, receiver.at("/fail"))).as("nothing is sent once parked").hasSize(attempts);
        assertThat(as("ivy").get("/api/admin/webhooks/" + subscription).json().path("deliveries").path("parked")
                .asLong()).isEqualTo(1);
        String metrics = as("ivy").get("/actuator/prometheus").body();
        assertThat(metrics).contains("mandate_webhooks_attempts_total{outcome=\"parked\"}")
                .containsPattern("mandate_webhooks_deliveries\\{status=\"parked\"\\} [1-9]");

        receiver.answer("/fail", 204);
        Api.Response redelivery = as("ivy").post(deliveries + "/" + parked.path("id").asText() + "/redelivery", "");
        assertThat(redelivery.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> as("ivy").get(deliveries + "?status=DELIVERED").json()
                .size() == 1);
        assertThat(of(id, receiver.at("/fail"))).hasSize(attempts + 1);
        assertThat(as("ivy").post(deliveries + "/no-such-delivery/redelivery", "").status()).isEqualTo(404);
    }

    @Test
    void aRetriedEventHoldsBackTheLaterEventsOfItsRequest() {
        receiver.failNext("/flaky", 2);
        subscribe("/flaky", List.of("RequestSubmitted", "StepOpened"));

        String id = as("ana").submit("Flaky hook", "equipment", 100);

        await().atMost(Duration.ofSeconds(20)).until(() -> types(of(id, receiver.at("/flaky"))).contains(
                "org.mandate.StepOpened"));
        assertThat(types(of(id, receiver.at("/flaky")))).as("two failed attempts, the retry, then the next event")
                .containsExactly("org.mandate.RequestSubmitted", "org.mandate.RequestSubmitted",
                        "org.mandate.RequestSubmitted", "org.mandate.StepOpened");
    }

    @Test
    void aSlowSubscriberDelaysNeitherCommandsNorOtherSubscribers() {
        // each answer takes nearly the whole timeout (2 s in tests): the second one comes after ~3.6 s at best
        receiver.pause("/slow", 1_800);
        subscribe("/slow", List.of("RequestSubmitted"));
        subscribe("/quick", List.of("RequestSubmitted"));

        String first = as("ana").submit("Slow hook 1", "equipment", 100);
        String second = as("ana").submit("Slow hook 2", "equipment", 100);
        assertThat(of(first, receiver.at("/slow"))).as("the command did not wait for the subscriber").isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> of(first, receiver.at("/quick")).size() == 1
                && of(second, receiver.at("/quick")).size() == 1);
        assertThat(of(second, receiver.at("/slow"))).as("the slow one is still on its first").isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> of(second, receiver.at("/slow")).size() == 1);
    }

    @Test
    void aCancelledSubscriptionReceivesNothingMore() {
        String subscription = subscribe("/cancelled", List.of("RequestSubmitted")).json().path("id").asText();
        assertThat(as("ivy").delete("/api/admin/webhooks/" + subscription).json().path("active").asBoolean()).isFalse();
        assertThat(as("ivy").delete("/api/admin/webhooks/" + subscription).status()).isEqualTo(409);
        subscriptions.remove(subscription);
        String canary = subscribe("/canary", List.of("RequestSubmitted")).json().path("id").asText();

        String id = as("ana").submit("After cancelling", "equipment", 100);
        await().atMost(Duration.ofSeconds(20)).until(() -> of(id, receiver.at("/canary")).size() == 1);
        assertThat(of(id, receiver.at("/cancelled"))).isEmpty();
        assertThat(canary).isNotBlank();
    }

    @Test
    void registrationsThatCannotWorkAreRefusedAndChangeNothing() {
        long before = eventCount();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("url", "ftp://hooks.example.org/x", "eventTypes", List.of("*")),
                Map.of("url", "not a url", "eventTypes", List.of("*")),
                Map.of("url", "http://user:pw@127.0.0.1/x", "eventTypes", List.of("*")),
                Map.of("url", receiver.url("/x"), "eventTypes", List.of("step-decided")),
                Map.of("url", receiver.url("/x"), "eventTypes", List.of()))) {
            Api.Response refused = as("ivy").post("/api/admin/webhooks", body);
            assertThat(refused.status()).as("%s", body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(as("ana").post("/api/admin/webhooks", Map.of("url", receiver.url("/x"), "eventTypes",
                List.of("*"))).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    private Api.Response subscribe(String path, List<String> types) {
        Api.Response response = as("ivy").post("/api/admin/webhooks", Map.of("url", receiver.url(path),
                "eventTypes", types));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        subscriptions.add(response.json().path("id").asText());
        return response;
    }

    /** The deliveries of one request's events: the request is the subject of each CloudEvent. */
    private static List<WebhookReceiver.Received> of(String requestId, List<WebhookReceiver.Received> received) {
        return received.stream().filter(r -> requestId.equals(read(r).path("subject").asText())).toList();
    }

    private static List<String> types(List<WebhookReceiver.Received> received) {
        return received.stream().map(r -> read(r).path("type").asText()).toList();
    }

    private static JsonNode read(WebhookReceiver.Received received) {
        try {
            return JSON.readTree(received.body());
        } catch (Exception notJson) {
            throw new AssertionError(notJson);
        }
    }

    /** Verifies as a receiver would, following the Standard Webhooks specification (not Mandate's code). */
    static boolean verify(String secret, WebhookReceiver.Received delivery) throws Exception {
        long timestamp = Long.parseLong(delivery.headers().get("webhook-timestamp"));
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((delivery.headers().get("webhook-id") + "." + timestamp + "." + delivery.body())
                .getBytes(StandardCharsets.UTF_8));
        for (String signature : delivery.headers().get("webhook-signature").split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts[0].equals("v1") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }
}

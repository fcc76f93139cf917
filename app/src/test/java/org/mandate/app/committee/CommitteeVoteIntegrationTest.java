package org.mandate.app.committee;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.EngineTimers;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.mail.ReceivedMail;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.JoinPerson;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.VoteOverdue;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandate.app.Refusal.refused;

/**
 * The demo's budget committee (omar, pat, vera; 2 of 3) decides requests above 10000 and up to 100000 through the
 * usual decision endpoint: each voter finds the vote in their inbox with the tally, the request view lists the votes,
 * and the aggregate, not the engine, says when the quorum is met.
 */
class CommitteeVoteIntegrationTest extends MandateIntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    EventStore events;

    @Test
    void twoOfThreeApproveAndThePathMovesOnToTheFinanceCheck() {
        String id = as("ana").submit("Science wing " + UUID.randomUUID(), "building", 60_000);
        JsonNode step = onlyStep(as("ana").get("/api/requests/" + id).json());
        String stepId = step.path("id").asText();
        assertThat(step.path("assignee").asText()).isEqualTo("budget-committee");
        assertThat(step.path("vote").path("rule").asText()).isEqualTo("2 of 3");
        assertThat(step.path("vote").path("needed").asInt()).isEqualTo(2);
        assertThat(texts(step.path("vote").path("stillToVote"))).containsExactly("omar", "pat", "vera");

        JsonNode inVerasInbox = inboxItem("vera", stepId);
        assertThat(inVerasInbox.path("vote").path("rule").asText()).isEqualTo("2 of 3");
        assertThat(inVerasInbox.path("vote").path("approvals").asInt()).isZero();

        assertThat(as("vera").post(decision(id, stepId), Map.of("outcome", "APPROVED")).status()).isEqualTo(200);
        JsonNode tally = inboxItem("pat", stepId).path("vote");
        assertThat(tally.path("approvals").asInt()).isEqualTo(1);
        assertThat(texts(tally.path("stillToVote"))).containsExactly("omar", "pat");

        assertThat(refused(this::eventCount, () -> as("pat").post(decision(id, stepId),
                Map.of("outcome", "REJECTED")), 400).detail()).contains("rationale");
        as("pat").post(decision(id, stepId), Map.of("outcome", "REJECTED", "rationale", "Wait for the grant"));
        JsonNode afterOmar = as("omar").post(decision(id, stepId), Map.of("outcome", "APPROVED")).json();

        JsonNode voted = afterOmar.path("steps").get(0);
        assertThat(voted.path("status").asText()).isEqualTo("APPROVED");
        assertThat(voted.path("vote").path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(voted.path("vote").path("ballots")).extracting(ballot -> ballot.path("voter").asText() + ":"
                + ballot.path("vote").asText()).containsExactly("omar:APPROVED", "pat:REJECTED", "vera:APPROVED");
        assertThat(afterOmar.path("steps").get(1).path("assignee").asText()).as("the finance check").isEqualTo("fay");
        assertThat(stored(id, "VoteCast")).isEqualTo(3);
        assertThat(stored(id, "QuorumMet")).isEqualTo(1);
        assertThat(inboxItemOrNull("vera", stepId)).as("a closed vote leaves the inbox").isNull();

        String check = afterOmar.path("steps").get(1).path("id").asText();
        assertThat(as("fay").post(decision(id, check), Map.of("outcome", "APPROVED")).json().path("status").asText())
                .isEqualTo("APPROVED");
    }

    @Test
    void aVoteChangesWhileOpenAndTooManyRejectionsFailTheQuorumEarly() {
        String title = "Minibus " + UUID.randomUUID();
        String id = as("ana").submit(title, "transport", 30_000);
        String stepId = onlyStep(as("ana").get("/api/requests/" + id).json()).path("id").asText();

        as("vera").post(decision(id, stepId), Map.of("outcome", "APPROVED"));
        as("vera").post(decision(id, stepId), Map.of("outcome", "REJECTED", "rationale", "Saw the insurance quote"));
        JsonNode view = as("pat").post(decision(id, stepId), Map.of("outcome", "REJECTED", "rationale", "No"))
                .json();

        assertThat(view.path("status").asText()).isEqualTo("REJECTED");
        assertThat(view.path("steps").get(0).path("vote").path("reason").asText()).contains("2 rejected");
        assertThat(stored(id, "VoteCast")).isEqualTo(3);
        assertThat(stored(id, "QuorumFailed")).isEqualTo(1);
        assertThat(refused(this::eventCount, () -> as("omar").post(decision(id, stepId),
                Map.of("outcome", "APPROVED")), 409).detail()).contains("rejected");

        // the requester hears it by mail, and the vote's reason (no one person decided it, so there is no rationale)
        ReceivedMail mail = await("ana hears of the rejection").atMost(Duration.ofSeconds(30))
                .until(() -> ReceivedMail.to(MAIL, "ana@school.example").stream()
                        .filter(received -> received.subject().equals("Your request ‘" + title + "’ was rejected"))
                        .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(mail.text()).contains("Rejected by the committee vote: ", "2 rejected");
    }

    @Test
    void onlyVotersVoteAndARequesterOnTheCommitteeIsLeftOut() {
        String id = as("omar").submit("Sports hall floor " + UUID.randomUUID(), "facilities", 40_000);
        JsonNode vote = onlyStep(as("omar").get("/api/requests/" + id).json()).path("vote");
        String stepId = onlyStep(as("omar").get("/api/requests/" + id).json()).path("id").asText();

        assertThat(vote.path("leftOut").asText()).isEqualTo("omar");
        assertThat(texts(vote.path("stillToVote"))).containsExactly("pat", "vera");
        assertThat(refused(this::eventCount, () -> as("omar").post(decision(id, stepId),
                Map.of("outcome", "APPROVED")), 403).detail()).contains("cannot vote on it");
        assertThat(refused(this::eventCount, () -> as("liam").post(decision(id, stepId),
                Map.of("outcome", "APPROVED")), 403).detail()).contains("only its voters (pat, vera)");
        assertThat(inboxItemOrNull("omar", stepId)).isNull();
    }

    @Test
    void allMembersVotingAtOnceGiveTwoVotesAndOneOutcome() throws Exception {
        String id = as("ana").submit("Library wing " + UUID.randomUUID(), "building", 80_000);
        String stepId = onlyStep(as("ana").get("/api/requests/" + id).json()).path("id").asText();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (String member : List.of("vera", "omar", "pat")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(member).post(decision(id, stepId), Map.of("outcome", "APPROVED"));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).as("two votes meet 2 of 3; the third finds the vote closed")
                    .containsExactlyInAnyOrder(200, 200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored(id, "VoteCast")).isEqualTo(2);
        assertThat(stored(id, "QuorumMet")).isEqualTo(1);
        assertThat(stored(id, "QuorumFailed")).isZero();
    }

    /**
     * A member who leaves is taken off the open vote in the departure's transaction: their ballot no longer counts,
     * the quorum is recomputed over those left, and the committee is back to its three members afterwards.
     */
    @Test
    void aLeaverIsTakenOffTheOpenVoteAndTheOthersDecideIt() {
        String leaver = "x-voter-" + UUID.randomUUID().toString().substring(0, 8);
        commands.sendAndWait(new JoinPerson(PersonId.of(leaver), leaver, "Test hire", PersonId.of("vera"), Set.of(),
                Authority.none()));
        assertThat(as("ivy").post("/api/committees/budget-committee/members", Map.of("personId", leaver)).status())
                .isEqualTo(200);
        String id;
        try {
            id = as("ana").submit("Greenhouse " + UUID.randomUUID(), "building", 45_000);
        } finally {
            assertThat(as("ivy").post("/api/people/" + leaver + "/departure", Map.of("successor", "vera")).status())
                    .as("the leaver goes, and the committee is three again").isEqualTo(200);
        }
        JsonNode vote = onlyStep(as("ana").get("/api/requests/" + id).json()).path("vote");
        assertThat(texts(vote.path("stillToVote"))).containsExactly("omar", "pat", "vera");
        assertThat(stored(id, "VoterRemoved")).isEqualTo(1);
        assertThat(vote.path("needed").asInt()).isEqualTo(2);

        String stepId = onlyStep(as("ana").get("/api/requests/" + id).json()).path("id").asText();
        as("vera").post(decision(id, stepId), Map.of("outcome", "APPROVED"));
        JsonNode decided = as("omar").post(decision(id, stepId), Map.of("outcome", "APPROVED")).json();
        assertThat(decided.path("steps").get(0).path("vote").path("outcome").asText()).isEqualTo("APPROVED");
    }

    /**
     * A path that gives its vote a time limit (a non-interrupting boundary timer): when it fires, the engine's
     * listener sends the usual escalation and the request records VoteOverdue naming who has not voted; the vote
     * stays with the committee and its engine task stays open.
     */
    @Test
    void aTimeLimitOnTheVoteChasesTheVotersThroughTheEngineAndMovesNothing() {
        String key = "timed-vote-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response deployed = as("olu").postXml("/api/processes", TIMED_VOTE.replace("KEY", key));
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        category(key);
        Api.Response bound = as("olu").post("/api/processes/bindings", Map.of("processKey", key, "category", key,
                "maxAmount", 4000));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
        Api.Response submitted = as("ana").post("/api/requests", Map.of("title", "Kiln " + key, "category", key,
                "amount", 3000, "currency", "EUR"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String id = submitted.json().path("id").asText();
        String stepId = onlyStep(as("ana").get("/api/requests/" + id).json()).path("id").asText();
        as("vera").post(decision(id, stepId), Map.of("outcome", "APPROVED"));

        Job timer = management.createJobQuery().processInstanceId(tasks.createTaskQuery().taskId(stepId)
                .singleResult().getProcessInstanceId()).timers().singleResult();
        assertThat(timer).as("the vote's time-limit timer").isNotNull();
        EngineTimers.runDue(management, timer);

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(id, "VoteOverdue") == 1);
        VoteOverdue overdue = events.readEvents(id).asStream().map(Message::getPayload)
                .filter(VoteOverdue.class::isInstance).map(VoteOverdue.class::cast).findFirst().orElseThrow();
        assertThat(overdue.stillToVote()).extracting(PersonId::value).containsExactly("omar", "pat");
        assertThat(overdue.reason()).contains("time limit (R2/P1D)");
        JsonNode step = onlyStep(as("ana").get("/api/requests/" + id).json());
        assertThat(step.path("status").asText()).isEqualTo("OPEN");
        assertThat(step.path("assignee").asText()).isEqualTo("budget-committee");
        assertThat(tasks.createTaskQuery().taskId(stepId).singleResult()).as("the vote's engine task").isNotNull();
        assertThat(stored(id, "StepEscalated")).isZero();

        JsonNode decided = as("omar").post(decision(id, stepId), Map.of("outcome", "APPROVED")).json();
        assertThat(decided.path("status").asText()).isEqualTo("APPROVED");
    }

    /** A 2-of-3 budget committee vote with a time limit of a day, repeated once; below 5000, no finance check. */
    private static final String TIMED_VOTE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="KEY-d" targetNamespace="https://mandate.example">
              <bpmn:process id="KEY" name="KEY" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="vote" name="Budget committee vote">
                  <bpmn:extensionElements>
                    <camunda:properties>
                      <camunda:property name="mandate:quorum" value="2 of 3"/>
                      <camunda:property name="mandate:committee" value="budget-committee"/>
                    </camunda:properties>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:boundaryEvent id="voteLate" attachedToRef="vote" cancelActivity="false">
                  <bpmn:timerEventDefinition id="voteLimit"><bpmn:timeCycle>R2/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:endEvent id="chased" name="Chased"/>
                <bpmn:endEvent id="end"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="vote"/>
                <bpmn:sequenceFlow id="f2" sourceRef="vote" targetRef="end"/>
                <bpmn:sequenceFlow id="f3" sourceRef="voteLate" targetRef="chased"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    private JsonNode inboxItem(String person, String stepId) {
        JsonNode item = inboxItemOrNull(person, stepId);
        assertThat(item).as("step %s in %s's inbox", stepId, person).isNotNull();
        return item;
    }

    private JsonNode inboxItemOrNull(String person, String stepId) {
        for (JsonNode item : as(person).get("/api/inbox").json()) {
            if (item.path("stepId").asText().equals(stepId)) {
                return item;
            }
        }
        return null;
    }

    private static JsonNode onlyStep(JsonNode request) {
        assertThat(request.path("steps")).as(request.toString()).hasSize(1);
        return request.path("steps").get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private long stored(String requestId, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ?", Long.class, requestId, "%." + type);
    }

    static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}

package org.mandate.processes.validation;

import org.junit.jupiter.api.Test;
import org.mandate.domain.committee.CommitteeFacts;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.committee.Committees;
import org.mandate.domain.committee.NoCommittees;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A committee vote is deployed only with a rule its committee, as it stands, can satisfy. */
class QuorumValidationTest {

    /** The demo's budget committee (three members) and a two-person IT committee. */
    static final Committees SITTING = new NoCommittees() {
        private final Map<String, CommitteeFacts> committees = Map.of(
                "budget-committee", facts("budget-committee", "vera", "omar", "pat"),
                "it", facts("it", "ivy", "liam"));

        @Override
        public Optional<CommitteeFacts> sitting(CommitteeId id) {
            return Optional.ofNullable(committees.get(id.value()));
        }

        @Override
        public List<CommitteeFacts> sitting() {
            return List.copyOf(committees.values());
        }
    };

    private final BpmnValidator validator = new BpmnValidator(ValidationLimits.defaults(), SITTING);

    @Test
    void theDemoCommitteePathIsValid() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/bpmn/committee-approval.bpmn")) {
            assertThat(validator.validate(in.readAllBytes()).problems()).isEmpty();
        }
    }

    @Test
    void refusesARuleThatAsksForMoreApprovalsThanThereAreMembers() {
        assertThat(messages(vote("3 of 2", "it", ""))).singleElement().asString().contains("can never be met");
        assertThat(messages(vote("3 of 3", "it", ""))).singleElement().asString()
                .contains("needs 3 approval(s) (3 of 3), but committee 'it' has 2 members");
        assertThat(messages(vote("2 of 4", "budget-committee", ""))).singleElement().asString()
                .contains("write '2 of 3'");
    }

    @Test
    void refusesAnUnknownCommitteeAndAMissingOne() {
        assertThat(messages(vote("any", "finance", ""))).singleElement().asString()
                .contains("committee 'finance', which does not exist");
        assertThat(messages(vote("majority", "", ""))).singleElement().asString().contains("names no committee");
        assertThat(messages(vote("one from each of budget-committee, finance", "", ""))).singleElement()
                .asString().contains("committee 'finance', which does not exist");
    }

    @Test
    void refusesAnAssigneeOnAVoteAndACommitteeWithoutARule() {
        String assignee = "camunda:assignee=\"${routing.approverFor(execution)}\"";
        assertThat(messages(vote("2 of 3", "budget-committee", assignee)))
                .singleElement().asString().contains("Remove the assignee");
        assertThat(messages(vote(null, "budget-committee", ""))).singleElement().asString()
                .contains("but no rule");
    }

    @Test
    void acceptsEveryRuleTheCommitteeCanMeet() {
        for (String rule : List.of("all", "any", "majority", "2 of 3", "one from each of budget-committee, it")) {
            assertThat(messages(vote(rule, rule.startsWith("one") ? "" : "budget-committee", ""))).as(rule).isEmpty();
        }
    }

    @Test
    void aCommitteeProblemCarriesItsCodeAndNumbers() {
        assertThat(validator.validate(vote("3 of 3", "it", "").getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement().satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("committee.tooSmall");
                    assertThat(problem.type()).isEqualTo("userTask");
                    assertThat(problem.args()).containsExactly("3", "3 of 3", "it", "2");
                });
    }

    private List<String> messages(String xml) {
        return validator.validate(xml.getBytes(StandardCharsets.UTF_8)).problems().stream()
                .map(BpmnProblem::message).toList();
    }

    private static String vote(String rule, String committee, String assignee) {
        String properties = (rule == null ? "" : "<camunda:property name=\"mandate:quorum\" value=\"" + rule + "\"/>")
                + (committee.isEmpty() ? "" : "<camunda:property name=\"mandate:committee\" value=\"" + committee
                + "\"/>");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://mandate.example">
                  <bpmn:process id="test" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="start"/>
                    <bpmn:userTask id="vote" name="Vote" %s>
                      <bpmn:extensionElements><camunda:properties>%s</camunda:properties></bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:endEvent id="done"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="vote"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="vote" targetRef="done"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(assignee, properties);
    }

    private static CommitteeFacts facts(String id, String... members) {
        return new CommitteeFacts(CommitteeId.of(id), id, List.of(members).stream().map(PersonId::of).toList(),
                Authority.upTo(100_000), "EUR");
    }
}

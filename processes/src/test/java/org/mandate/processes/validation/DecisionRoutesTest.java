package org.mandate.processes.validation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** No route through a path reaches its end before a person decided, whatever its conditions say. */
class DecisionRoutesTest {

    private static final String APPROVER = "camunda:assignee=\"${routing.approverFor(execution)}\"";

    private final BpmnValidator validator = new BpmnValidator(ValidationLimits.defaults());

    @Test
    void refusesAGatewayThatSkipsTheOnlyDecision() {
        BpmnValidation validation = validate("""
                <bpmn:startEvent id="start" name="Submitted"/>
                <bpmn:exclusiveGateway id="skip" name="Small?"/>
                <bpmn:userTask id="approval" name="Approval" %s/>
                <bpmn:endEvent id="approved" name="Approved"/>
                %s %s %s
                <bpmn:sequenceFlow id="small" sourceRef="skip" targetRef="approved">
                  <bpmn:conditionExpression>${amount &lt; 100}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                """.formatted(APPROVER, flow("start", "skip"), flow("skip", "approval"),
                flow("approval", "approved")));

        assertThat(validation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("approved");
            assertThat(problem.message()).contains("'Submitted' (start) → 'Small?' (skip) → 'Approved' (approved)");
            assertThat(problem.code()).isEqualTo("route.undecided");
            assertThat(problem.type()).isEqualTo("endEvent");
            assertThat(problem.name()).isEqualTo("Approved");
            assertThat(problem.args()).containsExactly("'Submitted' (start) → 'Small?' (skip) → 'Approved' (approved)");
        });
    }

    @Test
    void refusesALoopBackThatCanLeaveBeforeTheDecision() {
        BpmnValidation validation = validate("""
                <bpmn:startEvent id="start"/>
                <bpmn:exclusiveGateway id="again"/>
                <bpmn:userTask id="approval" name="Approval" %s/>
                <bpmn:exclusiveGateway id="decided"/>
                <bpmn:endEvent id="done" name="Done"/>
                %s %s %s %s %s
                """.formatted(APPROVER, flow("start", "again"), flow("again", "approval"),
                flow("approval", "decided"), flow("decided", "again"), flow("again", "done")));

        assertThat(validation.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("'start' → 'again' → 'Done' (done)"));
    }

    @Test
    void acceptsALoopThatAlwaysPassesTheDecision() {
        BpmnValidation validation = validate("""
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="approval" name="Approval" %s/>
                <bpmn:exclusiveGateway id="decided"/>
                <bpmn:endEvent id="done"/>
                %s %s %s %s
                """.formatted(APPROVER, flow("start", "approval"), flow("approval", "decided"),
                flow("decided", "approval"), flow("decided", "done")));

        assertThat(validation.problems()).isEmpty();
    }

    @Test
    void refusesAParallelBranchThatEndsWithoutADecision() {
        BpmnValidation validation = validate("""
                <bpmn:startEvent id="start"/>
                <bpmn:parallelGateway id="split"/>
                <bpmn:userTask id="approval" name="Approval" %s/>
                <bpmn:endEvent id="afterApproval"/>
                <bpmn:endEvent id="shortcut" name="Shortcut">
                  <bpmn:terminateEventDefinition id="kill"/>
                </bpmn:endEvent>
                %s %s %s %s
                """.formatted(APPROVER, flow("start", "split"), flow("split", "approval"),
                flow("approval", "afterApproval"), flow("split", "shortcut")));

        assertThat(validation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("shortcut");
            assertThat(problem.message()).contains("'start' → 'split' → 'Shortcut' (shortcut)");
        });
    }

    @Test
    void refusesAnInterruptingTimerThatJumpsToTheEnd() {
        BpmnValidation validation = validate("""
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="approval" name="Approval" %s/>
                <bpmn:boundaryEvent id="late" name="Too late" attachedToRef="approval">
                  <bpmn:timerEventDefinition id="limit"><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:endEvent id="approved" name="Approved"/>
                %s %s %s
                """.formatted(APPROVER, flow("start", "approval"), flow("approval", "approved"),
                flow("late", "approved")));

        assertThat(validation.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("'start' → 'Approval' (approval) → 'Too late' (late) → "
                        + "'Approved' (approved)"));
    }

    @Test
    void refusesANonInterruptingTimerThatTerminatesThePath() {
        BpmnValidation validation = validateWithARepeatingTimerEndingAt(
                "<bpmn:endEvent id=\"stop\"><bpmn:terminateEventDefinition id=\"kill\"/></bpmn:endEvent>", "stop");

        assertThat(validation.problems()).singleElement().satisfies(problem ->
                assertThat(problem.elementId()).isEqualTo("stop"));
    }

    @Test
    void acceptsATimeLimitWhoseBranchEndsWhileTheStepStillWaits() {
        BpmnValidation validation = validateWithARepeatingTimerEndingAt("<bpmn:endEvent id=\"escalated\"/>",
                "escalated");

        assertThat(validation.problems()).isEmpty();
    }

    /**
     * The approval with a non-interrupting timer every two days (three times) on it, whose branch ends at {@code end}
     * (the element, with the id {@code endId}): the two differ only there, in whether that end stops the path.
     */
    private BpmnValidation validateWithARepeatingTimerEndingAt(String end, String endId) {
        return validate("""
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="approval" name="Approval" %s/>
                <bpmn:boundaryEvent id="late" attachedToRef="approval" cancelActivity="false">
                  <bpmn:timerEventDefinition id="limit"><bpmn:timeCycle>R3/P2D</bpmn:timeCycle></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:endEvent id="approved"/>
                %s
                %s %s %s
                """.formatted(APPROVER, end, flow("start", "approval"), flow("approval", "approved"),
                flow("late", endId)));
    }

    @Test
    void refusesASubProcessWithoutADecisionInside() {
        BpmnValidation validation = validate("""
                <bpmn:startEvent id="start"/>
                <bpmn:exclusiveGateway id="which"/>
                <bpmn:userTask id="approval" name="Approval" %s/>
                <bpmn:subProcess id="empty" name="Paperwork">
                  <bpmn:startEvent id="innerStart"/>
                  <bpmn:endEvent id="innerEnd"/>
                  %s
                </bpmn:subProcess>
                <bpmn:endEvent id="approved"/>
                %s %s %s %s %s
                """.formatted(APPROVER, flow("innerStart", "innerEnd"), flow("start", "which"),
                flow("which", "approval"), flow("which", "empty"), flow("approval", "approved"),
                flow("empty", "approved")));

        assertThat(validation.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("'start' → 'which' → 'Paperwork' (empty) → 'innerStart' → 'innerEnd' → 'approved'"));
    }

    @Test
    void theShippedPathPassesEveryRoute() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/bpmn/approval.bpmn")) {
            assertThat(validator.validate(in.readAllBytes()).problems()).isEmpty();
        }
    }

    private BpmnValidation validate(String elements) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://mandate.example">
                  <bpmn:process id="test" isExecutable="true" camunda:historyTimeToLive="P1D">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(elements);
        return validator.validate(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String flow(String from, String to) {
        return "<bpmn:sequenceFlow id=\"%s-%s\" sourceRef=\"%s\" targetRef=\"%s\"/>".formatted(from, to, from, to);
    }
}

package org.mandate.processes.validation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of hostile files under bpmn/hostile: each is refused, and the problem names the element and says
 * what to do. (That a refused file deploys nothing is checked end to end in the app's ProcessDeploymentIntegrationTest.)
 */
class HostileBpmnTest {

    private final BpmnValidator validator = new BpmnValidator(ValidationLimits.defaults());

    @Test
    void refusesAScriptTask() {
        assertRefused("script-task", "work", "script task", "run a script");
    }

    @Test
    void refusesAScriptListener() {
        assertRefused("script-listener", "work", "runs a script");
    }

    @Test
    void refusesAScriptCondition() {
        assertRefused("script-condition", "yes", "script condition (language 'groovy')");
    }

    @Test
    void refusesAConditionLoadedFromAnExternalResource() {
        BpmnValidation validation = validate("external-resource-condition");
        assertThat(validation.problems()).anySatisfy(problem -> {
            assertThat(problem.elementId()).isEqualTo("yes");
            assertThat(problem.message()).contains("external resource", "https://evil.example/condition.js");
        });
    }

    @Test
    void refusesAJavaClassOnAServiceTask() {
        assertRefused("java-class-service-task", "work", "service task");
    }

    @Test
    void refusesAJavaClassTaskListener() {
        assertRefused("class-task-listener", "work", "Java class 'com.example.Exfiltrate'");
    }

    @Test
    void refusesAJavaClassListenerInTheOldActivitiNamespace() {
        assertRefused("activiti-namespace-class", "work", "Java class 'com.example.Backdoor'");
    }

    @Test
    void refusesADelegateExpressionListener() {
        assertRefused("delegate-expression-listener", "work", "delegate expression '${dataSource}'");
    }

    @Test
    void refusesAnAssigneeFromAnotherBean() {
        assertRefused("assignee-from-another-bean", "work", "not an assignment Mandate understands",
                "${routing.approverFor(execution)}");
    }

    @Test
    void refusesAMethodCallInACondition() {
        assertRefused("method-call-in-condition", "yes", "'execution', which Mandate does not provide");
    }

    @Test
    void refusesAConditionOnAVariableMandateDoesNotSet() {
        assertRefused("unknown-variable-condition", "yes", "'budgetLeft', which Mandate does not provide");
    }

    @Test
    void refusesAnExpressionHiddenInATaskName() {
        assertRefused("expression-in-task-name", "work", "contains the expression");
    }

    @Test
    void refusesAConnector() {
        assertRefused("connector", "work", "outside system through a connector");
    }

    @Test
    void refusesACallActivity() {
        assertRefused("call-activity", "work", "calls another process");
    }

    @Test
    void refusesADoctypeWithAnExternalEntity() {
        assertRefused("doctype-external-entity", null, "DOCTYPE");
    }

    @Test
    void refusesEntityExpansion() {
        assertRefused("entity-expansion", null, "DOCTYPE");
    }

    @Test
    void refusesAnXInclude() {
        assertRefused("xinclude", "hostile", "<xi:include>", "does not know");
    }

    @Test
    void refusesAnExternalImport() {
        assertRefused("external-import", "defs", "imports an external resource");
    }

    @Test
    void refusesATimerCycleFasterThanTheMinimum() {
        assertRefused("fast-timer-cycle", "nagTimer", "repeats every PT1S", "minimum of PT5M");
    }

    @Test
    void refusesACronTimerCycle() {
        assertRefused("cron-timer-cycle", "nagTimer", "cron cycles are not accepted");
    }

    @Test
    void refusesATimerStartEvent() {
        assertRefused("timer-start-event", "everyMinute", "no request behind them");
    }

    @Test
    void refusesAUserTaskWithoutAssignee() {
        assertRefused("unassigned-user-task", "work", "has no assignee Mandate understands");
    }

    @Test
    void refusesAFixedPersonAsAssignee() {
        assertRefused("literal-assignee", "work", "assignee 'pat', which is not an assignment Mandate understands");
    }

    @Test
    void refusesCandidateGroups() {
        assertRefused("candidate-groups", "work", "offers the step to a group");
    }

    @Test
    void refusesAnAsynchronousStep() {
        assertRefused("async-user-task", "work", "runs in the background");
    }

    @Test
    void refusesACamunda8File() {
        assertRefused("camunda8-job-worker", "work", "Camunda 8");
    }

    @Test
    void refusesAPathWithoutSteps() {
        assertRefused("no-user-task", "hostile", "approved without anyone deciding");
    }

    @Test
    void refusesAFileThatIsNotBpmn() {
        assertRefused("not-bpmn", null, "not a BPMN 2.0 file", "<xsl:stylesheet>");
    }

    @Test
    void refusesAFileOverTheSizeLimit() {
        byte[] shipped = read("/bpmn/approval.bpmn");
        String padding = "<!-- " + "x".repeat(600 * 1024) + " -->";
        byte[] huge = new String(shipped, java.nio.charset.StandardCharsets.UTF_8)
                .replace("</bpmn:definitions>", padding + "</bpmn:definitions>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        BpmnValidation validation = validator.validate(huge);

        assertThat(validation.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("larger than the limit of 512 KB"));
    }

    private void assertRefused(String file, String elementId, String... sentenceParts) {
        BpmnValidation validation = validate(file);
        assertThat(validation.valid()).as("%s is refused", file).isFalse();
        assertThat(validation.problems()).as("problems of %s", file).anySatisfy(problem -> {
            assertThat(problem.elementId()).isEqualTo(elementId);
            assertThat(problem.message()).contains(sentenceParts).endsWith(".");
        });
    }

    private BpmnValidation validate(String file) {
        return validator.validate(read("/bpmn/hostile/" + file + ".bpmn"));
    }

    static byte[] read(String resource) {
        try (InputStream in = HostileBpmnTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

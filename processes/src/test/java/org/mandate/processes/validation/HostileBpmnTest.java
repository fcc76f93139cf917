package org.mandate.processes.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

        assertThat(validation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("larger than the limit of 512 KB");
            assertThat(problem.code()).isEqualTo("file.tooLarge");
            assertThat(problem.args()).containsExactly("512");
        });
    }

    /** Besides its English sentence, each problem carries the facts to say it in another language. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            script-task | work | element.scriptTask | scriptTask | Approve everything | - | -
            java-class-service-task | work | element.serviceTask | serviceTask | Pay out | - | -
            no-user-task | hostile | process.noUserTask | process | Rubber stamp | - | -
            literal-assignee | work | assignee.notRouting | userTask | Approval | pat,@approver,@finance | -
            candidate-groups | work | attribute.candidateGroups | userTask | Approval | camunda:candidateGroups,management,@approver | -
            async-user-task | work | attribute.async | userTask | Approval | camunda:asyncBefore | -
            script-listener | work | extension.script | userTask | Approval | camunda:script | -
            class-task-listener | work | listener.class | userTask | Approval | com.example.Exfiltrate | -
            script-condition | yes | condition.script | sequenceFlow | approved | groovy,${...} | -
            unknown-variable-condition | yes | condition.refused | sequenceFlow | approved | ${budgetLeft > 0} | expression.unknownWord:budgetLeft
            fast-timer-cycle | nagTimer | timer.refused | timerEventDefinition | nagTimer | - | timer.repeatsTooOften:PT1S,PT5M
            cron-timer-cycle | nagTimer | timer.refused | timerEventDefinition | nagTimer | - | timer.cron:0/1 * * * * ?
            timer-start-event | everyMinute | timer.start | timerEventDefinition | everyMinute | - | -
            camunda8-job-worker | work | zeebe.element | userTask | Approval | assignmentDefinition | -
            xinclude | hostile | foreignElement | process | Hostile | xi:include,http://www.w3.org/2001/XInclude | -
            external-import | defs | element.import | definitions | defs | - | -
            not-bpmn | - | file.notBpmn | - | - | xsl:stylesheet | -
            entity-expansion | - | file.doctype | - | - | - | -
            """)
    void eachProblemCarriesItsCodeAndFacts(String file, String elementId, String code, String type, String name,
                                           String args, String because) {
        assertThat(validate(file).problems()).filteredOn(problem -> problem.code().equals(code)).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.elementId()).isEqualTo(elementId);
                    assertThat(problem.type()).isEqualTo(type);
                    assertThat(problem.name()).isEqualTo(name);
                    assertThat(problem.args()).isEqualTo(args == null ? List.of() : Stream.of(args.split(","))
                            .map(arg -> arg.replace("@approver", ExpressionPolicy.APPROVER_EXPRESSION)
                                    .replace("@finance", ExpressionPolicy.FINANCE_CHECK_EXPRESSION)).toList());
                    assertThat(problem.because() == null ? null : problem.because().code() + ":"
                            + String.join(",", problem.because().args())).isEqualTo(because);
                    assertThat(ProblemCodes.ALL).contains(problem.code());
                });
    }

    @Test
    void anUnlistedCodeIsRefusedSoTheListStaysComplete() {
        assertThatThrownBy(() -> BpmnProblem.ofFile("Something.", "file.somethingNew"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ProblemCodes");
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

package org.mandate.processes.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.processes.validation.HostileBpmnTest.read;

/**
 * Realistic files of the kinds process owners bring from public examples: the ones that fit Mandate are accepted
 * as they are, the others are refused with reasons a process owner can act on.
 */
class PublicExampleBpmnTest {

    private final BpmnValidator validator = new BpmnValidator(ValidationLimits.defaults());

    @Test
    void acceptsTheShippedApprovalPath() {
        BpmnValidation validation = validator.validate(read("/bpmn/approval.bpmn"));
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.processKey()).isEqualTo("approval");
    }

    @Test
    void acceptsAPurchasePathWithConditionsDueDatesAndAReminderTimer() {
        BpmnValidation validation = validate("purchase-with-sla");
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.processKey()).isEqualTo("purchase");
        assertThat(validation.processName()).isEqualTo("Purchase");
    }

    @Test
    void acceptsALaneDiagramWithParallelSteps() {
        assertThat(validate("trip-with-lanes").problems()).isEmpty();
    }

    @Test
    void refusesTheInvoiceExampleNamingEachPartThatRunsCodeOrBypassesRouting() {
        BpmnValidation validation = validate("invoice-receipt");
        assertThat(validation.problems()).extracting(BpmnProblem::elementId)
                .contains("invoiceReceived", "assignApprover", "approveInvoice", "prepareTransfer", "archiveInvoice",
                        "yes", "no");
        assertThat(validation.problems()).anySatisfy(problem -> assertThat(problem.message())
                .contains("'Assign approver group'", "decision table"));
        assertThat(validation.problems()).anySatisfy(problem -> assertThat(problem.message())
                .contains("'Approve invoice'", "offers the step to a group"));
        assertThat(validation.problems()).anySatisfy(problem -> assertThat(problem.message())
                .contains("'Archive invoice'", "service task"));
    }

    @Test
    void refusesTheVacationExampleForItsGroupsMailerAndVariables() {
        BpmnValidation validation = validate("vacation-request");
        assertThat(validation.problems()).anySatisfy(problem -> {
            assertThat(problem.elementId()).isEqualTo("handleRequest");
            assertThat(problem.message()).contains("offers the step to a group");
        });
        assertThat(validation.problems()).anySatisfy(problem -> {
            assertThat(problem.elementId()).isEqualTo("handleRequest");
            assertThat(problem.message()).contains("'employeeName', which Mandate does not provide");
        });
        assertThat(validation.problems()).anySatisfy(problem -> {
            assertThat(problem.elementId()).isEqualTo("sendConfirmation");
            assertThat(problem.message()).contains("service task");
        });
        assertThat(validation.problems()).anySatisfy(problem -> {
            assertThat(problem.elementId()).isEqualTo("adjustRequest");
            assertThat(problem.message()).contains("not an assignment Mandate understands");
        });
    }

    @Test
    void refusesACamunda8ProcessAsMadeForAnotherEngine() {
        BpmnValidation validation = validate("order-fulfilment-camunda8");
        assertThat(validation.problems()).anySatisfy(problem -> {
            assertThat(problem.elementId()).isEqualTo("packItems");
            assertThat(problem.message()).contains("Camunda 8");
        });
    }

    @Test
    void refusesASketchThatIsNotExecutable() {
        assertThat(validate("collaboration-sketch").problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("Tick 'Executable'"));
    }

    private BpmnValidation validate(String file) {
        return validator.validate(read("/bpmn/examples/" + file + ".bpmn"));
    }
}

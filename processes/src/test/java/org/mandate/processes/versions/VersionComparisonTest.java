package org.mandate.processes.versions;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class VersionComparisonTest {

    private final String shipped = read();

    @Test
    void sameFileHasNoChanges() {
        assertThat(VersionComparison.compare(bytes(shipped), bytes(shipped))).isEmpty();
    }

    @Test
    void layoutOnlyChangesAreNotChanges() {
        String moved = shipped.replace("<dc:Bounds x=\"240\" y=\"160\"", "<dc:Bounds x=\"260\" y=\"180\"");
        assertThat(VersionComparison.compare(bytes(shipped), bytes(moved))).isEmpty();
    }

    @Test
    void namesARenamedStepAndAChangedThreshold() {
        String changed = shipped
                .replace("id=\"managerApproval\" name=\"Approval\"", "id=\"managerApproval\" name=\"Head approval\"")
                .replace("amount &gt;= 5000", "amount &gt;= 8000");

        assertThat(VersionComparison.compare(bytes(shipped), bytes(changed)))
                .extracting(Change::elementId, Change::kind, Change::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("approvedNeedsFinanceCheck", Change.Kind.CHANGED,
                                "The sequence flow 'approved, 5000 or more' changed: its conditionExpression changed "
                                        + "from '${outcome == 'APPROVED' && amount >= 5000}' to "
                                        + "'${outcome == 'APPROVED' && amount >= 8000}'."),
                        org.assertj.core.groups.Tuple.tuple("managerApproval", Change.Kind.CHANGED,
                                "The user task 'Approval' changed: renamed from 'Approval' to 'Head approval'."));
    }

    @Test
    void givesTheFactsOfAChangeForAPageToWordInItsLanguage() {
        String changed = shipped.replace("amount &gt;= 5000", "amount &gt;= 8000");

        assertThat(VersionComparison.compare(bytes(shipped), bytes(changed))).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo("sequenceFlow");
            assertThat(change.name()).isEqualTo("approved, 5000 or more");
            assertThat(change.differences()).containsExactly(new Change.Difference("conditionExpression",
                    "${outcome == 'APPROVED' && amount >= 5000}", "${outcome == 'APPROVED' && amount >= 8000}"));
        });
    }

    @Test
    void namesRemovedAndAddedElements() {
        String changed = shipped.replace("id=\"financeCheck\"", "id=\"budgetCheck\"")
                .replace("targetRef=\"financeCheck\"", "targetRef=\"budgetCheck\"")
                .replace("sourceRef=\"financeCheck\"", "sourceRef=\"budgetCheck\"");

        assertThat(VersionComparison.compare(bytes(shipped), bytes(changed)))
                .extracting(Change::description)
                .contains("The user task 'Finance check' was removed.", "The user task 'Finance check' was added.");
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String read() {
        try (InputStream in = VersionComparisonTest.class.getResourceAsStream("/bpmn/approval.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

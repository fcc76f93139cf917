package org.mandate.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void picksWhoWhyAndUnderWhichMandateFromADecision() throws Exception {
        JsonNode decided = JSON.readTree("""
                {"requestId":{"value":"r-1"},"stepId":{"value":"s-1"},"decidedBy":{"value":"liam"},
                 "onBehalfOf":{"value":"sofia"},"mandateId":"m-7","rationale":"Covered by the mandate"}""");

        AuditFields fields = AuditFields.of(decided);

        assertThat(fields).isEqualTo(new AuditFields("liam", "sofia", "m-7", "r-1", "s-1",
                "Covered by the mandate", null));
    }

    @Test
    void understandsEventTypesItHasNeverSeen() throws Exception {
        JsonNode granted = JSON.readTree("""
                {"mandateId":"m-9","from":{"value":"sofia"},"to":{"value":"liam"},"reason":"On leave in May"}""");

        AuditFields fields = AuditFields.of(granted);

        assertThat(fields.actor()).isEqualTo("sofia");
        assertThat(fields.mandateId()).isEqualTo("m-9");
        assertThat(fields.rationale()).isEqualTo("On leave in May");
    }

    @Test
    void theDeciderIsTheActorEvenWhenTheRequesterIsNamedToo() throws Exception {
        JsonNode event = JSON.readTree("{\"requester\":\"ana\",\"decidedBy\":\"sofia\",\"rationale\":\"  \"}");

        AuditFields fields = AuditFields.of(event);

        assertThat(fields.actor()).isEqualTo("sofia");
        assertThat(fields.rationale()).as("blank is no reason").isNull();
    }

    @Test
    void leavesObjectsThatAreNotTypedIdsAlone() throws Exception {
        assertThat(AuditFields.text(JSON.readTree("{\"value\":\"x\",\"other\":1}"))).isNull();
        assertThat(AuditFields.text(JSON.readTree("[1,2]"))).isNull();
        assertThat(AuditFields.text(JSON.readTree("1500"))).isEqualTo("1500");
    }

    @Test
    void whoRecordedADepartureIsTheActorNotTheLeaver() throws Exception {
        JsonNode left = JSON.readTree("""
                {"personId":{"value":"sofia"},"successor":{"value":"liam"},"recordedBy":{"value":"ivy"}}""");

        assertThat(AuditFields.of(left).actor()).isEqualTo("ivy");
    }

    @Test
    void whoChangedACommitteeIsTheActor() throws Exception {
        JsonNode added = JSON.readTree("""
                {"committeeId":{"value":"budget-committee"},"personId":{"value":"vera"},"addedBy":{"value":"ivy"}}""");

        assertThat(AuditFields.of(added).actor()).isEqualTo("ivy");
    }
}

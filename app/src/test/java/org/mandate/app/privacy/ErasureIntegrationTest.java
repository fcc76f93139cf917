package org.mandate.app.privacy;

import org.junit.jupiter.api.Test;
import org.mandate.domain.Personal;
import org.mandate.app.Api;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure on H2: the whole scenario ({@link PrivacyIntegrationTest#erasureEndToEnd()}), and the refusals before it.
 */
class ErasureIntegrationTest extends PrivacyIntegrationTest {

    @Test
    void anErasedLeaverLeavesNoClearCopyAndTheProofStillHolds() {
        erasureEndToEnd();
    }

    /**
     * A committee vote's reason is sealed under the member who cast it, so an erasure blanks the vote's row in the
     * request view, and the sweep finds the same words where a notice copied them. Rows written straight into the
     * read models: a vote of a fresh member on the shared demo committee would change the other tests' votes.
     */
    @Test
    void anErasedMembersVoteReasonIsBlankedWhereverTheReadModelsCopiedIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String member = "vt" + suffix;
        String step = "vote-step-" + suffix;
        String reason = "Quirina votes no: the roof leaks " + suffix;
        String othersReason = "Vera votes yes: the roof holds " + suffix;
        try {
            jdbc.update("insert into vote_step (step_id, request_id, rule, needed) values (?, ?, '2 of 3', 2)", step,
                    UUID.randomUUID().toString());
            jdbc.update("insert into vote_voter (step_id, voter, position, vote, voted_by, rationale) values "
                    + "(?, ?, 0, 'REJECTED', ?, ?)", step, member, member, reason);
            jdbc.update("insert into vote_voter (step_id, voter, position, vote, voted_by, rationale) values "
                    + "(?, 'vera', 1, 'APPROVED', 'vera', ?)", step, othersReason);
            jdbc.update("update vote_step set reason = ? where step_id = ?", "Rejected: " + reason, step);

            new ReadModelShredder(jdbc).shred(member);

            assertThat(textCellsContaining(reason)).as("cells still holding the erased member's reason").isEmpty();
            assertThat(jdbc.queryForObject("select rationale from vote_voter where step_id = ? and voter = ?",
                    String.class, step, member)).isEqualTo(Personal.Kind.TEXT.erased());
            assertThat(jdbc.queryForObject("select rationale from vote_voter where step_id = ? and voter = 'vera'",
                    String.class, step)).as("another member's reason stays").isEqualTo(othersReason);
        } finally {
            jdbc.update("delete from vote_voter where step_id = ?", step);
            jdbc.update("delete from vote_step where step_id = ?", step);
        }
    }

    @Test
    void onlySomeoneWhoLeftCanBeErasedAndOnlyWhenAsked() {
        long before = eventCount();
        Api.Response stillHere = as("ivy").post("/api/people/ben/erasure", Map.of("reason", "test"));
        assertThat(stillHere.status()).isEqualTo(409);
        assertThat(stillHere.detail()).contains("record their departure first");
        Api.Response noReason = as("ivy").post("/api/people/ben/erasure", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        Api.Response notAsked = as("max").post("/api/people/ben/erasure/approval", Map.of());
        assertThat(notAsked.status()).isEqualTo(409);
        assertThat(notAsked.detail()).contains("Nobody asked");
        Api.Response nobody = as("ivy").post("/api/people/nobody-here/erasure", Map.of("reason", "test"));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(as("ben").post("/api/people/ben/erasure", Map.of("reason", "test")).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }
}

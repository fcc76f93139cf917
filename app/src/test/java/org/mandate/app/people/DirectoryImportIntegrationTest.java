package org.mandate.app.people;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Directory sync through {@code POST /api/admin/directory/import}: a dry run changes nothing, applying records each
 * change as an event, the same file again changes nothing, and a file with problems is refused whole with every
 * problem listed. In the shared context: every person here is new (ids with a fresh prefix), so the demo school is
 * never touched.
 */
class DirectoryImportIntegrationTest extends MandateIntegrationTest {

    private static final String IMPORT = "/api/admin/directory/import";

    @Test
    void aDryRunShowsTheDiffApplyingRecordsItAndTheSameFileAgainChangesNothing() {
        String p = "i" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String csv = "id,name,title,manager,email,roles,authority\n"
                + p + "head,Hana Head,Head of sport,,hana@school.example,auditor,*=3000;trip=500\n"
                + p + "coach,\"Cole, Coach\",Coach," + p + "head,,,\n"
                // a report listed before their manager: the file's order does not matter
                + p + "aide,Aida Aide,Assistant," + p + "coach,,,\n";
        Api ivy = as("ivy");
        long before = eventCount();

        Api.Response dry = ivy.postFile(IMPORT, "text/csv", csv);
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        JsonNode diff = dry.json();
        assertThat(diff.path("applied").asBoolean()).isFalse();
        assertThat(ids(diff.path("join"))).containsExactly(p + "head", p + "coach", p + "aide");
        assertThat(diff.path("join").get(0).path("authority").path("*").decimalValue()).isEqualByComparingTo("3000");
        assertThat(diff.path("join").get(0).path("roles").toString()).isEqualTo("[\"AUDITOR\"]");
        assertThat(diff.path("join").get(1).path("name").asText()).isEqualTo("Cole, Coach");
        assertThat(eventCount()).as("a dry run records nothing").isEqualTo(before);
        assertThat(people(p)).isZero();

        Api.Response applied = ivy.postFile(IMPORT + "?dryRun=false", "text/csv", csv);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().path("applied").asBoolean()).isTrue();
        assertThat(applied.json().path("join")).hasSize(3);
        assertThat(people(p)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select manager_id from directory_person where id = ?", String.class,
                p + "aide")).isEqualTo(p + "coach");
        assertThat(jdbc.queryForObject("select max_amount from directory_authority where person_id = ? "
                + "and category = 'trip'", java.math.BigDecimal.class, p + "head")).isEqualByComparingTo("500");
        assertThat(events(p + "head")).containsExactly("PersonJoined", "EmailSet");
        assertThat(events(p + "coach")).containsExactly("PersonJoined");

        long afterApply = eventCount();
        Api.Response again = ivy.postFile(IMPORT + "?dryRun=false", "text/csv", csv);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(3);
        assertThat(again.json().path("join")).isEmpty();
        assertThat(eventCount()).as("the same file twice changes nothing the second time").isEqualTo(afterApply);

        // an update as JSON: the coach and the head swap places (applied top-down, so no step closes a loop), the
        // aide moves, roles and authority change; what the file leaves out stays as it is
        String update = "{\"people\": ["
                + "{\"id\": \"" + p + "head\", \"manager\": \"" + p + "coach\", \"roles\": [], "
                + "\"authority\": {\"*\": 3000.00, \"trip\": \"750\"}},"
                + "{\"id\": \"" + p + "coach\", \"manager\": null, \"roles\": [\"process-owner\"]},"
                + "{\"id\": \"" + p + "aide\", \"manager\": \"" + p + "head\", \"email\": \"aida@school.example\"}]}";
        JsonNode preview = ivy.postFile(IMPORT, "application/json", update).json();
        assertThat(preview.path("join")).isEmpty();
        assertThat(preview.path("managers").toString()).contains(
                // no manager before, and none after: left out, as everywhere in the API
                "{\"id\":\"" + p + "head\",\"to\":\"" + p + "coach\"}",
                "{\"id\":\"" + p + "coach\",\"from\":\"" + p + "head\"}",
                "{\"id\":\"" + p + "aide\",\"from\":\"" + p + "coach\",\"to\":\"" + p + "head\"}");
        assertThat(preview.path("roles")).hasSize(2);
        assertThat(preview.path("authority")).hasSize(1);
        assertThat(preview.path("emails")).hasSize(1);
        assertThat(eventCount()).isEqualTo(afterApply);

        Api.Response updated = ivy.postFile(IMPORT + "?dryRun=false", "application/json", update);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(events(p + "head")).containsExactly("PersonJoined", "EmailSet", "ManagerChanged", "RolesSet",
                "AuthoritySet");
        assertThat(events(p + "coach")).containsExactly("PersonJoined", "ManagerChanged", "RolesSet");
        assertThat(events(p + "aide")).containsExactly("PersonJoined", "ManagerChanged", "EmailSet");
        assertThat(jdbc.queryForObject("select manager_id from directory_person where id = ?", String.class,
                p + "head")).isEqualTo(p + "coach");
        long afterUpdate = eventCount();
        assertThat(ivy.postFile(IMPORT + "?dryRun=false", "application/json", update).json().path("unchanged")
                .asInt()).isEqualTo(3);
        assertThat(eventCount()).isEqualTo(afterUpdate);

        // an empty roles cell takes them away (and leaves the shared context with no new process owner)
        JsonNode cleared = ivy.postFile(IMPORT + "?dryRun=false", "text/csv", "id,roles\n" + p + "coach,\n").json();
        assertThat(cleared.path("roles").toString()).isEqualTo("[{\"id\":\"" + p + "coach\",\"from\":"
                + "[\"PROCESS_OWNER\"],\"to\":[]}]");
        assertThat(events(p + "coach")).endsWith("RolesSet", "RolesSet");
        assertThat(eventCount()).isEqualTo(afterUpdate + 1);
    }

    @Test
    void aFileWithProblemsIsRefusedWholeListingEveryProblem() {
        String p = "i" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String csv = "id,name,manager,roles,authority\n"
                + p + "ok,Fine Person,sofia,,\n"
                + p + "twice,Once,,,\n"
                + p + "twice,Twice,,,\n"
                + p + "lost,Lost Report,nobody-" + p + ",,\n"
                + p + "loop-a,Loop A," + p + "loop-b,,\n"
                + p + "loop-b,Loop B," + p + "loop-a,,\n"
                + p + "rich,Rich,,,*=12abc\n"
                + p + "odd,Odd,,,$$=100\n"
                + p + "wizard,Wizard,,wizard,\n"
                + p + "nameless,,,,\n"
                + "pat,,pat,,\n";
        long before = eventCount();
        Api.Response refused = as("ivy").postFile(IMPORT + "?dryRun=false", "text/csv", csv);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.detail()).startsWith("The file was refused and nothing changed: 8 problems");
        List<String> problems = new ArrayList<>();
        refused.json().path("problems").forEach(problem -> problems.add(problem.path("row").asInt() + " "
                + problem.path("id").asText() + ": " + problem.path("problem").asText()));
        assertThat(problems).hasSize(8);
        assertThat(String.join("\n", problems)).contains(
                "4 " + p + "twice: '" + p + "twice' appears more than once (rows [3, 4])",
                "5 " + p + "lost: The manager 'nobody-" + p + "' is unknown",
                "Reporting loop: " + p + "loop-a -> " + p + "loop-b -> " + p + "loop-a",
                "8 " + p + "rich: '12abc' is not an amount for '*'",
                "9 " + p + "odd: '$$' is not a category",
                "10 " + p + "wizard: 'wizard' is not a role",
                "11 " + p + "nameless: '" + p + "nameless' is new to the directory and needs a name",
                "12 pat: 'pat' cannot be their own manager");
        assertThat(eventCount()).as("nothing recorded, not even the good rows").isEqualTo(before);
        assertThat(people(p)).isZero();

        // an existing person's manager may not close a loop through the directory either
        Api.Response loop = as("ivy").postFile(IMPORT, "application/json",
                "[{\"id\": \"vera\", \"manager\": \"sofia\"}]");
        assertThat(loop.status()).isEqualTo(400);
        assertThat(loop.json().path("problems").get(0).path("problem").asText())
                .isEqualTo("Reporting loop: vera -> sofia -> vera; someone in it must report to someone outside it "
                        + "(or to nobody).");

        Api.Response notJson = as("ivy").postFile(IMPORT, "application/json", "{\"people\": [");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.detail()).startsWith("The file is not JSON");
        Api.Response noHeader = as("ivy").postFile(IMPORT, "text/csv", "sam,Sam Lee\n");
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.detail()).contains("The first row must name the columns");
        assertThat(as("sofia").postFile(IMPORT, "text/csv", "id\nsam\n").status()).as("administrators only")
                .isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void oddFilesAreProblemsNeverFailures() {
        String p = "i" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long before = eventCount();
        Map<String, String> csv = Map.of(
                "id,name\n" + p + "a,\"never closed\n", "A quoted field is never closed",
                "", "The file is empty",
                "id,name,shoe size\n" + p + "a,A,42\n", "[shoe size] are not columns",
                "id,name\n" + p + "a,Bad\u202Ename\n", "The field 'name' contains a bidirectional override",
                "id,name\n", "The file names nobody");
        assertEachRefused(csv, "text/csv");
        Map<String, String> json = Map.of(
                "42", "The JSON must be",
                "{\"people\": {\"id\": \"x\"}}", "The JSON must be",
                "[{\"id\": \"" + p + "b\", \"name\": \"B\", \"authority\": \"lots\"}]", "is not a set of limits",
                "[{\"id\": \"" + p + "c\", \"name\": \"C\", \"authority\": {\"*\": -5}}]", "'-5' is not an amount",
                "[{\"id\": \"" + p + "d\", \"name\": \"D\", \"email\": \"not-an-address\"}]", "is not a mail address",
                "[{\"id\": \"Not A User\", \"name\": \"E\"}]", "is not a user name");
        assertEachRefused(json, "application/json");
        Api.Response plain = as("ivy").postFile(IMPORT, "text/plain", "id\nsam\n");
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);

        // someone who has left can no longer be changed (or brought back) by a file
        assertThat(as("ivy").postFile(IMPORT + "?dryRun=false", "text/csv", "id,name,manager\n" + p
                + "gone,Gone Soon,sofia\n").status()).isEqualTo(200);
        Api.Response left = as("ivy").post("/api/people/" + p + "gone/departure", Map.of());
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        Api.Response refused = as("ivy").postFile(IMPORT, "text/csv", "id,roles\n" + p + "gone,auditor\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("problems").get(0).path("problem").asText())
                .isEqualTo("'" + p + "gone' has left; a file can no longer change them or bring them back. Leave "
                        + "them out of the file.");
    }

    private int people(String prefix) {
        return jdbc.queryForObject("select count(*) from directory_person where id like ?", Integer.class,
                prefix + "%");
    }

    private List<String> events(String person) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", String.class, person).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** Each file (key) is refused with a 400 problem that says why (value). */
    private void assertEachRefused(Map<String, String> whyByFile, String contentType) {
        whyByFile.forEach((file, why) -> {
            Api.Response refused = as("ivy").postFile(IMPORT + "?dryRun=false", contentType, file);
            assertThat(refused.status()).as("%s: %s", file, refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains(why);
        });
    }
}

package org.mandate.app.reliability;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.app.reliability.AuthorizationMatrixIntegrationTest.Role.ADMIN;
import static org.mandate.app.reliability.AuthorizationMatrixIntegrationTest.Role.ANONYMOUS;
import static org.mandate.app.reliability.AuthorizationMatrixIntegrationTest.Role.AUDITOR;
import static org.mandate.app.reliability.AuthorizationMatrixIntegrationTest.Role.HOLDER;
import static org.mandate.app.reliability.AuthorizationMatrixIntegrationTest.Role.MANAGER;
import static org.mandate.app.reliability.AuthorizationMatrixIntegrationTest.Role.OTHER_STAFF;
import static org.mandate.app.reliability.AuthorizationMatrixIntegrationTest.Role.PROCESS_OWNER;
import static org.mandate.app.reliability.AuthorizationMatrixIntegrationTest.Role.REQUESTER;

/**
 * Every endpoint Spring MVC knows × every role, each cell with the exact status expected. The endpoints come
 * from the handler mapping, so a new endpoint without a row here fails this test until someone decides who may
 * call it. Each state-changing cell gets a fresh request (ana asks for 1500, routed to sofia), so a call by one
 * role cannot hide the answer another role would get.
 */
class AuthorizationMatrixIntegrationTest extends MandateIntegrationTest {

    /** The roles of the matrix, each played by a demo person relative to the fresh request. */
    enum Role {
        ANONYMOUS(null), REQUESTER("ana"), HOLDER("sofia"), MANAGER("vera"), OTHER_STAFF("ben"), AUDITOR("ada"),
        PROCESS_OWNER("olu"), ADMIN("ivy");

        final String person;

        Role(String person) {
            this.person = person;
        }
    }

    /** What one cell sends. */
    record Call(String method, String path, String jsonBody) {
    }

    /** A fresh request for one cell: its id and its open step. */
    record Fixture(String requestId, String stepId) {
    }

    private record Row(Function<Fixture, Call> call, Map<Role, Integer> expected) {
    }

    private static final int LOGIN_PAGE = 302;
    /** Past the role check: any answer but 401, 403, a login redirect or a 5xx (the object or rule decides). */
    private static final int PASS = -1;
    /** Logged in and not a 5xx; a rule of the feature, not a role, decides between 2xx, 400, 403 and 404. */
    private static final int AUTHENTICATED = -2;
    /** A page for a logged-in person: any answer but a 5xx or a redirect to the login page. */
    private static final int PAGE = -3;
    /** Marks a form body: sent form-encoded with the page's CSRF token, as the browser would. */
    private static final String FORM = "form:";

    /** The table. Pages answer anonymous callers with a redirect to the login page, the API with 401. */
    private static final Map<String, Row> MATRIX = new LinkedHashMap<>();

    static {
        row("GET /api/inbox", f -> new Call("GET", "/api/inbox", null),
                401, 200, 200, 200, 200, 200, 200, 200);
        // everyone is staff and may ask; ada, olu and ivy have nobody above them, so their chain cannot approve
        row("POST /api/requests", f -> new Call("POST", "/api/requests", "{\"title\":\"Matrix\","
                        + "\"category\":\"equipment\",\"amount\":100,\"currency\":\"EUR\"}"),
                401, 201, 201, 201, 201, 400, 400, 400);
        // object level: the requester, the holder, the requester's managers, auditors and admins
        row("GET /api/requests/{id}", f -> new Call("GET", "/api/requests/" + f.requestId(), null),
                401, 200, 200, 200, 403, 200, 403, 200);
        row("POST /api/requests/{id}/withdrawal", f -> new Call("POST", "/api/requests/" + f.requestId()
                        + "/withdrawal", "{\"reason\":\"matrix\"}"),
                401, 200, 403, 403, 403, 403, 403, 403);
        row("POST /api/requests/{id}/steps/{stepId}/decision", f -> new Call("POST", "/api/requests/"
                        + f.requestId() + "/steps/" + f.stepId() + "/decision",
                        "{\"outcome\":\"APPROVED\",\"rationale\":\"matrix\"}"),
                401, 403, 200, 403, 403, 403, 403, 403);
        row("GET /", f -> new Call("GET", "/", null),
                LOGIN_PAGE, 200, 200, 200, 200, 200, 200, 200);
        row("GET /login", f -> new Call("GET", "/login", null),
                200, 200, 200, 200, 200, 200, 200, 200);
        // Boot's error endpoint, reached directly rather than through a failure: nothing there, for anybody
        row("ANY /error", f -> new Call("GET", "/error", null),
                404, 404, 404, 404, 404, 404, 404, 404);
    }

    static {
        String step = "/api/requests/%s/steps/%s";
        row("POST /api/requests/{id}/steps/{stepId}/delegation", f -> new Call("POST",
                        step.formatted(f.requestId(), f.stepId()) + "/delegation", "{\"to\":\"liam\",\"note\":\"matrix\"}"),
                401, 403, 200, 403, 403, 403, 403, 403);
        // nothing is lent, so the holder passes the role check and meets the conflict
        row("DELETE /api/requests/{id}/steps/{stepId}/delegation", f -> new Call("DELETE",
                        step.formatted(f.requestId(), f.stepId()) + "/delegation", null),
                401, 403, 409, 403, 403, 403, 403, 403);
        row("POST /api/requests/{id}/steps/{stepId}/escalation", f -> new Call("POST",
                        step.formatted(f.requestId(), f.stepId()) + "/escalation", "{\"reason\":\"matrix\"}"),
                401, 403, 200, 403, 403, 403, 403, 403);
        row("GET /api/mandates", f -> new Call("GET", "/api/mandates", null),
                401, 200, 200, 200, 200, 200, 200, 200);
        // every member of staff may try to grant; whether the scope fits their authority is a rule, not a role
        row("POST /api/mandates", f -> new Call("POST", "/api/mandates", "{\"to\":\"nobody-here\","
                        + "\"categories\":[\"equipment\"],\"maxAmount\":10,\"currency\":\"EUR\"}"),
                401, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED,
                AUTHENTICATED);
        row("DELETE /api/mandates/{id}", f -> new Call("DELETE", "/api/mandates/" + java.util.UUID.randomUUID(), null),
                401, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED,
                AUTHENTICATED);
        // an unknown person and an unknown projection: the role check passes for the admin, nothing changes
        row("POST /api/people/{id}/departure", f -> new Call("POST", "/api/people/nobody-here/departure", "{}"),
                401, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /api/admin/projections/{name}/rebuild", f -> new Call("POST",
                        "/api/admin/projections/no-such-projection/rebuild", null),
                401, 403, 403, 403, 403, 403, 403, PASS);
        for (String read : List.of("/api/audit/events", "/api/audit/events.csv", "/api/audit/digest",
                "/api/audit/verification")) {
            row("GET " + read, f -> new Call("GET", read, null), 401, 403, 403, 403, 403, PASS, 403, PASS);
        }
        row("GET /api/audit/requests/{id}/replay", f -> new Call("GET", "/api/audit/requests/" + f.requestId()
                + "/replay", null), 401, 403, 403, 403, 403, PASS, 403, PASS);
        row("GET /api/audit/paths/{definitionId}/xml", f -> new Call("GET", "/api/audit/paths/no-such-path/xml",
                null), 401, 403, 403, 403, 403, PASS, 403, PASS);
        // past decisions: every member of staff searches, each within their own area (PastDecisionsIntegrationTest)
        row("GET /api/audit/decisions", f -> new Call("GET", "/api/audit/decisions", null),
                401, 200, 200, 200, 200, 200, 200, 200);
        row("GET /audit/decisions", f -> new Call("GET", "/audit/decisions", null),
                LOGIN_PAGE, 200, 200, 200, 200, 200, 200, 200);
        for (String page : List.of("/audit", "/audit/events.csv", "/audit/ledger")) {
            row("GET " + page, f -> new Call("GET", page, null),
                    LOGIN_PAGE, 403, 403, 403, 403, PASS, 403, PASS);
        }
        row("GET /audit/requests/{id}", f -> new Call("GET", "/audit/requests/" + f.requestId(), null),
                LOGIN_PAGE, 403, 403, 403, 403, PASS, 403, PASS);
        row("GET /audit/paths/{definitionId}/bpmn", f -> new Call("GET", "/audit/paths/no-such-path/bpmn", null),
                LOGIN_PAGE, 403, 403, 403, 403, PASS, 403, PASS);
        // insights: managers (sofia manages ana, vera), auditors and admins; everyone else is told who may
        row("GET /api/insights", f -> new Call("GET", "/api/insights", null),
                401, 403, 200, 200, 403, 200, 403, 200);
        row("GET /insights", f -> new Call("GET", "/insights", null),
                LOGIN_PAGE, 403, 200, 200, 403, 200, 403, 200);
        // the one-click mandate is an ordinary grant by the caller: the mandate rules decide, not a role
        row("POST /insights/mandates", f -> new Call("POST", "/insights/mandates", FORM + "to=nobody-here"),
                LOGIN_PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE);
        // the reconciler compares engine and event store: administrators only
        row("GET /api/admin/reconciliation", f -> new Call("GET", "/api/admin/reconciliation", null),
                401, 403, 403, 403, 403, 403, 403, 200);
        // approval paths: everyone logged in reads them over the API; only process owners validate and deploy
        row("GET /api/processes", f -> new Call("GET", "/api/processes", null), 401, 200, 200, 200, 200, 200, 200, 200);
        row("GET /api/processes/{key}/versions", f -> new Call("GET", "/api/processes/approval/versions", null),
                401, 200, 200, 200, 200, 200, 200, 200);
        row("GET /api/processes/{key}/versions/{version}/xml", f -> new Call("GET",
                "/api/processes/approval/versions/1/xml", null), 401, 200, 200, 200, 200, 200, 200, 200);
        row("GET /api/processes/{key}/changes", f -> new Call("GET", "/api/processes/approval/changes?from=1&to=1",
                null), 401, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED,
                AUTHENTICATED, AUTHENTICATED);
        // the body is no BPMN: past the role check the owner gets problems listed or a 400, nothing is deployed
        row("POST /api/processes", f -> new Call("POST", "/api/processes", "{}"),
                401, 403, 403, 403, 403, 403, PASS, 403);
        row("POST /api/processes/validation", f -> new Call("POST", "/api/processes/validation", "{}"),
                401, 403, 403, 403, 403, 403, PASS, 403);
        for (String page : List.of("/processes", "/processes/approval", "/processes/approval/versions/1",
                "/processes/approval/changes?from=1&to=1", "/processes/approval/edit", "/processes/new?key=trial",
                "/processes/template.bpmn?key=trial", "/processes/approval/versions/1/xml")) {
            String pattern = page.replace("/approval/versions/1", "/{key}/versions/{version}")
                    .replace("/approval", "/{key}").replaceAll("\\?.*", "");
            row("GET " + pattern, f -> new Call("GET", page, null), LOGIN_PAGE, 403, 403, 403, 403, 403, PASS, 403);
        }
        for (String form : List.of("/processes/validation", "/processes/deployments")) {
            row("POST " + form, f -> new Call("POST", form, FORM + "bpmn=none"),
                    LOGIN_PAGE, 403, 403, 403, 403, 403, PASS, 403);
        }
    }

    /** The staff pages (forms post with their CSRF token): anonymous callers go to the login page. */
    static {
        String step = "/requests/%s/steps/%s/";
        Map<String, Function<Fixture, Call>> pages = new LinkedHashMap<>();
        pages.put("GET /inbox/items", f -> new Call("GET", "/inbox/items", null));
        pages.put("GET /requests/new", f -> new Call("GET", "/requests/new", null));
        pages.put("GET /requests/{id}", f -> new Call("GET", "/requests/" + f.requestId(), null));
        pages.put("GET /requests/{id}/path.bpmn", f -> new Call("GET", "/requests/" + f.requestId() + "/path.bpmn", null));
        pages.put("GET /mandates", f -> new Call("GET", "/mandates", null));
        pages.put("POST /requests", f -> new Call("POST", "/requests", FORM + "title=Matrix&category=equipment"
                + "&amount=100&currency=EUR"));
        pages.put("POST /requests/{id}/withdrawal", f -> new Call("POST", "/requests/" + f.requestId()
                + "/withdrawal", FORM + "reason=matrix"));
        pages.put("POST /requests/{id}/steps/{stepId}/decision", f -> new Call("POST",
                step.formatted(f.requestId(), f.stepId()) + "decision", FORM + "outcome=APPROVED&rationale=matrix"));
        pages.put("POST /requests/{id}/steps/{stepId}/delegation", f -> new Call("POST",
                step.formatted(f.requestId(), f.stepId()) + "delegation", FORM + "to=liam&note=matrix"));
        pages.put("POST /requests/{id}/steps/{stepId}/recall", f -> new Call("POST",
                step.formatted(f.requestId(), f.stepId()) + "recall", FORM + "reason=matrix"));
        pages.put("POST /requests/{id}/steps/{stepId}/escalation", f -> new Call("POST",
                step.formatted(f.requestId(), f.stepId()) + "escalation", FORM + "reason=matrix"));
        pages.put("POST /mandates", f -> new Call("POST", "/mandates", FORM + "to=nobody-here&categories=equipment"
                + "&maxAmount=10&currency=EUR"));
        pages.put("POST /mandates/{id}/revocation", f -> new Call("POST", "/mandates/"
                + java.util.UUID.randomUUID() + "/revocation", FORM + "reason=matrix"));
        // object level and rules are asserted exactly on the API rows above; a page renders their refusal itself
        pages.forEach((endpoint, call) -> row(endpoint, call, LOGIN_PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE));
    }

    private static void row(String endpoint, Function<Fixture, Call> call, int... statuses) {
        Map<Role, Integer> expected = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            expected.put(role, statuses[role.ordinal()]);
        }
        MATRIX.put(endpoint, new Row(call, expected));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointHasARowInTheMatrix() {
        assertThat(endpoints()).as("endpoints known to Spring MVC; add a row to MATRIX for each new one")
                .containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
    }

    @Test
    void everyRoleGetsExactlyTheAnswerTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        Fixture forReads = freshRequest();
        for (Map.Entry<String, Row> row : MATRIX.entrySet()) {
            boolean reads = row.getKey().startsWith("GET ") || row.getKey().startsWith("ANY ");
            for (Role role : Role.values()) {
                Call call = row.getValue().call().apply(reads ? forReads : freshRequest());
                Http client = client(role, call.path());
                Http.Reply reply = call.jsonBody() != null && call.jsonBody().startsWith(FORM)
                        ? client.form(call.path(), formFields(call.jsonBody().substring(FORM.length())), true)
                        : client.call(call.method(), call.path(), call.jsonBody(),
                        call.jsonBody() == null ? null : "application/json", Map.of());
                int expected = row.getValue().expected().get(role);
                cells++;
                if (!matches(expected, reply.status())) {
                    wrong.add(row.getKey() + " as " + role + ": expected " + expected + ", got " + reply);
                } else if (reply.status() >= 400 && call.path().startsWith("/api/") && !reply.isProblem()) {
                    wrong.add(row.getKey() + " as " + role + ": refusal is not problem+json: " + reply);
                } else if (expected == PAGE && reply.status() == LOGIN_PAGE
                        && String.valueOf(reply.header("location")).endsWith("/login")) {
                    wrong.add(row.getKey() + " as " + role + ": sent to the login page: " + reply);
                } else if (expected == LOGIN_PAGE && !String.valueOf(reply.header("location")).endsWith("/login")) {
                    wrong.add(row.getKey() + " as " + role + ": redirect not to the login page: " + reply);
                }
            }
        }
        FigureLog.record("authorization matrix", cells + " cells (" + MATRIX.size() + " endpoints x "
                + Role.values().length + " roles), " + wrong.size() + " wrong");
        assertThat(wrong).as("cells that differ from the matrix").isEmpty();
    }

    @Test
    void everyStateChangingFormIsRefusedWithoutItsCsrfToken() {
        Http ivy = Http.session(port, "ivy");
        List<String> forms = new ArrayList<>(List.of("/login", "/logout"));
        endpoints().stream().filter(endpoint -> !endpoint.startsWith("GET ") && !endpoint.contains(" /api/")
                && !endpoint.equals("ANY /error")).map(endpoint -> endpoint.substring(endpoint.indexOf(' ') + 1)
                        .replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString()))
                .forEach(forms::add);

        for (String form : forms) {
            Http.Reply reply = ivy.form(form, Map.of("username", "ivy", "password", "demo"), false);
            assertThat(reply.status()).as("POST %s without its CSRF token: %s", form, reply).isEqualTo(403);
        }
        assertThat(ivy.get("/").status()).as("still logged in: the logout without a token did nothing")
                .isEqualTo(200);
        assertThat(ivy.form("/logout", Map.of(), true).status()).as("with its token the logout works")
                .isEqualTo(302);
        assertThat(ivy.get("/").status()).isEqualTo(LOGIN_PAGE);
    }

    private static Map<String, String> formFields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return fields;
    }

    private static boolean matches(int expected, int status) {
        if (expected == PASS) {
            return status < 500 && status != 401 && status != 403 && status != LOGIN_PAGE;
        }
        if (expected == PAGE) {
            return status < 500 && status != 401;
        }
        if (expected == AUTHENTICATED) {
            return status < 500 && status != 401 && status != LOGIN_PAGE;
        }
        return status == expected;
    }

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            for (String pattern : info.getPatternValues()) {
                methods.forEach(method -> endpoints.add(method + " " + pattern));
            }
        }
        return endpoints;
    }

    private Fixture freshRequest() {
        String id = as("ana").submit("Matrix fixture", "equipment", 1500);
        return new Fixture(id, openStep(as("ana"), id));
    }

    private Http client(Role role, String path) {
        boolean page = !path.startsWith("/api/");
        return page ? Http.session(port, role.person) : Http.basic(port, role.person);
    }
}

package org.mandate.app.reliability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.reliability.AuthorizationMatrix.Call;
import org.mandate.app.reliability.AuthorizationMatrix.Fixture;
import org.mandate.app.reliability.AuthorizationMatrix.Role;
import org.mandate.app.reliability.AuthorizationMatrix.Row;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.app.reliability.AuthorizationMatrix.AUTHENTICATED;
import static org.mandate.app.reliability.AuthorizationMatrix.DONE;
import static org.mandate.app.reliability.AuthorizationMatrix.FORM;
import static org.mandate.app.reliability.AuthorizationMatrix.MULTIPART;
import static org.mandate.app.reliability.AuthorizationMatrix.LOGIN_PAGE;
import static org.mandate.app.reliability.AuthorizationMatrix.MATRIX;
import static org.mandate.app.reliability.AuthorizationMatrix.PAGE;
import static org.mandate.app.reliability.AuthorizationMatrix.PASS;

/**
 * Every endpoint Spring MVC knows × every role of {@link AuthorizationMatrix}, each cell with the exact status
 * expected. The endpoints come from the handler mapping, so a new endpoint without a row fails this test until
 * someone decides who may call it. Each state-changing cell gets a fresh request (ana asks for 1500 of equipment,
 * routed to sofia), so a call by one role cannot hide the answer another role would get.
 */
class AuthorizationMatrixIntegrationTest extends MandateIntegrationTest {

    private static final String ACTUATOR = "/actuator/";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final MatrixMandates mandates = new MatrixMandates(this::as);

    @BeforeEach
    void grantTheMatrixMandates() {
        mandates.grant();
    }

    @AfterEach
    void revokeTheMatrixMandates() {
        mandates.revoke();
    }

    @Test
    void everyEndpointHasARowInTheMatrix() {
        assertThat(endpoints()).as("endpoints known to Spring MVC; add a row to MATRIX for each new one")
                .containsExactlyInAnyOrderElementsOf(MATRIX.keySet().stream()
                        .filter(endpoint -> !endpoint.contains(" " + ACTUATOR)).toList());
    }

    @Test
    void everyRoleGetsExactlyTheAnswerTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        Fixture forReads = freshRequest();
        // a refusal changes nothing, so the next cell may use the same request; after a call that went through, a
        // fresh one, so that no call can hide the answer another role would get
        Fixture forChanges = null;
        for (Map.Entry<String, Row> row : MATRIX.entrySet()) {
            boolean reads = row.getKey().startsWith("GET ") || row.getKey().startsWith("ANY ");
            for (Role role : Role.values()) {
                if (!reads && forChanges == null) {
                    forChanges = freshRequest();
                }
                Call call = row.getValue().call().apply(reads ? forReads : forChanges);
                Http client = client(role, call.path());
                Http.Reply reply = call.body() != null && call.body().startsWith(FORM)
                        ? client.form(call.path(), formFields(call.body().substring(FORM.length())), true)
                        : call.body() != null && call.body().startsWith(MULTIPART)
                        ? client.upload(call.path(), "matrix.pdf", call.body().substring(MULTIPART.length()),
                        !call.path().startsWith("/api/"))
                        : client.call(call.method(), call.path(), call.body(),
                        call.body() == null ? null : "application/json", Map.of());
                int expected = row.getValue().expected().get(role);
                cells++;
                if (!reads && AuthorizationMatrix.wentThrough(reply)) {
                    forChanges = null;
                    sessions.remove(role);
                }
                if (!matches(expected, reply.status())) {
                    wrong.add(row.getKey() + " as " + role + ": expected " + expected + ", got " + reply);
                } else if (reply.status() >= 400 && call.path().startsWith("/api/") && !reply.isProblem()) {
                    wrong.add(row.getKey() + " as " + role + ": refusal is not problem+json: " + reply);
                } else if (expected == PAGE && reply.status() == LOGIN_PAGE
                        && String.valueOf(reply.header("location")).endsWith("/login")) {
                    wrong.add(row.getKey() + " as " + role + ": sent to the login page: " + reply);
                } else if (expected == LOGIN_PAGE && !String.valueOf(reply.header("location")).endsWith("/login")) {
                    wrong.add(row.getKey() + " as " + role + ": redirect not to the login page: " + reply);
                } else if (expected == DONE && String.valueOf(reply.header("location")).endsWith("/login")) {
                    wrong.add(row.getKey() + " as " + role + ": sent to the login page instead of done: " + reply);
                }
            }
        }
        FigureLog.record("authorization matrix", cells + " cells (" + MATRIX.size() + " endpoints x "
                + Role.values().length + " roles), " + wrong.size() + " wrong");
        assertThat(wrong).as("cells that differ from the matrix").isEmpty();
    }

    @Test
    void aMandateOpensOnlyTheStepsItCoversWhileTheHolderHasThem() {
        String fay = Role.MANDATE_HOLDER.person;
        String trip = as("ana").submit("Matrix trip", "trip", 300);
        String liams = as("ben").submit("Matrix paint", "equipment", 300);
        String covered = as("ana").submit("Matrix scales", "equipment", 900);
        String coveredStep = openStep(as("ana"), covered);

        Http faysPages = Http.session(port, fay);
        for (Map.Entry<String, String> outside : Map.of(trip, "ana", liams, "ben").entrySet()) {
            String id = outside.getKey();
            assertThat(as(fay).get("/api/requests/" + id).status()).as("another category or another holder")
                    .isEqualTo(403);
            assertThat(faysPages.get("/requests/" + id).status()).isEqualTo(403);
            Api.Response refused = as(fay).post(decisionOf(id, openStep(as(outside.getValue()), id)),
                    Map.of("outcome", "APPROVED"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        }
        assertThat(as(fay).get("/api/inbox").body()).contains(coveredStep).doesNotContain(trip, liams);

        Api.Response lent = as("sofia").post("/api/requests/" + covered + "/steps/" + coveredStep + "/delegation",
                Map.of("to", "liam", "note", "matrix"));
        assertThat(lent.status()).as(lent.toString()).isEqualTo(200);
        assertThat(as(fay).get("/api/requests/" + covered).status()).as("a lent step is liam's alone")
                .isEqualTo(403);
        assertThat(as(fay).post(decisionOf(covered, coveredStep), Map.of("outcome", "APPROVED")).status())
                .isEqualTo(403);

        assertThat(as("sofia").delete("/api/requests/" + covered + "/steps/" + coveredStep + "/delegation")
                .status()).isEqualTo(200);
        Api.Response decided = as(fay).post(decisionOf(covered, coveredStep), Map.of("outcome", "APPROVED",
                "rationale", "For sofia"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().path("steps").get(0).path("decision").path("onBehalfOf").asText())
                .isEqualTo("sofia");
        assertThat(decided.json().path("steps").get(0).path("decision").path("mandateId").asText())
                .isEqualTo(mandates.forEquipment());
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
        if (expected == DONE) {
            return status == 302;
        }
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

    private static String decisionOf(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }

    /** Logged-in page sessions, one per role, reused until a call goes through (it may have been the logout). */
    private final Map<Role, Http> sessions = new EnumMap<>(Role.class);

    private Http client(Role role, String path) {
        boolean page = !path.startsWith("/api/") && !path.startsWith(ACTUATOR);
        return page ? sessions.computeIfAbsent(role, r -> Http.session(port, r.person)) : Http.basic(port, role.person);
    }
}

package org.mandate.app.reliability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.reliability.AuthorizationMatrix.Call;
import org.mandate.app.reliability.AuthorizationMatrix.Fixture;
import org.mandate.app.reliability.AuthorizationMatrix.Role;
import org.mandate.app.reliability.AuthorizationMatrix.Row;
import org.mandate.app.sso.SingleSignOnContext;
import org.mandate.app.sso.TestIdentityProvider;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
 * The API's rows of {@link AuthorizationMatrix} again, each role calling with a bearer token the identity provider
 * issued to the same person instead of HTTP Basic, expecting exactly the same answers. The tokens carry, as realm
 * roles, the roles the directory gives ({@link TestIdentityProvider#MATRIX_CLIENT}). Pages keep a session whichever
 * way it was begun, so their rows are {@link AuthorizationMatrixIntegrationTest}'s alone. Runs in the single sign-on
 * tests' Spring context ({@link SingleSignOnContext}).
 */
class BearerAuthorizationMatrixIntegrationTest extends SingleSignOnContext {

    private final MatrixMandates mandates = new MatrixMandates(this::as);
    private final Map<Role, Http> clients = new EnumMap<>(Role.class);

    @BeforeEach
    void grantTheMatrixMandatesAndGetTokens() {
        mandates.grant();
        for (Role role : Role.values()) {
            clients.put(role, role.person == null ? Http.basic(port, null)
                    : Http.bearer(port, token(role.person, TestIdentityProvider.MATRIX_CLIENT)));
        }
    }

    @AfterEach
    void revokeTheMatrixMandates() {
        mandates.revoke();
    }

    @Test
    void everyRoleGetsTheMatrixAnswerWithABearerToken() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        int rows = 0;
        Fixture forReads = freshRequest();
        // a refusal changes nothing, so the next cell may use the same request; after a call that went through, a
        // fresh one, so that no call can hide the answer another role would get
        Fixture forChanges = null;
        for (Map.Entry<String, Row> row : MATRIX.entrySet()) {
            String path = row.getValue().call().apply(forReads).path();
            if (!path.startsWith("/api/") && !path.startsWith("/actuator/")) {
                continue;
            }
            rows++;
            boolean reads = row.getKey().startsWith("GET ") || row.getKey().startsWith("ANY ");
            for (Role role : Role.values()) {
                if (!reads && forChanges == null) {
                    forChanges = freshRequest();
                }
                Call call = row.getValue().call().apply(reads ? forReads : forChanges);
                assertThat(call.body() == null || !call.body().startsWith(FORM)).isTrue();
                Http.Reply reply = call.body() != null && call.body().startsWith(MULTIPART)
                        ? clients.get(role).upload(call.path(), "matrix.pdf",
                        call.body().substring(MULTIPART.length()), false)
                        : clients.get(role).call(call.method(), call.path(), call.body(),
                        call.body() == null ? null : "application/json", Map.of());
                int expected = row.getValue().expected().get(role);
                cells++;
                if (!reads && AuthorizationMatrix.wentThrough(reply)) {
                    forChanges = null;
                }
                if (!matches(expected, reply.status())) {
                    wrong.add(row.getKey() + " as " + role + ": expected " + expected + ", got " + reply);
                } else if (reply.status() >= 400 && call.path().startsWith("/api/") && !reply.isProblem()) {
                    wrong.add(row.getKey() + " as " + role + ": refusal is not problem+json: " + reply);
                }
            }
        }
        FigureLog.record("authorization matrix with bearer tokens", cells + " cells (" + rows + " API endpoints x "
                + Role.values().length + " roles), " + wrong.size() + " wrong");
        assertThat(wrong).as("cells that differ from the matrix").isEmpty();
        assertThat(rows).as("the API's rows").isGreaterThan(40);
    }

    private static boolean matches(int expected, int status) {
        if (expected == PASS) {
            return status < 500 && status != 401 && status != 403 && status != LOGIN_PAGE;
        }
        if (expected == AUTHENTICATED) {
            return status < 500 && status != 401 && status != LOGIN_PAGE;
        }
        if (expected == PAGE || expected == DONE) {
            throw new AssertionError("a page's answer in an API row");
        }
        return status == expected;
    }

    private Fixture freshRequest() {
        String id = as("ana").submit("Matrix fixture", "equipment", 1500);
        return new Fixture(id, openStep(as("ana"), id));
    }
}

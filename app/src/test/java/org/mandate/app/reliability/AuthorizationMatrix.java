package org.mandate.app.reliability;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The authorization table: for every endpoint, the exact answer each role gets. Each role is played by a demo person
 * relative to a fresh request (ana asks for 1500 of equipment, routed to sofia). Columns, in order:
 * anonymous, requester, holder, mandate holder, mandate holder out of scope, manager, other staff, auditor,
 * process owner, admin.
 */
final class AuthorizationMatrix {

    /**
     * The roles of the matrix. fay holds a mandate from sofia for equipment up to 2000, so she may decide the
     * fixture's step on sofia's behalf; omar holds one from sofia for trips only, which covers nothing here. Both
     * are granted for the run and revoked after it (see the test).
     */
    enum Role {
        ANONYMOUS(null), REQUESTER("ana"), HOLDER("sofia"), MANDATE_HOLDER("fay"), MANDATE_OUT_OF_SCOPE("omar"),
        MANAGER("vera"), OTHER_STAFF("ben"), AUDITOR("ada"), PROCESS_OWNER("olu"), ADMIN("ivy");

        final String person;

        Role(String person) {
            this.person = person;
        }
    }

    /** What one cell sends. A body starting with {@link #FORM} is posted form-encoded with the CSRF token. */
    record Call(String method, String path, String body) {
    }

    /** A fresh request for one cell: its id and its open step. */
    record Fixture(String requestId, String stepId) {
    }

    record Row(Function<Fixture, Call> call, Map<Role, Integer> expected) {
    }

    static final int LOGIN_PAGE = 302;
    /** Past the role check: any answer but 401, 403, a login redirect or a 5xx (the object or rule decides). */
    static final int PASS = -1;
    /** Logged in and not a 5xx; a rule of the feature, not a role, decides between 2xx, 400, 403 and 404. */
    static final int AUTHENTICATED = -2;
    /** A page for a logged-in person: any answer but a 5xx or a redirect to the login page. */
    static final int PAGE = -3;
    /** A form that worked: 302 to the next page (post/redirect/get), which is not the login page. */
    static final int DONE = -4;
    /** Marks a form body: sent form-encoded with the page's CSRF token, as the browser would. */
    static final String FORM = "form:";
    /**
     * Marks an upload: the rest is a file's content, posted as multipart/form-data in the field 'file' (named
     * matrix.pdf), with the page's CSRF token outside /api/.
     */
    static final String MULTIPART = "multipart:";
    /** A small PDF as far as the attachment checks go: it starts as a PDF does. */
    private static final String PDF = MULTIPART + "%PDF-1.4 matrix";

    private static final Map<String, Row> ROWS = new LinkedHashMap<>();

    static final Map<String, Row> MATRIX = Collections.unmodifiableMap(ROWS);

    private AuthorizationMatrix() {
    }

    /** The request API: roles, then the request itself decides (part of it, holder, mandate covering the step). */
    static {
        row("GET /api/inbox", f -> new Call("GET", "/api/inbox", null),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        // everyone is staff and may ask; ada, olu and ivy have nobody above them, so their chain cannot approve
        // saved filters are each person's own: everyone logged in keeps theirs, nobody reaches another's
        row("GET /api/inbox/filters", f -> new Call("GET", "/api/inbox/filters", null),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("POST /api/inbox/filters", f -> new Call("POST", "/api/inbox/filters",
                        "{\"name\":\"matrix\",\"query\":\"for=own\"}"),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("DELETE /api/inbox/filters/{name}", f -> new Call("DELETE", "/api/inbox/filters/no-such-filter", null),
                401, 404, 404, 404, 404, 404, 404, 404, 404, 404);
        // a bulk decision answers 200 to anyone logged in; each step's own checks decide, per item, as the single
        // decision's row says (the result's status)
        row("POST /api/inbox/decisions", f -> new Call("POST", "/api/inbox/decisions", "{\"outcome\":\"APPROVED\","
                        + "\"rationale\":\"matrix\",\"items\":[{\"requestId\":\"" + f.requestId()
                        + "\",\"stepId\":\"" + f.stepId() + "\"}]}"),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("POST /api/requests", f -> new Call("POST", "/api/requests", "{\"title\":\"Matrix\","
                        + "\"category\":\"equipment\",\"amount\":100,\"currency\":\"EUR\"}"),
                401, 201, 201, 201, 201, 201, 201, 400, 400, 400);
        // object level: the requester, the holder, whoever holds a mandate covering the open step, the
        // requester's managers, auditors and admins; a mandate that does not cover the step shows nothing
        row("GET /api/requests/{id}", f -> new Call("GET", "/api/requests/" + f.requestId(), null),
                401, 200, 200, 200, 403, 200, 403, 200, 403, 200);
        // comments: those taking part (requester, holder, a mandate covering the open step); a manager, an auditor
        // or an administrator reads the request but takes no part in it (docs/adr/0014-comments.md)
        row("POST /api/requests/{id}/comments", f -> new Call("POST", "/api/requests/" + f.requestId()
                        + "/comments", "{\"text\":\"matrix\"}"),
                401, 201, 201, 201, 403, 403, 403, 403, 403, 403);
        // attachments: attached by those who may comment (docs/adr/0018-attachments.md); read by those who read the
        // request, so a hash the request does not have is 404 for them and 403 for the rest
        row("POST /api/requests/{id}/attachments", f -> new Call("POST", "/api/requests/" + f.requestId()
                        + "/attachments", PDF),
                401, 201, 201, 201, 403, 403, 403, 403, 403, 403);
        row("GET /api/requests/{id}/attachments/{hash}", f -> new Call("GET", "/api/requests/" + f.requestId()
                        + "/attachments/" + "0".repeat(64), null),
                401, 404, 404, 404, 403, 404, 403, 404, 403, 404);
        row("POST /api/requests/{id}/withdrawal", f -> new Call("POST", "/api/requests/" + f.requestId()
                        + "/withdrawal", "{\"reason\":\"matrix\"}"),
                401, 200, 403, 403, 403, 403, 403, 403, 403, 403);
        // the mandate holder decides on the holder's behalf; a manager does not decide a step that is not theirs
        row("POST /api/requests/{id}/steps/{stepId}/decision", f -> new Call("POST", "/api/requests/"
                        + f.requestId() + "/steps/" + f.stepId() + "/decision",
                        "{\"outcome\":\"APPROVED\",\"rationale\":\"matrix\"}"),
                401, 403, 200, 200, 403, 403, 403, 403, 403, 403);
        String step = "/api/requests/%s/steps/%s";
        // lending, recalling and escalating belong to the holder alone: a mandate lets one decide, not move a step
        row("POST /api/requests/{id}/steps/{stepId}/delegation", f -> new Call("POST",
                        step.formatted(f.requestId(), f.stepId()) + "/delegation", "{\"to\":\"liam\",\"note\":\"matrix\"}"),
                401, 403, 200, 403, 403, 403, 403, 403, 403, 403);
        // nothing is lent, so the holder passes the role check and meets the conflict
        row("DELETE /api/requests/{id}/steps/{stepId}/delegation", f -> new Call("DELETE",
                        step.formatted(f.requestId(), f.stepId()) + "/delegation", null),
                401, 403, 409, 403, 403, 403, 403, 403, 403, 403);
        // the requester may escalate only once the step is overdue; the fixture's is not
        row("POST /api/requests/{id}/steps/{stepId}/escalation", f -> new Call("POST",
                        step.formatted(f.requestId(), f.stepId()) + "/escalation", "{\"reason\":\"matrix\"}"),
                401, 403, 200, 403, 403, 403, 403, 403, 403, 403);
        // sending back for more information: whoever may decide the step, by the decision's rule (docs/adr/0019)
        row("POST /api/requests/{id}/steps/{stepId}/return", f -> new Call("POST",
                        step.formatted(f.requestId(), f.stepId()) + "/return", "{\"question\":\"matrix?\"}"),
                401, 403, 200, 200, 403, 403, 403, 403, 403, 403);
        // only the requester answers; the fixture's step was not sent back, so she meets the conflict
        row("POST /api/requests/{id}/answer", f -> new Call("POST", "/api/requests/" + f.requestId() + "/answer",
                        "{\"answer\":\"matrix\"}"),
                401, 409, 403, 403, 403, 403, 403, 403, 403, 403);
        row("GET /", f -> new Call("GET", "/", null),
                LOGIN_PAGE, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("GET /login", f -> new Call("GET", "/login", null),
                200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        // why a sign-in with the identity provider was refused: shown once after the refusal, else back to the login
        row("GET /login/refused", f -> new Call("GET", "/login/refused", null),
                LOGIN_PAGE, LOGIN_PAGE, LOGIN_PAGE, LOGIN_PAGE, LOGIN_PAGE, LOGIN_PAGE, LOGIN_PAGE, LOGIN_PAGE,
                LOGIN_PAGE, LOGIN_PAGE);
        // Boot's error endpoint, reached directly rather than through a failure: nothing there, for anybody
        row("ANY /error", f -> new Call("GET", "/error", null),
                404, 404, 404, 404, 404, 404, 404, 404, 404, 404);
    }

    /** Mandates, people, administration, audit and insights. */
    static {
        // actuator endpoints are not in Spring MVC's handler mapping: listed by hand, called with HTTP Basic.
        // Health is open to load balancers; metrics need the scrape account (see HardeningIntegrationTest) or an admin
        row("GET /actuator/health", f -> new Call("GET", "/actuator/health", null),
                200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("GET /actuator/prometheus", f -> new Call("GET", "/actuator/prometheus", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        row("GET /api/mandates", f -> new Call("GET", "/api/mandates", null),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        // every member of staff may try to grant; whether the scope fits their authority is a rule, not a role
        row("POST /api/mandates", f -> new Call("POST", "/api/mandates", "{\"to\":\"nobody-here\","
                        + "\"categories\":[\"equipment\"],\"maxAmount\":10,\"currency\":\"EUR\"}"),
                401, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED,
                AUTHENTICATED, AUTHENTICATED, AUTHENTICATED);
        // a mandate nobody granted: unknown to everyone, whatever their role
        row("DELETE /api/mandates/{id}", f -> new Call("DELETE", "/api/mandates/" + UUID.randomUUID(), null),
                401, 404, 404, 404, 404, 404, 404, 404, 404, 404);
        // an unknown person and an unknown projection: the role check passes for the admin, nothing changes
        row("POST /api/people/{id}/departure", f -> new Call("POST", "/api/people/nobody-here/departure", "{}"),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        // erasure and subject access (docs/privacy.md) of somebody who is not there: administrators reach the 404
        row("POST /api/people/{id}/erasure", f -> new Call("POST", "/api/people/nobody-here/erasure",
                        "{\"reason\":\"left\"}"),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /api/people/{id}/erasure/approval", f -> new Call("POST",
                        "/api/people/nobody-here/erasure/approval", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /api/people/{id}/data-export", f -> new Call("POST", "/api/people/nobody-here/data-export", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("GET /api/people/{id}/erasure", f -> new Call("GET", "/api/people/nobody-here/erasure", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        // roles of somebody who is not there: administrators reach the 404, nobody else the person
        row("PUT /api/people/{id}/roles", f -> new Call("PUT", "/api/people/nobody-here/roles", "{\"roles\":[]}"),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /api/admin/projections/{name}/rebuild", f -> new Call("POST",
                        "/api/admin/projections/no-such-projection/rebuild", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        // the reconciler compares engine and event store: administrators only
        row("GET /api/admin/reconciliation", f -> new Call("GET", "/api/admin/reconciliation", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        // the admin console: pages for administrators only; changes aimed at somebody who is not there reach the 404
        for (String page : List.of("/admin", "/admin/reconciliation", "/admin/mail", "/admin/projections", "/admin/people/nobody-here",
                "/admin/people/nobody-here/departure")) {
            row("GET " + page.replace("nobody-here", "{id}"), f -> new Call("GET", page, null),
                    LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        }
        row("POST /admin/projections/{name}/rebuild", f -> new Call("POST",
                        "/admin/projections/no-such-projection/rebuild", FORM + "x=1"),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /admin/people", f -> new Call("POST", "/admin/people", FORM + "userName="),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        for (String form : List.of("roles", "manager", "departure", "authority", "email", "data-export", "erasure",
                "erasure/approval")) {
            row("POST /admin/people/{id}/" + form, f -> new Call("POST", "/admin/people/nobody-here/" + form,
                            FORM + "manager=vera&successor=vera&role=AUDITOR"),
                    LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        }
        for (String read : List.of("/api/audit/events", "/api/audit/events.csv", "/api/audit/digest",
                "/api/audit/verification")) {
            row("GET " + read, f -> new Call("GET", read, null), 401, 403, 403, 403, 403, 403, 403, PASS, 403, PASS);
        }
        row("GET /api/audit/requests/{id}/replay", f -> new Call("GET", "/api/audit/requests/" + f.requestId()
                + "/replay", null), 401, 403, 403, 403, 403, 403, 403, PASS, 403, PASS);
        row("GET /api/audit/paths/{definitionId}/xml", f -> new Call("GET", "/api/audit/paths/no-such-path/xml",
                null), 401, 403, 403, 403, 403, 403, 403, PASS, 403, PASS);
        // past decisions: every member of staff searches, each within their own area (PastDecisionsIntegrationTest)
        row("GET /api/audit/decisions", f -> new Call("GET", "/api/audit/decisions", null),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("GET /audit/decisions", f -> new Call("GET", "/audit/decisions", null),
                LOGIN_PAGE, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        for (String page : List.of("/audit", "/audit/events.csv", "/audit/ledger")) {
            row("GET " + page, f -> new Call("GET", page, null),
                    LOGIN_PAGE, 403, 403, 403, 403, 403, 403, PASS, 403, PASS);
        }
        row("GET /audit/requests/{id}", f -> new Call("GET", "/audit/requests/" + f.requestId(), null),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, PASS, 403, PASS);
        row("GET /audit/paths/{definitionId}/bpmn", f -> new Call("GET", "/audit/paths/no-such-path/bpmn", null),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, PASS, 403, PASS);
        // insights: managers (sofia manages ana, omar manages fay, vera), auditors and admins; a mandate is no
        // management line, so fay is told who may read them
        row("GET /api/insights", f -> new Call("GET", "/api/insights", null),
                401, 403, 200, 403, 200, 200, 403, 200, 403, 200);
        row("GET /insights", f -> new Call("GET", "/insights", null),
                LOGIN_PAGE, 403, 200, 403, 200, 200, 403, 200, 403, 200);
        // the one-click mandate is an ordinary grant by the caller: the mandate rules decide, not a role
        row("POST /insights/mandates", f -> new Call("POST", "/insights/mandates", FORM + "to=nobody-here"),
                LOGIN_PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE);
    }

    /**
     * Events out: webhook subscriptions and their deliveries are for administrators only. The admin's calls name
     * nothing that exists (or an unusable URL), so they pass the role check and change nothing. The OpenAPI
     * document and Swagger UI are for everyone logged in.
     */
    static {
        row("GET /api/admin/webhooks", f -> new Call("GET", "/api/admin/webhooks", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        row("POST /api/admin/webhooks", f -> new Call("POST", "/api/admin/webhooks",
                        "{\"url\":\"ftp://hooks.example.org/matrix\",\"eventTypes\":[\"*\"]}"),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        String unknown = "/api/admin/webhooks/" + UUID.randomUUID();
        row("GET /api/admin/webhooks/{id}", f -> new Call("GET", unknown, null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("DELETE /api/admin/webhooks/{id}", f -> new Call("DELETE", unknown, null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("GET /api/admin/webhooks/{id}/deliveries", f -> new Call("GET", unknown + "/deliveries", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /api/admin/webhooks/{id}/deliveries/{deliveryId}/redelivery", f -> new Call("POST",
                        unknown + "/deliveries/" + UUID.randomUUID() + "/redelivery", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        // system clients (client-credentials tokens): administrators only; a person who is not there reaches the 400
        // re-encryption of a store from before sealing (docs/privacy.md): administrators only; a blank reason is
        // refused before anything runs
        row("GET /api/admin/re-encryption", f -> new Call("GET", "/api/admin/re-encryption", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        row("POST /api/admin/re-encryption", f -> new Call("POST", "/api/admin/re-encryption", "{\"reason\":\" \"}"),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 400);
        row("GET /api/admin/clients", f -> new Call("GET", "/api/admin/clients", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        row("POST /api/admin/clients", f -> new Call("POST", "/api/admin/clients",
                        "{\"clientId\":\"matrix\",\"actsAs\":\"nobody-here\",\"scopes\":[\"requests:read\"]}"),
                401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("DELETE /api/admin/clients/{clientId}", f -> new Call("DELETE", "/api/admin/clients/no-such-client",
                        null), 401, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        // the console's pages for both (issue 25): administrators only, a 403 page for everyone else; the forms name
        // a client or subscription that does not exist (or an unusable URL), so they change nothing
        row("GET /admin/clients", f -> new Call("GET", "/admin/clients", null),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        row("POST /admin/clients", f -> new Call("POST", "/admin/clients",
                        FORM + "clientId=matrix&actsAs=nobody-here&scope=requests:read"),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("GET /admin/clients/{clientId}/removal", f -> new Call("GET", "/admin/clients/no-such-client/removal",
                null), LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /admin/clients/{clientId}/removal", f -> new Call("POST", "/admin/clients/no-such-client/removal",
                FORM + "x=1"), LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("GET /admin/webhooks", f -> new Call("GET", "/admin/webhooks", null),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        row("POST /admin/webhooks", f -> new Call("POST", "/admin/webhooks",
                        FORM + "url=ftp://hooks.example.org/matrix&kind=*"),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("GET /admin/webhooks/{id}", f -> new Call("GET", "/admin/webhooks/" + UUID.randomUUID(), null),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("GET /admin/webhooks/{id}/removal", f -> new Call("GET", "/admin/webhooks/" + UUID.randomUUID()
                + "/removal", null), LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /admin/webhooks/{id}/removal", f -> new Call("POST", "/admin/webhooks/" + UUID.randomUUID()
                + "/removal", FORM + "x=1"), LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /admin/webhooks/{id}/deliveries/{deliveryId}/redelivery", f -> new Call("POST",
                        "/admin/webhooks/" + UUID.randomUUID() + "/deliveries/" + UUID.randomUUID() + "/redelivery",
                        FORM + "x=1"), LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        // directory sync: administrators only; a file naming an unknown manager is refused whole (and nothing changes)
        row("POST /api/admin/directory/import", f -> new Call("POST", "/api/admin/directory/import",
                        "{\"people\":[{\"id\":\"matrix-import\",\"name\":\"Matrix\",\"manager\":\"nobody-here\"}]}"),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 400);
        for (String document : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config")) {
            row("GET " + document, f -> new Call("GET", document, null),
                    401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        }
        row("GET /swagger-ui.html", f -> new Call("GET", "/swagger-ui.html", null),
                LOGIN_PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE);
    }

    /**
     * Committees: administrators change them, auditors read them too. The changes name a committee that does not
     * exist (or a form with no name), so past the role check they are refused and change nothing.
     */
    static {
        row("GET /api/committees", f -> new Call("GET", "/api/committees", null),
                401, 403, 403, 403, 403, 403, 403, 200, 403, 200);
        row("GET /api/committees/{id}", f -> new Call("GET", "/api/committees/no-such-committee", null),
                401, 403, 403, 403, 403, 403, 403, 404, 403, 404);
        // the demo school's committee has the name already: past the role check the administrator gets the 409
        row("POST /api/committees", f -> new Call("POST", "/api/committees", "{\"name\":\"Budget committee\"}"),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 409);
        row("POST /api/committees/{id}/members", f -> new Call("POST", "/api/committees/no-such-committee/members",
                "{\"personId\":\"vera\"}"), 401, 403, 403, 403, 403, 403, 403, 403, 403, 404);
        row("DELETE /api/committees/{id}/members/{personId}", f -> new Call("DELETE",
                "/api/committees/no-such-committee/members/vera", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 404);
        row("PUT /api/committees/{id}/authority", f -> new Call("PUT", "/api/committees/no-such-committee/authority",
                "{\"limits\":{\"*\":1},\"currency\":\"EUR\"}"), 401, 403, 403, 403, 403, 403, 403, 403, 403, 404);
        row("POST /api/committees/{id}/dissolution", f -> new Call("POST",
                "/api/committees/no-such-committee/dissolution", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 404);
        row("GET /admin/committees", f -> new Call("GET", "/admin/committees", null),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        row("GET /admin/committees/{id}", f -> new Call("GET", "/admin/committees/no-such-committee", null),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /admin/committees", f -> new Call("POST", "/admin/committees", FORM + "name=+"),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        for (String form : List.of("members", "members/removal", "authority", "dissolution")) {
            row("POST /admin/committees/{id}/" + form, f -> new Call("POST", "/admin/committees/no-such-committee/"
                    + form, FORM + "personId=vera"), LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        }
    }

    /**
     * Categories (issue 25): everyone logged in reads the list; administrators change it. The changes add a key the
     * demo school has already or name one that does not exist, so past the role check they are refused and change
     * nothing.
     */
    static {
        row("GET /api/categories", f -> new Call("GET", "/api/categories", null),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("POST /api/categories", f -> new Call("POST", "/api/categories",
                        "{\"key\":\"equipment\",\"name\":\"Equipment\"}"),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 409);
        row("PUT /api/categories/{key}", f -> new Call("PUT", "/api/categories/no-such-category",
                "{\"name\":\"Matrix\"}"), 401, 403, 403, 403, 403, 403, 403, 403, 403, 404);
        row("POST /api/categories/{key}/retirement", f -> new Call("POST",
                "/api/categories/no-such-category/retirement", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 404);
        row("GET /admin/categories", f -> new Call("GET", "/admin/categories", null),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        row("POST /admin/categories", f -> new Call("POST", "/admin/categories",
                FORM + "key=equipment&name=Equipment"), LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /admin/categories/{key}/name", f -> new Call("POST", "/admin/categories/no-such-category/name",
                FORM + "name=Matrix"), LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
        row("POST /admin/categories/{key}/retirement", f -> new Call("POST",
                "/admin/categories/no-such-category/retirement", FORM + "x=1"),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, PASS);
    }

    /** Approval paths: everyone logged in reads them over the API; only process owners validate and deploy. */
    static {
        row("GET /api/processes", f -> new Call("GET", "/api/processes", null),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("GET /api/processes/{key}/versions", f -> new Call("GET", "/api/processes/approval/versions", null),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("GET /api/processes/{key}/versions/{version}/xml", f -> new Call("GET",
                "/api/processes/approval/versions/1/xml", null), 401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("GET /api/processes/{key}/changes", f -> new Call("GET", "/api/processes/approval/changes?from=1&to=1",
                null), 401, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED,
                AUTHENTICATED, AUTHENTICATED, AUTHENTICATED, AUTHENTICATED);
        // the body is no BPMN: past the role check the owner gets problems listed or a 400, nothing is deployed
        row("POST /api/processes", f -> new Call("POST", "/api/processes", "{}"),
                401, 403, 403, 403, 403, 403, 403, 403, PASS, 403);
        row("POST /api/processes/validation", f -> new Call("POST", "/api/processes/validation", "{}"),
                401, 403, 403, 403, 403, 403, 403, 403, PASS, 403);
        for (String page : List.of("/processes", "/processes/approval", "/processes/approval/versions/1",
                "/processes/approval/changes?from=1&to=1", "/processes/approval/edit", "/processes/new?key=trial",
                "/processes/template.bpmn?key=trial", "/processes/approval/versions/1/xml")) {
            String pattern = page.replace("/approval/versions/1", "/{key}/versions/{version}")
                    .replace("/approval", "/{key}").replaceAll("\\?.*", "");
            row("GET " + pattern, f -> new Call("GET", page, null),
                    LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, PASS, 403);
        }
        for (String form : List.of("/processes/validation", "/processes/deployments")) {
            row("POST " + form, f -> new Call("POST", form, FORM + "bpmn=none"),
                    LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, PASS, 403);
        }
    }

    /**
     * Bindings: everyone logged in sees which path a request takes; only process owners bind and unbind. The calls
     * name a path or category that does not exist, so past the role check they are refused and change nothing.
     */
    static {
        row("GET /api/processes/bindings", f -> new Call("GET", "/api/processes/bindings", null),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("POST /api/processes/bindings", f -> new Call("POST", "/api/processes/bindings",
                        "{\"processKey\":\"no-such-path\",\"category\":\"matrix\",\"maxAmount\":100}"),
                401, 403, 403, 403, 403, 403, 403, 403, PASS, 403);
        row("DELETE /api/processes/bindings", f -> new Call("DELETE",
                        "/api/processes/bindings?category=nothing-bound-here", null),
                401, 403, 403, 403, 403, 403, 403, 403, PASS, 403);
        row("GET /processes/bindings", f -> new Call("GET", "/processes/bindings", null),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, PASS, 403);
        row("POST /processes/bindings", f -> new Call("POST", "/processes/bindings",
                        FORM + "processKey=no-such-path&category=matrix&maxAmount=100"),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, PASS, 403);
        row("POST /processes/bindings/removal", f -> new Call("POST", "/processes/bindings/removal",
                        FORM + "category=nothing-bound-here"),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, PASS, 403);
    }

    /**
     * The staff pages, forms posted with their CSRF token. They follow the API's rules exactly: a request page is
     * 403 for whoever may not read the request over the API, a refused action shows the page again with the
     * API's status, and one that worked redirects.
     */
    static {
        String step = "/requests/%s/steps/%s/";
        row("GET /inbox/items", f -> new Call("GET", "/inbox/items", null),
                LOGIN_PAGE, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("POST /inbox/filters", f -> new Call("POST", "/inbox/filters", FORM + "name=matrix&query=for=own"),
                LOGIN_PAGE, DONE, DONE, DONE, DONE, DONE, DONE, DONE, DONE, DONE);
        row("POST /inbox/filters/removal", f -> new Call("POST", "/inbox/filters/removal", FORM + "name=no-such"),
                LOGIN_PAGE, DONE, DONE, DONE, DONE, DONE, DONE, DONE, DONE, DONE);
        // the results page for anyone logged in; each step is decided or refused on it, as on the API
        row("POST /inbox/decisions", f -> new Call("POST", "/inbox/decisions", FORM + "item=" + f.requestId() + ":"
                        + f.stepId() + "&outcome=APPROVED&rationale=matrix"),
                LOGIN_PAGE, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("GET /requests/new", f -> new Call("GET", "/requests/new", null),
                LOGIN_PAGE, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("GET /requests/{id}", f -> new Call("GET", "/requests/" + f.requestId(), null),
                LOGIN_PAGE, 200, 200, 200, 403, 200, 403, 200, 403, 200);
        row("GET /requests/{id}/path.bpmn", f -> new Call("GET", "/requests/" + f.requestId() + "/path.bpmn", null),
                LOGIN_PAGE, 200, 200, 200, 403, 200, 403, 200, 403, 200);
        row("GET /mandates", f -> new Call("GET", "/mandates", null),
                LOGIN_PAGE, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("POST /requests", f -> new Call("POST", "/requests", FORM + "title=Matrix&category=equipment"
                        + "&amount=100&currency=EUR"),
                LOGIN_PAGE, DONE, DONE, DONE, DONE, DONE, DONE, 400, 400, 400);
        row("POST /requests/{id}/comments", f -> new Call("POST", "/requests/" + f.requestId() + "/comments",
                        FORM + "text=matrix"),
                LOGIN_PAGE, DONE, DONE, DONE, 403, 403, 403, 403, 403, 403);
        row("POST /requests/{id}/attachments", f -> new Call("POST", "/requests/" + f.requestId() + "/attachments",
                        PDF),
                LOGIN_PAGE, DONE, DONE, DONE, 403, 403, 403, 403, 403, 403);
        row("GET /requests/{id}/attachments/{hash}", f -> new Call("GET", "/requests/" + f.requestId()
                        + "/attachments/" + "0".repeat(64), null),
                LOGIN_PAGE, 404, 404, 404, 403, 404, 403, 404, 403, 404);
        row("POST /requests/{id}/withdrawal", f -> new Call("POST", "/requests/" + f.requestId() + "/withdrawal",
                        FORM + "reason=matrix"),
                LOGIN_PAGE, DONE, 403, 403, 403, 403, 403, 403, 403, 403);
        row("POST /requests/{id}/steps/{stepId}/decision", f -> new Call("POST",
                        step.formatted(f.requestId(), f.stepId()) + "decision", FORM + "outcome=APPROVED&rationale=matrix"),
                LOGIN_PAGE, 403, DONE, DONE, 403, 403, 403, 403, 403, 403);
        row("POST /requests/{id}/steps/{stepId}/delegation", f -> new Call("POST",
                        step.formatted(f.requestId(), f.stepId()) + "delegation", FORM + "to=liam&note=matrix"),
                LOGIN_PAGE, 403, DONE, 403, 403, 403, 403, 403, 403, 403);
        row("POST /requests/{id}/steps/{stepId}/recall", f -> new Call("POST",
                        step.formatted(f.requestId(), f.stepId()) + "recall", FORM + "reason=matrix"),
                LOGIN_PAGE, 403, 409, 403, 403, 403, 403, 403, 403, 403);
        row("POST /requests/{id}/steps/{stepId}/escalation", f -> new Call("POST",
                        step.formatted(f.requestId(), f.stepId()) + "escalation", FORM + "reason=matrix"),
                LOGIN_PAGE, 403, DONE, 403, 403, 403, 403, 403, 403, 403);
        row("POST /requests/{id}/steps/{stepId}/return", f -> new Call("POST",
                        step.formatted(f.requestId(), f.stepId()) + "return", FORM + "question=matrix"),
                LOGIN_PAGE, 403, DONE, DONE, 403, 403, 403, 403, 403, 403);
        // nothing was sent back: the requester meets the conflict, the others the requester-only rule
        row("POST /requests/{id}/answer", f -> new Call("POST", "/requests/" + f.requestId() + "/answer",
                        FORM + "answer=matrix"),
                LOGIN_PAGE, 409, 403, 403, 403, 403, 403, 403, 403, 403);
        // a grant to nobody: the mandate rules refuse it, whoever asks
        row("POST /mandates", f -> new Call("POST", "/mandates", FORM + "to=nobody-here&categories=equipment"
                        + "&maxAmount=10&currency=EUR"),
                LOGIN_PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE, PAGE);
        // a mandate nobody granted, as over the API
        row("POST /mandates/{id}/revocation", f -> new Call("POST", "/mandates/" + UUID.randomUUID()
                        + "/revocation", FORM + "reason=matrix"),
                LOGIN_PAGE, 404, 404, 404, 404, 404, 404, 404, 404, 404);
    }

    /**
     * Notifications (docs/notifications.md): everyone keeps their own choices; a decide-from-the-mail link is its own
     * authority, so nobody needs a login for it, and a link Mandate did not sign does nothing for anybody.
     */
    static {
        row("GET /api/me/notifications", f -> new Call("GET", "/api/me/notifications", null),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        // an empty list of choices: passes the role check, changes nothing
        row("PUT /api/me/notifications", f -> new Call("PUT", "/api/me/notifications", "{\"choices\":[]}"),
                401, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        row("GET /settings/notifications", f -> new Call("GET", "/settings/notifications", null),
                LOGIN_PAGE, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        // the defaults again: saved, nothing changed
        row("POST /settings/notifications", f -> new Call("POST", "/settings/notifications", FORM
                        + "delivery-STEP_ARRIVED=AT_ONCE&delivery-REQUEST_DECIDED=AT_ONCE&delivery-REMINDER=AT_ONCE"
                        + "&delivery-MANDATE_GRANTED=AT_ONCE&delivery-MENTIONED=AT_ONCE"),
                LOGIN_PAGE, DONE, DONE, DONE, DONE, DONE, DONE, DONE, DONE, DONE);
        // the person's own language and time zone (docs/pages.md, "Languages and formats"): everyone signed in
        row("GET /settings/language", f -> new Call("GET", "/settings/language", null),
                LOGIN_PAGE, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        // no choice at all, as before: saved, nothing recorded
        row("POST /settings/language", f -> new Call("POST", "/settings/language", FORM + "language=&zone="),
                LOGIN_PAGE, DONE, DONE, DONE, DONE, DONE, DONE, DONE, DONE, DONE);
        // failed mail and its retry: administrators only; a notice that is not there reaches its 404
        row("GET /api/admin/mail/notices", f -> new Call("GET", "/api/admin/mail/notices?status=FAILED", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        row("POST /api/admin/mail/notices/{id}/retry", f -> new Call("POST", "/api/admin/mail/notices/"
                        + UUID.randomUUID() + "/retry", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 404);
        row("POST /admin/mail/{id}/retry", f -> new Call("POST", "/admin/mail/" + UUID.randomUUID() + "/retry",
                        FORM + "x=1"),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, DONE);
        // failed chat posts and their retry: administrators only, like mail
        row("GET /api/admin/chat/notices", f -> new Call("GET", "/api/admin/chat/notices?status=FAILED", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 200);
        row("POST /api/admin/chat/notices/{id}/retry", f -> new Call("POST", "/api/admin/chat/notices/"
                        + UUID.randomUUID() + "/retry", null),
                401, 403, 403, 403, 403, 403, 403, 403, 403, 404);
        row("POST /admin/mail/chat/{id}/retry", f -> new Call("POST", "/admin/mail/chat/" + UUID.randomUUID()
                        + "/retry", FORM + "x=1"),
                LOGIN_PAGE, 403, 403, 403, 403, 403, 403, 403, 403, DONE);
        row("GET /mail/act/{token}", f -> new Call("GET", "/mail/act/not-a-link", null),
                400, 400, 400, 400, 400, 400, 400, 400, 400, 400);
        row("POST /mail/act/{token}", f -> new Call("POST", "/mail/act/not-a-link", FORM + "rationale=matrix"),
                400, 400, 400, 400, 400, 400, 400, 400, 400, 400);
    }

    /** True unless the call was refused (4xx, 5xx, or sent to the login page): only then may it have changed state. */
    static boolean wentThrough(Http.Reply reply) {
        return reply.status() < 400 && !String.valueOf(reply.header("location")).endsWith("/login");
    }

    private static void row(String endpoint, Function<Fixture, Call> call, int... statuses) {
        if (statuses.length != Role.values().length) {
            throw new IllegalStateException(endpoint + ": " + statuses.length + " cells for "
                    + Role.values().length + " roles");
        }
        Map<Role, Integer> expected = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            expected.put(role, statuses[role.ordinal()]);
        }
        ROWS.put(endpoint, new Row(call, expected));
    }
}

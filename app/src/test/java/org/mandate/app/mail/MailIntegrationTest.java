package org.mandate.app.mail;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.web.PageSession;
import org.mandate.app.web.voice.VoiceChoices;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.DecideStep;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Mail end to end: real commands through HTTP, the real event store and outbox processor, a real SMTP server
 * (GreenMail) receiving. The demo school is shared by every test, so each test hires its own head of department
 * (under vera, authority 2000) and teacher, each with an address of their own.
 */
class MailIntegrationTest extends OutboxIntegrationTest {

    @Autowired
    ActionLinks links;
    @Autowired
    VoiceChoices voices;

    @BeforeEach
    void hire() {
        hireHeadAndTeacher("m");
    }

    @Test
    void aStepArrivingMailsItsHolderWhyAndHowToDecide_andAReplayedEventIsNotMailedTwice() {
        String title = "Microscopes " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 1500);

        ReceivedMail mail = awaitMail(head, title);
        assertThat(mail.subject()).isEqualTo("Your decision: ‘" + title + "’ from " + teacher);
        assertThat(mail.text()).contains("Request:    " + title, "Requester:  " + teacher, "Amount:     1,500.00 EUR",
                "Why you:    The approval path put its step", "Due:", "Approve:    http://mandate.test/mail/act/",
                "Reject:     http://mandate.test/mail/act/", "Open in Mandate: http://mandate.test/requests/" + requestId,
                "http://mandate.test/settings/notifications");
        assertThat(mail.html()).contains(title, "1,500.00 EUR", "Approve…", "href=\"http://mandate.test/mail/act/");

        // the outbox reads the StepOpened event again (its token moved back before it), as after a crash
        String eventId = jdbc.queryForObject("select event_id from mail_notice where recipient = ? and request_id = ? "
                + "and kind = 'STEP_ARRIVED'", String.class, head, requestId);
        replayOutboxFrom(eventId);
        awaitOutboxPast(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        // a later request's mail arriving shows the dispatcher has run since the replay
        String later = "Slides " + teacher;
        as(teacher).submit(later, "equipment", 100);
        awaitMail(head, later);

        assertThat(ReceivedMail.to(MAIL, head + "@school.example").stream()
                .filter(received -> received.subject().contains(title))).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_notice where event_id = ?", Integer.class, eventId))
                .isEqualTo(1);
    }

    @Test
    void theRequesterHearsOfARejectionWithWhoAndWhy() {
        String title = "Field trip " + teacher;
        String requestId = as(teacher).submit(title, "trip", 800);
        String step = openStep(as(teacher), requestId);

        Api.Response rejected = as(head).post("/api/requests/" + requestId + "/steps/" + step + "/decision",
                Map.of("outcome", "REJECTED", "rationale", "The bus budget is spent"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);

        ReceivedMail mail = awaitMail(teacher, "was rejected");
        assertThat(mail.subject()).isEqualTo("Your request ‘" + title + "’ was rejected");
        assertThat(mail.text()).contains("Rejected by " + head + ": “The bus budget is spent”", "Amount:     800.00 EUR");
        assertThat(mail.text()).doesNotContain("Approve:");
    }

    @Test
    void aLinkOpensAConfirmationThatChangesNothing_thePostDecidesOnce_andForgedOrExpiredLinksDoNothing() {
        String title = "Globes " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 600);
        ReceivedMail mail = awaitMail(head, title);
        String approve = mail.link("Approve");
        long events = eventCount();

        PageSession browser = PageSession.anonymous(port);
        HttpResponse<String> page = browser.get(approve);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Approve ‘" + title + "’?", "Nothing is decided until you confirm",
                "600.00 EUR", "Confirm: approve");
        assertThat(browser.get(approve).statusCode()).as("opening it again changes nothing either").isEqualTo(200);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(as(teacher).get("/api/requests/" + requestId).json().path("status").asText()).isEqualTo("IN_REVIEW");

        HttpResponse<String> decided = browser.postForm(approve, Map.of("_csrf", csrf(page.body()),
                "rationale", "Good value"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(decided.body()).contains("You approved ‘" + title + "’ from " + teacher);
        assertThat(as(teacher).get("/api/requests/" + requestId).json().path("status").asText()).isEqualTo("APPROVED");
        String metaData = jdbc.query("select meta_data from domain_event_entry where aggregate_identifier = ? and "
                        + "payload_type like '%StepDecided'", (row, n) -> new String(row.getBytes(1),
                        StandardCharsets.UTF_8), requestId).get(0);
        assertThat(metaData).contains("\"decidedFrom\"", "\"mail\"");
        assertThat(PageSession.loggedIn(port, teacher).get("/requests/" + requestId).body())
                .as("the request's history says so").contains("approved step ‘Approval’, from a mail");
        await("the audit trail has it").atMost(Duration.ofSeconds(30)).until(() -> as("ada")
                .get("/api/audit/events?requestId=" + requestId).body().contains("decidedFrom"));

        HttpResponse<String> again = browser.get(approve);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("used");

        String[] parts = mail.link("Reject").split("\\.");
        String forged = parts[0] + "." + new StringBuilder(parts[1]).reverse();
        HttpResponse<String> tampered = browser.get(forged);
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("changed since Mandate sent it");

        String other = as(teacher).submit("Maps " + teacher, "equipment", 300);
        String step = openStep(as(teacher), other);
        String expired = "/mail/act/" + links.sign(new ActionLinks.Link(ActionLinks.newId(), head, other, step,
                Outcome.APPROVED, Instant.now().minusSeconds(1)));
        HttpResponse<String> late = browser.get(expired);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("expired");
        String retargeted = "/mail/act/" + links.sign(new ActionLinks.Link(ActionLinks.newId(), "ben", other, step,
                Outcome.APPROVED, Instant.now().plusSeconds(600)));
        assertThat(browser.get(retargeted).statusCode()).as("a link for someone the step is not with").isEqualTo(409);
        long before = eventCount();
        assertThat(browser.postForm(expired, Map.of("_csrf", csrf(page.body()))).statusCode()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aLeaversLinkStopsWorkingAtOnce() {
        String title = "Beakers " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 400);
        String approve = awaitMail(head, title).link("Approve");

        Api.Response left = as("ivy").post("/api/people/" + head + "/departure", Map.of("successor", "vera"));
        assertThat(left.status()).as(left.toString()).isEqualTo(200);

        PageSession browser = PageSession.anonymous(port);
        HttpResponse<String> page = browser.get(approve);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("who has left");
        long events = eventCount();
        assertThat(browser.postForm(approve, Map.of("_csrf", csrf(browser.get("/login").body()))).statusCode())
                .isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(as(teacher).get("/api/requests/" + requestId).json().path("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void choicesAreRecordedAsEvents_wrongOnesAnsweredAsProblems_andADigestCollectsNotices() {
        Api me = as(head);
        Api.Response settings = me.get("/api/me/notifications");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.json().path("address").asText()).isEqualTo(head + "@school.example");
        assertThat(settings.json().path("mailOn").asBoolean()).isTrue();
        assertThat(settings.json().path("choices")).hasSize(5);

        long events = eventCount();
        Api.Response wrong = me.put("/api/me/notifications", Map.of("choices", List.of(Map.of("kind", "REMINDER",
                "delivery", "SOMETIMES"))));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.detail()).contains("‘SOMETIMES’ is not a delivery", "AT_ONCE, DAILY_DIGEST, OFF");
        Api.Response noHour = me.put("/api/me/notifications", Map.of("choices", List.of(Map.of("kind", "STEP_ARRIVED",
                "delivery", "AT_ONCE"), Map.of("kind", "REMINDER", "delivery", "DAILY_DIGEST", "digestHour", 25))));
        assertThat(noHour.status()).isEqualTo(400);
        assertThat(noHour.detail()).contains("from 0 to 23; 25 is not one");
        assertThat(eventCount()).isEqualTo(events);

        Api.Response digest = me.put("/api/me/notifications", Map.of("choices", List.of(Map.of("kind",
                "STEP_ARRIVED", "delivery", "DAILY_DIGEST", "digestHour", 7))));
        assertThat(digest.status()).as(digest.toString()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(digest.json().path("choices").get(0).path("delivery").asText()).isEqualTo("DAILY_DIGEST");

        String first = as(teacher).submit("Pipettes " + teacher, "equipment", 100);
        String second = as(teacher).submit("Burners " + teacher, "equipment", 200);
        await("both queued for the digest").atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_notice where recipient = ? and digest = true and status = 'PENDING'",
                Integer.class, head) == 2);
        Instant sendAfter = jdbc.queryForObject("select min(send_after) from mail_notice where recipient = ?",
                java.sql.Timestamp.class, head).toInstant();
        assertThat(sendAfter.atZone(java.time.ZoneOffset.UTC).getHour()).isEqualTo(7);
        assertThat(sendAfter).isAfter(Instant.now());

        assertThat(me.put("/api/me/notifications", Map.of("choices", List.of(Map.of("kind", "STEP_ARRIVED",
                "delivery", "OFF")))).status()).isEqualTo(200);
        String third = as(teacher).submit("Magnets " + teacher, "equipment", 300);
        awaitOutboxPast(jdbc.queryForObject("select max(global_index) from domain_event_entry where "
                + "aggregate_identifier = ?", Long.class, third));
        assertThat(jdbc.queryForObject("select count(*) from mail_notice where request_id = ?", Integer.class, third))
                .as("nothing queued while the kind is off").isZero();

        // seven o'clock comes: the test moves the queued notices' time instead of waiting for it
        jdbc.update("update mail_notice set send_after = ? where recipient = ? and digest = true",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), head);
        ReceivedMail mail = awaitMail(head, "your digest");
        assertThat(mail.subject()).isEqualTo("Mandate: your digest, 2 notices");
        assertThat(mail.text()).contains("Pipettes " + teacher, "Burners " + teacher).doesNotContain("Magnets");
        assertThat(ReceivedMail.to(MAIL, head + "@school.example")).hasSize(1);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aStepNearItsDueTimeAndThenOverdueRemindsItsHolder() {
        String title = "Telescope " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 1900);
        awaitMail(head, title);
        String step = openStep(as(teacher), requestId);

        // the step's due time comes near: the test moves it instead of waiting days
        jdbc.update("update mail_step set due_at = ?, arrived_at = ? where step_id = ?",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(1))),
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1))), step);
        ReceivedMail soon = awaitMail(head, "Due soon: ‘" + title);
        assertThat(soon.text()).contains("waits for your decision", "Approve:    http://mandate.test/mail/act/");

        jdbc.update("update mail_step set due_at = ? where step_id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(30)), step);
        ReceivedMail overdue = awaitMail(head, "Overdue: ‘" + title);
        assertThat(overdue.text()).contains("It was due", "may move up to your manager");
        assertThat(ReceivedMail.to(MAIL, head + "@school.example").stream()
                .filter(mail -> mail.subject().startsWith("Due soon"))).hasSize(1);
    }

    @Test
    void theSettingsPageSavesChoicesAndShowsAWrongHourNextToItsField() {
        PageSession page = PageSession.loggedIn(port, head);
        HttpResponse<String> shown = page.get("/settings/notifications");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains(head + "@school.example", "Steps that arrive for you");
        String token = csrf(shown.body());

        long events = eventCount();
        HttpResponse<String> wrong = page.postForm("/settings/notifications", Map.of("_csrf", token,
                "delivery-STEP_ARRIVED", "AT_ONCE", "delivery-REQUEST_DECIDED", "AT_ONCE",
                "delivery-REMINDER", "DAILY_DIGEST", "hour-REMINDER", "eight", "delivery-MANDATE_GRANTED", "OFF",
                "delivery-MENTIONED", "AT_ONCE"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"error-REMINDER\"", "Give the hour as a number from 0 to 23.");
        assertThat(eventCount()).isEqualTo(events);

        HttpResponse<String> saved = page.postForm("/settings/notifications", Map.of("_csrf", token,
                "delivery-STEP_ARRIVED", "AT_ONCE", "delivery-REQUEST_DECIDED", "AT_ONCE",
                "delivery-REMINDER", "DAILY_DIGEST", "hour-REMINDER", "8", "delivery-MANDATE_GRANTED", "OFF",
                "delivery-MENTIONED", "AT_ONCE"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(eventCount()).isEqualTo(events + 2);
        assertThat(as(head).get("/api/me/notifications").json().path("choices").toString())
                .contains("{\"kind\":\"REMINDER\",\"delivery\":\"DAILY_DIGEST\",\"digestHour\":8");
    }

    @Test
    void aMailServerThatIsDownDelaysMailButNoDecision_andAnAdministratorRetriesFailedMail() {
        String title = "Kiln " + teacher;
        MAIL.stop();
        try {
            String requestId = as(teacher).submit(title, "equipment", 700);
            String step = openStep(as(teacher), requestId);
            await("a failed attempt recorded").atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from mail_notice where request_id = ? and attempts > 0 and status = 'PENDING' "
                            + "and last_error is not null", Integer.class, requestId) == 1);
            Api.Response decided = as(head).post("/api/requests/" + requestId + "/steps/" + step + "/decision",
                    Map.of("outcome", "APPROVED", "rationale", "Mail or not"));
            assertThat(decided.status()).as("a decision does not wait for mail").isEqualTo(200);
            assertThat(as("ivy").get("/actuator/prometheus").body()).contains("mandate_mail_backlog_age_seconds",
                    "mandate_mail_total{outcome=\"retry\"");
        } finally {
            MAIL.start();
        }
        // the step was decided before its mail could go: telling the holder now would only mislead
        ReceivedMail approved = awaitMail(teacher, "‘" + title + "’ was approved");
        assertThat(approved.text()).contains("Approved by " + head + ": “Mail or not”");
        assertThat(ReceivedMail.to(MAIL, head + "@school.example")).isEmpty();

        // a notice the server refused for a whole day is marked failed; an administrator sends it again
        String other = "Easel " + teacher;
        String otherId = as(teacher).submit(other, "equipment", 150);
        ReceivedMail first = awaitMail(head, other);
        String noticeId = jdbc.queryForObject("select notice_id from mail_notice where request_id = ? and recipient = ?",
                String.class, otherId, head);
        Api.Response notFailed = as("ivy").post("/api/admin/mail/notices/" + noticeId + "/retry", Map.of());
        assertThat(notFailed.status()).isEqualTo(409);
        assertThat(notFailed.detail()).contains("only a failed notice is sent again");
        jdbc.update("update mail_notice set status = 'FAILED', last_error = 'refused for a day' where notice_id = ?",
                noticeId);
        Api.Response failed = as("ivy").get("/api/admin/mail/notices?status=failed");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body()).contains(noticeId, "refused for a day");
        assertThat(as(head).get("/api/admin/mail/notices").status()).isEqualTo(403);
        assertThat(as("ivy").get("/api/admin/mail/notices?status=LOST").detail()).contains("status must be one of");
        assertThat(as("ivy").post("/api/admin/mail/notices/" + noticeId + "/retry", Map.of()).status())
                .isEqualTo(202);
        await("sent again").atMost(Duration.ofSeconds(30)).until(() -> ReceivedMail.to(MAIL, head + "@school.example")
                .stream().filter(mail -> mail.subject().contains(other)).count() == 2);
        assertThat(first.subject()).contains(other);
    }

    @Test
    void aMandateHolderHearsOfTheGrant_ofStepsTheyMayDecide_andThatTheMandateIsEnding() {
        String deputy = "mdeputy-" + head.substring("mhead-".length());
        join(deputy, "vera", Authority.none());
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        Api.Response granted = as(head).post("/api/mandates", Map.of("to", deputy, "categories", List.of("equipment"),
                "maxAmount", 1000, "currency", "EUR", "validFrom", start.toString(),
                "validUntil", start.plus(Duration.ofDays(1)).toString(), "reason", "While I am at the conference"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);

        ReceivedMail grant = awaitMail(deputy, "You may now decide for " + head);
        assertThat(grant.text()).contains(head + " granted you a mandate to decide for " + head + ": equipment, up to "
                + "1,000.00 EUR", "“While I am at the conference”");
        // the mandate ends within mandate-ending (two days): its holder and its grantor hear of it once
        ReceivedMail ending = awaitMail(deputy, "Your mandate to decide for " + head + " ends");
        assertThat(ending.text()).contains("no longer yours to decide");
        awaitMail(head, "The mandate you gave " + deputy + " ends");

        String covered = "Scales " + teacher;
        as(teacher).submit(covered, "equipment", 900);
        ReceivedMail forHead = awaitMail(deputy, "For " + head + ": ‘" + covered);
        assertThat(forHead.text()).contains("the mandate " + head + " gave you covers it");
        HttpResponse<String> page = PageSession.anonymous(port).get(forHead.link("Approve"));
        assertThat(page.statusCode()).as("the mandate holder's link works").isEqualTo(200);
        assertThat(page.body()).contains("Approve ‘" + covered + "’?");

        String beyond = "Lathe " + teacher;
        as(teacher).submit(beyond, "equipment", 1500);
        awaitMail(head, beyond);
        // head's notice and any deputy's would be queued by the same handler, in the same transaction
        assertThat(jdbc.queryForObject("select count(*) from mail_notice where recipient = ? and headline like ?",
                Integer.class, deputy, "%" + beyond + "%")).as("1500 is beyond the mandate's 1000").isZero();
        assertThat(ReceivedMail.to(MAIL, deputy + "@school.example").stream()
                .filter(mail -> mail.subject().contains("ends"))).hasSize(1);
    }

    @Test
    void anAdministratorSetsAnAddressOnThePersonsPage_andSeesFailedMailWithASendAgainButton() {
        PageSession admin = PageSession.loggedIn(port, "ivy");
        String token = csrf(admin.get("/admin/people/" + head).body());
        long events = eventCount();
        HttpResponse<String> wrong = admin.postForm("/admin/people/" + head + "/email", Map.of("_csrf", token,
                "email", "head at school"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"email-error\"", "is not a mail address", "value=\"head at school\"");
        assertThat(eventCount()).isEqualTo(events);
        HttpResponse<String> saved = admin.postForm("/admin/people/" + head + "/email", Map.of("_csrf", token,
                "email", head + "@lab.example"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(as(head).get("/api/me/notifications").json().path("address").asText())
                .isEqualTo(head + "@lab.example");

        String title = "Sink " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 120);
        awaitMailAt(head + "@lab.example", title);
        jdbc.update("update mail_notice set status = 'FAILED', last_error = 'mailbox full' where request_id = ?",
                requestId);
        HttpResponse<String> failed = admin.get("/admin/mail");
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("Your decision: ‘" + title, "mailbox full", "Send again");
        String noticeId = jdbc.queryForObject("select notice_id from mail_notice where request_id = ?", String.class,
                requestId);
        HttpResponse<String> again = admin.postForm("/admin/mail/" + noticeId + "/retry", Map.of("_csrf", token));
        assertThat(again.statusCode()).isEqualTo(302);
        await("sent again").atMost(Duration.ofSeconds(30)).until(() -> ReceivedMail.to(MAIL, head + "@lab.example")
                .stream().filter(mail -> mail.subject().contains(title)).count() == 2);
    }

    @Test
    void aWithdrawalTellsWhoeverHeldItsStepAndWhoLentIt_byTheirChoice_andTheChannelOnce() {
        String deputy = "mdeputy-" + head.substring("mhead-".length());
        join(deputy, "vera", Authority.upTo(2_000));
        String title = "Projector " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 500);
        awaitMail(head, title);
        String step = openStep(as(teacher), requestId);
        Api.Response lent = as(head).post("/api/requests/" + requestId + "/steps/" + step + "/delegation",
                Map.of("to", deputy, "note", "You know the lab"));
        assertThat(lent.status()).as(lent.toString()).isEqualTo(200);
        awaitMail(deputy, title);
        Api.Response off = as(deputy).put("/api/me/notifications", Map.of("choices", List.of(Map.of("kind",
                "STEP_ARRIVED", "delivery", "OFF"))));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);

        Api.Response withdrawn = as(teacher).post("/api/requests/" + requestId + "/withdrawal",
                Map.of("reason", "Bought one myself"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);

        ReceivedMail mail = awaitMail(head, "Withdrawn: ‘" + title + "’ from " + teacher);
        assertThat(mail.text()).contains("A request that waited for your decision was withdrawn.",
                teacher + " withdrew the request: “Bought one myself”. Nothing is left for you to decide on it.",
                "Request:    " + title, "Open in Mandate: http://mandate.test/requests/" + requestId)
                .doesNotContain("Approve:");
        var post = await("the channel hears of it").atMost(Duration.ofSeconds(30)).until(() -> CHAT.posts().stream()
                .map(ChatIntegrationTest::json).filter(each -> each.path("text").asText()
                        .startsWith("Withdrawn: ‘" + title)).toList(), posts -> !posts.isEmpty());
        assertThat(post).hasSize(1);
        assertThat(post.get(0).path("blocks").get(0).path("text").path("text").asText())
                .contains("It was with " + head + ", " + deputy + "; nothing is left to decide.");
        awaitOutboxPast(jdbc.queryForObject("select max(global_index) from domain_event_entry where "
                + "aggregate_identifier = ?", Long.class, requestId));
        assertThat(jdbc.queryForObject("select count(*) from mail_notice where recipient = ? and headline like ?",
                Integer.class, deputy, "Withdrawn%")).as("the deputy turned arriving steps off").isZero();
        assertThat(jdbc.queryForObject("select count(*) from mail_notice where headline like ?", Integer.class,
                "Withdrawn: ‘" + title + "%")).isEqualTo(1);
    }

    @Test
    void aPersonWhoChoseGermanGetsTheirMailInGermanAndTheirZone_whileTheEnglishRequesterAndTheChannelStayEnglish() {
        voices.choose(head, "de", "Europe/Berlin");
        String title = "Mikroskope " + teacher;
        Api.Response submitted = as(teacher).post("/api/requests", Map.of("title", title, "category", "equipment",
                "amount", new java.math.BigDecimal("1500.50"), "currency", "EUR", "description", "for the test"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String requestId = submitted.json().path("id").asText();
        ReceivedMail arrived = awaitMail(head, title);
        String step = openStep(as(teacher), requestId);
        Instant due = jdbc.queryForObject("select due_at from mail_step where step_id = ?", java.sql.Timestamp.class,
                step).toInstant();
        assertThat(arrived.subject()).isEqualTo("Ihre Entscheidung: ‘" + title + "’ von " + teacher);
        assertThat(arrived.text()).contains("Hallo " + head + ",", "Ein Antrag wartet auf Ihre Entscheidung.",
                "Ihre Entscheidung: ‘" + title + "’ von " + teacher, "Betrag:     1.500,50 EUR",
                "Fällig:     " + berlin(due),
                "Warum Sie:  Der Genehmigungsweg hat Ihnen seinen Schritt ‘Approval’ vorgelegt.",
                "Genehmigen: http://mandate.test/mail/act/", "Ablehnen:   http://mandate.test/mail/act/")
                .doesNotContain("Your decision", "1,500.50", "Approve:");
        assertThat(arrived.html()).contains("lang=\"de\"", "1.500,50 EUR", "Genehmigen …", berlin(due));

        // a reminder too: the step's due time comes near (the test moves it rather than waiting days)
        Instant soon = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        jdbc.update("update mail_step set due_at = ?, arrived_at = ? where step_id = ?", java.sql.Timestamp.from(soon),
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1))), step);
        ReceivedMail reminder = awaitMail(head, "Bald fällig: ‘" + title + "’ von " + teacher);
        assertThat(reminder.text()).contains("Ein Schritt wartet auf Ihre Entscheidung.",
                "Der Schritt ist am " + berlin(soon) + " fällig und wartet auf Ihre Entscheidung.");

        Api.Response rejected = as(head).post("/api/requests/" + requestId + "/steps/" + step + "/decision",
                Map.of("outcome", "REJECTED", "rationale", "Das Budget ist aufgebraucht"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        ReceivedMail decided = awaitMail(teacher, "‘" + title + "’ was rejected");
        assertThat(decided.subject()).isEqualTo("Your request ‘" + title + "’ was rejected");
        assertThat(decided.text()).contains("Hello " + teacher + ",", "Your request has been decided.",
                "Your request was rejected. Rejected by " + head + ": “Das Budget ist aufgebraucht”",
                "Amount:     1,500.50 EUR");
        var post = await("the channel hears of it").atMost(Duration.ofSeconds(30)).until(() -> CHAT.posts().stream()
                .map(ChatIntegrationTest::json).filter(each -> each.path("text").asText()
                        .startsWith("‘" + title + "’ from " + teacher + " was rejected")).toList(),
                posts -> !posts.isEmpty());
        assertThat(post.get(0).path("blocks").get(0).path("text").path("text").asText())
                .contains("Rejected by " + head + ": “Das Budget ist aufgebraucht”");
    }

    @Test
    void aGermanRequesterHearsTheDecisionInGerman_andAGermanDigestCountsInGerman() {
        voices.choose(teacher, "de", null);
        voices.choose(head, "de", null);
        assertThat(as(head).put("/api/me/notifications", Map.of("choices", List.of(Map.of("kind", "STEP_ARRIVED",
                "delivery", "DAILY_DIGEST", "digestHour", 7)))).status()).isEqualTo(200);
        String title = "Pinsel " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 90);
        as(teacher).submit("Farben " + teacher, "equipment", 80);
        await("both queued for the digest").atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_notice where recipient = ? and digest = true and status = 'PENDING'",
                Integer.class, head) == 2);
        jdbc.update("update mail_notice set send_after = ? where recipient = ? and digest = true",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), head);
        ReceivedMail digest = awaitMail(head, "Zusammenfassung");
        assertThat(digest.subject()).isEqualTo("Mandate: Ihre Zusammenfassung, 2 Nachrichten");
        assertThat(digest.text()).contains("Das ist seit Ihrer letzten Zusammenfassung geschehen.", title,
                "Farben " + teacher, "Betrag:     90,00 EUR");

        String step = openStep(as(teacher), requestId);
        assertThat(as(head).post("/api/requests/" + requestId + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED", "rationale", "Gute Idee")).status()).isEqualTo(200);
        ReceivedMail decided = awaitMail(teacher, "‘" + title + "’ wurde genehmigt");
        assertThat(decided.subject()).isEqualTo("Ihr Antrag ‘" + title + "’ wurde genehmigt");
        assertThat(decided.text()).contains("Über Ihren Antrag wurde entschieden.",
                "Ihr Antrag wurde genehmigt. Genehmigt von " + head + ": „Gute Idee“");
    }

    /** A time as a German reader in Berlin is shown it, e.g. "7. Dez. 2026, 15:05 MEZ". */
    private static String berlin(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("d. MMM yyyy, HH:mm z", java.util.Locale.GERMAN)
                .withZone(java.time.ZoneId.of("Europe/Berlin")).format(instant);
    }

    @Test
    void twoClicksOnOneLinkAtTheSameMomentDecideOnce() throws Exception {
        String title = "Centrifuge " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 900);
        String approve = awaitMail(head, title).link("Approve");
        PageSession first = PageSession.anonymous(port);
        PageSession second = PageSession.anonymous(port);
        String firstToken = csrf(first.get(approve).body());
        String secondToken = csrf(second.get(approve).body());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> one = clicks.submit(() -> {
                start.await();
                return first.postForm(approve, Map.of("_csrf", firstToken, "rationale", "First tab"));
            });
            Future<HttpResponse<String>> two = clicks.submit(() -> {
                start.await();
                return second.postForm(approve, Map.of("_csrf", secondToken, "rationale", "Second tab"));
            });
            start.countDown();
            List<HttpResponse<String>> answers = List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));
            assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList()).isEqualTo(List.of(200, 410));
            assertThat(answers.stream().filter(answer -> answer.statusCode() == 410).findFirst().orElseThrow().body())
                    .contains("a link decides once");
        } finally {
            clicks.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and "
                + "payload_type like '%StepDecided'", Integer.class, requestId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_link_use where link_id = ?", Integer.class,
                linkId(approve))).isEqualTo(1);
        assertThat(as(teacher).get("/api/requests/" + requestId).json().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aRefusedDecisionLeavesTheLinkUnused_soItWorksOnceTheStepIsTheirsAgain() {
        String deputy = "mdeputy-" + head.substring("mhead-".length());
        join(deputy, "vera", Authority.upTo(2_000));
        String title = "Oscilloscope " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 800);
        String reject = awaitMail(head, title).link("Reject");
        String step = openStep(as(teacher), requestId);
        PageSession browser = PageSession.anonymous(port);
        String token = csrf(browser.get(reject).body());
        long events = eventCount();

        HttpResponse<String> noReason = browser.postForm(reject, Map.of("_csrf", token, "rationale", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Say why you reject it");

        // the step moves on after the mail: the link refuses, and is not used up
        assertThat(as(head).post("/api/requests/" + requestId + "/steps/" + step + "/delegation",
                Map.of("to", deputy)).status()).isEqualTo(200);
        HttpResponse<String> movedOn = browser.postForm(reject, Map.of("_csrf", token, "rationale", "Too dear"));
        assertThat(movedOn.statusCode()).isEqualTo(409);
        assertThat(movedOn.body()).contains("no longer with " + head, "Nothing was decided");

        // a decision the rules refuse (the command itself, past every check of the page) records no use either
        String linkId = linkId(reject);
        assertThatThrownBy(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DecideStep(
                new RequestId(UUID.fromString(requestId)), new StepId(step), PersonId.of(head), Outcome.REJECTED,
                "Too dear")).andMetaData(Map.of(MailActionPage.CHANNEL, "mail", MailActionPage.LINK, linkId))))
                .hasMessageContaining("recall it first");
        assertThat(jdbc.queryForObject("select count(*) from mail_link_use where link_id = ?", Integer.class, linkId))
                .isZero();
        assertThat(eventCount()).as("only the lending was recorded").isEqualTo(events + 1);

        // the step is theirs again: the same link decides, once
        assertThat(as(head).delete("/api/requests/" + requestId + "/steps/" + step + "/delegation").status())
                .isEqualTo(200);
        HttpResponse<String> decided = browser.postForm(reject, Map.of("_csrf", token, "rationale", "Too dear"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(as(teacher).get("/api/requests/" + requestId).json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(browser.postForm(reject, Map.of("_csrf", token, "rationale", "Again")).statusCode()).isEqualTo(410);
    }

    @Test
    void aForwardedLinkOpenedBySomeoneElseSignedInIsRefusedAndStaysUsableForItsOwner() {
        String title = "Anemometer " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 250);
        String approve = awaitMail(head, title).link("Approve");
        long events = eventCount();

        PageSession colleague = PageSession.loggedIn(port, "ben");
        HttpResponse<String> opened = colleague.get(approve);
        assertThat(opened.statusCode()).isEqualTo(403);
        assertThat(opened.body()).contains("This link was sent to " + head, "Only they can use it");
        HttpResponse<String> posted = colleague.postForm(approve, Map.of("_csrf",
                csrf(colleague.get("/settings/notifications").body()), "rationale", "Forwarded to me"));
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("Only they can use it");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from mail_link_use where link_id = ?", Integer.class,
                linkId(approve))).isZero();

        PageSession owner = PageSession.anonymous(port);
        HttpResponse<String> page = owner.get(approve);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> decided = owner.postForm(approve, Map.of("_csrf", csrf(page.body())));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(as(teacher).get("/api/requests/" + requestId).json().path("status").asText()).isEqualTo("APPROVED");
    }

    /** The link id inside a link's signed terms. */
    private static String linkId(String path) {
        String token = path.substring(path.lastIndexOf('/') + 1);
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8)
                .split("\\|")[1];
    }

    private void awaitOutboxPast(long position) {
        StreamingEventProcessor outbox = processing.eventProcessor(MailOutbox.NAME, StreamingEventProcessor.class)
                .orElseThrow();
        await("the mail outbox past event " + position).atMost(Duration.ofSeconds(30)).until(() ->
                !outbox.processingStatus().isEmpty() && outbox.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= position));
    }
}

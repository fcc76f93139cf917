package org.mandate.app.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.mandate.app.MandateSettings;
import org.mandate.domain.Money;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.GrantMandate;
import org.mandate.domain.mandate.MandateId;
import org.mandate.domain.mandate.Mandates;
import org.mandate.domain.mandate.Scope;
import org.mandate.domain.request.DecideStep;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.ReturnStep;
import org.mandate.domain.request.StepId;
import org.mandate.domain.request.SubmitRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Five weeks of the school, told once on a fresh demo database as real commands: at first the principal decides
 * nearly everything, slowly; in week four she gives both vice principals a two-week trial mandate and they decide
 * each other's requests on her behalf, quickly. The trial has ended, and requests wait again, most of them with
 * the principal: the insights page shows the share decided below the top moving up, and her as the bottleneck,
 * with a one-click mandate to make it last. One request, ana's microscope slides, sofia has sent back with a
 * question: it waits for ana's answer, its time limit standing still. Runs after the demo school
 * has joined (application ready), and only if no request exists yet.
 */
@Component
@ConditionalOnProperty(name = {"mandate.demo", "mandate.demo-story"}, havingValue = "true")
class DemoStory {

    private static final Logger log = LoggerFactory.getLogger(DemoStory.class);
    private static final Duration MANDATE_VISIBLE = Duration.ofSeconds(10);

    /** Decided {@code after} hours by {@code decider}; {@code week} 0 is five weeks before the current one. */
    private record Scene(int week, int day, int hour, String requester, String title, String category, long amount,
                         String approver, String decider, int after, String rejection) {
    }

    /**
     * Still waiting: submitted {@code hoursAgo} before the story is told; a null {@code approver}: a committee vote.
     */
    private record Pending(String requester, String title, String category, long amount, String approver,
                           int hoursAgo) {
    }

    /**
     * Still waiting, but for its requester: the approver sent it back with a question as the story ends. Asked in
     * real time, not scripted: the engine measures the pause on its own clock, which the script does not move.
     */
    private record SentBack(Pending request, String question) {
    }

    /** A request's one open step, as the engine reports it. */
    private record OpenStep(RequestId request, StepId step) {
    }

    private static final List<Scene> BEFORE_MANDATES = List.of(
            new Scene(0, 0, 9, "omar", "Boiler repair", "facilities", 3200, "pat", "pat", 52, null),
            new Scene(0, 1, 10, "vera", "Exam hall hire", "events", 1800, "pat", "pat", 30, null),
            new Scene(0, 1, 11, "ana", "Lab goggles", "equipment", 300, "sofia", "sofia", 4, null),
            new Scene(0, 2, 9, "omar", "Minibus insurance", "transport", 2400, "pat", "pat", 70, null),
            new Scene(1, 0, 9, "vera", "Curriculum licences", "curriculum", 4200, "pat", "pat", 60, null),
            new Scene(1, 1, 9, "omar", "Cleaning contract top-up", "facilities", 1500, "pat", "pat", 40, null),
            new Scene(1, 1, 10, "ben", "Paint and canvases", "supplies", 400, "liam", "liam", 6, null),
            new Scene(1, 2, 9, "vera", "Teacher training day", "training", 2600, "pat", "pat", 90,
                    "Move it to the spring term, when the training budget allows."),
            new Scene(2, 0, 9, "omar", "Fire door inspection", "facilities", 900, "pat", "pat", 26, null),
            new Scene(2, 0, 10, "vera", "Library books", "library", 1200, "pat", "pat", 48, null),
            new Scene(2, 1, 9, "ana", "Field trip coach", "transport", 650, "sofia", "sofia", 3, null));

    private static final List<Scene> UNDER_MANDATES = List.of(
            new Scene(3, 0, 10, "vera", "Science fair stands", "events", 1400, "pat", "omar", 5, null),
            new Scene(3, 1, 9, "omar", "Playground resurfacing", "facilities", 4800, "pat", "vera", 9, null),
            new Scene(3, 2, 9, "vera", "Head of year conference", "training", 7000, "pat", "pat", 40,
                    "Send one person rather than two and resubmit at half the cost."),
            new Scene(4, 0, 9, "omar", "Boiler service contract", "facilities", 2200, "pat", "vera", 5, null),
            new Scene(4, 1, 9, "vera", "Exam paper printing", "curriculum", 950, "pat", "omar", 2, null),
            new Scene(4, 1, 10, "vera", "Timetabling software", "curriculum", 4600, "pat", "pat", 20, null),
            new Scene(4, 2, 9, "liam", "Art room kiln", "equipment", 3600, "vera", "vera", 6, null));

    private static final List<Pending> WAITING = List.of(
            // above 10000: the budget committee votes (omar sits on it, so he is left out and vera and pat vote)
            new Pending("omar", "Sports hall roof", "facilities", 12_000, null, 50),
            new Pending("vera", "New lab benches", "equipment", 8_000, "pat", 30),
            new Pending("omar", "Staff room furniture", "furniture", 6_500, "pat", 5),
            new Pending("ben", "Drama costumes", "supplies", 800, "liam", 3));

    // on sofia's inbox and ana's, "Waiting for your answer": the README tour's send back, already under way
    private static final SentBack SENT_BACK = new SentBack(
            new Pending("ana", "Microscope slides", "equipment", 450, "sofia", 26),
            "Are these the pre-cleaned slides from Lab Supplies? The quote attached last term was for plain ones.");

    private final CommandGateway commands;
    private final TaskService tasks;
    private final Mandates mandates;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String currency;

    DemoStory(CommandGateway commands, TaskService tasks, Mandates mandates, JdbcTemplate jdbc, Clock clock,
              MandateSettings settings) {
        this.commands = commands;
        this.tasks = tasks;
        this.mandates = mandates;
        this.jdbc = jdbc;
        this.clock = clock;
        this.currency = settings.currency();
    }

    @EventListener(ApplicationReadyEvent.class)
    void tell() {
        if (!(clock instanceof ScriptClock script)) {
            log.warn("The demo story needs the demo's script clock; the Clock bean is {}. Story skipped.", clock);
            return;
        }
        Long requests = jdbc.queryForObject("select count(*) from domain_event_entry where type = 'ApprovalRequest'",
                Long.class);
        if (requests != null && requests > 0) {
            return;
        }
        try {
            tellOnce(script);
        } catch (RuntimeException e) {
            // the school itself is loaded; a story that no longer fits the rules must not keep the app from starting
            log.error("The demo story stopped part way; the insights page shows what was told", e);
        }
    }

    private void tellOnce(ScriptClock script) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Instant firstMonday = now.atZone(ZoneOffset.UTC).toLocalDate().minusWeeks(5)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        BEFORE_MANDATES.forEach(scene -> play(script, firstMonday, scene));
        Instant grantedAt = firstMonday.plus(Duration.ofDays(21)).plus(Duration.ofHours(8));
        // a two-week trial that ended last week: the story's mandates are history, not rules other scenes meet now
        Instant trialEnds = firstMonday.plus(Duration.ofDays(35));
        grant(script, grantedAt, "vera", trialEnds);
        grant(script, grantedAt, "omar", trialEnds);
        UNDER_MANDATES.forEach(scene -> play(script, firstMonday, scene));
        WAITING.forEach(pending -> submit(script, now.minus(Duration.ofHours(pending.hoursAgo())), pending.requester(),
                pending.title(), pending.category(), pending.amount(), pending.approver()));
        sendBack(script, now);
        log.info("Told the demo story: {} requests over five weeks, two mandates, in {} ms",
                BEFORE_MANDATES.size() + UNDER_MANDATES.size() + WAITING.size() + 1,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void play(ScriptClock script, Instant firstMonday, Scene scene) {
        Instant submittedAt = firstMonday.plus(Duration.ofDays(scene.week() * 7L + scene.day()))
                .plus(Duration.ofHours(scene.hour()));
        OpenStep open = submit(script, submittedAt, scene.requester(), scene.title(), scene.category(), scene.amount(),
                scene.approver());
        Outcome outcome = scene.rejection() == null ? Outcome.APPROVED : Outcome.REJECTED;
        String rationale = scene.rejection() == null ? "Agreed." : scene.rejection();
        script.at(submittedAt.plus(Duration.ofHours(scene.after())), () -> commands.sendAndWait(new DecideStep(
                open.request(), open.step(), PersonId.of(scene.decider()), outcome, rationale)));
    }

    private void sendBack(ScriptClock script, Instant now) {
        Pending pending = SENT_BACK.request();
        OpenStep open = submit(script, now.minus(Duration.ofHours(pending.hoursAgo())), pending.requester(),
                pending.title(), pending.category(), pending.amount(), pending.approver());
        commands.sendAndWait(new ReturnStep(open.request(), open.step(), PersonId.of(pending.approver()),
                SENT_BACK.question()));
    }

    private OpenStep submit(ScriptClock script, Instant at, String requester, String title, String category, long amount,
                        String approver) {
        RequestId id = RequestId.create();
        Money asked = Money.of(BigDecimal.valueOf(amount), currency);
        script.at(at, () -> commands.sendAndWait(new SubmitRequest(id, title, category, asked,
                "Part of the demo story.", PersonId.of(requester), null)));
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(id.toString()).active().list();
        // a null approver: a committee vote, whose one engine task has no assignee
        if (open.size() != 1 || !Objects.equals(approver, open.get(0).getAssignee())) {
            throw new IllegalStateException("The demo story expected '" + title + "' to wait for " + approver
                    + " but the engine shows " + open.stream().map(Task::getAssignee).toList()
                    + "; the demo school or the approval path changed, so adjust DemoStory.");
        }
        return new OpenStep(id, new StepId(open.get(0).getId()));
    }

    private void grant(ScriptClock script, Instant at, String holder, Instant until) {
        MandateId id = MandateId.create();
        script.at(at, () -> commands.sendAndWait(new GrantMandate(id, PersonId.of("pat"), PersonId.of(holder),
                new Scope(Set.of(Scope.ANY), BigDecimal.valueOf(5_000), currency), at, until,
                "Decide the vice principals' day-to-day requests for me", false, null)));
        // the register may be a tracking projection: the decisions under this mandate need it to be visible
        long deadline = System.nanoTime() + MANDATE_VISIBLE.toNanos();
        while (mandates.find(id).isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}

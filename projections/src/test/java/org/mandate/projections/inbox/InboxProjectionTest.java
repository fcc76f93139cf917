package org.mandate.projections.inbox;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.MoreInformationProvided;
import org.mandate.domain.request.MoreInformationRequested;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequesterLeftBeforeAnswering;
import org.mandate.domain.request.RequestApproved;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestRejected;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.RequestWithdrawn;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepDelegated;
import org.mandate.domain.request.StepDelegationRecalled;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepId;
import org.mandate.domain.request.StepOpened;
import org.mandate.domain.request.StepReassigned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox keeps a batch's new requests and steps in memory until the batch commits. However a history is cut into
 * batches (one event each, as when the app runs; all in one, as in a rebuild; or cut anywhere in between), the inbox
 * it leaves is the same.
 */
class InboxProjectionTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private JdbcTemplate jdbc;
    private InboxProjection inbox;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:inbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        inbox = new InboxProjection(jdbc);
    }

    private static final RequestId ASKS = RequestId.create();
    private static final RequestId ANSWERED = RequestId.create();
    private static final RequestId LEFT = RequestId.create();

    /**
     * Ten requests: one waits at sofia's; one lent to liam; one lent and recalled; one escalated to vera and then
     * reassigned to omar; one approved in two steps; one rejected; one withdrawn; and three sofia sent back: one
     * waits for ana's answer, one ana answered (and retitled), one whose wait ana's departure ended.
     */
    private static List<Consumer<InboxProjection>> history() {
        List<Consumer<InboxProjection>> events = new ArrayList<>();
        RequestId waits = RequestId.create();
        RequestId lent = RequestId.create();
        RequestId recalled = RequestId.create();
        RequestId moved = RequestId.create();
        RequestId approved = RequestId.create();
        RequestId rejected = RequestId.create();
        RequestId withdrawn = RequestId.create();
        for (RequestId request : List.of(waits, lent, recalled, moved, approved, rejected, withdrawn, ASKS, ANSWERED,
                LEFT)) {
            events.add(inbox -> inbox.on(new RequestSubmitted(request, "Request " + request, "equipment",
                    BigDecimal.valueOf(1500), "EUR", null, PersonId.of("ana"), "approval", AT)));
            events.add(inbox -> inbox.on(new StepOpened(request, step(request, 1), "Approval", PersonId.of("sofia"),
                    AT.plusSeconds(86_400), AT, "approval:1")));
        }
        events.add(inbox -> inbox.on(new StepDelegated(lent, step(lent, 1), PersonId.of("sofia"), PersonId.of("liam"),
                "while I am away", AT)));
        events.add(inbox -> inbox.on(new StepDelegated(recalled, step(recalled, 1), PersonId.of("sofia"),
                PersonId.of("liam"), null, AT)));
        events.add(inbox -> inbox.on(new StepDelegationRecalled(recalled, step(recalled, 1), PersonId.of("sofia"),
                PersonId.of("liam"), "back early", AT)));
        events.add(inbox -> inbox.on(new StepEscalated(moved, step(moved, 1), PersonId.of("sofia"), PersonId.of("vera"),
                null, "overdue", AT)));
        events.add(inbox -> inbox.on(new StepReassigned(moved, step(moved, 1), PersonId.of("vera"), PersonId.of("omar"),
                "operations", AT)));
        events.add(inbox -> inbox.on(decided(approved, 1)));
        events.add(inbox -> inbox.on(new StepOpened(approved, step(approved, 2), "Finance check", PersonId.of("fay"),
                null, AT, "approval:1")));
        events.add(inbox -> inbox.on(decided(approved, 2)));
        events.add(inbox -> inbox.on(new RequestApproved(approved, AT)));
        events.add(inbox -> inbox.on(decided(rejected, 1)));
        events.add(inbox -> inbox.on(new RequestRejected(rejected, AT)));
        events.add(inbox -> inbox.on(new RequestWithdrawn(withdrawn, PersonId.of("ana"), "not needed", AT)));
        for (RequestId request : List.of(ASKS, ANSWERED, LEFT)) {
            events.add(inbox -> inbox.on(new MoreInformationRequested(request, step(request, 1), PersonId.of("sofia"),
                    null, null, "Which supplier?", AT.plusSeconds(60))));
        }
        events.add(inbox -> inbox.on(new MoreInformationProvided(ANSWERED, step(ANSWERED, 1), PersonId.of("ana"),
                "Lab Co", "Renamed", null, Duration.ofHours(1), AT.plusSeconds(86_400 + 3_600), AT.plusSeconds(3_660))));
        events.add(inbox -> inbox.on(new RequesterLeftBeforeAnswering(LEFT, step(LEFT, 1), PersonId.of("ana"),
                PersonId.of("ivy"), Duration.ofHours(2), AT.plusSeconds(86_400 + 7_200), AT.plusSeconds(7_260))));
        return events;
    }

    @Test
    void theInboxIsTheSameHoweverTheHistoryIsCutIntoBatches() {
        List<Consumer<InboxProjection>> history = history();
        apply(history, 1);
        List<String> oneEventPerBatch = contents();
        assertThat(oneEventPerBatch).hasSize(7 + 7).as("what is left open").anySatisfy(row ->
                assertThat(row).contains("liam", "on behalf of sofia"));
        assertThat(oneEventPerBatch).anySatisfy(row -> assertThat(row).contains("omar", "on behalf of null"));

        for (int size = 2; size <= history.size(); size++) {
            inbox.reset();
            apply(history, size);
            assertThat(contents()).as("batches of %d events", size).isEqualTo(oneEventPerBatch);
        }
    }

    @Test
    void aRolledBackBatchLeavesNothingBehind() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        history().forEach(event -> event.accept(inbox));
        batch.rollback();

        assertThat(contents()).isEmpty();
    }

    @Test
    void outsideABatchEveryEventIsWrittenAtOnce() {
        history().forEach(event -> event.accept(inbox));

        assertThat(inbox.inboxOf("sofia")).hasSize(5);
        assertThat(inbox.inboxOf("liam")).singleElement().satisfies(item -> {
            assertThat(item.onBehalfOf()).isEqualTo("sofia");
            assertThat(item.title()).startsWith("Request ");
            assertThat(item.amount()).isEqualByComparingTo("1500");
        });
    }

    @Test
    void aDepartureSeesEveryStepThePersonHoldsHasOnLoanOrLentOut() {
        history().forEach(event -> event.accept(inbox));

        assertThat(inbox.of(PersonId.of("sofia"))).as("five held, one lent out to liam").hasSize(6)
                .anySatisfy(step -> {
                    assertThat(step.holder()).isEqualTo(PersonId.of("sofia"));
                    assertThat(step.lentTo()).isEqualTo(PersonId.of("liam"));
                    assertThat(step.requester()).isEqualTo(PersonId.of("ana"));
                    assertThat(step.title()).startsWith("Request ");
                })
                .filteredOn(step -> step.lentTo() == null).hasSize(5);
        assertThat(inbox.of(PersonId.of("liam"))).singleElement().satisfies(step -> {
            assertThat(step.holder()).isEqualTo(PersonId.of("sofia"));
            assertThat(step.decider()).isEqualTo(PersonId.of("liam"));
        });
        assertThat(inbox.of(PersonId.of("omar"))).singleElement()
                .satisfies(step -> assertThat(step.lentTo()).isNull());
        assertThat(inbox.of(PersonId.of("vera"))).isEmpty();
    }

    @Test
    void aStepWaitingForItsRequesterIsNeverOverdue_andOnceAnsweredOrLeftItHasItsMovedDueDate() {
        history().forEach(event -> event.accept(inbox));
        Instant later = AT.plus(Duration.ofDays(3));

        List<InboxItem> sofias = inbox.inboxOf("sofia");
        assertThat(sofias).filteredOn(item -> item.stepId().equals(step(ASKS, 1).value())).singleElement()
                .satisfies(item -> {
                    assertThat(item.waitingForAnswer()).isTrue();
                    assertThat(item.waitingSince()).isEqualTo(AT.plusSeconds(60));
                    assertThat(item.overdueAt(later)).as("its clock stands still").isFalse();
                });
        assertThat(sofias).filteredOn(item -> item.stepId().equals(step(ANSWERED, 1).value())).singleElement()
                .satisfies(item -> {
                    assertThat(item.waitingForAnswer()).isFalse();
                    assertThat(item.dueAt()).isEqualTo(AT.plusSeconds(86_400 + 3_600));
                    assertThat(item.title()).isEqualTo("Renamed");
                });
        assertThat(sofias).filteredOn(item -> item.stepId().equals(step(LEFT, 1).value())).singleElement()
                .satisfies(item -> {
                    assertThat(item.waitingForAnswer()).isFalse();
                    assertThat(item.dueAt()).isEqualTo(AT.plusSeconds(86_400 + 7_200));
                });
        assertThat(inbox.inboxOf("sofia", filter(true, later), null)).extracting(InboxItem::stepId)
                .contains(step(ANSWERED, 1).value(), step(LEFT, 1).value()).doesNotContain(step(ASKS, 1).value());
        assertThat(inbox.inboxOf("sofia", filter(false, later), null)).extracting(InboxItem::stepId)
                .containsExactly(step(ASKS, 1).value());
    }

    private static InboxFilter filter(boolean overdue, Instant now) {
        return new InboxFilter(null, null, null, null, overdue, null, null, null, false, now);
    }

    private void apply(List<Consumer<InboxProjection>> history, int batchSize) {
        for (int from = 0; from < history.size(); from += batchSize) {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
            history.subList(from, Math.min(history.size(), from + batchSize)).forEach(event -> event.accept(inbox));
            batch.commit();
        }
    }

    /** Every row of both tables, as text, in a fixed order. */
    private List<String> contents() {
        List<String> rows = new ArrayList<>(jdbc.query("select * from inbox_request order by request_id",
                (row, n) -> "request " + row.getString("request_id") + " " + row.getString("title") + " "
                        + row.getBigDecimal("amount") + " " + row.getString("requester")));
        rows.addAll(jdbc.query("select * from inbox_item order by step_id", (row, n) -> "step "
                + row.getString("step_id") + " of " + row.getString("request_id") + " " + row.getString("step_name")
                + " at " + row.getString("assignee") + " on behalf of " + row.getString("on_behalf_of") + " due "
                + row.getTimestamp("due_at") + " opened " + row.getTimestamp("opened_at") + " "
                + row.getString("title") + " " + row.getString("category") + " " + row.getBigDecimal("amount") + " "
                + row.getString("currency") + " " + row.getString("requester") + " waiting since "
                + row.getTimestamp("waiting_since")));
        return rows;
    }

    private static StepId step(RequestId request, int n) {
        return new StepId(request + "-" + n);
    }

    private static StepDecided decided(RequestId request, int n) {
        return new StepDecided(request, step(request, n), Outcome.APPROVED, PersonId.of("sofia"), null, null, "fine",
                AT);
    }
}

package org.mandate.bench.system;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.mandate.app.MandateApplication;
import org.mandate.bench.db.Database;
import org.mandate.bench.db.SqlCounter;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.DecideStep;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;
import org.mandate.domain.request.SubmitRequest;
import org.mandate.projections.inbox.InboxItem;
import org.mandate.projections.inbox.InboxProjection;
import org.mandate.projections.request.RequestView;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Mandate itself, started in-process on a fresh database with its own configuration, driven the way its API
 * drives it: a command, then a wait until the projections show it (as the API's read-your-writes does), then a
 * read of the approver's inbox.
 */
public final class MandateSystem implements ApprovalSystem {

    private static final PersonId REQUESTER = PersonId.of("ana");
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);
    private static final Set<String> READ_MODELS = Set.of(InboxProjection.NAME, RequestViewProjection.NAME);

    private final SqlCounter counter = new SqlCounter();
    private final ConfigurableApplicationContext context;
    private final CommandGateway commands;
    private final InboxProjection inbox;
    private final RequestViewProjection requests;
    private final JdbcTemplate jdbc;

    private record OpenStep(RequestId request, StepId step, PersonId approver) {
    }

    public MandateSystem(Database database, File dataDir) {
        MandateApplication.noPhoneHome();
        SpringApplication application = new SpringApplication(MandateApplication.class);
        application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(countingDataSource()));
        List<String> args = new ArrayList<>(List.of(
                "--mandate.data-dir=" + dataDir.getAbsolutePath(),
                "--mandate.demo=true",
                "--mandate.demo-story=false", // the people, not the sample requests: the run counts its own
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=",
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--logging.level.root=WARN"));
        context = application.run(args.toArray(String[]::new));
        commands = context.getBean(CommandGateway.class);
        inbox = context.getBean(InboxProjection.class);
        requests = context.getBean(RequestViewProjection.class);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    private BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && beanName.equals("dataSource")
                        ? counter.wrap(dataSource) : bean;
            }
        };
    }

    @Override
    public String name() {
        return "Mandate";
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void approve(int n) {
        RequestId id = submit(n);
        for (String approver : ApprovalSystem.approvers(n)) {
            OpenStep step = inInbox(id, PersonId.of(approver));
            commands.sendAndWait(new DecideStep(id, step.step(), step.approver(), Outcome.APPROVED, "bench"));
            awaitProjections(id);
        }
        String status = requests.find(id.toString()).map(RequestView::status).orElse("missing");
        if (!status.equals("APPROVED")) {
            throw new IllegalStateException("request " + id + " ended " + status + ", expected APPROVED");
        }
    }

    @Override
    public Object openStep(int n) {
        RequestId id = submit(n);
        return inInbox(id, PersonId.of(ApprovalSystem.approvers(n)[0]));
    }

    @Override
    public void decide(Object step) {
        OpenStep open = (OpenStep) step;
        commands.sendAndWait(new DecideStep(open.request(), open.step(), open.approver(), Outcome.APPROVED, "bench"));
    }

    private RequestId submit(int n) {
        RequestId id = RequestId.create();
        commands.sendAndWait(new SubmitRequest(id, "Bench request " + n, "equipment",
                BigDecimal.valueOf(ApprovalSystem.amount(n)), "EUR", null, REQUESTER, null));
        awaitProjections(id);
        return id;
    }

    private OpenStep inInbox(RequestId id, PersonId approver) {
        return inbox.inboxOf(approver.value()).stream()
                .filter(item -> item.requestId().equals(id.toString()))
                .map(InboxItem::stepId).map(step -> new OpenStep(id, new StepId(step), approver)).findFirst()
                .orElseThrow(() -> new IllegalStateException("request " + id + " is not in " + approver + "'s inbox"));
    }

    /** The API's read-your-writes: wait until every streaming projection has processed the request's newest event. */
    private void awaitProjections(RequestId id) {
        Long newest = jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?", Long.class,
                id.toString());
        if (newest != null) {
            awaitReadModels(newest);
        }
    }

    /** Like the API: waits for the projections a caller reads right after a command, the inbox and request view. */
    private void awaitReadModels(long globalIndex) {
        List<StreamingEventProcessor> readModels = streamingProcessors().stream()
                .filter(processor -> READ_MODELS.contains(processor.getName())).toList();
        awaitProjections(readModels, globalIndex, CATCH_UP_LIMIT);
    }

    public void awaitProjections(List<StreamingEventProcessor> processors, long globalIndex, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!processors.stream().allMatch(processor -> reached(processor, globalIndex))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections did not reach event " + globalIndex + " within "
                        + limit);
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    public List<StreamingEventProcessor> streamingProcessors() {
        return context.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    private static boolean reached(StreamingEventProcessor processor, long globalIndex) {
        var segments = processor.processingStatus().values();
        return processor.isRunning() && !segments.isEmpty() && segments.stream()
                .allMatch(status -> handled(status.getTrackingToken(), globalIndex));
    }

    /**
     * Whether a processor at {@code token} has handled the event at {@code globalIndex}. Its position alone does not
     * say: under concurrent commits a later event can be seen first, and the earlier one stays a gap, below the
     * position but not yet handled.
     */
    static boolean handled(TrackingToken token, long globalIndex) {
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .map(position -> position.getIndex() >= globalIndex && !position.getGaps().contains(globalIndex))
                .orElse(false);
    }

    @Override
    public SqlCounter counter() {
        return counter;
    }

    @Override
    public void close() {
        context.close();
    }
}

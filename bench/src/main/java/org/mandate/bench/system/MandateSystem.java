package org.mandate.bench.system;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mandate.app.MandateApplication;
import org.mandate.app.projection.ProjectionProgress;
import org.mandate.bench.db.Database;
import org.mandate.bench.db.SqlCounter;
import org.mandate.domain.Money;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Mandate itself, started in-process on a fresh database with its own configuration, driven the way its API
 * drives it: a command, whose inbox and request view are written in its own transaction (inline, so there is
 * nothing to wait for), then a read of the approver's inbox.
 */
public final class MandateSystem implements ApprovalSystem {

    private static final PersonId REQUESTER = PersonId.of("ana");

    /** The name of a Mandate whose event store writes personal fields in clear. */
    public static final String CLEAR = "Mandate, personal data in clear";

    private final SqlCounter counter = new SqlCounter();
    private final ConfigurableApplicationContext context;
    private final CommandGateway commands;
    private final InboxProjection inbox;
    private final RequestViewProjection requests;
    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;
    private final LongAdder approvals = new LongAdder();
    private final LongAdder commandNanos = new LongAdder();
    private final LongAdder inboxNanos = new LongAdder();

    private record OpenStep(RequestId request, StepId step, PersonId approver) {
    }

    private final boolean sealed;

    public MandateSystem(Database database, File dataDir) {
        this(database, dataDir, true);
    }

    /**
     * {@code sealed = false}: the event store writes personal fields in clear (the event serializer replaced by the
     * plain message serializer, as before docs/privacy.md's sealing), to measure what sealing costs in one run.
     */
    public MandateSystem(Database database, File dataDir, boolean sealed) {
        MandateApplication.noPhoneHome();
        this.sealed = sealed;
        SpringApplication application = new SpringApplication(MandateApplication.class);
        application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(countingDataSource()));
        if (!sealed) {
            application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(
                    new BeanPostProcessor() {
                        @Override
                        public Object postProcessAfterInitialization(Object bean, String beanName) {
                            return beanName.equals("eventSerializer") ? context.getBean("messageSerializer") : bean;
                        }
                    }));
        }
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
        if (!sealed) {
            // a second Mandate in this JVM: its engine needs a name of its own in Camunda's static registry
            args.add("--camunda.bpm.process-engine-name=clear");
        }
        context = application.run(args.toArray(String[]::new));
        commands = context.getBean(CommandGateway.class);
        inbox = context.getBean(InboxProjection.class);
        requests = context.getBean(RequestViewProjection.class);
        jdbc = context.getBean(JdbcTemplate.class);
        progress = context.getBean(ProjectionProgress.class);
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
        return sealed ? "Mandate" : CLEAR;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void approve(int n) {
        RequestId id = submit(n);
        for (String approver : ApprovalSystem.approvers(n)) {
            long reading = System.nanoTime();
            OpenStep step = inInbox(id, PersonId.of(approver));
            long deciding = System.nanoTime();
            commands.sendAndWait(new DecideStep(id, step.step(), step.approver(), Outcome.APPROVED, "bench"));
            inboxNanos.add(deciding - reading);
            commandNanos.add(System.nanoTime() - deciding);
        }
        approvals.increment();
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
        long submitting = System.nanoTime();
        commands.sendAndWait(new SubmitRequest(id, "Bench request " + n, "equipment",
                Money.of(BigDecimal.valueOf(ApprovalSystem.amount(n)), "EUR"), null, REQUESTER, null));
        commandNanos.add(System.nanoTime() - submitting);
        return id;
    }

    /**
     * Where an approval's time went since the last call, in milliseconds per approval: running the commands (their
     * transactions, with the engine and the inline read models) and reading the inbox.
     */
    public Map<String, Double> timePerApproval() {
        long count = Math.max(1, approvals.sumThenReset());
        return Map.of("commands", commandNanos.sumThenReset() / 1e6 / count,
                "inbox reads", inboxNanos.sumThenReset() / 1e6 / count);
    }

    private OpenStep inInbox(RequestId id, PersonId approver) {
        return inbox.inboxOf(approver.value()).stream()
                .filter(item -> item.requestId().equals(id.toString()))
                .map(InboxItem::stepId).map(step -> new OpenStep(id, new StepId(step), approver)).findFirst()
                .orElseThrow(() -> new IllegalStateException("request " + id + " is not in " + approver + "'s inbox"));
    }

    /**
     * Waits until every segment of these tracking projections has processed the event at {@code globalIndex}, with
     * the app's own {@link ProjectionProgress#awaitProcessed}; one that falls behind by more than {@code limit} fails
     * the run.
     */
    public void awaitProjections(Collection<String> projections, long globalIndex, Duration limit) {
        if (!progress.awaitProcessed(projections, globalIndex, limit)) {
            throw new IllegalStateException("projections " + projections + " did not reach event " + globalIndex
                    + " within " + limit);
        }
    }

    /**
     * Waits until every running background projection (audit trail, ledger, insights and the like) has processed the
     * newest stored event, so that the work the last commands left them is not done on the next measurement's time.
     */
    @Override
    public void settle() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        List<String> running = streamingProcessors().stream()
                .filter(processor -> processor.isRunning() && !processor.isError())
                .map(StreamingEventProcessor::getName).toList();
        if (head != null) {
            awaitProjections(running, head, Duration.ofMinutes(1));
        }
    }

    public List<StreamingEventProcessor> streamingProcessors() {
        return context.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
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

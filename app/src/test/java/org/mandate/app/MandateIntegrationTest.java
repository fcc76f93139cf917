package org.mandate.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.mandate.app.projection.ProjectionProgress;
import org.mandate.app.security.Credentials;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.JoinPerson;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Base of every test that needs the whole application: the real event store, engine and projections on an
 * H2 file database of its own, with the demo school. All subclasses share one Spring context (the app takes
 * ~15 s to start on two cores), so add no {@code @MockBean} or property overrides in subclasses.
 */
@SpringBootTest(classes = MandateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests drop metrics exporters by default; /actuator/prometheus is part of what the suite checks
@AutoConfigureObservability
public abstract class MandateIntegrationTest {

    private static final String DATA_DIR = new File("target/test-data/" + UUID.randomUUID()).getAbsolutePath();

    /** The scrape account's password in tests; its user name is the default, {@code prometheus}. */
    protected static final String SCRAPE_PASSWORD = "scrape-in-tests";

    /** The one category with a retention period in tests (a second): only RetentionIntegrationTest submits to it. */
    protected static final String RETENTION_CHECK = "retention-check";

    /**
     * A real SMTP server in this JVM, for every integration test: mail is on in the shared context (spring.mail.host
     * is set), as it is in production, and the mail tests read what arrived. It accepts mail for any address.
     */
    protected static final GreenMail MAIL = startMail();

    /**
     * A chat channel's incoming webhook in this JVM, for every integration test: chat is on in the shared context
     * (Slack's shape), and the chat tests read what was posted.
     */
    protected static final ChatReceiver CHAT = ChatReceiver.start();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private ProjectionProgress progress;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private CommandGateway hiring;

    @Autowired
    private Credentials passwords;

    @BeforeAll
    static void noPhoneHome() {
        MandateApplication.noPhoneHome();
    }

    /** The test after which a tracking processor was first found stuck; later tests then wait no more. */
    private static volatile String stuckAfter;

    /**
     * Every running tracking processor catches up after each test. One stuck on an event it cannot handle retries it
     * for ever, and everything after it in the shared context goes without its mail, trail or publishing: a mention
     * mail test failed that way for three CI runs, far from the committee vote that had stopped the mail outbox.
     * Checked here, the test that left it so fails, naming the processor; the tests after it fail at once.
     */
    @AfterEach
    void everyTrackingProcessorCatchesUp(org.junit.jupiter.api.TestInfo test) {
        long head = progress.head();
        List<String> running = progress.projections().stream().filter(name -> processing
                .eventProcessor(name, StreamingEventProcessor.class).map(EventProcessor::isRunning).orElse(false))
                .toList();
        Duration patience = stuckAfter == null ? Duration.ofSeconds(30) : Duration.ZERO;
        if (progress.awaitProcessed(running, head, patience)) {
            stuckAfter = null;
            return;
        }
        if (stuckAfter == null) {
            stuckAfter = test.getDisplayName() + " in " + getClass().getSimpleName();
        }
        Map<String, Long> behind = new TreeMap<>();
        progress.segments().forEach((name, positions) -> {
            long lag = ProjectionProgress.lag(positions, head);
            if (running.contains(name) && lag > 0) {
                behind.put(name, lag);
            }
        });
        throw new AssertionError("Tracking processors behind the store's head (" + head + ") by this many events: "
                + behind + ", stuck since " + stuckAfter + ". One may be retrying an event it fails on: look for "
                + "the WARN 'Error occurred. Starting retry mode.' in that test's output.");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        MandateApplication.noPhoneHome();
        properties.add("mandate.data-dir", () -> DATA_DIR);
        // every test waits for the background projections to catch up after it (everyTrackingProcessorCatchesUp):
        // production's one-second linger would add up to a second to each of ~500 tests
        properties.add("mandate.projections.linger", () -> "100ms");
        properties.add("mandate.demo", () -> "true");
        properties.add("mandate.metrics.password", () -> SCRAPE_PASSWORD);
        // webhooks to a receiver on 127.0.0.1, on a schedule short enough to watch a delivery get parked
        properties.add("mandate.webhooks.require-https", () -> "false");
        properties.add("mandate.webhooks.allow-private-addresses", () -> "true");
        properties.add("mandate.webhooks.initial-delay", () -> "100ms");
        properties.add("mandate.webhooks.max-delay", () -> "200ms");
        properties.add("mandate.webhooks.give-up-after", () -> "1500ms");
        properties.add("mandate.webhooks.timeout", () -> "2s");
        properties.add("mandate.webhooks.poll-interval", () -> "50ms");
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        properties.add("mandate.public-url", () -> "http://mandate.test");
        properties.add("mandate.mail.poll-interval", () -> "200ms");
        properties.add("mandate.mail.reminder-interval", () -> "500ms");
        properties.add("mandate.mail.retry-delay", () -> "200ms");
        properties.add("mandate.chat.url", CHAT::url);
        properties.add("mandate.chat.format", () -> "slack");
        properties.add("mandate.chat.poll-interval", () -> "200ms");
        properties.add("mandate.chat.retry-delay", () -> "200ms");
        properties.add("mandate.chat.timeout", () -> "2s");
        // login throttling with delays short enough to wait out in a test; every test calls from 127.0.0.1, so the
        // per-address count is set out of reach here (LoginThrottleTest covers it)
        properties.add("mandate.security.login-throttle.first-delay", () -> "300ms");
        properties.add("mandate.security.login-throttle.max-delay", () -> "600ms");
        properties.add("mandate.security.login-throttle.address-free-failures", () -> "100000");
        // retention (RetentionIntegrationTest): a category only that test submits to, kept one second after closing;
        // no default period, so every other test's requests are kept as in production
        properties.add("mandate.privacy.retention." + RETENTION_CHECK, () -> "1s");
    }

    private static GreenMail startMail() {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** An API client logged in as one of the demo people (password {@code demo}). */
    protected Api as(String person) {
        return new Api(port, person, "demo");
    }

    /**
     * Puts {@code key} on the managed list of categories (issue 25), as the admin would, if it is not there yet: a test
     * that binds a path to a category of its own must name one that requests can carry. The demo school's categories
     * (DemoOrganisation.CATEGORIES) are there already.
     */
    protected void category(String key) {
        Api.Response added = as("ivy").post("/api/categories", Map.of("key", key, "name", "Test " + key));
        if (added.status() != 201 && added.status() != 409) {
            throw new AssertionError("Could not add the category '" + key + "': " + added);
        }
    }

    /** How many events the store holds: a refused command must leave this unchanged. */
    protected long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** The id of the one open step of a request, as its participants see it. */
    protected String openStep(Api viewer, String requestId) {
        for (var step : viewer.get("/api/requests/" + requestId).json().path("steps")) {
            if (step.path("status").asText().equals("OPEN")) {
                return step.path("id").asText();
            }
        }
        throw new AssertionError("request " + requestId + " has no open step");
    }

    /**
     * A new person of the test's own in the demo school, which every test shares, with the password {@code demo};
     * {@code manager} may be null.
     */
    protected void join(String id, String name, String manager, Set<Role> roles, Authority authority) {
        hiring.sendAndWait(new JoinPerson(PersonId.of(id), name, "Test hire",
                manager == null ? null : PersonId.of(manager), roles, authority));
        passwords.set(id, "demo");
    }

    protected Api anonymous() {
        return new Api(port, null, null);
    }
}

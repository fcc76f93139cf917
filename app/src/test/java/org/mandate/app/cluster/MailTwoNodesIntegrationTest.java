package org.mandate.app.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mandate.app.mail.ReceivedMail;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two real app processes on one PostgreSQL database, both sending mail to one SMTP server in the test JVM: each
 * mail goes once although both dispatchers look for it. Then the node holding the outbox is killed (kill -9) while
 * mail is flowing: the survivor sends every mail, and a mail the dead node had handed to the server but not yet
 * marked sent goes at most once more.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class MailTwoNodesIntegrationTest {

    private static final Duration STARTUP = Duration.ofMinutes(6);
    private static final List<String> SETTINGS = List.of(
            "--mandate.cluster.heartbeat=1s", "--mandate.cluster.release-for=4s",
            "--axon.eventhandling.tokenstore.claim-timeout=3s",
            "--axon.eventhandling.processors.mail-outbox.token-claim-interval=1000",
            "--logging.level.root=WARN", "--logging.level.org.mandate=INFO",
            "--spring.mail.host=127.0.0.1", "--mandate.public-url=http://mandate.test",
            "--mandate.mail.poll-interval=50ms", "--mandate.mail.claim-for=3s");

    private static final List<AppNode> nodes = new ArrayList<>();
    private static ClusterDatabase database;
    private static GreenMail mail;
    private static Path classpath;

    @BeforeAll
    static void freshDatabaseAndMailServer() throws Exception {
        database = ClusterDatabase.create("mandate_mail");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        classpath = Files.createTempDirectory("mandate-mail-nodes");
    }

    @AfterAll
    static void stop() throws Exception {
        for (AppNode node : nodes) {
            node.kill();
        }
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void twoNodesSendEachMailOnce_andAKilledNodeLosesNoneAndRepeatsAtMostOne() throws Exception {
        AppNode a = start("mail-a", "--mandate.demo=true", "--mandate.demo-story=false");
        AppNode b = start("mail-b", "--mandate.demo=false");

        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String title = "Chalk " + run + "-" + i;
            (i % 2 == 0 ? a : b).as("ana").submit(title, "supplies", 50 + i);
            titles.add(title);
        }
        Map<String, Long> sent = awaitAll(titles);
        awaitNothingPending();
        Thread.sleep(500); // a few more polls of both dispatchers: a second send would show now
        sent = counts(titles);
        assertThat(sent).as("each mail once, from two nodes").allSatisfy((title, count) -> assertThat(count)
                .isEqualTo(1));

        // the node holding the outbox's token dies while the next mails are being sent
        AppNode outboxNode = ownerOfOutbox(a, b);
        AppNode survivor = outboxNode == a ? b : a;
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String title = "Chalk " + run + "-late-" + i;
            survivor.as("ana").submit(title, "supplies", 80 + i);
            more.add(title);
        }
        waitFor().atMost(Duration.ofMinutes(1)).until(() -> counts(more).values().stream().anyMatch(n -> n > 0));
        outboxNode.kill();

        Map<String, Long> afterKill = awaitAll(more);
        awaitNothingPending();
        Thread.sleep(500);
        afterKill = counts(more);
        long duplicates = afterKill.values().stream().mapToLong(n -> n - 1).sum();
        System.out.println("[mail-two-nodes] after kill -9 of " + outboxNode.name + ": " + more.size()
                + " mails, " + duplicates + " sent twice");
        assertThat(afterKill).as("none lost, none more than twice").allSatisfy((title, count) ->
                assertThat(count).isBetween(1L, 2L));
        assertThat(sent).hasSize(20);
    }

    /**
     * Awaitility fails an await on any thread's uncaught exception; a node killed in the middle of an SMTP DATA
     * makes GreenMail's handler thread throw "Unexpected end of stream", which is the very situation under test.
     */
    private static org.awaitility.core.ConditionFactory waitFor() {
        return await().dontCatchUncaughtExceptions();
    }

    private Map<String, Long> awaitAll(List<String> titles) {
        waitFor().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> counts(titles).values().stream().allMatch(n -> n > 0));
        return counts(titles);
    }

    private static Map<String, Long> counts(List<String> titles) {
        List<ReceivedMail> received = ReceivedMail.to(mail, "sofia@school.example");
        return titles.stream().collect(Collectors.toMap(Function.identity(), title -> received.stream()
                .filter(m -> m.subject().contains("‘" + title + "’")).count()));
    }

    private void awaitNothingPending() {
        waitFor().atMost(Duration.ofMinutes(1)).until(() -> {
            try (Connection db = database.connect(); ResultSet rows = db.createStatement().executeQuery(
                    "select count(*) from mail_notice where status = 'PENDING'")) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        });
    }

    /** The node whose JVM holds the mail outbox's token ("pid@host"). */
    private static AppNode ownerOfOutbox(AppNode a, AppNode b) throws SQLException {
        try (Connection db = database.connect(); ResultSet rows = db.createStatement().executeQuery(
                "select owner from token_entry where processor_name = 'mail-outbox' and owner is not null")) {
            while (rows.next()) {
                String owner = rows.getString(1);
                if (owner.startsWith(a.tokenOwnerPrefix())) {
                    return a;
                }
                if (owner.startsWith(b.tokenOwnerPrefix())) {
                    return b;
                }
            }
        }
        return a;
    }

    private AppNode start(String name, String... settings) throws Exception {
        List<String> all = new ArrayList<>(SETTINGS);
        all.add("--spring.mail.port=" + mail.getSmtp().getPort());
        all.addAll(List.of(settings));
        AppNode node = AppNode.start(name, classpath, database.url(), all);
        nodes.add(node);
        waitFor().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).until(node::isReady);
        return node;
    }
}

package org.mandate.app.outage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.UnexpectedRollbackException;

import java.io.IOException;
import java.sql.SQLException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure no rule recognises is answered as an outage exactly when the database does not answer either, or was
 * found out of reach while the call ran: the database is asked there and then, on a connection of the probe's own.
 */
class OutageAnswersTest {

    /** What a transaction marked rollback-only by a part that swallowed the connection error leaves behind. */
    private static final RuntimeException UNRECOGNISED =
            new UnexpectedRollbackException("Transaction silently rolled back because it has been marked as rollback-only");

    @Test
    void anUnrecognisedFailureWhileTheDatabaseAnswersIsNoOutage() {
        DatabaseProbe probe = probe("jdbc:h2:mem:outage-answers;DB_CLOSE_DELAY=-1");
        try {
            assertThat(answers(probe).unexplained(UNRECOGNISED, Instant.now()))
                    .isNull();
        } finally {
            probe.stop();
        }
    }

    @Test
    void anUnrecognisedFailureWhileTheDatabaseIsOutOfReachIsAnsweredAsAnOutage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseProbe probe = probe("jdbc:postgresql://127.0.0.1:" + closedPort + "/mandate");
        try {
            ResponseEntity<ProblemDetail> answer = answers(probe)
                    .unexplained(UNRECOGNISED, Instant.now());
            assertThat(answer).isNotNull();
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getBody().getType()).isEqualTo(Unavailable.DATABASE_UNREACHABLE);
            assertThat(answer.getBody().getDetail()).isNotBlank();
            assertThat(probe.reachable()).isFalse();
        } finally {
            probe.stop();
        }
    }

    @Test
    void anUnrecognisedFailureOfACallThatSawTheDatabaseGoAndComeBackIsAnsweredAsAnOutage() throws IOException, SQLException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Instant callStarted = Instant.now();
        DatabaseProbe probe = probe("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:outage-answers-back");
        Server server = null;
        try {
            assertThat(probe.answersNow()).as("the database's server is not up yet").isFalse();
            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
            ResponseEntity<ProblemDetail> answer = answers(probe).unexplained(UNRECOGNISED, callStarted);
            assertThat(probe.reachable()).as("the database answers when the failure is read").isTrue();
            assertThat(answer).isNotNull();
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getBody().getType()).isEqualTo(Unavailable.DATABASE_UNREACHABLE);

            assertThat(answers(probe).unexplained(UNRECOGNISED, Instant.now()))
                    .as("a call that started once the database was back is no outage").isNull();
        } finally {
            probe.stop();
            if (server != null) {
                server.stop();
            }
        }
    }

    private static OutageAnswers answers(DatabaseProbe probe) {
        return new OutageAnswers(probe, new ObjectMapper(), new DatabaseSettings(null, null, null, null));
    }

    private static DatabaseProbe probe(String url) {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl(url);
        properties.setUsername("postgres");
        properties.setPassword("");
        JdbcDataSource pool = new JdbcDataSource();
        pool.setURL(url);
        // one look at start, then only when asked: the next scheduled look is an hour away
        return new DatabaseProbe(pool, properties, Clock.systemUTC(), event -> { },
                new DatabaseSettings(Duration.ofHours(1), null, null, null));
    }
}

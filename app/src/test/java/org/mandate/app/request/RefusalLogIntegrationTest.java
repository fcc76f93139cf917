package org.mandate.app.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mandate.app.MandateIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.app.request.ApprovalPathIntegrationTest.decision;

/** A refusal is the system working: one INFO line (who, what, why), never a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogIntegrationTest extends MandateIntegrationTest {

    @Test
    void aRefusedCommandIsOneInfoLineWithoutAStackTrace(CapturedOutput log) {
        String request = as("ana").submit("Refusal log", "equipment", 300);
        String step = openStep(as("ana"), request);
        int before = log.getOut().length();

        assertThat(as("ben").post(decision(request, step), Map.of("outcome", "APPROVED")).status()).isEqualTo(403);
        assertThat(as("ana").post("/api/requests", Map.of("title", "Too much", "category", "trip",
                "amount", 150_000, "currency", "EUR")).status()).isEqualTo(400);
        assertThat(as("ana").post("/api/requests/" + request + "/withdrawal", Map.of()).status()).isEqualTo(200);
        assertThat(as("ana").post("/api/requests/" + request + "/withdrawal", Map.of()).status()).isEqualTo(409);
        assertThat(as("ivy").post("/api/people/nobody-" + request + "/departure", Map.of()).status())
                .as("a rule a controller checks itself, before any command").isEqualTo(404);

        String during = log.getOut().substring(before);
        assertThat(during).contains("INFO", "Refused DecideStep by 'ben': FORBIDDEN",
                "Refused SubmitRequest by 'ana': INVALID", "Refused WithdrawRequest by 'ana': CONFLICT",
                "Refused POST /api/people/nobody-" + request + "/departure by 'ivy': NOT_FOUND");
        assertThat(during.lines().filter(line -> line.contains("Refused"))).as("one line per refusal").hasSize(4);
        assertThat(during.lines().filter(line -> line.startsWith("\tat ") || line.contains("RuleViolation:")))
                .as("no stack trace for a refusal").isEmpty();
        assertThat(during.lines().filter(line -> (line.contains(" WARN ") || line.contains(" ERROR "))
                && (line.contains("Exception") || line.contains("AbstractRepository") || line.contains("Refused"))))
                .as("nothing above INFO").isEmpty();
    }
}

package org.mandate.app.process;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.processes.deployment.DeployedVersion;
import org.mandate.processes.deployment.ProcessDeployer;
import org.mandate.processes.deployment.ShippedPaths;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped path's deployment and default binding are made once, however often or wherever the app starts. */
class ShippedPathsIntegrationTest extends MandateIntegrationTest {

    @Autowired
    ShippedPaths shippedPaths;
    @Autowired
    ProcessDeployer deployer;
    @Autowired
    RepositoryService repository;

    @Test
    void startingAgainDeploysAndBindsNothing() {
        long events = eventCount();

        shippedPaths.install();

        assertThat(eventCount()).isEqualTo(events);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("approval").count()).isEqualTo(1);
    }

    /** Two nodes starting at once: the engine's deployment lock orders them, its duplicate filter drops the second. */
    @Test
    void twoStartsAtOnceDeployAShippedPathOnce() throws Exception {
        byte[] file = ProcessDeploymentIntegrationTest.path("twin-path", "Approval").getBytes(StandardCharsets.UTF_8);
        CountDownLatch ready = new CountDownLatch(2);
        List<CompletableFuture<Optional<DeployedVersion>>> starts = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            starts.add(CompletableFuture.supplyAsync(() -> {
                ready.countDown();
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return deployer.deployShipped(file);
            }));
        }

        long deployed = starts.stream().map(CompletableFuture::join).filter(Optional::isPresent).count();

        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("twin-path").count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, "process-path:twin-path")).isEqualTo(1);
        assertThat(deployed).isEqualTo(1);
    }
}

package org.mandate.processes.deployment;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.domain.binding.BindDefaultPath;
import org.mandate.processes.approval.ApprovalPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * At every start, before anything submits a request: records engine versions the event store lacks, deploys the
 * shipped approval path through Mandate's validation if its key is new, and binds it to any category if nothing was
 * ever bound. Each step is a no-op when done before, on this node or another, so restarts change nothing. Camunda's
 * own classpath deployment is off (camunda.bpm.auto-deployment-enabled), so no other file becomes a path.
 */
public class ShippedPaths {

    static final String SHIPPED_FILE = "bpmn/approval.bpmn";
    private static final Logger log = LoggerFactory.getLogger(ShippedPaths.class);

    private final EngineVersionsRecorder recorder;
    private final ProcessDeployer deployer;
    private final CommandGateway commands;

    public ShippedPaths(EngineVersionsRecorder recorder, ProcessDeployer deployer, CommandGateway commands) {
        this.recorder = recorder;
        this.deployer = deployer;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void install() {
        recorder.recordUnrecordedVersions();
        deployer.deployShipped(shippedFile()).ifPresent(deployed ->
                log.info("Deployed the shipped path '{}' as version {}", deployed.key(), deployed.version()));
        try {
            commands.sendAndWait(new BindDefaultPath(ApprovalPath.DEFAULT_KEY));
        } catch (RuntimeException e) {
            // another node bound it at the same moment: the event store let one of them through
            log.warn("Could not bind the shipped path by default: {}", e.getMessage());
        }
    }

    private static byte[] shippedFile() {
        try (InputStream in = new ClassPathResource(SHIPPED_FILE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

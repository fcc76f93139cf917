package org.mandate.processes.deployment;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.mandate.domain.process.DeployProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Records, once the application is ready, every engine version the event store does not know yet: versions in a
 * database that predates this recording, such as the approval.bpmn that Camunda's starter used to deploy from the
 * classpath before Mandate turned that off. Runs on every start; {@code ProcessPath} ignores versions it already
 * holds, so a restart or a second node records nothing twice.
 */
public class EngineVersionsRecorder {

    private static final Logger log = LoggerFactory.getLogger(EngineVersionsRecorder.class);

    private final RepositoryService repository;
    private final CommandGateway commands;

    public EngineVersionsRecorder(RepositoryService repository, CommandGateway commands) {
        this.repository = repository;
        this.commands = commands;
    }

    /** Called by ShippedPaths at startup, before the shipped path is deployed. */
    public void recordUnrecordedVersions() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().asc().list()) {
            try {
                commands.sendAndWait(new DeployProcess(definition.getKey(), definition.getVersion(),
                        definition.getId(), null, Checksums.sha256(model(definition))));
            } catch (RuntimeException e) {
                // another node recording the same version at the same moment; it will have recorded it
                log.warn("Could not record version {} of process '{}': {}", definition.getVersion(),
                        definition.getKey(), e.getMessage());
            }
        }
    }

    private byte[] model(ProcessDefinition definition) {
        try (InputStream in = repository.getProcessModel(definition.getId())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.mandate.processes.deployment;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.mandate.domain.Refusals;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.process.DeployProcess;
import org.mandate.processes.validation.BpmnProblem;
import org.mandate.processes.validation.BpmnValidation;
import org.mandate.processes.validation.BpmnValidator;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

/**
 * Deploys a validated file and records it. The engine deployment and the {@code ProcessDeployed} event share one
 * transaction: if recording fails (e.g. a concurrent deployment of the same key), the engine deployment rolls back.
 */
public class ProcessDeployer {

    /** Marks deployments made here, to tell them apart from the ones the application ships with. */
    static final String SOURCE = "mandate-modeler";

    private final BpmnValidator validator;
    private final RepositoryService repository;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final ProcessCatalogue catalogue;

    public ProcessDeployer(BpmnValidator validator, RepositoryService repository, CommandGateway commands,
                           TransactionTemplate transactions, ProcessCatalogue catalogue) {
        this.validator = validator;
        this.repository = repository;
        this.commands = commands;
        this.transactions = transactions;
        this.catalogue = catalogue;
    }

    public DeployedVersion deploy(byte[] bpmn, PersonId deployedBy) {
        BpmnValidation validation = validator.validate(bpmn);
        if (!validation.valid()) {
            throw new ProcessRefused(validation.problems());
        }
        String key = validation.processKey();
        String checksum = Checksums.sha256(bpmn);
        return transactions.execute(status -> {
            refuseUnchanged(key, checksum);
            ProcessDefinition definition = deployToEngine(key, bpmn).orElseThrow(() -> unchanged(key));
            return record(definition, deployedBy, checksum);
        });
    }

    /**
     * Deploys a path that ships with the application, through the same validation, the first time its key is
     * seen; afterwards the path is its process owners' to change. Several nodes starting at once deploy it once:
     * the first version is the only one this may create, and the event store takes one {@code ProcessDeployed} for
     * it (the path's stream is appended at one position), so the node that loses rolls its engine deployment back.
     * (Camunda's deployment lock, which would order them first, is skipped on H2.)
     */
    public Optional<DeployedVersion> deployShipped(byte[] bpmn) {
        BpmnValidation validation = validator.validate(bpmn);
        if (!validation.valid()) {
            throw new ProcessRefused(validation.problems());
        }
        String key = validation.processKey();
        try {
            return transactions.execute(status -> {
                if (catalogue.latest(key).isPresent()) {
                    return Optional.<DeployedVersion>empty();
                }
                Optional<ProcessDefinition> deployed = deployToEngine(key, bpmn);
                if (deployed.isEmpty() || deployed.get().getVersion() != 1) {
                    status.setRollbackOnly(); // another node's deployment came first
                    return Optional.<DeployedVersion>empty();
                }
                return Optional.of(record(deployed.get(), null, Checksums.sha256(bpmn)));
            });
        } catch (RuntimeException e) {
            if (catalogue.latest(key).isPresent()) {
                return Optional.empty(); // recorded by another node at the same moment
            }
            throw e;
        }
    }

    private DeployedVersion record(ProcessDefinition definition, PersonId deployedBy, String checksum) {
        commands.sendAndWait(new DeployProcess(definition.getKey(), definition.getVersion(), definition.getId(),
                deployedBy, checksum));
        return new DeployedVersion(definition.getKey(), definition.getVersion(), definition.getId(),
                definition.getName());
    }

    private static RuleViolation unchanged(String key) {
        return Refusals.conflict("deployment.unchanged", key);
    }

    private void refuseUnchanged(String key, String checksum) {
        Optional<PathVersion> latest = catalogue.latest(key);
        if (latest.isPresent() && catalogue.xml(key, latest.get().version())
                .map(Checksums::sha256).filter(checksum::equals).isPresent()) {
            throw Refusals.conflict("deployment.sameAsVersion", String.valueOf(latest.get().version()), key);
        }
    }

    /** Empty when the engine already holds exactly this file as the latest deployment of the key. */
    private Optional<ProcessDefinition> deployToEngine(String key, byte[] bpmn) {
        try {
            List<ProcessDefinition> deployed = repository.createDeployment()
                    .name(key)
                    .source(SOURCE)
                    .enableDuplicateFiltering(false)
                    .addInputStream(key + ".bpmn", new ByteArrayInputStream(bpmn))
                    .deployWithResult()
                    .getDeployedProcessDefinitions();
            return deployed == null || deployed.isEmpty() ? Optional.empty() : Optional.of(deployed.get(0));
        } catch (ParseException e) {
            // the allowlist passed but the engine still found the file unusable; report it the same way
            List<BpmnProblem> problems = e.getResorceReports().stream()
                    .flatMap(report -> report.getErrors().stream())
                    .map(problem -> engineProblem(problem.getMainElementId(),
                            problem.getMessage() + (problem.getMessage().endsWith(".") ? "" : ".")))
                    .toList();
            throw new ProcessRefused(problems.isEmpty() ? List.of(engineProblem(null, e.getMessage())) : problems);
        }
    }

    /** The engine's own words stay English; the code lets a page say the rest in its language. */
    private static BpmnProblem engineProblem(String elementId, String why) {
        return new BpmnProblem(elementId, "The engine cannot run this: " + why, "engine.refused", null, null,
                List.of(String.valueOf(why)), null);
    }
}

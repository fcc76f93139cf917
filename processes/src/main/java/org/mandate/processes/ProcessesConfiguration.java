package org.mandate.processes;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.mandate.domain.committee.Committees;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.OpenWork;
import org.mandate.domain.mandate.Mandates;
import org.mandate.domain.request.OpenVotes;
import org.mandate.domain.request.WaitingForAnswers;
import org.mandate.processes.approval.ApprovalPath;
import org.mandate.processes.approval.StepRouting;
import org.mandate.processes.bridge.EngineBridge;
import org.mandate.processes.bridge.SendBackBridge;
import org.mandate.processes.bridge.EngineFactsPlugin;
import org.mandate.processes.departure.DepartureHandover;
import org.mandate.processes.binding.PathBinder;
import org.mandate.processes.deployment.EngineVersionsRecorder;
import org.mandate.processes.deployment.ProcessCatalogue;
import org.mandate.processes.deployment.ProcessDeployer;
import org.mandate.processes.deployment.ShippedPaths;
import org.mandate.processes.validation.BpmnValidator;
import org.mandate.processes.validation.ValidationLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The engine side of Mandate: the bridge, the listeners and the only beans BPMN expressions may call. */
@Configuration(proxyBeanMethods = false)
public class ProcessesConfiguration {

    @Bean
    EngineBridge engineBridge(RuntimeService runtime, TaskService tasks) {
        return new EngineBridge(runtime, tasks);
    }

    @Bean
    SendBackBridge sendBackBridge(TaskService tasks, ManagementService management) {
        return new SendBackBridge(tasks, management);
    }

    @Bean
    DepartureHandover departureHandover(@Lazy CommandGateway commands, OpenWork work, Directory directory,
                                        Mandates mandates, Committees committees, OpenVotes votes,
                                        WaitingForAnswers waiting, Clock clock) {
        return new DepartureHandover(commands, work, directory, mandates, committees, votes, waiting, clock);
    }

    @Bean
    StepRouting stepRouting(Directory directory) {
        return new StepRouting(directory);
    }

    /** The command gateway is lazy: the engine starts before Axon's command bus is ready. */
    @Bean
    EngineFactsPlugin engineFactsPlugin(@Lazy CommandGateway commands, @Lazy StepRouting routing) {
        return new EngineFactsPlugin(commands, Map.of(ApprovalPath.ROUTING_BEAN, routing));
    }

    @Bean
    BpmnValidator bpmnValidator(@Value("${mandate.processes.max-file-size:512KB}") DataSize maxSize,
                                @Value("${mandate.processes.minimum-timer:PT5M}") Duration minimumTimer,
                                Committees committees) {
        return new BpmnValidator(new ValidationLimits((int) maxSize.toBytes(), minimumTimer), committees);
    }

    @Bean
    ProcessCatalogue processCatalogue(RepositoryService repository, RuntimeService runtime) {
        return new ProcessCatalogue(repository, runtime);
    }

    @Bean
    ProcessDeployer processDeployer(BpmnValidator validator, RepositoryService repository, CommandGateway commands,
                                    PlatformTransactionManager transactions, ProcessCatalogue catalogue) {
        return new ProcessDeployer(validator, repository, commands, new TransactionTemplate(transactions), catalogue);
    }

    @Bean
    ShippedPaths shippedPaths(RepositoryService repository, CommandGateway commands, ProcessDeployer deployer) {
        return new ShippedPaths(new EngineVersionsRecorder(repository, commands), deployer, commands);
    }

    @Bean
    PathBinder pathBinder(ProcessCatalogue catalogue, BpmnValidator validator, CommandGateway commands) {
        return new PathBinder(catalogue, validator, commands);
    }
}

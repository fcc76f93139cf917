package org.mandate.app.audit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.mandate.app.problem.AppRefusals;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The approval path a step ran on, read back from the engine's deployments (which are kept). A deployed version
 * never changes, so what is read once is cached.
 */
@Component
class ProcessPaths {

    private final RepositoryService repository;
    private final Map<String, Optional<BpmnModelInstance>> models = new ConcurrentHashMap<>();

    /** Lazy: touching the engine starts it, and it must not create its tables before Flyway has run. */
    ProcessPaths(@Lazy RepositoryService repository) {
        this.repository = repository;
    }

    /** The BPMN XML of a process definition id, as {@code StepOpened.pathVersion} records it. */
    String xml(String definitionId) {
        try (InputStream in = repository.getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NotFoundException | IOException e) {
            throw AppRefusals.notFound("refusal.audit.pathVersion", String.valueOf(definitionId));
        }
    }

    /** The id of the user task a step ran as, found by the step's name (or the task's id when it had none). */
    String elementOf(String definitionId, String stepName) {
        if (definitionId == null || stepName == null) {
            return null;
        }
        return model(definitionId).flatMap(model -> model.getModelElementsByType(UserTask.class).stream()
                .filter(task -> stepName.equals(task.getName()) || stepName.equals(task.getId()))
                .map(UserTask::getId).findFirst()).orElse(null);
    }

    private Optional<BpmnModelInstance> model(String definitionId) {
        return models.computeIfAbsent(definitionId, id -> {
            try {
                return Optional.ofNullable(repository.getBpmnModelInstance(id));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }
}

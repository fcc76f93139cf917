package org.mandate.app.request.web;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The BPMN of the path version a request runs on, and where on it the request stands now. Read from the engine
 * for the page only: users never reach the engine's own query or REST APIs.
 */
@Component
class PathDiagram {

    private final RepositoryService repository;
    private final TaskService tasks;

    PathDiagram(RepositoryService repository, TaskService tasks) {
        this.repository = repository;
        this.tasks = tasks;
    }

    /** The BPMN XML of that version, or of the key's newest version when the version is not known. */
    Optional<String> xml(String pathVersion, String processKey) {
        String definitionId = pathVersion;
        if (definitionId == null) {
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                    .latestVersion().singleResult();
            if (latest == null) {
                return Optional.empty();
            }
            definitionId = latest.getId();
        }
        try (InputStream model = repository.getProcessModel(definitionId)) {
            return Optional.of(new String(model.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProcessEngineException unknownVersion) {
            return Optional.empty(); // e.g. a version that was deleted from the engine since
        }
    }

    /** The BPMN element id of an open step's engine task, if it is open. */
    Optional<String> elementOf(String stepId) {
        return tasks.createTaskQuery().taskId(stepId).list().stream().findFirst()
                .map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey);
    }

    /** The BPMN element ids of the steps open now, each with who holds it (a person id); sorted by element id. */
    Map<String, String> activeElements(String requestId) {
        Map<String, String> holders = new TreeMap<>();
        tasks.createTaskQuery().processInstanceBusinessKey(requestId).list()
                // a committee vote's one task has no assignee: its voters are in the step list
                .forEach(task -> holders.merge(task.getTaskDefinitionKey(),
                        task.getAssignee() == null ? "committee vote" : task.getAssignee(),
                        (one, other) -> one + ", " + other));
        return holders;
    }
}

package org.mandate.processes.deployment;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * What the engine holds: keys, versions, their files and how many requests run on each. The only reader of
 * Camunda's repository outside the engine itself; users never reach Camunda's query API.
 */
public class ProcessCatalogue {

    private final RepositoryService repository;
    private final RuntimeService runtime;

    public ProcessCatalogue(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    public boolean isDeployed(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0;
    }

    /** The newest version of every path, by key. */
    public List<PathVersion> latestOfEach() {
        return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
                .stream().map(ProcessCatalogue::version).toList();
    }

    public Optional<PathVersion> latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list().stream()
                .findFirst().map(ProcessCatalogue::version);
    }

    public Optional<PathVersion> find(String key, int version) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
                .list().stream().findFirst().map(ProcessCatalogue::version);
    }

    /** Every version, oldest first. */
    public List<PathVersion> versions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().asc().list().stream().map(ProcessCatalogue::version).toList();
    }

    public Optional<byte[]> xml(String key, int version) {
        return find(key, version).map(found -> {
            try (InputStream in = repository.getProcessModel(found.engineDefinitionId())) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Requests still running on this version: they stay on it until they end. */
    public long runningOn(String engineDefinitionId) {
        return runtime.createProcessInstanceQuery().processDefinitionId(engineDefinitionId).count();
    }

    private static PathVersion version(ProcessDefinition definition) {
        return new PathVersion(definition.getKey(), definition.getVersion(), definition.getId(),
                definition.getName());
    }
}

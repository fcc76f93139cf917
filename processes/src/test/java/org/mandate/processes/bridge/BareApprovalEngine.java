package org.mandate.processes.bridge;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.processes.approval.ApprovalPath;
import org.mandate.processes.approval.StepRouting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shipped approval path on a bare engine in memory, for the bridge tests: no history, and no job executor, so
 * that timers fire only when a test says. Its steps are routed in a team where ana reports to sofia and everyone
 * else may approve up to 10000: ana's requests go to sofia.
 */
final class BareApprovalEngine {

    static final Directory TEAM = new Directory() {
        @Override
        public Optional<Person> find(PersonId id) {
            return Optional.of(id.value().equals("ana")
                    ? new Person(id, "ana", PersonId.of("sofia"), Set.of(), Authority.none(), true)
                    : new Person(id, id.value(), null, Set.of(), Authority.upTo(10_000), true));
        }

        @Override
        public List<Person> withRole(Role role) {
            return List.of();
        }

        @Override
        public List<Person> reportingTo(PersonId manager) {
            return manager.value().equals("sofia") ? List.of(find(PersonId.of("ana")).orElseThrow()) : List.of();
        }
    };

    private BareApprovalEngine() {
    }

    /** A new engine on the in-memory H2 database {@code database}, the approval path deployed. */
    static ProcessEngine start(String database) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(Map.of(ApprovalPath.ROUTING_BEAN, new StepRouting(TEAM)));
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/approval.bpmn").deploy();
        return engine;
    }
}

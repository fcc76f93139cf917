package org.mandate.bench.system;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.mandate.bench.db.Database;
import org.mandate.bench.db.SqlCounter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The baseline: what one would build without event sourcing. A plain Camunda 7 engine on its own fresh database
 * of the same kind, running Mandate's approval.bpmn through RuntimeService and TaskService, with the engine
 * settings Mandate uses (strong ids, job executor on) and a chosen history level.
 */
public final class CamundaSystem implements ApprovalSystem {

    private static final String PROCESS = "approval";

    private final SqlCounter counter = new SqlCounter();
    private final String history;
    private final HikariDataSource pool;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;

    public CamundaSystem(Database database, String history) {
        this.history = history;
        this.pool = database.pool("camunda-" + history);
        ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("baseline-" + history);
        configuration.setDataSource(counter.wrap(pool));
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(history);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(true);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setBeans(Map.of("routing", new BaselineRouting()));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("bench")
                .addClasspathResource("bpmn/approval.bpmn").deploy();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
    }

    @Override
    public String name() {
        return "Camunda (history " + history + ")";
    }

    @Override
    public void approve(int n) {
        String key = start(n);
        for (String approver : ApprovalSystem.approvers(n)) {
            tasks.complete(taskOf(key, approver).getId(), Map.of("outcome", "APPROVED"));
        }
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() != 0) {
            throw new IllegalStateException("process " + key + " did not end after its last approval");
        }
    }

    @Override
    public Object openStep(int n) {
        return taskOf(start(n), ApprovalSystem.approvers(n)[0]).getId();
    }

    @Override
    public void decide(Object step) {
        tasks.complete((String) step, Map.of("outcome", "APPROVED"));
    }

    /**
     * Leaves one task waiting in {@code approver}'s list, in the category and for the amount given, or (closed)
     * completes it straight away, as a request of 1500 in equipment that needs no finance check after it.
     */
    public void addStep(String approver, String category, BigDecimal amount, boolean closed) {
        String key = UUID.randomUUID().toString();
        runtime.startProcessInstanceByKey(PROCESS, key, Map.of("requester", "ana",
                "category", closed ? "equipment" : category, "amount", closed ? 1500.0 : amount.doubleValue(),
                BaselineRouting.APPROVER, approver));
        if (closed) {
            tasks.complete(taskOf(key, approver).getId(), Map.of("outcome", "APPROVED"));
        }
    }

    /** A person's task list the way a Camunda user would read it. */
    public List<Task> taskList(String approver) {
        return tasks.createTaskQuery().taskAssignee(approver).orderByTaskCreateTime().asc().list();
    }

    /** The same, narrowed to a category and a lowest amount, the largest amounts first (process variables). */
    public List<Task> taskList(String approver, String category, BigDecimal minAmount) {
        return tasks.createTaskQuery().taskAssignee(approver).processVariableValueEquals("category", category)
                .processVariableValueGreaterThanOrEquals("amount", minAmount.doubleValue())
                .orderByProcessVariable("amount", ValueType.DOUBLE).desc().list();
    }

    private String start(int n) {
        String key = UUID.randomUUID().toString();
        runtime.startProcessInstanceByKey(PROCESS, key, Map.of("requester", "ana", "category", "equipment",
                "amount", (double) ApprovalSystem.amount(n)));
        return key;
    }

    private Task taskOf(String businessKey, String approver) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskAssignee(approver)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("no task for " + approver + " in process " + businessKey);
        }
        return task;
    }

    @Override
    public SqlCounter counter() {
        return counter;
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}

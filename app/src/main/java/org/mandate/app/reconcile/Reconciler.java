package org.mandate.app.reconcile;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.ApprovalRequest;
import org.mandate.domain.request.RequestStatus;
import org.mandate.processes.approval.ApprovalPath;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares, for every request in the event store, its status and open steps with the engine: a running path
 * for each request in review and none for a closed one, and one engine task per open step with the same
 * assignee; and no open step held, lent out or on loan by someone who has left. Reads everything in one
 * repeatable-read transaction, so a request moving on while it runs is seen
 * either before or after, never half-way.
 */
@Component
public class Reconciler {

    /** What was checked and what did not match. */
    public record Report(int requestsChecked, int pathsChecked, List<Mismatch> mismatches) {
    }

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final TransactionTemplate snapshot;
    private final Directory directory;

    public Reconciler(JdbcTemplate jdbc, EventStore events, RuntimeService runtime, TaskService tasks,
                      ManagementService management, PlatformTransactionManager transactions, Directory directory) {
        this.management = management;
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
        this.runtime = runtime;
        this.tasks = tasks;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public Report reconcile() {
        return snapshot.execute(status -> compare());
    }

    private Report compare() {
        // the engine first: a request submitted after this point then has events but no path in our view,
        // which the snapshot prevents; on databases without snapshots it would show as a transient mismatch
        Map<String, ProcessInstance> paths = runtime.createProcessInstanceQuery().list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getBusinessKey, instance -> instance, (a, b) -> a));
        Map<String, List<Task>> tasksByPath = tasks.createTaskQuery().list().stream()
                .collect(Collectors.groupingBy(Task::getProcessInstanceId));
        // steps whose timers stand still: sent back and waiting (the bridge marks the task), or suspended timers
        Set<String> markedPaused = runtime.createVariableInstanceQuery().variableName(ApprovalPath.PAUSED_AT).list()
                .stream().map(VariableInstance::getTaskId).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> stoppedTimers = management.createJobQuery().timers().suspended().list().stream()
                .map(Job::getExecutionId).collect(Collectors.toSet());
        List<String> requests = jdbc.queryForList("select distinct aggregate_identifier from domain_event_entry "
                + "where type = ? order by aggregate_identifier", String.class, ApprovalRequest.class.getSimpleName());

        List<Mismatch> mismatches = new ArrayList<>();
        for (String requestId : requests) {
            RequestState state = RequestState.of(events.readEvents(requestId).asStream());
            ProcessInstance path = paths.remove(requestId);
            compare(requestId, state, path,
                    path == null ? List.of() : tasksByPath.getOrDefault(path.getId(), List.of()), mismatches);
            leftBehind(requestId, state, mismatches);
            pauses(requestId, state, path == null ? List.of() : tasksByPath.getOrDefault(path.getId(), List.of()),
                    markedPaused, stoppedTimers, mismatches);
        }
        paths.keySet().stream().sorted().forEach(businessKey -> mismatches.add(new Mismatch(businessKey,
                Mismatch.Kind.PATH_WITHOUT_REQUEST, "A path runs for '" + businessKey + "', which is no request "
                + "in the event store; delete that process instance if nothing else owns it.")));
        return new Report(requests.size(), requests.size() + paths.size(), List.copyOf(mismatches));
    }

    /** A step sent back waits with its timers stopped; every other step's timers run. */
    private static void pauses(String id, RequestState state, List<Task> pathTasks, Set<String> markedPaused,
                               Set<String> stoppedTimers, List<Mismatch> mismatches) {
        for (Task task : pathTasks) {
            if (!state.openSteps().containsKey(task.getId())) {
                continue;
            }
            boolean waits = state.pausedSteps().contains(task.getId());
            boolean stopped = markedPaused.contains(task.getId()) || stoppedTimers.contains(task.getExecutionId());
            if (waits && !markedPaused.contains(task.getId())) {
                mismatches.add(new Mismatch(id, Mismatch.Kind.PAUSE_DIFFERS, "Step " + task.getId() + " waits for "
                        + "the requester's answer but the engine does not know it is paused; its time limit may "
                        + "escalate it meanwhile."));
            } else if (!waits && stopped) {
                mismatches.add(new Mismatch(id, Mismatch.Kind.PAUSE_DIFFERS, "Step " + task.getId() + " is not "
                        + "waiting for an answer but its timers in the engine stand still, so it would never "
                        + "escalate; activate its timer jobs."));
            }
        }
    }

    /** Authority ends with a departure: a step whose decider or lender has left waits for someone who cannot act. */
    private void leftBehind(String id, RequestState state, List<Mismatch> mismatches) {
        state.openSteps().forEach((stepId, decider) -> {
            String lender = state.lenders().get(stepId);
            for (String person : lender == null ? List.of(decider) : List.of(lender, decider)) {
                if (directory.find(PersonId.of(person)).filter(Person::active).isEmpty()) {
                    mismatches.add(new Mismatch(id, Mismatch.Kind.STEP_HELD_BY_INACTIVE, "Step " + stepId + " is "
                            + (person.equals(lender) ? "lent out by " : "with ") + person + ", who has left, so "
                            + "nobody who may decide it has it. The requester can escalate it once it is overdue, "
                            + "or withdraw and submit it again; a departure recorded now hands every step on."));
                    return;
                }
            }
        });
    }

    private static void compare(String id, RequestState state, ProcessInstance path, List<Task> pathTasks,
                                List<Mismatch> mismatches) {
        boolean inReview = state.status() == RequestStatus.IN_REVIEW;
        if (inReview && path == null) {
            mismatches.add(new Mismatch(id, Mismatch.Kind.NO_RUNNING_PATH, "The request is in review but no "
                    + "approval path runs for it; withdraw it and submit it again, or restart its path."));
            return;
        }
        if (!inReview && path != null) {
            mismatches.add(new Mismatch(id, Mismatch.Kind.PATH_STILL_RUNNING, "The request is "
                    + state.status().name().toLowerCase() + " but its path still runs (instance " + path.getId()
                    + "); delete that process instance."));
            return;
        }
        Map<String, String> taskAssignees = new HashMap<>();
        pathTasks.forEach(task -> taskAssignees.put(task.getId(), task.getAssignee()));
        Set<String> stepIds = new TreeSet<>(state.openSteps().keySet());
        stepIds.addAll(taskAssignees.keySet());
        for (String vote : state.openVotes()) {
            stepIds.remove(vote);
            if (!taskAssignees.containsKey(vote)) {
                mismatches.add(new Mismatch(id, Mismatch.Kind.STEP_WITHOUT_TASK, "Committee vote " + vote + " is "
                        + "open but the engine has no task for it."));
            } else if (taskAssignees.get(vote) != null) {
                mismatches.add(new Mismatch(id, Mismatch.Kind.ASSIGNEE_DIFFERS, "Committee vote " + vote + " has "
                        + "no single holder but its engine task is assigned to " + taskAssignees.get(vote) + "."));
            }
        }
        for (String stepId : stepIds) {
            String stepAssignee = state.openSteps().get(stepId);
            if (!taskAssignees.containsKey(stepId)) {
                mismatches.add(new Mismatch(id, Mismatch.Kind.STEP_WITHOUT_TASK, "Step " + stepId + " is open for "
                        + stepAssignee + " but the engine has no task for it."));
            } else if (stepAssignee == null) {
                mismatches.add(new Mismatch(id, Mismatch.Kind.TASK_WITHOUT_STEP, "The engine has task " + stepId
                        + " for " + taskAssignees.get(stepId) + " but the request has no such open step."));
            } else if (!Objects.equals(stepAssignee, taskAssignees.get(stepId))) {
                mismatches.add(new Mismatch(id, Mismatch.Kind.ASSIGNEE_DIFFERS, "Step " + stepId + " is assigned to "
                        + stepAssignee + " but its engine task to " + taskAssignees.get(stepId) + "."));
            }
        }
    }
}

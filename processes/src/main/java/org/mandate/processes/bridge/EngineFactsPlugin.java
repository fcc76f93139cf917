package org.mandate.processes.bridge;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.mandate.processes.approval.ApprovalPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Wires every deployed approval path to the bridge: each user task reports its creation, each process its end.
 * Done at parse time so that a process owner's BPMN cannot forget it. Also limits what BPMN expressions can
 * reach to the beans named here.
 */
public class EngineFactsPlugin extends AbstractProcessEnginePlugin {

    private final CommandGateway commands;
    private final Map<Object, Object> expressionBeans;

    public EngineFactsPlugin(CommandGateway commands, Map<Object, Object> expressionBeans) {
        this.commands = commands;
        this.expressionBeans = expressionBeans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Spring's default resolver would let a BPMN expression call any bean; only the named ones are reachable.
        configuration.setBeans(expressionBeans);
        configuration.setExpressionManager(new JuelExpressionManager(expressionBeans));
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new ReportingParseListener(commands,
                new StepOpenedListener(commands), new PathEndedListener(commands)));
    }

    private static final class ReportingParseListener extends AbstractBpmnParseListener {

        private final CommandGateway commands;
        private final TaskListener stepOpened;
        private final ExecutionListener pathEnded;

        ReportingParseListener(CommandGateway commands, TaskListener stepOpened, ExecutionListener pathEnded) {
            this.commands = commands;
            this.stepOpened = stepOpened;
            this.pathEnded = pathEnded;
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addListener(ExecutionListener.EVENTNAME_END, pathEnded);
        }

        /** A task marked with mandate:quorum opens a committee vote; any other, a step for its assignee. */
        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            Map<String, String> properties = properties(userTaskElement);
            TaskListener listener = properties.containsKey(ApprovalPath.QUORUM_PROPERTY)
                    ? new QuorumStepListener(commands, properties.get(ApprovalPath.COMMITTEE_PROPERTY),
                    properties.get(ApprovalPath.QUORUM_PROPERTY))
                    : stepOpened;
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        }

        private static Map<String, String> properties(Element userTask) {
            Map<String, String> properties = new HashMap<>();
            Element extensions = userTask.element("extensionElements");
            Element list = extensions == null ? null
                    : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
            if (list != null) {
                for (Element property : list.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                    properties.put(property.attribute("name"), property.attribute("value"));
                }
            }
            return properties;
        }

        /**
         * A non-interrupting timer on a user task is that step's time limit: when it fires, the step escalates.
         * An interrupting timer would cancel the step instead, which is the path's own business.
         */
        @Override
        public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting,
                                                      ActivityImpl timerActivity) {
            if (interrupting || !(timerActivity.getEventScope() instanceof ActivityImpl step)
                    || !(step.getActivityBehavior() instanceof UserTaskActivityBehavior)) {
                return;
            }
            timerActivity.addListener(ExecutionListener.EVENTNAME_START,
                    new TimeLimitListener(commands, step.getId(), limitOf(timerEventDefinition)));
        }

        private static String limitOf(Element timerEventDefinition) {
            for (Element child : timerEventDefinition.elements()) {
                if (child.getText() != null && !child.getText().isBlank()) {
                    return child.getText().strip();
                }
            }
            return "unknown";
        }
    }
}

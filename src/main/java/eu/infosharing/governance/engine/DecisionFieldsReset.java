package eu.infosharing.governance.engine;

import eu.infosharing.governance.process.ProcessContracts;
import eu.infosharing.governance.process.UserTaskContract;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every decision form opens empty: when a user task is created, the input fields its contract does not prefill are
 * cleared where they live. Otherwise a second round (vetting after an amendment, a second overdue follow-up) would
 * open with the previous decision and reason filled in, and a careless "approve" would store the old question as the
 * reason. Added to every user task of every model that has a contract, after the model's own listeners.
 */
final class DecisionFieldsReset extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String key = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
        ProcessContracts.byKey(key).flatMap(c -> c.userTask(activity.getId())).map(UserTaskContract::openEmpty)
                .filter(fields -> !fields.isEmpty())
                .ifPresent(fields -> ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, task -> clear(task.getExecution(), fields)));
    }

    private static void clear(DelegateExecution execution, Set<String> fields) {
        for (String field : fields) {
            if (execution.hasVariable(field) && execution.getVariable(field) != null) {
                execution.setVariable(field, null);
            }
        }
    }
}

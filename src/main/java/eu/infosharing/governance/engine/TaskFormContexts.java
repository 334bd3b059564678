package eu.infosharing.governance.engine;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * In the engine's command chain, inside the command's context and transaction: the variables of a task form, as the
 * engine read them (after its own check that the person may read the task), get what the model's
 * {@link TaskFormContext} shows. A value shown wins over a variable of the same name, so what a form shows is always
 * what our tables say now.
 */
final class TaskFormContexts extends CommandInterceptor {

    private final Supplier<List<TaskFormContext>> contexts;

    TaskFormContexts(Supplier<List<TaskFormContext>> contexts) {
        this.contexts = contexts;
    }

    @Override
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (command instanceof GetTaskFormVariablesCmd read && result instanceof VariableMap variables) {
            TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(read.resourceId);
            if (task != null && task.getProcessDefinitionId() != null) {
                String model = task.getProcessDefinition().getKey();
                Collection<String> asked = read.formVariableNames;
                contexts.get().stream().filter(c -> c.processKey().equals(model)).forEach(c -> c.shown(task).forEach(
                        (name, value) -> {
                            if (asked == null || asked.isEmpty() || asked.contains(name)) {
                                variables.put(name, value);
                            }
                        }));
            }
        }
        return result;
    }
}

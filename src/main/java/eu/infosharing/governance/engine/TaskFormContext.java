package eu.infosharing.governance.engine;

import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What the read-only fields of a model's task forms show (who applies, the rules text, the authority, the questions
 * asked), computed from our tables when a form is read, never copied into the engine's variables: nothing to go
 * stale, nothing a person could send back changed, no history rows per task, nothing to erase later. Every door that
 * reads a task form's variables (Tasklist, engine REST {@code /task/{id}/form-variables}, the Java API) ends in the
 * engine's GetTaskFormVariablesCmd, where {@link TaskFormContexts} adds it after the engine checked that the person
 * may read the task.
 */
public interface TaskFormContext {

    /** The key of the model whose tasks this describes. */
    String processKey();

    /** The values the task's form shows, by field key, for this open task (read inside the engine's command). */
    Map<String, Object> shown(DelegateTask task);

    /** The context of the tasks of one model, computed by this function. */
    static TaskFormContext of(String processKey, Function<DelegateTask, Map<String, Object>> shown) {
        return new TaskFormContext() {
            @Override
            public String processKey() {
                return processKey;
            }

            @Override
            public Map<String, Object> shown(DelegateTask task) {
                return shown.apply(task);
            }
        };
    }
}

package eu.infosharing.governance.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one BPMN model of bpmn/ accepts from people, in one place: its key, whether people may start it and with
 * which start form, its user tasks with their forms, the messages it waits for, and every variable with its type
 * and writer. The engine's trust boundary enforces it at every door (engine REST, the webapps, our API); the
 * ProcessContractsTest checks it against the model and the forms.
 *
 * @param key           the process definition key (= the file name in bpmn/)
 * @param startForm     the form people start it with; empty when only the product (and administrators) start it
 * @param userTasks     every user task by element id
 * @param formerUserTasks user tasks that only earlier versions of the model have, by element id: instances of those
 *                      versions may still run, and their tasks are completed under the same rule
 * @param messages      the names of the messages it catches, which only the product correlates
 * @param variables     every variable the model or its code reads or writes
 */
public record ProcessContract(String key, Optional<FormContract> startForm, Map<String, UserTaskContract> userTasks,
                              Map<String, UserTaskContract> formerUserTasks, Set<String> messages, Map<String, ProcessVariable<?>> variables) {

    /** Whether people (beyond administrators) may start the process at all. */
    public boolean startableByPeople() {
        return startForm.isPresent();
    }

    /** A user task of the model, or of one of its earlier versions whose instances may still run. */
    public Optional<UserTaskContract> userTask(String elementId) {
        return Optional.ofNullable(userTasks.get(elementId)).or(() -> Optional.ofNullable(formerUserTasks.get(elementId)));
    }

    static Builder builder(String key) {
        return new Builder(key);
    }

    static final class Builder {

        private final String key;
        private FormContract startForm;
        private final Map<String, UserTaskContract> userTasks = new LinkedHashMap<>();
        private final Map<String, UserTaskContract> formerUserTasks = new LinkedHashMap<>();
        private final List<String> messages = new ArrayList<>();
        private final Map<String, ProcessVariable<?>> variables = new LinkedHashMap<>();

        private Builder(String key) {
            this.key = key;
        }

        Builder startForm(FormContract form) {
            this.startForm = form;
            return this;
        }

        Builder userTask(String elementId, FormContract form, String... prefilled) {
            userTasks.put(elementId, new UserTaskContract(elementId, form, Set.of(prefilled)));
            return this;
        }

        /** A user task that the current model no longer has, in instances of an earlier version still running. */
        Builder formerUserTask(String elementId, FormContract form) {
            formerUserTasks.put(elementId, new UserTaskContract(elementId, form, Set.of()));
            return this;
        }

        Builder messages(String... names) {
            messages.addAll(List.of(names));
            return this;
        }

        Builder variables(ProcessVariable<?>... declared) {
            for (ProcessVariable<?> v : declared) {
                if (variables.put(v.name(), v) != null) {
                    throw new IllegalStateException(key + " declares variable " + v.name() + " twice");
                }
            }
            return this;
        }

        ProcessContract build() {
            return new ProcessContract(key, Optional.ofNullable(startForm), Map.copyOf(userTasks),
                    Map.copyOf(formerUserTasks), Set.copyOf(messages),
                    Map.copyOf(variables));
        }
    }
}

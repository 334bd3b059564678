package eu.infosharing.governance.process;

import java.util.Set;

/**
 * A user task of a model: its element id and the form a person completes it with. Completing it takes exactly the
 * form's input fields. Decision fields open empty every time the task is created; fields listed as prefilled are
 * filled in by the process for the person to confirm or correct (a yearly review shows the data on file).
 */
public record UserTaskContract(String elementId, FormContract form, Set<String> prefilled) {

    public UserTaskContract {
        prefilled = Set.copyOf(prefilled);
    }

    /** The input fields that must open empty: every input that the process does not prefill. */
    public Set<String> openEmpty() {
        Set<String> empty = new java.util.LinkedHashSet<>(form.inputs());
        empty.removeAll(prefilled);
        return empty;
    }
}

package eu.infosharing.governance.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * How a task says what it is about in Tasklist: the model's name, a colon, and who or what it concerns
 * ("Vet application: Acme Bank NV, CIDR"), so that a list of tasks reads without opening each.
 */
public final class TaskNames {

    private TaskNames() {
    }

    /** Appends what the task is about to the name the model gives it. */
    public static void decorate(DelegateTask task, String about) {
        task.setName(named(task.getName(), about));
    }

    /** "what: about". */
    public static String named(String what, String about) {
        return what + ": " + about;
    }
}

package eu.infosharing.governance.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The business key of the models whose instances are about one membership (membership-onboarding,
 * membership-cessation, annual-review, competent-authority-search): the membership's id, set by the product when it
 * starts the instance. Whose membership a step acts on is read here, never from a value a person sent.
 */
public final class BusinessKey {

    private BusinessKey() {
    }

    public static Long membershipId(DelegateExecution execution) {
        return Long.valueOf(execution.getProcessBusinessKey());
    }

    public static Long membershipId(DelegateTask task) {
        return membershipId(task.getExecution());
    }
}

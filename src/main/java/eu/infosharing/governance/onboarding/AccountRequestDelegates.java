package eu.infosharing.governance.onboarding;

import static eu.infosharing.governance.process.AccountRequestProcess.*;

import eu.infosharing.governance.engine.TaskFormContext;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.process.TaskNames;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners bpmn/account-request.bpmn names; the work is in {@link AccountRequests}. */
@Configuration
public class AccountRequestDelegates {

    @Bean
    TaskListener accountRequestTaskListener(AccountRequests requests) {
        return task -> {
            Long id = ACCOUNT_REQUEST_ID.from(task);
            TaskNames.decorate(task, requests.taskName(id));
        };
    }

    /** Who asks for an account, read when the form is read: the applicant's address never becomes engine history. */
    @Bean
    TaskFormContext accountRequestFormContext(AccountRequests requests) {
        return TaskFormContext.of(KEY, task -> requests.taskContext(ACCOUNT_REQUEST_ID.from(task)));
    }

    @Bean
    TaskListener accountDecisionListener(AccountRequests requests, CurrentUser currentUser) {
        return task -> DECISION.set(task.getExecution(), TaskInputErrors.translate(() -> requests.decide(
                ACCOUNT_REQUEST_ID.from(task), DECISION.from(task), REFUSAL_REASON.from(task), currentUser.id())));
    }

    @Bean
    JavaDelegate openAccountDelegate(AccountRequests requests) {
        return execution -> requests.openAccount(ACCOUNT_REQUEST_ID.from(execution));
    }

    @Bean
    JavaDelegate sendAccountRefusalDelegate(AccountRequests requests) {
        return execution -> requests.sendRefusal(ACCOUNT_REQUEST_ID.from(execution));
    }
}

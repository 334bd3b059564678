package eu.infosharing.governance.privacy;

import static eu.infosharing.governance.process.DataSubjectRequestProcess.*;

import eu.infosharing.governance.engine.OverdueTaskPriority;
import eu.infosharing.governance.engine.TaskFormContext;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.process.TaskNames;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners bpmn/data-subject-request.bpmn names; the work is in {@link DataSubjectRequestService}. */
@Configuration
public class DataSubjectRequestDelegates {

    @Bean
    JavaDelegate findPersonalDataDelegate(DataSubjectRequestService requests) {
        return execution -> requests.recordSearch(REQUEST_ID.from(execution));
    }

    @Bean
    TaskListener dataSubjectTaskListener(DataSubjectRequestService requests) {
        return task -> {
            Long id = REQUEST_ID.from(task);
            TaskNames.decorate(task, requests.taskName(id));
        };
    }

    /** The request and what was found, read when the form is read: nothing of it becomes engine history. */
    @Bean
    TaskFormContext dataSubjectFormContext(DataSubjectRequestService requests) {
        return TaskFormContext.of(KEY, task -> requests.taskContext(REQUEST_ID.from(task)));
    }

    @Bean
    TaskListener dataSubjectAnswerListener(DataSubjectRequestService requests) {
        return task -> OUTCOME.set(task.getExecution(), TaskInputErrors.translate(() -> requests.answer(REQUEST_ID.from(task),
                OUTCOME.from(task), OUTCOME_REASON.from(task), CORRECTED_NAME.from(task), CORRECTED_EMAIL.from(task),
                CORRECTED_PHONE.from(task))));
    }

    @Bean
    JavaDelegate raiseOverdueRequestDelegate(DataSubjectRequestService requests, TaskService taskService) {
        return execution -> {
            requests.recordOverdue(REQUEST_ID.from(execution));
            taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(TASK_ANSWER_REQUEST).list()
                    .forEach(t -> taskService.setPriority(t.getId(), OverdueTaskPriority.OVERDUE));
        };
    }

    @Bean
    JavaDelegate extendRequestDeadlineDelegate(DataSubjectRequestService requests, NotificationSettings dates) {
        return execution -> ANSWER_DUE_AT.set(execution, dates.endOf(requests.extend(REQUEST_ID.from(execution))));
    }

    @Bean
    JavaDelegate rectifyPersonDataDelegate(DataSubjectRequestService requests) {
        return execution -> requests.rectify(REQUEST_ID.from(execution), CORRECTED_NAME.from(execution),
                CORRECTED_EMAIL.from(execution), CORRECTED_PHONE.from(execution));
    }

    @Bean
    JavaDelegate erasePersonDataDelegate(DataSubjectRequestService requests) {
        return execution -> requests.erase(REQUEST_ID.from(execution));
    }

    @Bean
    JavaDelegate recordRequestAnswerDelegate(DataSubjectRequestService requests) {
        return execution -> requests.recordAnswer(REQUEST_ID.from(execution));
    }
}

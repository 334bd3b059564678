package eu.infosharing.governance.privacy;

import static eu.infosharing.governance.process.DataSubjectRequestProcess.*;

import eu.infosharing.governance.engine.OverdueTaskPriority;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.notification.NotificationSettings;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners bpmn/data-subject-request.bpmn names; the work is in {@link DataSubjectRequestService}. */
@Configuration
public class DataSubjectRequestDelegates {

    @Bean
    JavaDelegate findPersonalDataDelegate(DataSubjectRequestService requests) {
        return execution -> requests.recordSearch(requestId(execution));
    }

    @Bean
    TaskListener dataSubjectTaskListener(DataSubjectRequestService requests) {
        return task -> {
            Long id = requestId(task.getExecution());
            task.setName(task.getName() + ": " + requests.taskName(id));
            task.setVariablesLocal(requests.taskContext(id));
        };
    }

    @Bean
    TaskListener dataSubjectAnswerListener(DataSubjectRequestService requests) {
        return task -> OUTCOME.set(task.getExecution(), TaskInputErrors.translate(() -> requests.answer(requestId(task),
                OUTCOME.from(task), OUTCOME_REASON.from(task), CORRECTED_NAME.from(task), CORRECTED_EMAIL.from(task),
                CORRECTED_PHONE.from(task))));
    }

    @Bean
    JavaDelegate raiseOverdueRequestDelegate(DataSubjectRequestService requests, TaskService taskService) {
        return execution -> {
            requests.recordOverdue(requestId(execution));
            taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(TASK_ANSWER_REQUEST).list()
                    .forEach(t -> taskService.setPriority(t.getId(), OverdueTaskPriority.OVERDUE));
        };
    }

    @Bean
    JavaDelegate extendRequestDeadlineDelegate(DataSubjectRequestService requests, NotificationSettings dates) {
        return execution -> ANSWER_DUE_AT.set(execution, dates.endOf(requests.extend(requestId(execution))));
    }

    @Bean
    JavaDelegate rectifyPersonDataDelegate(DataSubjectRequestService requests) {
        return execution -> requests.rectify(requestId(execution), CORRECTED_NAME.from(execution),
                CORRECTED_EMAIL.from(execution), CORRECTED_PHONE.from(execution));
    }

    @Bean
    JavaDelegate erasePersonDataDelegate(DataSubjectRequestService requests) {
        return execution -> requests.erase(requestId(execution));
    }

    @Bean
    JavaDelegate recordRequestAnswerDelegate(DataSubjectRequestService requests) {
        return execution -> requests.recordAnswer(requestId(execution));
    }

    private static Long requestId(DelegateExecution execution) {
        return REQUEST_ID.from(execution);
    }

    private static Long requestId(DelegateTask task) {
        return requestId(task.getExecution());
    }
}

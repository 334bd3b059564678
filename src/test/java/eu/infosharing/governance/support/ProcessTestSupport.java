package eu.infosharing.governance.support;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.process.ModelLintTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Process tests on the real Spring context (H2 in memory), with the job executor off: the test runs the
 * asynchronous continuations and timers itself, as a person's clock would. Flow-node coverage is recorded.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, CoverageFloor.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessTestSupport {

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected Jobs jobs;

    /** The tasks without a due date before this test: those the test creates are checked after it. */
    private Set<String> tasksWithoutDueDateBefore;

    @BeforeEach
    void bindAssertions() {
        BpmnAwareTests.init(engine);
        tasksWithoutDueDateBefore = tasksWithoutDueDate().stream().map(HistoricTaskInstance::getId).collect(Collectors.toSet());
    }

    @AfterEach
    void forgetUser() {
        identityService.clearAuthentication();
        BpmnAwareTests.reset();
    }

    /**
     * Every user task this test created carries a due date (from its model or its create listener), unless the model
     * lint lists it with the reason: the process tests create every user task, so every task is checked.
     */
    @AfterEach
    void everyTaskCreatedHasADueDate() {
        List<String> late = tasksWithoutDueDate().stream()
                .filter(t -> !tasksWithoutDueDateBefore.contains(t.getId())
                        && !ModelLintTest.WAITS_WITHOUT_DUE_DATE.containsKey(t.getTaskDefinitionKey()))
                .map(t -> t.getTaskDefinitionKey() + " (" + t.getName() + ")").toList();
        assertThat(late).as("user tasks created without a due date").isEmpty();
    }

    private List<HistoricTaskInstance> tasksWithoutDueDate() {
        return engine.getHistoryService().createHistoricTaskInstanceQuery().withoutTaskDueDate().list();
    }

    /** Acts as this user, with these groups, for what follows (the engine records it as actor). */
    protected void actAs(String user, String... groups) {
        identityService.setAuthentication(user, List.of(groups));
    }

    /** Runs every due job of the process instance (async continuations, due timers) until it waits for a person. */
    protected void runJobs(String processInstanceId) {
        jobs.runDue(processInstanceId);
    }

    /** Fires a timer as if its time had come, then runs what follows. */
    protected void fireTimer(String processInstanceId, String boundaryEventId) {
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(boundaryEventId).timers().singleResult();
        assertThat(timer).as("timer " + boundaryEventId).isNotNull();
        managementService.executeJob(timer.getId());
        runJobs(processInstanceId);
    }

    /** Submits the open task's form as this person (as Tasklist does), then lets the engine go on to the next wait state. */
    protected void submitForm(String processInstanceId, String taskKey, java.util.Map<String, Object> variables, String user,
                              String group) {
        Task task = openTask(processInstanceId, taskKey);
        actAs(user, group);
        try {
            engine.getFormService().submitTaskForm(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        runJobs(processInstanceId);
    }

    /** What the task's form shows in this field, as Tasklist reads it (the engine's form variables of the task). */
    protected Object shownOn(String taskId, eu.infosharing.governance.process.ProcessVariable<?> field) {
        return engine.getFormService().getTaskFormVariables(taskId).get(field.name());
    }

    protected Task openTask(String processInstanceId, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        return task;
    }
}

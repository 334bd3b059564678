package eu.infosharing.governance.support;

import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.onboarding.ApplicationRequest;
import eu.infosharing.governance.onboarding.ApplicationService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Applications moved along their onboarding for tests that need them at a given step: filed through our API's service
 * by a coordinator, tasks completed and jobs run as the engine itself does (as nobody in particular).
 */
@Component
public class Onboardings {

    private final ApplicationService applications;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final Jobs jobs;

    public Onboardings(ApplicationService applications, IdentityService identityService, TaskService taskService,
                       Jobs jobs) {
        this.applications = applications;
        this.identityService = identityService;
        this.taskService = taskService;
        this.jobs = jobs;
    }

    /** Filed by this coordinator; the automated checks have run. */
    public Membership apply(String coordinator, ApplicationRequest request) {
        identityService.setAuthentication(coordinator, List.of(Roles.COORDINATORS));
        Membership m;
        try {
            m = applications.submit(request);
        } finally {
            identityService.clearAuthentication();
        }
        runJobs(m.getProcessInstanceId());
        return m;
    }

    public Task openTask(String processInstanceId, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    }

    /** Completes the open task as the engine's own test driver (no person), then runs what follows. */
    public void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
        taskService.complete(openTask(processInstanceId, taskKey).getId(), variables);
        runJobs(processInstanceId);
    }

    /** Runs due jobs as the job executor does: as nobody in particular (fails if they never run out). */
    public void runJobs(String processInstanceId) {
        jobs.runDue(processInstanceId);
    }
}

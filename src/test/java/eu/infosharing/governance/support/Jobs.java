package eu.infosharing.governance.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The one job runner of the tests, which run with the job executor off: runs a process instance's due jobs (async
 * continuations, due timers) as the job executor would, as nobody in particular, until it waits for a person or a
 * timer to come. A process that still has due jobs after {@link #ROUNDS} rounds loops, and the test fails saying so
 * instead of going on from a state nobody chose.
 */
@Component
public class Jobs {

    static final int ROUNDS = 20;

    private final ManagementService managementService;

    public Jobs(ManagementService managementService) {
        this.managementService = managementService;
    }

    public void runDue(String processInstanceId) {
        for (int round = 0; round < ROUNDS; round++) {
            List<Job> jobs = due(processInstanceId);
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService.executeJob(j.getId()));
        }
        throw new AssertionError("Process " + processInstanceId + " still has due jobs after " + ROUNDS + " rounds: "
                + due(processInstanceId).stream().map(Job::getId).toList());
    }

    private List<Job> due(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
    }
}

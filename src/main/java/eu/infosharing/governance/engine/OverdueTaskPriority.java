package eu.infosharing.governance.engine;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Overdue work comes first: open tasks past their due date get a high priority, which Tasklist shows and sorts
 * by. A task that is no longer overdue (its due date moved) keeps what a person set.
 */
@Component
public class OverdueTaskPriority {

    /** Camunda's default priority is 50; Tasklist marks 75 and above as high. */
    public static final int OVERDUE = 80;

    private static final Logger log = LoggerFactory.getLogger(OverdueTaskPriority.class);

    private final TaskService taskService;

    public OverdueTaskPriority(TaskService taskService) {
        this.taskService = taskService;
    }

    @Scheduled(fixedDelayString = "${governance.tasks.overdue-check-interval:PT15M}",
            initialDelayString = "${governance.tasks.overdue-check-delay:PT1M}")
    public void raise() {
        List<Task> overdue = taskService.createTaskQuery().dueBefore(new Date()).taskMaxPriority(OVERDUE - 1).list();
        for (Task task : overdue) {
            taskService.setPriority(task.getId(), OVERDUE);
        }
        if (!overdue.isEmpty()) {
            log.info("{} overdue task(s) raised to priority {}", overdue.size(), OVERDUE);
        }
    }
}

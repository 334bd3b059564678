package eu.infosharing.governance.engine;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filter every person starts from: the tasks of the groups they belong to (their role, or their
 * organisation's representatives) and those assigned to them. Without it Tasklist shows no list at all.
 */
@Component
public class TasklistFilters {

    static final String MY_WORK = "My work";

    private final FilterService filterService;
    private final TaskService taskService;

    public TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        if (filterService.createFilterQuery().filterName(MY_WORK).count() > 0) {
            return;
        }
        TaskQuery query = taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByDueDate().asc();
        Filter filter = filterService.newTaskFilter(MY_WORK)
                .setQuery(query)
                .setProperties(Map.of(
                        "description", "Tasks for your role or your organisation, soonest due first",
                        "priority", -10,
                        "refresh", true));
        filterService.saveFilter(filter);
    }
}

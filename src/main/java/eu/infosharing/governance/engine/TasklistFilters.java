package eu.infosharing.governance.engine;

import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.process.OnboardingProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role, created by the product. Who sees which filter is a READ grant on it
 * ({@link AuthorizationGrants}): coordinators see "Vetting", "Overdue" and "All open", privacy and legal
 * reviewers "My reviews", members' representatives "My organisation".
 */
@Component
public class TasklistFilters {

    public static final String VETTING = "Vetting";
    public static final String OVERDUE = "Overdue";
    public static final String ALL_OPEN = "All open";
    public static final String MY_REVIEWS = "My reviews";
    public static final String MY_ORGANISATION = "My organisation";

    record Definition(String name, String description, int priority, List<String> groups, TaskQuery query) {
    }

    private final FilterService filterService;
    private final TaskService taskService;

    public TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    List<Definition> definitions() {
        return List.of(
                new Definition(VETTING, "Applications to vet and sponsors to follow up", 10, List.of(Roles.COORDINATORS),
                        taskService.createTaskQuery().taskCandidateGroup(Roles.COORDINATORS).includeAssignedTasks()
                                .taskDefinitionKeyIn(OnboardingProcess.TASK_VET_APPLICATION, OnboardingProcess.TASK_FOLLOW_UP_SPONSOR)
                                .orderByDueDate().asc()),
                new Definition(OVERDUE, "Every open task past its due date", 20, List.of(Roles.COORDINATORS),
                        taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc()),
                new Definition(ALL_OPEN, "Every open task of every membership", 30, List.of(Roles.COORDINATORS, Roles.AUDITORS),
                        taskService.createTaskQuery().orderByTaskCreateTime().desc()),
                new Definition(MY_REVIEWS, "Data protection and competition-law reviews for your group", 10,
                        List.of(Roles.PRIVACY, Roles.LEGAL),
                        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().orderByDueDate().asc()),
                new Definition(MY_ORGANISATION, "Your organisation's tasks: amendments, endorsements, rules to accept", 10,
                        List.of(),
                        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().orderByDueDate().asc()));
    }

    /** Creates the filters that do not exist yet; returns every filter id by name. */
    public Map<String, String> ensure() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Definition d : definitions()) {
            Filter existing = filterService.createFilterQuery().filterName(d.name()).singleResult();
            if (existing == null) {
                existing = filterService.newTaskFilter(d.name()).setQuery(d.query())
                        .setProperties(Map.of("description", d.description(), "priority", d.priority(), "refresh", true));
                filterService.saveFilter(existing);
            }
            ids.put(d.name(), existing.getId());
        }
        return ids;
    }

    /** The groups that see each filter (organisation groups are granted "My organisation" one by one). */
    public Map<String, List<String>> audience() {
        Map<String, List<String>> audience = new LinkedHashMap<>();
        definitions().forEach(d -> audience.put(d.name(), d.groups()));
        return audience;
    }
}

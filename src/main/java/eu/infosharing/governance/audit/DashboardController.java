package eu.infosharing.governance.audit;

import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.Paging;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.RulesAcceptanceProcess;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.NotificationQueries;
import eu.infosharing.governance.notification.NotificationSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What needs the coordinators, in one place (Tasklist shows the same tasks in the "Overdue" filter). */
@RestController
@Tag(name = "Audit")
public class DashboardController {

    /** How many of each list the dashboard shows, the most urgent first; {@link Totals} says how many there are. */
    static final int ITEMS = 50;
    private static final Paging FIRST = new Paging(0, ITEMS);

    private static final List<String> ACCEPTANCE_TASKS = List.of(OnboardingProcess.TASK_ACCEPT_RULES,
            RulesAcceptanceProcess.TASK_ACCEPT_REVISION, RulesAcceptanceProcess.TASK_ACCEPT_REVISION_LATE);

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final NotificationQueries notifications;
    private final NotificationSettings settings;
    private final CurrentUser currentUser;

    public DashboardController(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
                               NotificationQueries notifications, NotificationSettings settings, CurrentUser currentUser) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.notifications = notifications;
        this.settings = settings;
        this.currentUser = currentUser;
    }

    public record TaskItem(String id, String name, String processInstanceId, String businessKey, Instant due, Instant created) {
    }

    public record NotificationItem(Long id, String reference, String organisation, String authority, LocalDate dueDate, String status) {
    }

    public record IncidentItem(String id, String processInstanceId, String activityId, String message, Instant since) {
    }

    /** How many there are of each, counted in the database; the lists show the first {@value #ITEMS} of each. */
    public record Totals(long overdueAcceptances, long suspendedUntilAccepted, long overdueNotifications,
                         long awaitingDecision, long incidents) {
    }

    public record Dashboard(List<TaskItem> overdueAcceptances, List<TaskItem> suspendedUntilAccepted,
                            List<NotificationItem> overdueNotifications, List<TaskItem> awaitingDecision,
                            List<IncidentItem> incidents, Totals totals) {
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "Coordinators: overdue acceptances, suspensions, overdue notifications, tasks awaiting a "
            + "decision, incidents")
    public Dashboard dashboard() {
        if (!currentUser.readsAllMemberships()) {
            throw new ForbiddenException("The dashboard is for coordinators, auditors and administrators");
        }
        Page<AuthorityNotification> late = notifications.page(null, null, null, settings.today(), FIRST);
        List<NotificationItem> lateNotifications = late.getContent().stream()
                .map(n -> new NotificationItem(n.getId(), n.getReference(), n.getMembership().getOrganisation().getLegalName(),
                        n.getAuthorityCode(), n.getDueDate(), n.getStatus().name())).toList();
        // the engine's view across organisations: product reading on the coordinators' behalf
        return Privileged.call(identityService, () -> {
            Date now = new Date();
            TaskQuery overdueAcceptances = taskService.createTaskQuery()
                    .taskDefinitionKeyIn(ACCEPTANCE_TASKS.toArray(String[]::new)).dueBefore(now).orderByDueDate().asc();
            TaskQuery suspended = taskService.createTaskQuery().taskDefinitionKey(RulesAcceptanceProcess.TASK_ACCEPT_REVISION_LATE)
                    .orderByTaskCreateTime().asc();
            TaskQuery decisions = taskService.createTaskQuery().taskCandidateGroupIn(
                    List.of(Roles.COORDINATORS, Roles.PRIVACY, Roles.LEGAL)).orderByTaskCreateTime().asc();
            // one failure, one line: Camunda copies a called process's incident onto each calling activity above it
            // (the notification's failed send shows again on the onboarding's call activity); only the root cause counts.
            // Incidents are as many as failures, not as members: they are read whole.
            List<IncidentItem> incidents = runtimeService.createIncidentQuery().orderByIncidentTimestamp().asc().list().stream()
                    .filter(i -> i.getId().equals(i.getRootCauseIncidentId()))
                    .map(i -> new IncidentItem(i.getId(), i.getProcessInstanceId(), i.getActivityId(), i.getIncidentMessage(),
                            i.getIncidentTimestamp().toInstant())).toList();
            Totals totals = new Totals(overdueAcceptances.count(), suspended.count(), late.getTotalElements(),
                    decisions.count(), incidents.size());
            return new Dashboard(items(overdueAcceptances), items(suspended), lateNotifications, items(decisions),
                    incidents.stream().limit(ITEMS).toList(), totals);
        });
    }

    /** The first tasks of the query, each with its process's business key, in two queries whatever their number. */
    private List<TaskItem> items(TaskQuery query) {
        List<Task> tasks = query.listPage(0, ITEMS);
        Map<String, String> businessKeys = new HashMap<>();
        if (!tasks.isEmpty()) {
            runtimeService.createProcessInstanceQuery()
                    .processInstanceIds(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                    .list().forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
        }
        return tasks.stream().map(t -> new TaskItem(t.getId(), t.getName(), t.getProcessInstanceId(),
                businessKeys.get(t.getProcessInstanceId()), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                t.getCreateTime().toInstant())).toList();
    }
}

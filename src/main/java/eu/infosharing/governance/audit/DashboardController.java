package eu.infosharing.governance.audit;

import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.RulesRevisionProcess;
import eu.infosharing.governance.notification.NotificationQueries;
import eu.infosharing.governance.notification.NotificationSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What needs the coordinators, in one place (Tasklist shows the same tasks in the "Overdue" filter). */
@RestController
@Tag(name = "Audit")
public class DashboardController {

    private static final List<String> ACCEPTANCE_TASKS = List.of(OnboardingProcess.TASK_ACCEPT_RULES,
            RulesRevisionProcess.TASK_ACCEPT_REVISION, RulesRevisionProcess.TASK_ACCEPT_REVISION_LATE);

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

    public record Dashboard(List<TaskItem> overdueAcceptances, List<TaskItem> suspendedUntilAccepted,
                            List<NotificationItem> overdueNotifications, List<TaskItem> awaitingDecision,
                            List<IncidentItem> incidents) {
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "Coordinators: overdue acceptances, suspensions, overdue notifications, tasks awaiting a "
            + "decision, incidents")
    public Dashboard dashboard() {
        if (!currentUser.readsAllMemberships()) {
            throw new ForbiddenException("The dashboard is for coordinators, auditors and administrators");
        }
        LocalDate today = settings.today();
        List<NotificationItem> lateNotifications = notifications.search(null, null, null).stream()
                .filter(n -> n.isOverdue(today))
                .map(n -> new NotificationItem(n.getId(), n.getReference(), n.getMembership().getOrganisation().getLegalName(),
                        n.getAuthorityCode(), n.getDueDate(), n.getStatus().name())).toList();
        // the engine's view across organisations: product reading on the coordinators' behalf
        return Privileged.call(identityService, () -> {
            Date now = new Date();
            List<TaskItem> overdueAcceptances = items(taskService.createTaskQuery().taskDefinitionKeyIn(
                    ACCEPTANCE_TASKS.toArray(String[]::new)).dueBefore(now).list());
            List<TaskItem> suspended = items(taskService.createTaskQuery().taskDefinitionKey(RulesRevisionProcess.TASK_ACCEPT_REVISION_LATE).list());
            List<TaskItem> decisions = items(taskService.createTaskQuery().taskCandidateGroupIn(
                    List.of(Roles.COORDINATORS, Roles.PRIVACY, Roles.LEGAL)).orderByTaskCreateTime().asc().list());
            // one failure, one line: Camunda copies a called process's incident onto each calling activity above it
            // (the notification's failed send shows again on the onboarding's call activity); only the root cause counts
            List<IncidentItem> incidents = runtimeService.createIncidentQuery().list().stream()
                    .filter(i -> i.getId().equals(i.getRootCauseIncidentId()))
                    .map(i -> new IncidentItem(i.getId(), i.getProcessInstanceId(), i.getActivityId(), i.getIncidentMessage(),
                            i.getIncidentTimestamp().toInstant())).toList();
            return new Dashboard(overdueAcceptances, suspended, lateNotifications, decisions, incidents);
        });
    }

    private List<TaskItem> items(List<Task> tasks) {
        return tasks.stream().map(t -> {
            var instance = runtimeService.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
            return new TaskItem(t.getId(), t.getName(), t.getProcessInstanceId(), instance == null ? null : instance.getBusinessKey(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getCreateTime().toInstant());
        }).toList();
    }
}

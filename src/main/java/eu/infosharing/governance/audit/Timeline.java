package eu.infosharing.governance.audit;

import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.membership.AuditEntry;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A membership's whole history as one ordered list: our audit trail (status changes, decisions with reasons,
 * coordinators' corrections, notification evidence, cessation steps) merged with the engine's history (processes,
 * user tasks and who completed them, DMN decisions with their inputs, incidents and how they ended).
 */
@Service
public class Timeline {

    private final MembershipService memberships;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final CurrentUser currentUser;

    public Timeline(MembershipService memberships, HistoryService historyService, IdentityService identityService,
                    CurrentUser currentUser) {
        this.memberships = memberships;
        this.historyService = historyService;
        this.identityService = identityService;
        this.currentUser = currentUser;
    }

    /** One moment of the history: when, from where, what, who, and the process it belongs to. */
    public record Entry(Instant at, String source, String kind, String actor, String summary, String processInstanceId,
                        String processDefinitionKey, String hash) {
    }

    /** Auditors, coordinators and administrators, and the membership's own representatives; nobody else (403). */
    @Transactional(readOnly = true)
    public Membership auditable(Long membershipId) {
        Membership m = memberships.get(membershipId);
        if (!mayAudit(m)) {
            throw new ForbiddenException("Only auditors, coordinators and the member's own representatives read its audit trail");
        }
        return m;
    }

    public boolean mayAudit(Membership m) {
        return currentUser.readsAllMemberships() || currentUser.represents(m.getOrganisation());
    }

    @Transactional(readOnly = true)
    public List<Entry> of(Long membershipId) {
        Membership m = auditable(membershipId);
        List<Entry> entries = new ArrayList<>();
        for (AuditEntry e : m.getAuditTrail()) {
            entries.add(new Entry(e.getOccurredAt(), "audit", e.getKind(), e.getActor(), e.getSummary(), null, null, e.getHash()));
        }
        // the reader may not read the engine's history itself; what it may see was checked above
        Privileged.run(identityService, () -> engineHistory(m, entries));
        entries.sort(Comparator.comparing(Entry::at).thenComparing(e -> order(e.kind())));
        return entries;
    }

    /** The process instances of the membership: those the product started with its id as business key. */
    public List<HistoricProcessInstance> processes(Membership m) {
        return Privileged.call(identityService, () -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(m.getId())).orderByProcessInstanceStartTime().asc().list());
    }

    /** The activities a process instance passed, for highlighting its path on the diagram. */
    public List<String> passedActivities(String processInstanceId) {
        return Privileged.call(identityService, () -> historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).list().stream().map(HistoricActivityInstance::getActivityId)
                .distinct().toList());
    }

    private void engineHistory(Membership m, List<Entry> entries) {
        for (HistoricProcessInstance pi : historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(m.getId())).list()) {
            String key = pi.getProcessDefinitionKey();
            String name = pi.getProcessDefinitionName() == null ? key : pi.getProcessDefinitionName();
            entries.add(new Entry(at(pi.getStartTime()), "engine", "PROCESS_STARTED", actor(pi.getStartUserId()),
                    name + " started", pi.getId(), key, null));
            if (pi.getEndTime() != null) {
                boolean cancelled = pi.getDeleteReason() != null;
                entries.add(new Entry(at(pi.getEndTime()), "engine", cancelled ? "PROCESS_CANCELLED" : "PROCESS_ENDED", "system",
                        name + (cancelled ? " cancelled: " + pi.getDeleteReason() : " ended at " + pi.getEndActivityId()),
                        pi.getId(), key, null));
            }
            for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).list()) {
                entries.add(new Entry(at(t.getStartTime()), "engine", "TASK_CREATED", "system",
                        "Task " + t.getName() + (t.getDueDate() == null ? "" : ", due " + t.getDueDate().toInstant()),
                        pi.getId(), key, null));
                if (t.getEndTime() != null) {
                    boolean completed = "completed".equals(t.getDeleteReason());
                    entries.add(new Entry(at(t.getEndTime()), "engine", completed ? "TASK_COMPLETED" : "TASK_CANCELLED",
                            completed ? completer(t) : "system",
                            "Task " + t.getName() + (completed ? " completed" : " closed: " + t.getDeleteReason()), pi.getId(), key, null));
                }
            }
            for (HistoricDecisionInstance d : historyService.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
                    .includeInputs().includeOutputs().list()) {
                String inputs = d.getInputs().stream().map(i -> i.getClauseName() + " = " + i.getValue()).collect(Collectors.joining(", "));
                String outputs = d.getOutputs().stream().map(o -> o.getClauseName() + " = " + o.getValue()).collect(Collectors.joining(", "));
                entries.add(new Entry(at(d.getEvaluationTime()), "engine", "DECISION", "system",
                        "Decision " + d.getDecisionDefinitionKey() + ": " + inputs + " → " + (outputs.isEmpty() ? "no rule matched" : outputs),
                        pi.getId(), key, null));
            }
            for (HistoricIncident i : historyService.createHistoricIncidentQuery().processInstanceId(pi.getId()).list()) {
                entries.add(new Entry(at(i.getCreateTime()), "engine", "INCIDENT_RAISED", "system",
                        "Incident at " + i.getActivityId() + ": " + i.getIncidentMessage(), pi.getId(), key, null));
                if (i.getEndTime() != null) {
                    entries.add(new Entry(at(i.getEndTime()), "engine", i.isResolved() ? "INCIDENT_RESOLVED" : "INCIDENT_CLOSED", "system",
                            "Incident at " + i.getActivityId() + (i.isResolved() ? " resolved: the step ran again" : " closed with its process"),
                            pi.getId(), key, null));
                }
            }
        }
    }

    /** Who completed the task, from the engine's user operation log. */
    private String completer(HistoricTaskInstance t) {
        return historyService.createUserOperationLogQuery().taskId(t.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(java.util.Objects::nonNull).findFirst()
                .orElse(t.getAssignee() == null ? "unknown" : t.getAssignee());
    }

    private static int order(String kind) {
        return switch (kind) {
            case "PROCESS_STARTED" -> 0;
            case "TASK_COMPLETED" -> 2;
            case "PROCESS_ENDED", "PROCESS_CANCELLED" -> 9;
            default -> 5;
        };
    }

    private static Instant at(Date date) {
        return date.toInstant();
    }

    private static String actor(String user) {
        return user == null ? "system" : user;
    }
}

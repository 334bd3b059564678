package eu.infosharing.governance.audit;

import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.membership.AuditEntry;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.notification.NotificationSettings;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A membership's whole history as one ordered list: our audit trail (status changes, decisions with reasons,
 * coordinators' corrections, notification evidence, cessation steps) merged with the engine's history (processes,
 * user tasks and who completed them, DMN decisions with their inputs, incidents and how they ended).
 */
@Service
public class Timeline {

    public static final String PROCESS_STARTED = "PROCESS_STARTED";
    public static final String PROCESS_ENDED = "PROCESS_ENDED";
    public static final String PROCESS_CANCELLED = "PROCESS_CANCELLED";
    public static final String TASK_CREATED = "TASK_CREATED";
    public static final String TASK_COMPLETED = "TASK_COMPLETED";
    public static final String TASK_CANCELLED = "TASK_CANCELLED";
    public static final String DECISION = "DECISION";
    public static final String INCIDENT_RAISED = "INCIDENT_RAISED";
    public static final String INCIDENT_RESOLVED = "INCIDENT_RESOLVED";
    public static final String INCIDENT_CLOSED = "INCIDENT_CLOSED";
    /** Every kind of entry the engine's history gives. */
    public static final List<String> ENGINE_KINDS = List.of(PROCESS_STARTED, PROCESS_ENDED, PROCESS_CANCELLED, TASK_CREATED,
            TASK_COMPLETED, TASK_CANCELLED, DECISION, INCIDENT_RAISED, INCIDENT_RESOLVED, INCIDENT_CLOSED);

    private final MembershipService memberships;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final CurrentUser currentUser;
    /** Times as people read them: in {@code governance.notification.zone}. */
    private final java.time.ZoneId zone;
    private final DateTimeFormatter time;

    public Timeline(MembershipService memberships, HistoryService historyService, IdentityService identityService,
                    CurrentUser currentUser, NotificationSettings settings) {
        this.memberships = memberships;
        this.historyService = historyService;
        this.identityService = identityService;
        this.currentUser = currentUser;
        this.zone = settings.getZone();
        this.time = Wording.time(zone);
    }

    /**
     * One moment of the history: when, from where, what, who, and the process it belongs to. {@code kind} is the code
     * for machines and {@code summary} the text as recorded; people read {@code sentence}, {@code what} (the kind's
     * name), {@code who} (the actor's role and name) and {@code when} (the time in the configured zone).
     */
    public record Entry(Instant at, String source, String kind, String actor, String summary, String processInstanceId,
                        String processDefinitionKey, String hash, String what, String who, String sentence, String when) {
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

    /** The timeline in English: the JSON API's and the evidence pack's. */
    @Transactional(readOnly = true)
    public List<Entry> of(Long membershipId) {
        return of(membershipId, Wording.ENGLISH);
    }

    /** The timeline with the names, sentences and times in a language of the pages; the recorded texts as recorded. */
    @Transactional(readOnly = true)
    public List<Entry> of(Long membershipId, Wording.In words) {
        Membership m = auditable(membershipId);
        Reading r = new Reading(words, words.time(zone));
        List<Entry> entries = new ArrayList<>();
        // the reader may not read the engine's history nor other users itself; what it may see was checked above
        Privileged.run(identityService, () -> {
            People people = new People(words);
            for (AuditEntry e : m.getAuditTrail()) {
                String who = people.describe(e.getActor());
                entries.add(r.entry(e.getOccurredAt(), "audit", e.getKind(), e.getActor(), e.getSummary(), null, null, e.getHash(),
                        who, words.sentence(e.getKind(), e.getSummary(), who, r.time())));
            }
            engineHistory(m, entries, people, r);
        });
        entries.sort(Comparator.comparing(Entry::at).thenComparing(e -> order(e.kind())));
        return entries;
    }

    /** The language and the times of one reading of the timeline. */
    private record Reading(Wording.In words, DateTimeFormatter time) {
        Entry entry(Instant at, String source, String kind, String actor, String summary, String processInstanceId,
                    String processDefinitionKey, String hash, String who, String sentence) {
            return new Entry(at, source, kind, actor, summary, processInstanceId, processDefinitionKey, hash, words.kind(kind),
                    who, sentence, time.format(at));
        }

        /** The sentence's words in the reader's language. */
        String say(String key, Object... arguments) {
            return words.pages().get(key, arguments);
        }
    }

    /** The dates and times of the timeline as people read them. */
    public DateTimeFormatter time() {
        return time;
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

    private void engineHistory(Membership m, List<Entry> entries, People people, Reading r) {
        Wording.In words = r.words();
        for (HistoricProcessInstance pi : historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(m.getId())).list()) {
            String key = pi.getProcessDefinitionKey();
            String name = pi.getProcessDefinitionName() == null ? key : pi.getProcessDefinitionName();
            String starter = people.describe(actor(pi.getStartUserId()));
            entries.add(r.entry(at(pi.getStartTime()), "engine", PROCESS_STARTED, actor(pi.getStartUserId()),
                    name + " started", pi.getId(), key, null, starter,
                    r.say("engine.processStarted", words.quoted(name)) + words.by(starter)));
            if (pi.getEndTime() != null) {
                boolean cancelled = pi.getDeleteReason() != null;
                entries.add(r.entry(at(pi.getEndTime()), "engine", cancelled ? PROCESS_CANCELLED : PROCESS_ENDED, "system",
                        name + (cancelled ? " cancelled: " + pi.getDeleteReason() : " ended at " + pi.getEndActivityId()),
                        pi.getId(), key, null, null, cancelled
                                ? r.say("engine.processCancelled", words.quoted(name), words.text(pi.getDeleteReason(), r.time()))
                                : r.say("engine.processEnded", words.quoted(name),
                                        words.quoted(activityName(pi.getId(), pi.getEndActivityId())))));
            }
            for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).list()) {
                entries.add(r.entry(at(t.getStartTime()), "engine", TASK_CREATED, "system",
                        "Task " + t.getName() + (t.getDueDate() == null ? "" : ", due " + t.getDueDate().toInstant()),
                        pi.getId(), key, null, null, t.getDueDate() == null ? r.say("engine.taskOpened", words.quoted(t.getName()))
                                : r.say("engine.taskOpenedDue", words.quoted(t.getName()), r.time().format(t.getDueDate().toInstant()))));
                if (t.getEndTime() != null) {
                    boolean completed = "completed".equals(t.getDeleteReason());
                    String actor = completed ? completer(t) : "system";
                    String who = people.describe(actor);
                    entries.add(r.entry(at(t.getEndTime()), "engine", completed ? TASK_COMPLETED : TASK_CANCELLED, actor,
                            "Task " + t.getName() + (completed ? " completed" : " closed: " + t.getDeleteReason()), pi.getId(), key,
                            null, who, completed ? r.say("engine.taskCompleted", words.quoted(t.getName())) + words.by(who)
                                    : r.say("engine.taskClosed", words.quoted(t.getName()), t.getDeleteReason())));
                }
            }
            for (HistoricDecisionInstance d : historyService.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
                    .includeInputs().includeOutputs().list()) {
                String inputs = d.getInputs().stream().map(i -> i.getClauseName() + " = " + i.getValue()).collect(Collectors.joining(", "));
                String outputs = d.getOutputs().stream().map(o -> o.getClauseName() + " = " + o.getValue()).collect(Collectors.joining(", "));
                String given = d.getInputs().stream().map(i -> i.getClauseName() + ": " + words.decisionValue(i.getClauseName(), i.getValue()))
                        .collect(Collectors.joining("; "));
                String gave = d.getOutputs().stream().map(o -> o.getClauseName() + ": " + words.decisionValue(o.getClauseName(), o.getValue()))
                        .collect(Collectors.joining("; "));
                String table = words.quoted(d.getDecisionDefinitionName() == null ? d.getDecisionDefinitionKey() : d.getDecisionDefinitionName());
                entries.add(r.entry(at(d.getEvaluationTime()), "engine", DECISION, "system",
                        "Decision " + d.getDecisionDefinitionKey() + ": " + inputs + " → " + (outputs.isEmpty() ? "no rule matched" : outputs),
                        pi.getId(), key, null, null, gave.isEmpty() ? r.say("engine.decidedNothing", table, given)
                                : r.say("engine.decided", table, gave, given)));
            }
            for (HistoricIncident i : historyService.createHistoricIncidentQuery().processInstanceId(pi.getId()).list()) {
                String step = words.quoted(activityName(pi.getId(), i.getActivityId()));
                entries.add(r.entry(at(i.getCreateTime()), "engine", INCIDENT_RAISED, "system",
                        "Incident at " + i.getActivityId() + ": " + i.getIncidentMessage(), pi.getId(), key, null, null,
                        r.say("engine.incident", step, words.text(i.getIncidentMessage(), r.time()))));
                if (i.getEndTime() != null) {
                    entries.add(r.entry(at(i.getEndTime()), "engine", i.isResolved() ? INCIDENT_RESOLVED : INCIDENT_CLOSED, "system",
                            "Incident at " + i.getActivityId() + (i.isResolved() ? " resolved: the step ran again" : " closed with its process"),
                            pi.getId(), key, null, null, r.say(i.isResolved() ? "engine.incidentResolved" : "engine.incidentClosed", step)));
                }
            }
        }
    }

    /** The name a model gives a step, as the history recorded it; its id when it has none. */
    private String activityName(String processInstanceId, String activityId) {
        if (activityId == null) {
            return "";
        }
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(activityId)
                .list().stream().map(HistoricActivityInstance::getActivityName).filter(java.util.Objects::nonNull)
                .findFirst().orElse(activityId);
    }

    /**
     * Who did it, as people read it: role and name ("coordinator Chris Peeters"), from the identity service; null for
     * the product itself. Looked up once per person and timeline.
     */
    private final class People {
        private final Map<String, String> known = new HashMap<>();
        private final Wording.In words;

        People(Wording.In words) {
            this.words = words;
        }

        String describe(String userId) {
            if (userId == null || CurrentUser.SYSTEM.equals(userId)) {
                return null;
            }
            return known.computeIfAbsent(userId, id -> {
                User user = identityService.createUserQuery().userId(id).singleResult();
                String name = user == null ? id : String.join(" ", Stream.of(user.getFirstName(), user.getLastName())
                        .filter(p -> p != null && !p.isBlank()).toList());
                List<String> groups = identityService.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList();
                String role = words.role(groups);
                return (role == null ? "" : role + " ") + (name.isBlank() ? id : name);
            });
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

package eu.infosharing.governance.engine;

import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.process.FormContract;
import eu.infosharing.governance.process.ProcessContract;
import eu.infosharing.governance.process.ProcessContracts;
import eu.infosharing.governance.process.ProductAction;
import eu.infosharing.governance.process.UserTaskContract;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Field;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The trust boundary, in the engine's own command chain: every door (engine REST, the webapps' engine API that
 * Tasklist and Cockpit call, the Java API under our controllers) ends in a command here, so one check covers them all.
 *
 * <p>A command a person sends (someone is authenticated, it is not nested in another command, and it is not the
 * product acting on its own validated request, see {@link ProductAction}) passes only when its rule allows it:
 * <ul>
 *   <li>starting a process: only models with a start form, without a business key or start instructions, with
 *       exactly the start form's fields;</li>
 *   <li>completing a task: exactly the input fields of the task's form, each with a value its kind allows;</li>
 *   <li>no variables written outside a form, no messages, signals, modifications, migrations, deletions or
 *       suspensions, no deployments: those are the product's and the administrators';</li>
 *   <li>jobs: coordinators retry a failed job; nobody else executes a job or changes its retries or due date, so a
 *       refusal never burns a retry;</li>
 *   <li>comments and attachments: only who may work the task (or a coordinator), no links to other sites;</li>
 *   <li>auditors read; whatever else they send is refused.</li>
 * </ul>
 * Reads pass to the engine's own authorization checks. Administrators pass. The engine's own work (job executor,
 * schedulers) runs with nobody authenticated and passes. A refusal changes nothing: it comes before the engine
 * opens its transaction.
 */
final class TrustBoundary extends CommandInterceptor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrustBoundary.class);

    /** Commands that only read (queries, reports, lookups): the engine's authorization decides what they return. */
    private static final Pattern READ = Pattern.compile("^(Get|Find|Is|Optimize|ExecuteFilter)\\w*|Create\\w*QueryCmd"
            + "|AuthorizationCheckCmd|DetermineHistoryLevelCmd|CheckPassword|\\w*Query\\w*Cmd");

    /**
     * The engine's own follow-up work that runs as a command of its own after a person's command (recording a job's
     * success or failure, metrics, schema and deployment housekeeping): never sent through a door.
     */
    private static final Pattern ENGINE_INTERNAL = Pattern.compile("^org\\.camunda\\.bpm\\.engine\\.impl\\."
            + "(jobexecutor|metrics|db|history\\.handler|persistence\\.deploy)\\..*|.*\\.(BootstrapEngineCommand|"
            + "HistoryLevelSetupCommand|SchemaOperation\\w*|DeploymentFailListener\\$\\w+|DeleteDeploymentFailListener\\$\\w+"
            + "|HistoryCleanupHandler\\$\\w+)$");

    /** The writing commands a person may send at all, each under the rule of its own in {@link #check}. */
    static final Set<String> RULED = Set.of("StartProcessInstanceCmd", "SubmitStartFormCmd", "CompleteTaskCmd",
            "SubmitTaskFormCmd", "ClaimTaskCmd", "AssignTaskCmd", "DelegateTaskCmd", "ResolveTaskCmd", "SetTaskOwnerCmd",
            "SetTaskDueDateCmd", "SetTaskFollowUpDateCmd", "SetTaskPriorityCmd", "SetAnnotationForIncidentCmd", "SaveTaskCmd",
            "AddCommentCmd", "CreateAttachmentCmd", "ExecuteJobsCmd", "SetJobRetriesCmd", "SaveUserCmd");

    /** How the boundary treats a command class sent by a person who is not an administrator. */
    enum Treatment { READ, ENGINE_INTERNAL, WEBAPP_PLUGIN, RULED, REFUSED }

    static Treatment treatment(Class<?> type) {
        if (org.camunda.bpm.engine.query.Query.class.isAssignableFrom(type) || isReadName(type)) {
            return Treatment.READ;
        }
        if (ENGINE_INTERNAL.matcher(type.getName()).matches()) {
            return Treatment.ENGINE_INTERNAL;
        }
        if (!type.getName().startsWith("org.camunda.bpm.engine.")) {
            return Treatment.WEBAPP_PLUGIN;
        }
        return RULED.contains(type.getSimpleName()) ? Treatment.RULED : Treatment.REFUSED;
    }

    /** Changing one's own account (password, profile) is not process data: allowed for every role. */
    private static final Set<String> SELF_SERVICE = Set.of("SaveUserCmd");

    private final ProcessEngineConfigurationImpl configuration;
    private final ThreadLocal<Boolean> looking = ThreadLocal.withInitial(() -> Boolean.FALSE);

    TrustBoundary(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Authentication caller = callerAtDoor();
        Person person = caller == null ? null : personBehind(caller);
        if (person != null) {
            check(command, person);
        }
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            RuntimeException translated = translate(e, command, person);
            String completed = caller != null && translated == e ? completedTaskId(command) : null;
            RuntimeException gone = completed == null ? null : noLongerOpen(completed, person);
            if (gone != null) {
                log.info("Completion of task {} refused, the task is no longer open (the engine said: {})", completed,
                        e.getClass().getSimpleName());
                throw gone;
            }
            throw translated;
        }
    }

    /** Who sends this command from a door (admins included), or null when the product or the engine itself runs it. */
    private Authentication callerAtDoor() {
        if (Context.getCommandContext() != null || ProductAction.isActive() || looking.get()) {
            return null;
        }
        Authentication auth = configuration.getIdentityService().getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? null : auth;
    }

    /** The person behind a door's command, or null for an administrator, who passes. */
    private Person personBehind(Authentication auth) {
        List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        boolean admin = groups.stream().anyMatch(g -> configuration.getAdminGroups() != null && configuration.getAdminGroups().contains(g))
                || groups.contains(Roles.ADMINS)
                || configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(auth.getUserId());
        return admin ? null : new Person(auth.getUserId(), groups);
    }

    record Person(String userId, List<String> groups) {

        boolean coordinator() {
            return groups.contains(Roles.COORDINATORS);
        }

        boolean auditor() {
            return groups.contains(Roles.AUDITORS);
        }
    }

    // --- the rules ---------------------------------------------------------------------------------------------------

    private void check(Command<?> command, Person person) {
        String name = command.getClass().getSimpleName();
        Treatment treatment = treatment(command.getClass());
        if (treatment == Treatment.READ || treatment == Treatment.ENGINE_INTERNAL
                || treatment == Treatment.WEBAPP_PLUGIN) {
            return; // reads (the engine's grants decide what they return), the engine's own follow-up work, and the
                    // webapps' plugin queries (Cockpit statistics, Tasklist and Admin lookups)
        }
        if (SELF_SERVICE.contains(name)) {
            String target = ((org.camunda.bpm.engine.identity.User) read(command, "user")).getId();
            if (!person.userId().equals(target)) {
                refuse(person, "may change only their own account");
            }
            return;
        }
        if (person.auditor()) {
            refuse(person, "is an auditor: auditors read everything and change nothing");
        }
        switch (name) {
            case "StartProcessInstanceCmd" -> {
                ProcessInstantiationBuilderImpl b = (ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder");
                if (b.getModificationBuilder() != null && !b.getModificationBuilder().getModificationOperations().isEmpty()) {
                    refuse(person, "may not start a process at chosen activities: a process starts at its start event");
                }
                if (b.getCaseInstanceId() != null || b.getTenantId() != null) {
                    refuse(person, "may not start a process inside a case or for a tenant");
                }
                String key = b.getProcessDefinitionKey() != null ? b.getProcessDefinitionKey() : keyOf(b.getProcessDefinitionId());
                checkStart(key, b.getBusinessKey(), b.getVariables(), person, command, null);
            }
            case "SubmitStartFormCmd" -> checkStart(keyOf((String) read(command, "processDefinitionId")),
                    (String) read(command, "businessKey"), mapOf(command, "variables"), person, command, "variables");
            case "CompleteTaskCmd" -> checkCompletion((String) read(command, "taskId"), mapOf(command, "variables"),
                    command, "variables");
            case "SubmitTaskFormCmd" -> checkCompletion((String) read(command, "taskId"), mapOf(command, "properties"),
                    command, "properties");
            case "ClaimTaskCmd" -> {
                String user = (String) read(command, "userId");
                if (user != null && !user.equals(person.userId())) {
                    refuse(person, "may claim a task only for themselves");
                }
            }
            case "AssignTaskCmd", "DelegateTaskCmd", "ResolveTaskCmd", "SetTaskOwnerCmd", "SetTaskDueDateCmd",
                 "SetTaskFollowUpDateCmd", "SetTaskPriorityCmd", "SetAnnotationForIncidentCmd" -> {
                if (!person.coordinator()) {
                    refuse(person, "may not reassign a task or change its dates: coordinators do");
                }
            }
            case "SaveTaskCmd" -> checkTaskChange((TaskEntity) read(command, "task"), person);
            case "AddCommentCmd" -> checkNote((String) read(command, "taskId"), (String) read(command, "processInstanceId"),
                    person, "comment");
            case "CreateAttachmentCmd" -> {
                if (read(command, "url") != null) {
                    refuse(person, "may not attach a link to another site: attach the document itself");
                }
                checkNote((String) read(command, "taskId"), (String) read(command, "processInstanceId"), person, "attachment");
            }
            case "ExecuteJobsCmd" -> {
                try {
                    checkJobs(List.of((String) read(command, "jobId")), person, "execute");
                } catch (ActionRefused refused) {
                    // the engine records a failure of this call against the job (one retry less) unless it is told
                    // that no job ran: a refusal must leave the job exactly as it was
                    write(read(command, "jobFailureCollector"), "jobId", null);
                    // engine REST's job resource answers an authorization error with 403, anything else with 500
                    throw new org.camunda.bpm.engine.AuthorizationException(refused.getMessage());
                }
            }
            case "SetJobRetriesCmd" -> {
                @SuppressWarnings("unchecked")
                List<String> ids = (List<String>) read(command, "jobIds");
                String one = (String) read(command, "jobId");
                if (one == null && (ids == null || ids.isEmpty())) {
                    refuse(person, "may set retries only of named jobs");
                }
                if ((int) read(command, "retries") < 1) {
                    refuse(person, "may not take a job's retries away");
                }
                checkJobs(one != null ? List.of(one) : ids, person, "retry");
            }
            default -> refuse(person, "may not do this (" + name.replaceAll("Cmd$", "") + "): the product and its "
                    + "administrators do");
        }
    }

    private static boolean isReadName(Class<?> type) {
        String outer = type.getEnclosingClass() == null ? "" : type.getEnclosingClass().getSimpleName();
        return READ.matcher(type.getSimpleName()).matches() || outer.endsWith("QueryImpl") || outer.endsWith("ReportImpl")
                || type.getSimpleName().endsWith("ReportImpl");
    }

    private void checkStart(String key, String businessKey, Map<String, Object> variables, Person person,
                            Command<?> command, String variablesField) {
        ProcessContract contract = ProcessContracts.byKey(key).orElse(null);
        if (contract == null || contract.startForm().isEmpty()) {
            refuse(person, "may not start " + key + ": only the product starts it, when its own steps call for it");
        }
        if (businessKey != null && !businessKey.isBlank()) {
            throw new SubmissionRefused("Refused, nothing was changed: 'businessKey' is set by the process "
                    + "itself from what it stores; leave it empty");
        }
        FormContract form = contract.startForm().get();
        Set<String> shown = FormSubmissions.check(form, variables, "starting " + key);
        if (!shown.isEmpty() && variablesField != null) {
            dropShown(command, variablesField, variables, shown);
        } else if (!shown.isEmpty()) {
            shown.forEach(variables::remove);
        }
    }

    private void checkCompletion(String taskId, Map<String, Object> variables, Command<?> command, String variablesField) {
        // looked up with the person's own grants: a task they may not see is the engine's to refuse, and no message of
        // ours tells them anything about it
        Task task = lookUpAsPerson(() -> configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            return;
        }
        String key = task.getProcessDefinitionId() == null ? null : keyOf(task.getProcessDefinitionId());
        Optional<UserTaskContract> contract = ProcessContracts.byKey(key).flatMap(c -> c.userTask(task.getTaskDefinitionKey()));
        if (contract.isEmpty()) {
            if (variables != null && !variables.isEmpty()) {
                throw new SubmissionRefused("Refused, nothing was changed: this task "
                        + "takes no values");
            }
            return;
        }
        Set<String> shown = FormSubmissions.check(contract.get().form(), variables, "'" + task.getName() + "'");
        if (!shown.isEmpty()) {
            dropShown(command, variablesField, variables, shown);
        }
    }

    private static String completedTaskId(Command<?> command) {
        String name = command.getClass().getSimpleName();
        return name.equals("CompleteTaskCmd") || name.equals("SubmitTaskFormCmd") ? (String) read(command, "taskId") : null;
    }

    /**
     * A completion that failed because the task is no longer open (someone completed it first, or the same person a
     * moment before): what happened instead of the engine's "task is null" or optimistic-locking text. Null when the
     * task is still open (the failure was about something else) or when the lookup fails too (the database is away).
     */
    private RuntimeException noLongerOpen(String taskId, Person person) {
        try {
            if (lookUp(() -> configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult()) != null) {
                return null;
            }
            HistoricTaskInstance done = lookUp(() -> configuration.getHistoryService().createHistoricTaskInstanceQuery()
                    .taskId(taskId).singleResult());
            if (done == null || !mayKnowOf(done, person)) {
                return new InvalidRequestException(Response.Status.NOT_FOUND, "There is no open task with id " + taskId);
            }
            String at = done.getEndTime() == null ? "" : " at " + done.getEndTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
            if (!TaskEntity.DELETE_REASON_COMPLETED.equals(done.getDeleteReason())) {
                return new TaskNoLongerOpen("This task is no longer open: it was closed" + at + " when its process moved "
                        + "on without it. Nothing you sent was recorded.");
            }
            String by = lookUp(() -> configuration.getHistoryService().createUserOperationLogQuery().taskId(taskId)
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()).stream()
                    .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst().orElse(null);
            return new TaskNoLongerOpen("This task was already completed" + (by == null ? "" : " by " + by) + at
                    + ". Nothing you sent was recorded.");
        } catch (RuntimeException lookupFailed) {
            return null;
        }
    }

    /** Who may learn who completed a task: whoever could work or see it (its candidates, its assignee, coordinators). */
    private boolean mayKnowOf(HistoricTaskInstance task, Person person) {
        if (person == null || person.coordinator() || person.auditor() || person.userId().equals(task.getAssignee())) {
            return true;
        }
        return lookUp(() -> configuration.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(task.getId()).list())
                .stream().anyMatch(l -> person.userId().equals(l.getUserId())
                        || l.getGroupId() != null && person.groups().contains(l.getGroupId()));
    }

    /** Coordinators reassign and reschedule a task; the name, the description and the rest are the product's. */
    private void checkTaskChange(TaskEntity changed, Person person) {
        if (!person.coordinator()) {
            refuse(person, "may not create or change a task: tasks come from the processes, coordinators reassign and "
                    + "reschedule them");
        }
        Task stored = changed.getId() == null ? null
                : lookUp(() -> configuration.getTaskService().createTaskQuery().taskId(changed.getId()).singleResult());
        if (stored == null) {
            refuse(person, "may not create tasks: tasks come from the processes");
        }
        boolean productFieldsKept = Objects.equals(stored.getName(), changed.getName())
                && Objects.equals(stored.getDescription(), changed.getDescription())
                && Objects.equals(stored.getOwner(), changed.getOwner())
                && Objects.equals(stored.getParentTaskId(), changed.getParentTaskId())
                && Objects.equals(stored.getDelegationState(), changed.getDelegationState())
                && Objects.equals(stored.getTenantId(), changed.getTenantId())
                && Objects.equals(stored.getCaseInstanceId(), changed.getCaseInstanceId());
        if (!productFieldsKept) {
            refuse(person, "may change a task's assignee, due date, follow-up date and priority only");
        }
    }

    /** A comment or attachment: only who may work the task (or a coordinator); on a process only coordinators. */
    private void checkNote(String taskId, String processInstanceId, Person person, String what) {
        if (person.coordinator()) {
            return;
        }
        if (taskId == null) {
            refuse(person, "may not add a " + what + " to a process: add it to your task");
        }
        Task task = lookUpAsPerson(() -> configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            return; // the engine refuses a task the person may not see
        }
        boolean works = person.userId().equals(task.getAssignee()) || lookUp(() -> configuration.getTaskService()
                .getIdentityLinksForTask(taskId)).stream()
                .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
                        && (person.groups().contains(l.getGroupId()) || person.userId().equals(l.getUserId())));
        if (!works) {
            refuse(person, "may add a " + what + " only to a task they may work on");
        }
    }

    /** Coordinators retry failed jobs; a refused call never reaches the job (no retry is burned, no incident made). */
    private void checkJobs(List<String> jobIds, Person person, String what) {
        if (!person.coordinator()) {
            refuse(person, "may not " + what + " jobs: the engine runs them, coordinators retry failed ones");
        }
        for (String id : jobIds) {
            Job job = lookUp(() -> configuration.getManagementService().createJobQuery().jobId(id).singleResult());
            if (job != null && job.getExceptionMessage() == null && job.getRetries() > 0) {
                refuse(person, "may " + what + " only a job that failed: a waiting timer or step fires on its own time");
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private static void refuse(Person person, String why) {
        throw new ActionRefused("Refused, nothing was changed: " + person.userId() + " " + why);
    }

    private String keyOf(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        var definition = lookUp(() -> configuration.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionId(processDefinitionId).singleResult());
        return definition == null ? null : definition.getKey();
    }

    /** Looks something up with the person's own grants (what they may see), without checking the lookup itself. */
    private <T> T lookUpAsPerson(java.util.function.Supplier<T> query) {
        looking.set(Boolean.TRUE);
        try {
            return query.get();
        } finally {
            looking.set(Boolean.FALSE);
        }
    }

    /** Looks something up for a check, as the product: the person's own grants decide later, in the engine. */
    private <T> T lookUp(java.util.function.Supplier<T> query) {
        looking.set(Boolean.TRUE);
        try {
            return Privileged.call(configuration.getIdentityService(), query);
        } finally {
            looking.set(Boolean.FALSE);
        }
    }

    /** The form's read-only fields come back from Tasklist as they were shown: set them aside before the engine. */
    private static void dropShown(Command<?> command, String field, Map<String, Object> variables, Set<String> shown) {
        VariableMap kept = Variables.createVariables();
        for (String name : variables.keySet()) {
            if (!shown.contains(name)) {
                kept.putValueTyped(name, variables instanceof VariableMap map ? map.getValueTyped(name)
                        : Variables.untypedValue(variables.get(name)));
            }
        }
        write(command, field, kept);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Command<?> command, String field) {
        return (Map<String, Object>) read(command, field);
    }

    private static Object read(Object target, String name) {
        try {
            return field(target.getClass(), name).get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + target.getClass().getName(), e);
        }
    }

    private static void write(Object target, String name, Object value) {
        try {
            field(target.getClass(), name).set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot write " + name + " of " + target.getClass().getName(), e);
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(type.getName() + " has no field " + name + ": the engine changed, review TrustBoundary");
    }

    /**
     * A form validation error of ours is handed out unwrapped ("ENGINE-03051 There was an exception while invoking the
     * TaskListener..." says nothing to a person), and a person's process start answers it as a 400 with its sentence:
     * engine REST turns every engine exception on its start resource into a 500.
     */
    private static RuntimeException translate(RuntimeException e, Command<?> command, Person person) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FormFieldValidationException formError) {
                if (person != null && command.getClass().getSimpleName().equals("StartProcessInstanceCmd")) {
                    return new SubmissionRefused(formError.getMessage());
                }
                return formError;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e;
    }
}

package eu.infosharing.governance.engine;

import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.process.AnnualReviewProcess;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.process.DataSubjectRequestProcess;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.RulesAcceptanceProcess;
import eu.infosharing.governance.process.RulesRevisionProcess;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's authorizations for each role, created by the product (never by hand) and checked by Tasklist,
 * Cockpit and engine REST. Tasks themselves are granted to their candidate groups by the engine when the task
 * is created, so a representative or reviewer sees exactly the tasks of their group.
 */
@Component
public class AuthorizationGrants {

    private static final String ANY = "*";

    private final AuthorizationService authorizations;
    private final IdentityService identityService;
    private final TasklistFilters filters;

    public AuthorizationGrants(AuthorizationService authorizations, IdentityService identityService, TasklistFilters filters) {
        this.authorizations = authorizations;
        this.identityService = identityService;
        this.filters = filters;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-10)
    public void grantRoles() {
        Map<String, String> filterIds = filters.ensure();

        // administrators: everything, as Camunda's own first-admin setup grants it
        for (Resources resource : Resources.values()) {
            grant(Roles.ADMINS, resource, ANY, Permissions.ALL);
        }

        // coordinators: all memberships and their tasks; start and decide processes; no Admin
        String c = Roles.COORDINATORS;
        grant(c, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(c, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // work and assign tasks, retry failed jobs; no UPDATE: variables, modifications and suspensions are the
        // product's (TrustBoundary refuses them too, for every door)
        grant(c, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE, Permissions.CREATE_INSTANCE,
                Permissions.READ_HISTORY, Permissions.READ_TASK, Permissions.TASK_WORK, Permissions.TASK_ASSIGN,
                ProcessDefinitionPermissions.RETRY_JOB);
        grant(c, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE, ProcessInstancePermissions.RETRY_JOB);
        grant(c, Resources.TASK, ANY, Permissions.READ, Permissions.TASK_WORK, Permissions.TASK_ASSIGN);
        grant(c, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(c, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(c, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

        // auditors: read everything, history included; change nothing
        String a = Roles.AUDITORS;
        grant(a, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(a, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(a, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
                Permissions.READ_TASK);
        grant(a, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(a, Resources.TASK, ANY, Permissions.READ);
        grant(a, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(a, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(a, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

        // privacy and legal reviewers: Tasklist, their review tasks (granted per task), the forms
        for (String reviewer : new String[] {Roles.PRIVACY, Roles.LEGAL}) {
            grant(reviewer, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(reviewer, Resources.PROCESS_DEFINITION, OnboardingProcess.KEY, Permissions.READ);
            grant(reviewer, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }
        // the DPO answers data-subject requests in Tasklist (the task itself is granted to the group privacy per task)
        grant(Roles.PRIVACY, Resources.PROCESS_DEFINITION, DataSubjectRequestProcess.KEY, Permissions.READ);

        filters.audience().forEach((name, groups) ->
                groups.forEach(g -> grant(g, Resources.FILTER, filterIds.get(name), Permissions.READ)));

        String myOrganisation = filterIds.get(TasklistFilters.MY_ORGANISATION);
        identityService.createGroupQuery().groupType(Roles.ORGANISATION_GROUP_TYPE).list().stream()
                .map(Group::getId).forEach(group -> grantOrganisation(group, myOrganisation));
    }

    /** The organisation's group of representatives, created when missing, with its grants. */
    public void ensureOrganisationGroup(String groupId, String name) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType(Roles.ORGANISATION_GROUP_TYPE);
            identityService.saveGroup(group);
        }
        grantOrganisation(groupId);
    }

    /**
     * An organisation's representatives: Tasklist with the "My organisation" filter, and applying for their
     * organisation. Their tasks are granted per task, so they never see another organisation's.
     */
    public void grantOrganisation(String groupId) {
        grantOrganisation(groupId, filters.ensure().get(TasklistFilters.MY_ORGANISATION));
    }

    private void grantOrganisation(String groupId, String myOrganisationFilterId) {
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, OnboardingProcess.KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(groupId, Resources.PROCESS_DEFINITION, NotificationProcess.KEY, Permissions.READ);
        grant(groupId, Resources.PROCESS_DEFINITION, RulesRevisionProcess.KEY, Permissions.READ);
        grant(groupId, Resources.PROCESS_DEFINITION, RulesAcceptanceProcess.KEY, Permissions.READ);
        grant(groupId, Resources.PROCESS_DEFINITION, AnnualReviewProcess.KEY, Permissions.READ);
        // withdrawal from the Tasklist start form; the start listener refuses any other way of ending for them
        grant(groupId, Resources.PROCESS_DEFINITION, CessationProcess.KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(groupId, Resources.FILTER, myOrganisationFilterId, Permissions.READ);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization grant = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        // exactly these permissions: a grant widened by an earlier version (or by hand) is narrowed again at startup
        grant.setPermissions(permissions);
        authorizations.saveAuthorization(grant);
    }
}

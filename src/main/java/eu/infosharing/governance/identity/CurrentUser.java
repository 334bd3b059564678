package eu.infosharing.governance.identity;

import eu.infosharing.governance.organisation.Organisation;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting, as the engine knows it: set by the Camunda webapps and engine REST for their requests,
 * and by {@link EngineAuthenticationFilter} for our API. Work the engine does on its own acts as "system".
 */
@Component
public class CurrentUser {

    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean isAuthenticated() {
        Authentication a = identityService.getCurrentAuthentication();
        return a != null && a.getUserId() != null;
    }

    /** The user id, or "system" for the engine's own work (timers, jobs). */
    public String id() {
        return isAuthenticated() ? identityService.getCurrentAuthentication().getUserId() : SYSTEM;
    }

    public List<String> groups() {
        Authentication a = identityService.getCurrentAuthentication();
        if (a == null || a.getUserId() == null) {
            return List.of();
        }
        List<String> groups = a.getGroupIds();
        return groups == null ? List.of() : groups;
    }

    public boolean isIn(String group) {
        return groups().contains(group);
    }

    /** Whether the user is one of the organisation's representatives (a member of its group). */
    public boolean represents(Organisation organisation) {
        return organisation.getRepresentativesGroup().map(this::isIn).orElse(false);
    }

    /** Coordinators and administrators act for any organisation; the engine's own work does too. */
    public boolean actsForAnyOrganisation() {
        return !isAuthenticated() || isIn(Roles.COORDINATORS) || isIn(Roles.ADMINS);
    }

    /** Roles that read every membership: coordinators, auditors, administrators (reviewers read those they review). */
    public boolean readsAllMemberships() {
        return actsForAnyOrganisation() || isIn(Roles.AUDITORS);
    }

    /** The reviewer groups (privacy, legal) the user is in. */
    public List<String> reviewerGroups() {
        return groups().stream().filter(g -> g.equals(Roles.PRIVACY) || g.equals(Roles.LEGAL)).toList();
    }
}

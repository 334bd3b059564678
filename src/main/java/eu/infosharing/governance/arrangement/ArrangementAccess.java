package eu.infosharing.governance.arrangement;

import eu.infosharing.governance.arrangement.Arrangement;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.organisation.Organisation;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Access to an arrangement: its members' representatives are members of the arrangement's Camunda group, which a
 * sharing platform (MISP, a portal) reads through the identity service or the directory behind it.
 */
@Component
public class ArrangementAccess {

    private static final Logger log = LoggerFactory.getLogger(ArrangementAccess.class);

    private final IdentityService identityService;
    private final ArrangementRepository arrangements;

    public ArrangementAccess(IdentityService identityService, ArrangementRepository arrangements) {
        this.identityService = identityService;
        this.arrangements = arrangements;
    }

    /**
     * Every arrangement's group exists before anybody joins one: created at startup, each in its own engine command,
     * rather than by the first activation. Two members of a new arrangement activated at the same moment (on one node
     * or two) both found it missing and both created it; one failed on the group's unique key and was retried. A node
     * that loses the same race at startup finds the group made by the other.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void groupOfEveryArrangement() {
        Privileged.run(identityService, () -> arrangements.findAll().forEach(arrangement -> {
            try {
                ensureGroup(arrangement);
            } catch (RuntimeException e) {
                if (identityService.createGroupQuery().groupId(Roles.arrangementGroup(arrangement.getCode())).count() == 0) {
                    throw e;
                }
                log.debug("Group of {} created by another node meanwhile", arrangement.getCode());
            }
        }));
    }

    /** Every user of the organisation's group joins the arrangement's group; answers who joined now. */
    public List<String> grant(Organisation organisation, Arrangement arrangement) {
        String orgGroup = organisation.getRepresentativesGroup()
                .orElseThrow(() -> new IllegalStateException(organisation.getLegalName() + " has no representatives group"));
        // group administration is the product's work, not the rights of whoever completed the last task
        return Privileged.call(identityService, () -> {
            String groupId = ensureGroup(arrangement);
            List<String> joined = new java.util.ArrayList<>();
            for (User user : identityService.createUserQuery().memberOfGroup(orgGroup).list()) {
                if (identityService.createUserQuery().userId(user.getId()).memberOfGroup(groupId).count() == 0) {
                    identityService.createMembership(user.getId(), groupId);
                    joined.add(user.getId());
                }
            }
            return joined;
        });
    }

    /**
     * The organisation's users leave the arrangement's group (cessation, suspension); answers who left. A user who
     * also represents another organisation that is still a member keeps access through that one: name it in keep.
     */
    public List<String> revoke(Organisation organisation, Arrangement arrangement, java.util.Set<String> keep) {
        String orgGroup = organisation.getRepresentativesGroup().orElse(null);
        if (orgGroup == null) {
            return List.of();
        }
        return Privileged.call(identityService, () -> {
            String groupId = Roles.arrangementGroup(arrangement.getCode());
            List<String> left = new java.util.ArrayList<>();
            for (User user : identityService.createUserQuery().memberOfGroup(orgGroup).list()) {
                if (!keep.contains(user.getId())
                        && identityService.createUserQuery().userId(user.getId()).memberOfGroup(groupId).count() > 0) {
                    identityService.deleteMembership(user.getId(), groupId);
                    left.add(user.getId());
                }
            }
            return left;
        });
    }

    /** Who has access to the arrangement now. */
    public List<String> members(Arrangement arrangement) {
        return Privileged.call(identityService, () -> identityService.createUserQuery()
                .memberOfGroup(Roles.arrangementGroup(arrangement.getCode())).list().stream().map(User::getId).toList());
    }

    private String ensureGroup(Arrangement arrangement) {
        String groupId = Roles.arrangementGroup(arrangement.getCode());
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(arrangement.getName());
            group.setType(Roles.ARRANGEMENT_GROUP_TYPE);
            identityService.saveGroup(group);
        }
        return groupId;
    }
}

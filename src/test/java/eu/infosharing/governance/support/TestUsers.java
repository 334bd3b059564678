package eu.infosharing.governance.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Camunda users and groups for tests, created once whatever the test order. */
@Component
public class TestUsers {

    private final IdentityService identityService;

    public TestUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void group(String id) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group g = identityService.newGroup(id);
            g.setName(id);
            identityService.saveGroup(g);
        }
    }

    /** A user with this password who is a member of the group. */
    public void user(String id, String password, String group) {
        group(group);
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User u = identityService.newUser(id);
            u.setPassword(password);
            identityService.saveUser(u);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }
}

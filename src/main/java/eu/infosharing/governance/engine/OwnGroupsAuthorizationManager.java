package eu.infosharing.governance.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks without its scan of every group that holds an authorization.
 *
 * <p>Before each command's first check, Camunda's {@link AuthorizationManager} reads
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} and keeps only the person's groups found there, so that
 * the checks' {@code GROUP_ID_ IN (...)} lists stay short for people in thousands of (LDAP) groups. Here every
 * organisation has its own group holding authorizations, so that scan returns one row per organisation, on every
 * command, and was the costliest statement of a lifecycle at 2,000 organisations (issue 17). A person here is in a
 * handful of groups: the checks take them as they are. A group that holds no authorization matches no row in the
 * checks' {@code IN} lists, so who may do what is unchanged (AccessMatrixTest, HostileMemberTest).
 *
 * <p>Nor does the engine look for a REVOKE authorization before each command ({@code authorization-check-revokes:
 * never}): the product's roles are grants only, so creating a REVOKE (Admin's Authorizations page, engine REST) is
 * refused here with the reason, and a database holding one does not start ({@link #refuseExistingRevokes}), since the
 * engine would otherwise ignore it and allow what it was meant to forbid.
 */
public class OwnGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return EMPTY_LIST;
        }
        // a copy: MyBatis iterates the list while the caller's Authentication keeps its own
        return new ArrayList<>(authenticatedGroupIds);
    }

    @Override
    public void insert(DbEntity authorization) {
        refuseRevoke(authorization);
        super.insert(authorization);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
        refuseRevoke(authorization);
        super.update(authorization);
    }

    private static void refuseRevoke(DbEntity authorization) {
        if (authorization instanceof AuthorizationEntity entity && entity.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
            throw new BadUserRequestException("This product does not use REVOKE authorizations: its roles are grants only "
                    + "(see the README's roles). To take a permission away, remove or narrow the grant that gives it.");
        }
    }

    /** Called once the engine is built: a REVOKE left in the database would be ignored, so the product does not start. */
    static void refuseExistingRevokes(AuthorizationService authorizations) {
        long revokes = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
        if (revokes > 0) {
            throw new IllegalStateException(revokes + " REVOKE authorization(s) in ACT_RU_AUTHORIZATION: this product checks "
                    + "grants only (authorization-check-revokes: never) and would ignore them. Replace each by narrowing "
                    + "the grants it was meant to limit, then start again.");
        }
    }

    /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
    static class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new OwnGroupsAuthorizationManager();
        }
    }
}

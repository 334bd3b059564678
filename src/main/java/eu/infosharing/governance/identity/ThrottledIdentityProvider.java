package eu.infosharing.governance.identity;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's user store, with the {@link LoginThrottle} in place of Camunda's own lockout. Camunda locks a user for
 * good after N failures from anywhere (so a stranger could lock out the only administrator); here failures delay only
 * the client that makes them, and never lock. Every door checks passwords here: the webapps' login, engine REST's
 * HTTP Basic and our API.
 */
public class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null || password.isEmpty()) {
            return false;
        }
        LoginThrottle throttle = LoginThrottle.get();
        String client = ClientAddress.current();
        if (throttle.isDelayed(userId, client)) {
            return false;
        }
        UserEntity user = findUserById(userId);
        if (user != null && matchPassword(password, user)) {
            throttle.succeeded(userId, client);
            if (user.getAttempts() > 0 || user.getLockExpirationTime() != null) {
                unlockUser(user); // a lock left by Camunda's own lockout before this product took over
            }
            return true;
        }
        throttle.failed(userId, client);
        return false;
    }
}

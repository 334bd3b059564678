package eu.infosharing.governance.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs product housekeeping that the person triggering it may not do themselves (creating their organisation's
 * group and its grants): the engine checks no authorization when no one is authenticated.
 */
public final class Privileged {

    private Privileged() {
    }

    public static <T> T call(IdentityService identityService, Supplier<T> work) {
        Authentication saved = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (saved != null) {
                identityService.setAuthentication(saved);
            }
        }
    }

    public static void run(IdentityService identityService, Runnable work) {
        call(identityService, () -> {
            work.run();
            return null;
        });
    }
}

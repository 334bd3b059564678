package eu.infosharing.governance.process;

import java.util.function.Supplier;

/**
 * Marks an engine call that the product itself makes on a person's request, after its own validation (our API
 * starting a process with the membership it stored). The trust boundary lets such a call carry the process's own
 * variables and business key; a call from any door (engine REST, Tasklist, Cockpit) is never marked.
 */
public final class ProductAction {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private ProductAction() {
    }

    public static boolean isActive() {
        return ACTIVE.get();
    }

    public static <T> T call(Supplier<T> work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}

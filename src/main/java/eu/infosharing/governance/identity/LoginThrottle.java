package eu.infosharing.governance.identity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Slows down password guessing without letting anyone lock an account: after a failed login, the same user from
 * the same client must wait (3 s, doubling to 60 s by default) before a password is checked again. A failure from one
 * address never delays the same user elsewhere, nothing is ever locked for good, and a success clears the delay.
 * Kept in memory per node (at most {@link #MAX_ENTRIES} pairs, the least recently used forgotten first); a restart
 * forgets every delay.
 */
public final class LoginThrottle {

    static final int MAX_ENTRIES = 10_000;

    private static volatile LoginThrottle instance = new LoginThrottle(Duration.ofSeconds(3), Duration.ofSeconds(60));

    private final Duration base;
    private final Duration max;
    private final Map<String, State> states = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private record State(int failures, long until) {
    }

    LoginThrottle(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    public static LoginThrottle get() {
        return instance;
    }

    static void configure(Duration base, Duration max) {
        instance = new LoginThrottle(base, max);
    }

    /** Whether this user, from this client, must still wait before a password is checked. */
    public synchronized boolean isDelayed(String userId, String client) {
        State s = states.get(key(userId, client));
        return s != null && now() < s.until();
    }

    public synchronized void failed(String userId, String client) {
        String key = key(userId, client);
        State before = states.get(key);
        int failures = before == null ? 1 : before.failures() + 1;
        long delay = base.toMillis() << Math.min(failures - 1, 20);
        states.put(key, new State(failures, now() + Math.min(delay, max.toMillis())));
    }

    public synchronized void succeeded(String userId, String client) {
        states.remove(key(userId, client));
    }

    private static String key(String userId, String client) {
        return userId + '\u0000' + client;
    }

    private static long now() {
        return ClockUtil.getCurrentTime().getTime();
    }
}

package eu.infosharing.governance.onboarding;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * How often the Apply to join page may be used, as the login throttle counts failed logins: per client address and per
 * e-mail address, within a sliding window, in memory per node (at most {@link #MAX_KEYS} keys, the least recently used
 * forgotten first; a restart forgets them). A request over either limit is refused before anything is looked up or
 * sent, so the answer says nothing about the address asked for.
 */
@Component
class AccountRequestThrottle {

    static final int MAX_KEYS = 10_000;

    private final JoinSettings settings;
    private final Map<String, Deque<Long>> seen = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    AccountRequestThrottle(JoinSettings settings) {
        this.settings = settings;
    }

    /** Counts the request and answers true, or answers false (counting nothing) when either limit is reached. */
    synchronized boolean allow(String client, String email) {
        long now = ClockUtil.getCurrentTime().getTime();
        Deque<Long> byClient = recent("client\u0000" + client, now);
        Deque<Long> byEmail = recent("email\u0000" + email, now);
        if (byClient.size() >= settings.getMaxRequestsPerAddress() || byEmail.size() >= settings.getMaxRequestsPerEmail()) {
            return false;
        }
        byClient.addLast(now);
        byEmail.addLast(now);
        return true;
    }

    private Deque<Long> recent(String key, long now) {
        Deque<Long> times = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
        long since = now - settings.getThrottleWindow().toMillis();
        while (!times.isEmpty() && times.peekFirst() <= since) {
            times.removeFirst();
        }
        return times;
    }
}

package eu.infosharing.governance.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure because the database is away (stopped, unreachable, its connections cut, or no connection free in
 * the pool before the pool's connection timeout) from any other failure, through whatever wraps it: the engine's
 * persistence exceptions, Spring's data-access and transaction exceptions, Hibernate's, servlet exceptions. Every door
 * answers such a failure with 503 and a retry hint instead of an error that names SQL or classes.
 */
public final class DatabaseOutage {

    /** SQLSTATEs of a connection that failed or of a server shutting down or refusing new sessions. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /**
     * What the pool answers on a connection it closed because the database broke it (Hikari gives no SQLSTATE): met
     * when a transaction is rolled back after its connection died, an error that replaces the original one.
     */
    private static final String CONNECTION_CLOSED_BY_POOL = "Connection is closed";

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() == null && CONNECTION_CLOSED_BY_POOL.equals(sql.getMessage())) {
                return true;
            }
            if (t instanceof SQLException sql && (isOutageState(sql.getSQLState())
                    || sql.getNextException() != null && isOutageState(sql.getNextException().getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Class 08 is "connection exception" in the SQL standard; the others are PostgreSQL's shutdown and overload states. */
    private static boolean isOutageState(String state) {
        return state != null && (state.startsWith("08") || OUTAGE_STATES.contains(state));
    }
}

package eu.infosharing.governance.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * One wait for the database per request. A request may ask the pool for a connection several times (the shared
 * session is read, the user's password checked, the session written back), and during an outage each ask waits the
 * pool's whole connection timeout (3 s): a Tasklist login took 9 s to answer its 503. Once an ask has failed because
 * the database is away, the same request's further asks fail at once; the next request tries the database again.
 * Only request threads (those {@link OutageFilter} serves) are concerned: the job executor keeps its own retries.
 */
@Component
class FailFastConnections implements BeanPostProcessor {

    private static final ThreadLocal<Boolean> IN_REQUEST = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> DATABASE_AWAY = new ThreadLocal<>();

    /** Called by {@link OutageFilter} around each request. */
    static void requestStarts() {
        IN_REQUEST.set(Boolean.TRUE);
        DATABASE_AWAY.remove();
    }

    static void requestEnds() {
        IN_REQUEST.remove();
        DATABASE_AWAY.remove();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof OncePerRequest) ? new OncePerRequest(dataSource) : bean;
    }

    static final class OncePerRequest extends DelegatingDataSource {

        OncePerRequest(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return guarded(() -> super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return guarded(() -> super.getConnection(username, password));
        }

        private static Connection guarded(ConnectionSource source) throws SQLException {
            if (Boolean.TRUE.equals(DATABASE_AWAY.get())) {
                throw new SQLTransientConnectionException("The database was not reachable earlier in this request", "08001");
            }
            try {
                return source.get();
            } catch (SQLException | RuntimeException e) {
                if (Boolean.TRUE.equals(IN_REQUEST.get()) && DatabaseOutage.causedBy(e)) {
                    DATABASE_AWAY.set(Boolean.TRUE);
                }
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection get() throws SQLException;
    }
}

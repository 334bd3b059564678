package eu.infosharing.governance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** During an outage a request waits for the pool once, not once per connection it asks for. */
class FailFastConnectionsTest {

    /** A pool whose database is away: each ask waits (here: is counted) and fails as Hikari's timeout does. */
    private final AtomicInteger asks = new AtomicInteger();
    private final DataSource away = new AbstractDataSource() {
        @Override
        public java.sql.Connection getConnection() throws SQLTransientConnectionException {
            asks.incrementAndGet();
            throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms");
        }

        @Override
        public java.sql.Connection getConnection(String username, String password) throws SQLTransientConnectionException {
            return getConnection();
        }
    };
    private final DataSource guarded = (DataSource) new FailFastConnections().postProcessAfterInitialization(away, "dataSource");

    @AfterEach
    void requestEnds() {
        FailFastConnections.requestEnds();
    }

    @Test
    void aRequestAsksThePoolOnceWhileTheDatabaseIsAway() {
        FailFastConnections.requestStarts();
        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                .satisfies(e -> assertThat(DatabaseOutage.causedBy(e)).as("still answered as an outage").isTrue());
        assertThatThrownBy(() -> guarded.getConnection("u", "p")).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(asks).as("asks that waited for the pool").hasValue(1);
    }

    @Test
    void theNextRequestTriesTheDatabaseAgain() {
        FailFastConnections.requestStarts();
        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        FailFastConnections.requestEnds();
        FailFastConnections.requestStarts();
        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(asks).hasValue(2);
    }

    @Test
    void threadsOutsideARequestKeepAskingThePool() {
        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(asks).as("the job executor's own retries are its own").hasValue(2);
    }

    @Test
    void theDataSourceIsWrappedOnce() {
        assertThat(new FailFastConnections().postProcessAfterInitialization(guarded, "dataSource")).isSameAs(guarded);
        assertThat(new FailFastConnections().postProcessAfterInitialization("not a data source", "other")).isEqualTo("not a data source");
    }
}

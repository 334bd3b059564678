package eu.infosharing.governance.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the due date of the engine's jobs, which Camunda's schema does not have. Every job executor thread on
 * every node looks for due jobs in a loop ({@code selectNextJobsToExecute}: due date passed or none, not locked); a
 * community's waiting timers (an annual review per membership, two per member during a rules revision) are rows that
 * query had to read each time: at 100,000 waiting timers one acquisition took 146 ms p50 without the index and
 * 28 ms with it, as at 10,000 (JobAcquisitionBench, README "Performance"). Created once, when the engine is built,
 * after the engine created or checked its schema; a node that races another at startup finds the index made.
 */
@Component
public class JobDueDateIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "GOV_IDX_JOB_DUEDATE";

    private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String table = (configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix())
                + "ACT_RU_JOB";
        DataSource dataSource = configuration.getDataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists " + NAME + " on " + table + " (DUEDATE_)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // two nodes starting together: the one that lost the race finds the other's index; anything else is worth a
            // warning but not a refusal to start (acquisition works without the index, only slower)
            log.warn("Could not create the index {} on {}: {}", NAME, table, e.getMessage());
        }
    }
}

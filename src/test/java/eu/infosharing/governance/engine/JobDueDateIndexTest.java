package eu.infosharing.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The engine's job table has the index on the due date that job acquisition reads by, and building it twice is harmless. */
@SpringBootTest
@ActiveProfiles("test")
class JobDueDateIndexTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine engine;

    @Test
    void theJobTableIsIndexedByDueDateAndASecondNodeStartsOverIt() throws Exception {
        assertThat(indexesOfTheJobTable()).contains(JobDueDateIndex.NAME);
        // what a second node does at its startup
        new JobDueDateIndex().postProcessEngineBuild(engine);
        assertThat(indexesOfTheJobTable()).containsOnlyOnce(JobDueDateIndex.NAME);
    }

    private List<String> indexesOfTheJobTable() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getIndexInfo(null, null, "ACT_RU_JOB", false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null && rs.getString("COLUMN_NAME").equalsIgnoreCase("DUEDATE_")) {
                    names.add(rs.getString("INDEX_NAME").toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        return names;
    }
}

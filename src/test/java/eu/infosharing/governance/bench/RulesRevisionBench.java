package eu.infosharing.governance.bench;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.process.RulesAcceptanceProcess;
import eu.infosharing.governance.revision.RulesRevisionService;
import eu.infosharing.governance.support.EmbeddedPostgresConfiguration;
import eu.infosharing.governance.support.SqlStatements;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A rules revision at growing sizes of an arrangement, on embedded PostgreSQL with the job executor running with the
 * shipped settings (application.yaml): seeds N active members in bulk (two SQL statements: organisations with their
 * representatives' group name, memberships), publishes a revision as a coordinator would, and measures the time until
 * all N "Accept the revised rules of conduct" tasks exist, with the SQL statements run meanwhile. Each size uses an
 * arrangement of its own. Asserts nothing about time.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.members=500,5000}. Results also go to {@code target/bench/rules-revision.md}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({EmbeddedPostgresConfiguration.class, SqlStatements.class})
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
class RulesRevisionBench {

    private static final List<String> ARRANGEMENTS = List.of("HOSPITALS", "REGSTD", "AWARENESS", "PRIVACY", "APPSEC");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RulesRevisionService revisions;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @Test
    void timeUntilEveryMemberHasItsTask() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.members", "500,5000").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        StringBuilder table = new StringBuilder("| members | publish ms | all tasks after s | tasks/s | statements | per member |\n"
                + "|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < sizes.size(); i++) {
            table.append(measure(sizes.get(i), ARRANGEMENTS.get(i % ARRANGEMENTS.size()), i));
        }
        String report = "Rules revision on embedded PostgreSQL, " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + String.format(Locale.ROOT, "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + " at the end\n\n" + table;
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/rules-revision.md"), report);
    }

    private String measure(int members, String arrangement, int run) throws InterruptedException {
        long seeding = System.nanoTime();
        seed(members, arrangement, run);
        System.out.printf(Locale.ROOT, "seeded %d active members of %s in %.1f s%n", members, arrangement,
                (System.nanoTime() - seeding) / 1e9);
        SqlStatements.reset();
        long start = System.nanoTime();
        identityService.setAuthentication("benchcoordinator", List.of(Roles.COORDINATORS));
        RulesOfConductVersion v;
        try {
            v = revisions.publish(arrangement, new RulesRevisionService.Publication("bench-" + run, "Revised rules",
                    LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(30).toString(), "Measured"));
        } finally {
            identityService.clearAuthentication();
        }
        long published = System.nanoTime();
        long tasks = 0;
        long deadline = start + 60L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            tasks = taskService.createTaskQuery().processDefinitionKey(RulesAcceptanceProcess.KEY)
                    .processVariableValueEquals(RulesAcceptanceProcess.RULES_VERSION_ID.name(), v.getId()).count();
            if (tasks >= members) {
                break;
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long statements = SqlStatements.total();
        String row = String.format(Locale.ROOT, "| %,d | %d | %.1f%s | %.0f | %,d | %.1f |%n", members,
                (published - start) / 1_000_000, seconds, tasks >= members ? "" : " (only " + tasks + ")", tasks / seconds,
                statements, statements / (double) members);
        System.out.print(row);
        return row;
    }

    /** N organisations with their representatives' group name and an active membership each: two statements. */
    private void seed(int members, String arrangement, int run) {
        jdbc.update("insert into organisation (legal_name, legal_form, country, participant_type, nis2_status, nis2_sector, "
                + "preferred_language, representatives_group, created_at, updated_at) "
                + "select 'Bench Member ' || ? || '-' || g, 'NV', 'BE', 'PRIVATE_COMPANY', 'ESSENTIAL', 'HEALTH', 'nl', "
                + "'bench-org-' || ? || '-' || g, now(), now() from generate_series(1, ?) g", run, run, members);
        jdbc.update("insert into membership (organisation_id, arrangement_id, status, applied_at, validated_at, activated_at) "
                + "select o.id, (select id from arrangement where code = ?), 'ACTIVE', now(), now(), now() "
                + "from organisation o where o.representatives_group like ?", arrangement, "bench-org-" + run + "-%");
    }
}

package eu.infosharing.governance.revision;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.RulesAcceptanceProcess;
import eu.infosharing.governance.support.EmbeddedPostgresConfiguration;
import eu.infosharing.governance.support.Members;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A revision for an arrangement with 500 active members, on PostgreSQL with the job executor running: the revision
 * starts one rules-acceptance instance per member, in batches (each its own job), and 500 acceptance tasks exist.
 * Prints how long that took.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=100",
        "camunda.bpm.job-execution.max-wait=500",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=50",
        "camunda.bpm.job-execution.core-pool-size=4",
        "camunda.bpm.job-execution.max-pool-size=4"})
class RulesRevisionAtScaleIT {

    private static final int MEMBERS = 500;

    @Autowired
    Members members;
    @Autowired
    RulesRevisionService revisions;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @Test
    void aRevisionReachesFiveHundredMembers() throws Exception {
        Instant setup = Instant.now();
        for (int i = 1; i <= MEMBERS; i++) {
            members.activeMember("HOSPITALS", "Hospital " + i, Nis2Status.ESSENTIAL, eu.infosharing.governance.organisation.Nis2Sector.HEALTH,
                    null, Language.nl, NotificationMode.SEND_ON_BEHALF);
        }
        Duration setupTook = Duration.between(setup, Instant.now());

        Instant start = Instant.now();
        identityService.setAuthentication("scalecoordinator", List.of(Roles.COORDINATORS));
        RulesOfConductVersion v = revisions.publish("HOSPITALS", new RulesRevisionService.Publication("2.0",
                "Revised rules for hospitals", LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(30).toString(), "Patient data never shared"));
        identityService.clearAuthentication();
        Duration published = Duration.between(start, Instant.now());

        long tasks = 0;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            tasks = acceptanceTasks(v).taskDefinitionKey(RulesAcceptanceProcess.TASK_ACCEPT_REVISION).count();
            if (tasks == MEMBERS) {
                break;
            }
            Thread.sleep(250);
        }
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("BENCHMARK rules-revision: %d members created in %d ms; publish answered in %d ms; "
                + "%d acceptance tasks existed after %d ms (PostgreSQL, job executor 4 threads)%n",
                MEMBERS, setupTook.toMillis(), published.toMillis(), tasks, took.toMillis());
        assertThat(tasks).isEqualTo(MEMBERS);
        assertThat(acceptanceTasks(v).taskNameLike("Accept the revised rules of conduct: Hospital %, HOSPITALS").count()).isEqualTo(MEMBERS);
    }

    /** The tasks of the revision's acceptance instances: one root instance per member, with the version as variable. */
    private TaskQuery acceptanceTasks(RulesOfConductVersion v) {
        return taskService.createTaskQuery().processDefinitionKey(RulesAcceptanceProcess.KEY)
                .processVariableValueEquals(RulesAcceptanceProcess.RULES_VERSION_ID.name(), v.getId());
    }
}

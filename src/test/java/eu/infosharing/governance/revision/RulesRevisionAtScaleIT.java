package eu.infosharing.governance.revision;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.RulesRevisionProcess;
import eu.infosharing.governance.support.EmbeddedPostgresConfiguration;
import eu.infosharing.governance.support.Members;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A revision for an arrangement with 500 active members, on PostgreSQL with the job executor running: one process,
 * one parallel branch per member (each its own job), and 500 acceptance tasks. Prints how long that took.
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
            tasks = taskService.createTaskQuery().processInstanceBusinessKey(RulesRevisionProcess.BUSINESS_KEY_PREFIX + v.getId())
                    .taskDefinitionKey(RulesRevisionProcess.TASK_ACCEPT_REVISION).count();
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
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(RulesRevisionProcess.BUSINESS_KEY_PREFIX + v.getId())
                .taskNameLike("Accept the revised rules of conduct: Hospital %, HOSPITALS").count()).isEqualTo(MEMBERS);
    }
}

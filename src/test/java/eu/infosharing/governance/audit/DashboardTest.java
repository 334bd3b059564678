package eu.infosharing.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.notification.CompetentAuthorityRepository;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.AuthorityEndpoint;
import eu.infosharing.governance.support.Onboardings;
import eu.infosharing.governance.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The coordinators' dashboard counts each failure once. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DashboardTest {

    private static final String PASSWORD = "Dashboard-Test-Secret-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Onboardings onboardings;
    @Autowired
    TestUsers users;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    CompetentAuthorityRepository authorities;
    @Autowired
    TransactionTemplate tx;

    /**
     * A bank's entry notification to the NBB runs in a process the onboarding calls; when its send runs out of retries
     * the engine raises an incident there and copies it onto the onboarding's call activity. The dashboard shows the
     * failure once: the notification's own incident, where a coordinator acts on it.
     */
    @Test
    void aNotificationThatRunsOutOfRetriesIsOneIncidentNotTwo() throws Exception {
        users.user("dashcoord", PASSWORD, Roles.COORDINATORS);
        try (AuthorityEndpoint nbb = new AuthorityEndpoint()) {
            String nbbAddress = nbb.standIn("NBB", authorities, tx);
            try {
                nbb.answer(503);
                Membership m = onboardings.apply("dashcoord", Applications.bank("GRC", "Dashboard Bank", List.of()));
                String pi = m.getProcessInstanceId();
                onboardings.complete(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"));
                onboardings.complete(pi, OnboardingProcess.TASK_ACCEPT_RULES, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true));
                onboardings.complete(pi, OnboardingProcess.TASK_CHECK_GDPR, Map.of(OnboardingProcess.GDPR_DECISION.name(), "APPROVE",
                        OnboardingProcess.LAWFUL_BASIS.name(), "LEGITIMATE_INTEREST", OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true,
                        OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true));
                onboardings.complete(pi, OnboardingProcess.TASK_REVIEW_COMPETITION_LAW, Map.of(OnboardingProcess.LEGAL_DECISION.name(),
                        "APPROVE", OnboardingProcess.LEGAL_REASON.name(), "Agenda rules in place"));
                String child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult().getId();
                // the letter is prepared; the send waits as the next job
                managementService.executeJob(managementService.createJobQuery().processInstanceId(child).singleResult().getId());

                Job send = managementService.createJobQuery().processInstanceId(child)
                        .activityId(NotificationProcess.SERVICE_TASK_SEND_TO_AUTHORITY).singleResult();
                // the first failure starts the back-off; the last retry then fails too
                assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("503");
                managementService.setJobRetries(send.getId(), 1);
                assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("503");
                // the engine's view: the notification's incident and its copy on the onboarding's call activity
                assertThat(runtimeService.createIncidentQuery().processInstanceId(child).count()).isEqualTo(1);
                assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).singleResult().getActivityId())
                        .isEqualTo(OnboardingProcess.CALL_ACTIVITY_NOTIFY_AUTHORITIES);

                JsonNode dashboard = json.readTree(mvc.perform(get("/api/dashboard").with(httpBasic("dashcoord", PASSWORD)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
                List<JsonNode> ours = StreamSupport.stream(dashboard.path("incidents").spliterator(), false)
                        .filter(i -> Set.of(pi, child).contains(i.path("processInstanceId").asText())).toList();
                assertThat(ours).singleElement().satisfies(i -> {
                    assertThat(i.path("processInstanceId").asText()).isEqualTo(child);
                    assertThat(i.path("activityId").asText()).isEqualTo(NotificationProcess.SERVICE_TASK_SEND_TO_AUTHORITY);
                    assertThat(i.path("message").asText()).contains("503");
                });

                // resolved at the root, both are gone
                nbb.answer(201);
                managementService.setJobRetries(send.getId(), 1);
                managementService.executeJob(send.getId());
                assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isZero();
            } finally {
                AuthorityEndpoint.pointBack("NBB", nbbAddress, authorities, tx);
            }
        }
    }
}

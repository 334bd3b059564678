package eu.infosharing.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.AnnualReviewProcess;
import eu.infosharing.governance.revision.AnnualReviewService;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.SqlStatements;
import eu.infosharing.governance.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's authorization checks as the product runs them ({@link OwnGroupsAuthorizationManager}): a member's reads
 * through engine REST cost the same whether the community has a few organisations or many (no scan of every group
 * holding an authorization, one row per organisation on every command; issue 17) and still show the member its own
 * tasks only; and since the checks look for grants only, nobody can create a REVOKE that they would ignore.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(SqlStatements.class)
class AuthorizationChecksTest {

    private static final String PASSWORD = "Scale-Test-Secret-1";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Members members;
    @Autowired
    AnnualReviewService annualReviews;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMembersEngineReadsDoNotGrowWithTheNumberOfOrganisations() throws Exception {
        Membership own = member("Scale Alpha Grid");
        members.representative(own, "scalerep", PASSWORD);
        List<Membership> others = new ArrayList<>(List.of(member("Scale Beta Grid")));
        long fewOrganisations = statementsOfMembersReads();

        for (int i = 0; i < 40; i++) {
            others.add(member("Scale Grid " + i));
        }
        long manyOrganisations = statementsOfMembersReads();

        assertThat(SqlStatements.containing("distinct(A.GROUP_ID_)"))
                .as("the scan of every group holding an authorization").isZero();
        assertThat(manyOrganisations).as("statements of the same reads with 41 more organisations")
                .isEqualTo(fewOrganisations);
        // and the checks still check: the member sees its own yearly review to confirm, none of the 41 others'
        JsonNode seen = json.readTree(rest.withBasicAuth("scalerep", PASSWORD).getForEntity("/engine-rest/task", String.class).getBody());
        assertThat(seen.findValuesAsText("processInstanceId")).containsExactly(reviewOf(own));
        assertThat(taskService.createTaskQuery().taskDefinitionKey(AnnualReviewProcess.TASK_CONFIRM_REVIEW)
                .processInstanceIdIn(others.stream().map(this::reviewOf).toArray(String[]::new)).count())
                .as("the others' tasks, which the member does not see").isEqualTo(others.size());
    }

    @Test
    void aRevokeThatTheChecksWouldIgnoreCannotBeCreatedNorStartTheProduct() throws Exception {
        users.user("scaleadmin", PASSWORD, Roles.ADMINS);
        TestRestTemplate admin = rest.withBasicAuth("scaleadmin", PASSWORD);
        long before = authorizations.createAuthorizationQuery().count();
        var refused = admin.postForEntity("/engine-rest/authorization/create", json(Map.of("type", Authorization.AUTH_TYPE_REVOKE,
                "permissions", List.of("READ"), "groupId", Roles.AUDITORS, "resourceType", Resources.TASK.resourceType(),
                "resourceId", "*")), String.class);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).path("message").asText()).contains("does not use REVOKE authorizations")
                .contains("remove or narrow the grant");
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
        // a grant is still the administrator's to give
        assertThat(admin.postForEntity("/engine-rest/authorization/create", json(Map.of("type", Authorization.AUTH_TYPE_GRANT,
                "permissions", List.of("READ"), "userId", "scaleadmin", "resourceType", Resources.TASK.resourceType(),
                "resourceId", "scale-task")), String.class).getStatusCode().value()).isEqualTo(200);

        // a REVOKE written to the database behind the engine's back stops the product at its next start
        jdbc.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
                + "values ('scale-revoke', 1, 2, ?, 7, '*', 2)", Roles.AUDITORS);
        try {
            assertThatThrownBy(() -> OwnGroupsAuthorizationManager.refuseExistingRevokes(authorizations))
                    .hasMessageContaining("1 REVOKE authorization(s)").hasMessageContaining("would ignore them");
        } finally {
            jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ = 'scale-revoke'");
        }
    }

    private HttpEntity<String> json(Map<String, Object> body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json.writeValueAsString(body), headers);
    }

    /** An active member whose yearly review asks it to confirm its data, its group holding grants like every member's. */
    private Membership member(String name) {
        Membership m = members.activeMember("CIDR", name, Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
        annualReviews.schedule(m);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(reviewOf(m))
                .activityId(AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY).singleResult().getId());
        return m;
    }

    private String reviewOf(Membership m) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualReviewProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(m.getId())).singleResult().getId();
    }

    /** What a member's Tasklist and a script reading engine REST ask for, counted in SQL statements. */
    private long statementsOfMembersReads() {
        TestRestTemplate member = rest.withBasicAuth("scalerep", PASSWORD);
        member.getForEntity("/engine-rest/task", String.class); // warm: the first request also loads caches
        SqlStatements.reset();
        for (String read : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/process-instance",
                "/engine-rest/process-definition?latestVersion=true")) {
            assertThat(member.getForEntity(read, String.class).getStatusCode().value()).as(read).isEqualTo(200);
        }
        return SqlStatements.total();
    }
}

package eu.infosharing.governance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.infosharing.governance.audit.AuditChainVerifier;
import eu.infosharing.governance.cessation.CessationService;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.AuditEntry;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.AuthorityNotificationRepository;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.organisation.ContactPerson;
import eu.infosharing.governance.privacy.ErasureRun;
import eu.infosharing.governance.privacy.ErasureRunRepository;
import eu.infosharing.governance.process.AnnualReviewProcess;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.RulesRevisionProcess;
import eu.infosharing.governance.support.EveryTable;
import eu.infosharing.governance.support.Identifiers;
import eu.infosharing.governance.support.ProcessTestSupport;
import eu.infosharing.governance.support.TestUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GDPR Art. 17 and 5(1)(e): the erasure after the retention period leaves no copy of a contact person's data, in any
 * table of the database, for the contacts on file and for one a yearly review replaced. The lifecycle is driven the way
 * people drive it (Tasklist forms, a comment on a task, free text that names a contact), so that the engine's history
 * holds the values in every place it keeps them: variables, overwritten and deleted ones, history detail, submitted form
 * fields, task-local form context, comments, our free-text columns and the audit trail.
 */
@TestPropertySource(properties = "governance.test.coverage-excluded=" + OnboardingProcess.KEY + "," + NotificationProcess.KEY
        + "," + CessationProcess.KEY + "," + AnnualReviewProcess.KEY + "," + RulesRevisionProcess.KEY)
class ErasureLifecycleTest extends ProcessTestSupport {

    private static final String PASSWORD = "Erasure-Test-Secret-1";

    // the contacts at application; the second is replaced at the yearly review by a third
    private static final String NAME_1 = "Erin Erasable";
    private static final String EMAIL_1 = "erin.erasable@lifecycle.example";
    private static final String PHONE_1 = "+32 2 555 71 71";
    /** A fingerprint no other test uses (the search covers the whole database), typed in groups of four. */
    private static final String PGP_1 = (java.util.UUID.randomUUID().toString() + java.util.UUID.randomUUID())
            .replace("-", "").substring(0, 40).toUpperCase();
    private static final String PGP_1_TYPED = PGP_1.toLowerCase().replaceAll("(.{4})(?!$)", "$1 ");
    private static final String NAME_2 = "Oscar Outgoing";
    private static final String EMAIL_2 = "oscar.outgoing@lifecycle.example";
    private static final String PHONE_2 = "+32 9 555 72 72";
    private static final String NAME_3 = "Nina Newcomer";
    private static final String EMAIL_3 = "nina.newcomer@lifecycle.example";
    private static final String PHONE_3 = "+32 4 555 73 73";
    private static final List<String> ALL = List.of(NAME_1, EMAIL_1, PHONE_1, PGP_1_TYPED, PGP_1, NAME_2, EMAIL_2, PHONE_2,
            NAME_3, EMAIL_3, PHONE_3);

    /** Kept by law (GDPR Art. 17(3)(b)): the letters as sent to the competent authority, see PersonalDataEraser. */
    private static final Set<String> KEPT = Set.of("authority_notification.document");

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    AuthorityNotificationRepository notifications;
    @Autowired
    CessationService cessations;
    @Autowired
    ErasureRunRepository erasureRuns;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    TestUsers users;
    @Autowired
    eu.infosharing.governance.support.Members members;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWholeLifecycleWithAReplacedContactLeavesNoCopyOfAnyContactInAnyTable() {
        // application through the Tasklist start form, with two contacts and a PGP fingerprint typed with spaces
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(OnboardingProcess.KEY)
                .latestVersion().singleResult().getId();
        actAs("coordinator", Roles.COORDINATORS);
        ProcessInstance onboarding = engine.getFormService().submitStartForm(definition, application());
        identityService.clearAuthentication();
        Membership m = tx.execute(s -> memberships.findById(Long.valueOf(onboarding.getBusinessKey())).orElseThrow());
        String group = m.getOrganisation().getRepresentativesGroup().orElseThrow();
        users.user("erinrep", PASSWORD, group);
        runJobs(onboarding.getId());

        // the coordinator notes a call in a comment and names the contact in the decision's reason
        Task vet = openTask(onboarding.getId(), OnboardingProcess.TASK_VET_APPLICATION);
        actAs("coordinator", Roles.COORDINATORS);
        taskService.createComment(vet.getId(), onboarding.getId(), "Called " + NAME_1 + " on " + PHONE_1 + " to confirm");
        identityService.clearAuthentication();
        submit(onboarding, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE",
                OnboardingProcess.VETTING_REASON.name(), "Confirmed by phone with " + NAME_1), "coordinator", Roles.COORDINATORS);
        submit(onboarding, OnboardingProcess.TASK_ACCEPT_RULES, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true), "erinrep", group);
        submit(onboarding, OnboardingProcess.TASK_CHECK_GDPR, Map.of(OnboardingProcess.GDPR_DECISION.name(), "APPROVE",
                OnboardingProcess.LAWFUL_BASIS.name(), "PUBLIC_TASK", OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true,
                OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true), "dpo", Roles.PRIVACY);
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(onboarding.getId()).list()
                .forEach(child -> runJobs(child.getId()));
        runJobs(onboarding.getId());
        assertThat(status(m)).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(EveryTable.holding(dataSource, List.of(EMAIL_1, PGP_1_TYPED), Set.of())).as("the history holds the form's values")
                .anyMatch(hit -> hit.startsWith("ACT_HI_DETAIL") || hit.startsWith("act_hi_detail"));

        // the yearly review replaces the second contact
        ProcessInstance review = runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualReviewProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(m.getId())).singleResult();
        fireTimer(review.getId(), AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);
        submit(review, AnnualReviewProcess.TASK_CONFIRM_REVIEW, reviewAnswer(), "erinrep", group);
        List<String> reviewed = tx.execute(s -> memberships.findById(m.getId()).orElseThrow().getOrganisation().getContacts()
                .stream().map(ContactPerson::getName).toList());
        assertThat(reviewed).containsExactly(NAME_1, NAME_3);

        // the member withdraws, naming the new contact in its reason; the withdrawal takes effect
        actAs("erinrep", group);
        var cessation = cessations.request(m.getId(), new CessationService.Request(null,
                "Our contact " + NAME_3 + " (" + EMAIL_3 + ") moves to the parent company's SOC", null, null));
        identityService.clearAuthentication();
        String pi = cessation.getProcessInstanceId();
        runJobs(pi);
        fireTimer(pi, CessationProcess.TIMER_CATCH_EFFECTIVE_DATE);
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).list().forEach(child -> runJobs(child.getId()));
        submit(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult(), CessationProcess.TASK_CONFIRM_DESTRUCTION,
                Map.of(CessationProcess.DESTRUCTION_CONFIRMED.name(), true, CessationProcess.DESTRUCTION_STATEMENT.name(),
                        "Wiped by " + NAME_1), "erinrep", group);
        runJobs(pi);
        assertThat(EveryTable.holding(dataSource, ALL, KEPT)).as("during retention everything is still on record")
                .anyMatch(hit -> hit.endsWith(NAME_2)).anyMatch(hit -> hit.endsWith(NAME_3)).anyMatch(hit -> hit.endsWith(PGP_1_TYPED));
        List<String> lettersBefore = letters(m);
        List<String> replaced = jdbc.queryForList("select name from former_contact where organisation_id = ?", String.class,
                m.getOrganisation().getId());
        assertThat(replaced).as("the replaced contact is on record until the erasure").contains(NAME_2);

        // the retention period ends
        fireTimer(pi, CessationProcess.TIMER_CATCH_RETENTION_ENDS);

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getState())
                .isEqualTo("COMPLETED");
        assertThat(EveryTable.holding(dataSource, ALL, KEPT)).as("no table holds any contact's value, the replaced one included")
                .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from former_contact where organisation_id = ?", Integer.class,
                m.getOrganisation().getId())).isZero();
        // what the law requires us to keep: the letters as sent, the decisions with their actors, a chain that verifies
        assertThat(letters(m)).isEqualTo(lettersBefore).hasSize(2);
        Membership after = tx.execute(s -> {
            Membership r = memberships.findById(m.getId()).orElseThrow();
            r.getAuditTrail().size();
            assertThat(verifier.verify(r)).as("the audit chain still verifies").isNull();
            return r;
        });
        assertThat(after.getAuditTrail()).filteredOn(AuditEntry::isRedacted).extracting(AuditEntry::getSummary)
                .anyMatch(s -> s.contains("Confirmed by phone with [erased]"))
                .anyMatch(s -> s.contains("Our contact [erased] ([erased]) moves"));
        assertThat(after.getAuditTrail()).extracting(AuditEntry::getActor).contains("coordinator", "dpo", "erinrep");
        assertThat(erasureRuns.findByOrganisationIdOrderByRanAtAscIdAsc(m.getOrganisation().getId())).singleElement()
                .satisfies(r -> {
                    assertThat(r.getOutcome()).isEqualTo(ErasureRun.Outcome.ERASED);
                    assertThat(r.getRecordsErased()).as("the replaced contacts").isEqualTo(replaced.size());
                    assertThat(r.getAuditEntriesRedacted()).isGreaterThanOrEqualTo(2);
                    assertThat(r.getHistoryValuesErased()).isPositive();
                });
        // the comment stays, without the name and the number
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(onboarding.getId()).list()).isNotEmpty();
        assertThat(taskService.getProcessInstanceComments(onboarding.getId())).singleElement()
                .satisfies(c -> assertThat(c.getFullMessage()).isEqualTo("Called [erased] on [erased] to confirm"));
    }

    @Test
    void aSummaryRedactedByHandWithoutAnErasureEntryBreaksTheChain() {
        Membership m = members.activeMember("GRC", "Hand Redacted", eu.infosharing.governance.organisation.Nis2Status.NOT_IN_SCOPE,
                null, null, eu.infosharing.governance.organisation.Language.en, eu.infosharing.governance.membership.NotificationMode.SEND_ON_BEHALF);
        AuditChainVerifier.BrokenLink before = tx.execute(s -> verifier.verify(memberships.findById(m.getId()).orElseThrow()));
        assertThat(before).isNull();
        Long entry = tx.execute(s -> memberships.findById(m.getId()).orElseThrow().getAuditTrail().get(0).getId());
        Map<String, Object> written = jdbc.queryForMap("select summary, summary_salt from audit_entry where id = ?", entry);
        jdbc.update("update audit_entry set summary = 'nothing happened', summary_salt = null, redacted_at = current_timestamp where id = ?", entry);
        try {
            AuditChainVerifier.BrokenLink broken = tx.execute(s -> verifier.verify(memberships.findById(m.getId()).orElseThrow()));
            assertThat(broken).isNotNull();
            assertThat(broken.reason()).contains("redacted without an erasure entry");
        } finally {
            // the database is shared with later tests, whose verification of every chain must not meet this break
            jdbc.update("update audit_entry set summary = ?, summary_salt = ?, redacted_at = null where id = ?",
                    written.get("summary"), written.get("summary_salt"), entry);
        }
    }

    private Map<String, Object> application() {
        Map<String, Object> form = new HashMap<>();
        form.put(ApplicationFields.ARRANGEMENT_CODE.name(), "GRC");
        form.put(ApplicationFields.LEGAL_NAME.name(), "Municipality of Erasure");
        form.put(ApplicationFields.LEGAL_FORM.name(), "public body");
        form.put(ApplicationFields.COUNTRY.name(), "BE");
        form.put(ApplicationFields.ENTERPRISE_NUMBER.name(), Identifiers.enterpriseNumber());
        form.put(ApplicationFields.PARTICIPANT_TYPE.name(), "PUBLIC_BODY");
        form.put(ApplicationFields.NIS2_STATUS.name(), "ESSENTIAL");
        form.put(ApplicationFields.NIS2_SECTOR.name(), "PUBLIC_ADMINISTRATION");
        form.put(ApplicationFields.DORA_ENTITY_TYPE.name(), "NONE");
        form.put(ApplicationFields.PREFERRED_LANGUAGE.name(), "en");
        form.put(ApplicationFields.CONTACT_1.name().name(), NAME_1);
        form.put(ApplicationFields.CONTACT_1.email().name(), EMAIL_1);
        form.put(ApplicationFields.CONTACT_1.phone().name(), PHONE_1);
        form.put(ApplicationFields.CONTACT_1.pgpFingerprint().name(), PGP_1_TYPED);
        form.put(ApplicationFields.CONTACT_2.name().name(), NAME_2);
        form.put(ApplicationFields.CONTACT_2.email().name(), EMAIL_2);
        form.put(ApplicationFields.CONTACT_2.phone().name(), PHONE_2);
        return form;
    }

    private Map<String, Object> reviewAnswer() {
        Map<String, Object> v = new HashMap<>();
        v.put(ApplicationFields.NIS2_STATUS.name(), "ESSENTIAL");
        v.put(ApplicationFields.NIS2_SECTOR.name(), "PUBLIC_ADMINISTRATION");
        v.put(ApplicationFields.DORA_ENTITY_TYPE.name(), "NONE");
        v.put(ApplicationFields.LEI.name(), "");
        v.put(ApplicationFields.CONTACT_1.name().name(), NAME_1);
        v.put(ApplicationFields.CONTACT_1.email().name(), EMAIL_1);
        v.put(ApplicationFields.CONTACT_1.phone().name(), PHONE_1);
        v.put(ApplicationFields.CONTACT_2.name().name(), NAME_3);
        v.put(ApplicationFields.CONTACT_2.email().name(), EMAIL_3);
        v.put(ApplicationFields.CONTACT_2.phone().name(), PHONE_3);
        return v;
    }

    private void submit(ProcessInstance pi, String taskKey, Map<String, Object> variables, String user, String group) {
        submitForm(pi.getId(), taskKey, variables, user, group);
    }

    private MembershipStatus status(Membership m) {
        return tx.execute(s -> memberships.findById(m.getId()).orElseThrow().getStatus());
    }

    /** Each notification letter of the membership: event, authority and the SHA-256 of the PDF. */
    private List<String> letters(Membership m) {
        return notifications.findByMembershipIdOrderByIdAsc(m.getId()).stream()
                .filter(n -> n.getDocumentSha256() != null)
                .map(n -> n.getEvent() + " " + n.getAuthorityCode() + " " + n.getDocumentSha256()).toList();
    }
}

package eu.infosharing.governance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.engine.ActionRefused;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.CompetentAuthorityService.NewAuthority;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.AuthoritySearchProcess;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.ProcessTestSupport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No silent zero (issue 13, item 3): an entity in a regime for which no authority is configured is not left without a
 * notification; a coordinator finds the authority, administrators add it and can add the rule that selects it.
 */
@TestPropertySource(properties = "governance.test.coverage-excluded=" + eu.infosharing.governance.process.NotificationProcess.KEY)
class CompetentAuthoritySearchProcessTest extends ProcessTestSupport {

    @Autowired
    AuthorityNotifications notifications;
    @Autowired
    AuthorityNotificationRepository notificationRepository;
    @Autowired
    CompetentAuthorityService authorities;
    @Autowired
    MembershipAuthorities membershipAuthorities;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    Members members;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDutchEntityGetsACoordinatorTaskAndTheAuthorityFoundIsNotifiedOfEntryAndLaterOfCessation() {
        Membership m = dutchMember("Polder Energie", "NLSRCH-1");
        tx.executeWithoutResult(s -> notifications.create(m.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        assertThat(notificationRepository.findByMembershipIdOrderByIdAsc(m.getId())).isEmpty();

        ProcessInstance search = search(m);
        runJobs(search.getId());
        Task task = openTask(search.getId(), AuthoritySearchProcess.TASK_FIND_COMPETENT_AUTHORITY);
        assertThat(task.getName()).isEqualTo("Find the competent authority: Polder Energie, NL, NIS2 essential entity");
        assertThat(task.getDueDate()).isAfter(new java.util.Date());
        assertThat((String) shownOn(task.getId(), AuthoritySearchProcess.KNOWN_AUTHORITIES)).contains("CCB: Centre for Cybersecurity Belgium");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup(Roles.COORDINATORS).count()).isOne();

        // the member cannot do the coordinator's work, nor start a search of its own
        actAs("polderrep", m.getOrganisation().getRepresentativesGroup().orElseThrow());
        assertThatThrownBy(() -> taskService.complete(task.getId(), finding("AUTHORITY_FOUND", "CCB", "Ours")))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(AuthoritySearchProcess.KEY, String.valueOf(m.getId())))
                .isInstanceOfAny(ActionRefused.class, AuthorizationException.class);

        // an authority that is not configured is refused by name, and nothing is kept
        actAs("searchcoordinator", Roles.COORDINATORS);
        assertThatThrownBy(() -> taskService.complete(task.getId(), finding("AUTHORITY_FOUND", "NCSC-NL", "NCSC is the Dutch CSIRT")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Authority code")
                .hasMessageContaining("POST /api/authorities");
        assertThatThrownBy(() -> taskService.complete(task.getId(), finding("AUTHORITY_FOUND", "", " ")))
                .isInstanceOf(FormFieldValidationException.class);

        // an administrator adds the authority, the coordinator names it
        actAs("searchadmin", Roles.ADMINS);
        tx.executeWithoutResult(s -> authorities.create(new NewAuthority("NCSC-NL", "Nationaal Cyber Security Centrum", "NL",
                "NIS2", "EMAIL", "meldingen@ncsc-nl.example", List.of("nl", "en"), "P14D")));
        actAs("searchcoordinator", Roles.COORDINATORS);
        taskService.complete(task.getId(), finding("AUTHORITY_FOUND", "ncsc-nl", "Cyberbeveiligingswet: the NCSC for this sector"));
        identityService.clearAuthentication();
        runJobs(search.getId());

        AuthorityNotification entry = notificationRepository.findByMembershipIdOrderByIdAsc(m.getId()).get(0);
        assertThat(entry.getAuthorityCode()).isEqualTo("NCSC-NL");
        assertThat(entry.getEvent()).isEqualTo(NotificationEvent.ENTRY);
        assertThat(entry.getDueDate()).isEqualTo(LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(14));
        ProcessInstance sent = runtimeService.createProcessInstanceQuery().superProcessInstanceId(search.getId()).singleResult();
        runJobs(sent.getId());
        runJobs(search.getId());
        assertThat(search).hasPassed(AuthoritySearchProcess.CALL_ACTIVITY_NOTIFY_FOUND_AUTHORITY)
                .isEnded().hasPassed(AuthoritySearchProcess.END_EVENT_AUTHORITY_NOTIFIED);
        assertThat(notificationRepository.findById(entry.getId()).orElseThrow().getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(audit(m)).anySatisfy(e -> assertThat(e).startsWith("AUTHORITY_FOUND: NCSC-NL: Cyberbeveiligingswet"));

        // the finding is kept with the membership: its cessation is told to the same authority
        List<String> cessation = tx.execute(s -> notifications.create(m.getId(), NotificationEvent.CESSATION, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        assertThat(cessation).hasSize(1);
        assertThat(notificationRepository.findByMembershipIdOrderByIdAsc(m.getId()))
                .extracting(AuthorityNotification::getAuthorityCode).containsExactly("NCSC-NL", "NCSC-NL");
    }

    @Test
    void aCoordinatorWhoFindsThatNoAuthorityAppliesSaysWhyAndTheSameRegimesAreNotAskedAgain() {
        Membership m = dutchMember("Polder Water", "NLSRCH-2");
        tx.executeWithoutResult(s -> notifications.create(m.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        ProcessInstance search = search(m);
        runJobs(search.getId());
        Task task = openTask(search.getId(), AuthoritySearchProcess.TASK_FIND_COMPETENT_AUTHORITY);
        actAs("searchcoordinator", Roles.COORDINATORS);
        assertThatThrownBy(() -> taskService.complete(task.getId(), finding("NO_AUTHORITY_APPLIES", "CCB", "None")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("must be empty");
        taskService.complete(task.getId(), finding("NO_AUTHORITY_APPLIES", null,
                "Not designated under the Dutch transposition: confirmed by the NCSC on 2 December"));
        identityService.clearAuthentication();
        runJobs(search.getId());
        assertThat(search).isEnded().hasPassed(AuthoritySearchProcess.END_EVENT_NO_AUTHORITY_APPLIES);
        assertThat(audit(m)).anySatisfy(e -> assertThat(e).startsWith("NO_AUTHORITY_APPLIES").contains("confirmed by the NCSC"));

        // a yearly review with the same regimes does not ask again; a changed regime does
        tx.executeWithoutResult(s -> notifications.create(m.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        assertThat(searches(m)).isEqualTo(1);
        jdbc.update("update organisation set nis2_status = 'IMPORTANT' where id = ?", m.getOrganisation().getId());
        tx.executeWithoutResult(s -> notifications.create(m.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        assertThat(searches(m)).isEqualTo(2);
    }

    /**
     * A German payment institution also essential in digital infrastructure: DORA names BaFin, and NIS2 stays (DORA
     * displaces NIS2 only in the financial sectors: DORA Art. 1(2), NIS2 Art. 4(1), recital 28), but no German NIS2
     * authority is configured. The NIS2 regime is searched for on its own while BaFin is told at once.
     */
    @Test
    void aRegimeWithoutAnAuthorityIsSearchedForEvenWhenAnotherRegimesAuthorityIsNamed() {
        Membership m = members.activeMember("CIDR", "Zahlwerk", Nis2Status.ESSENTIAL, Nis2Sector.DIGITAL_INFRASTRUCTURE,
                DoraEntityType.B, Language.de, NotificationMode.SEND_ON_BEHALF);
        jdbc.update("update organisation set country = 'DE', enterprise_number = null, foreign_register_id = 'HRB 4711' "
                + "where id = ?", m.getOrganisation().getId());
        tx.executeWithoutResult(s -> notifications.create(m.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        assertThat(notificationRepository.findByMembershipIdOrderByIdAsc(m.getId()))
                .extracting(AuthorityNotification::getAuthorityCode).containsExactly("BAFIN");

        ProcessInstance search = search(m);
        runJobs(search.getId());
        Task task = openTask(search.getId(), AuthoritySearchProcess.TASK_FIND_COMPETENT_AUTHORITY);
        assertThat(task.getName()).isEqualTo("Find the competent authority: Zahlwerk, DE, NIS2 essential entity");
        assertThat(audit(m)).anySatisfy(e -> assertThat(e).startsWith("AUTHORITY_SEARCH: No rule names a NIS2 competent authority"));

        // BaFin is the DORA authority: naming it would leave NIS2 unnamed, so the field is refused and nothing kept
        actAs("searchcoordinator", Roles.COORDINATORS);
        assertThatThrownBy(() -> taskService.complete(task.getId(), finding("AUTHORITY_FOUND", "BAFIN", "BaFin supervises us")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Authority code")
                .hasMessageContaining("is a DORA authority: this search is for the NIS2 competent authority");
        assertThat(jdbc.queryForObject("select count(*) from authority_override where membership_id = ?", Long.class,
                m.getId())).isZero();
        assertThat(audit(m)).noneSatisfy(e -> assertThat(e).startsWith("AUTHORITY_FOUND"));

        actAs("searchadmin", Roles.ADMINS);
        tx.executeWithoutResult(s -> authorities.create(new NewAuthority("BSI", "Bundesamt fuer Sicherheit in der "
                + "Informationstechnik", "DE", "NIS2", "EMAIL", "nis2@bsi.example", List.of("de", "en"), "P14D")));
        actAs("searchcoordinator", Roles.COORDINATORS);
        taskService.complete(task.getId(), finding("AUTHORITY_FOUND", "BSI", "NIS2UmsuCG: the BSI for digital infrastructure"));
        identityService.clearAuthentication();
        runJobs(search.getId());
        assertThat(notificationRepository.findByMembershipIdOrderByIdAsc(m.getId()))
                .extracting(AuthorityNotification::getAuthorityCode, AuthorityNotification::getEvent)
                .containsExactly(tuple("BAFIN", NotificationEvent.ENTRY), tuple("BSI", NotificationEvent.ENTRY));
        assertThat(search).isWaitingAt(AuthoritySearchProcess.CALL_ACTIVITY_NOTIFY_FOUND_AUTHORITY);

        // both regimes named now: a yearly review asks nobody again, and the cessation goes to both
        tx.executeWithoutResult(s -> notifications.create(m.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        assertThat(searches(m)).isOne();
        List<String> cessation = tx.execute(s -> notifications.create(m.getId(), NotificationEvent.CESSATION, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        assertThat(cessation).hasSize(2);
    }

    /** A Belgian bank notifies the NBB under DORA only: NIS2 is displaced in banking, so no NIS2 authority is searched. */
    @Test
    void aBankWithItsDoraAuthorityNamedIsNotSearchedForUnderNis2() {
        Membership m = members.activeMember("CIDR", "Banque du Parc", Nis2Status.ESSENTIAL, Nis2Sector.BANKING,
                DoraEntityType.A, Language.fr, NotificationMode.SEND_ON_BEHALF);
        tx.executeWithoutResult(s -> notifications.create(m.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        assertThat(notificationRepository.findByMembershipIdOrderByIdAsc(m.getId()))
                .extracting(AuthorityNotification::getAuthorityCode).containsExactly("NBB");
        assertThat(searches(m)).isZero();
    }

    @Test
    void anEntityInNeitherRegimeNotifiesNobodyAndNobodyIsAsked() {
        Membership m = members.activeMember("CIDR", "Voluntary Volunteers", Nis2Status.NOT_IN_SCOPE, null, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
        tx.executeWithoutResult(s -> notifications.create(m.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        assertThat(searches(m)).isZero();
    }

    @Test
    void anAdministratorAddsTheRuleThatSelectsANewAuthorityByDeployingANewVersionOfTheTable() throws Exception {
        actAs("searchadmin", Roles.ADMINS);
        tx.executeWithoutResult(s -> authorities.create(new NewAuthority("RDI", "Rijksinspectie Digitale Infrastructuur", "NL",
                "NIS2", "EMAIL", "nis2@rdi.example", List.of("nl"), "P28D")));
        String table = new String(getClass().getResourceAsStream("/competent-authorities.dmn").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String dutchRule = """
                      <rule id="Rule_Nis2Netherlands">
                        <inputEntry id="InputEntry_Rule_Nis2Netherlands_Country"><text>"NL"</text></inputEntry>
                        <inputEntry id="InputEntry_Rule_Nis2Netherlands_Nis2"><text>"ESSENTIAL","IMPORTANT"</text></inputEntry>
                        <inputEntry id="InputEntry_Rule_Nis2Netherlands_Sector"><text>"DIGITAL_INFRASTRUCTURE"</text></inputEntry>
                        <inputEntry id="InputEntry_Rule_Nis2Netherlands_Dora"><text></text></inputEntry>
                        <inputEntry id="InputEntry_Rule_Nis2Netherlands_Licence"><text></text></inputEntry>
                        <outputEntry id="OutputEntry_Rule_Nis2Netherlands_Authority"><text>"RDI"</text></outputEntry>
                        <outputEntry id="OutputEntry_Rule_Nis2Netherlands_LegalBasis"><text>"NIS2 Art. 29(4): notify upon entering the arrangement"</text></outputEntry>
                      </rule>
                    </decisionTable>""";
        // what Camunda Modeler's "Deploy" sends through engine REST, as the administrator
        Deployment deployment = repositoryService.createDeployment().name("competent-authorities: Dutch digital infrastructure")
                .addString("competent-authorities.dmn", table.replace("</decisionTable>", dutchRule)).deploy();
        try {
            identityService.clearAuthentication();
            assertThat(authorities.determine(new CompetentAuthorityService.Regimes("NL", "ESSENTIAL", "DIGITAL_INFRASTRUCTURE", null, null)))
                    .extracting(CompetentAuthorityService.Determination::authorityCode).containsExactly("RDI");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
        assertThat(authorities.determine(new CompetentAuthorityService.Regimes("NL", "ESSENTIAL", "DIGITAL_INFRASTRUCTURE", null, null)))
                .isEmpty();
    }

    @Test
    void onlyAdministratorsAddAnAuthorityAndEveryWrongFieldIsNamed() {
        actAs("searchcoordinator", Roles.COORDINATORS);
        assertThatThrownBy(() -> authorities.create(new NewAuthority("AFM", "Autoriteit Financiële Markten", "NL", "DORA",
                "EMAIL", "dora@afm.example", List.of("nl"), "P28D"))).hasMessageContaining("Only administrators");
        actAs("searchadmin", Roles.ADMINS);
        assertThatThrownBy(() -> authorities.create(new NewAuthority("a b", " ", "Netherlands", "GDPR", "FAX", "x", List.of("xx"), "soon")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .contains("code", "name", "country", "regime", "channel", "languages", "deadline"));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> authorities.create(new NewAuthority("CCB", "Again", "BE", "NIS2",
                "EMAIL", "again@ccb.example", List.of("nl"), "P28D")))).hasMessageContaining("exists already");
    }

    private Membership dutchMember(String name, String registerId) {
        Membership m = members.activeMember("OTICS", name, Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
        jdbc.update("update organisation set country = 'NL', enterprise_number = null, foreign_register_id = ? where id = ?",
                registerId, m.getOrganisation().getId());
        return m;
    }

    private ProcessInstance search(Membership m) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(AuthoritySearchProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(m.getId())).singleResult();
        assertThat(pi).as("a search for " + m.getOrganisation().getLegalName()).isNotNull();
        return pi;
    }

    private List<String> audit(Membership m) {
        return jdbc.queryForList("select kind || ': ' || summary from audit_entry where membership_id = ? order by seq",
                String.class, m.getId());
    }

    private long searches(Membership m) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AuthoritySearchProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(m.getId())).count();
    }

    private static Map<String, Object> finding(String finding, String code, String reason) {
        Map<String, Object> v = new java.util.HashMap<>();
        v.put(AuthoritySearchProcess.FINDING.name(), finding);
        v.put(AuthoritySearchProcess.AUTHORITY_CODE.name(), code);
        v.put(AuthoritySearchProcess.FINDING_REASON.name(), reason);
        return v;
    }
}

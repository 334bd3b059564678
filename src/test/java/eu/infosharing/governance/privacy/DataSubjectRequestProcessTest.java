package eu.infosharing.governance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.infosharing.governance.audit.AuditChainVerifier;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.AuditEntry;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.ContactDetails;
import eu.infosharing.governance.organisation.ContactPerson;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.process.DataSubjectRequestProcess;
import eu.infosharing.governance.support.EveryTable;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.ProcessTestSupport;
import eu.infosharing.governance.support.TestUsers;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks every path of bpmn/data-subject-request.bpmn through the doors people use: a representative brings a request
 * about a contact of its own organisation through our API (or the DPO records one), the DPO reads the export and
 * answers in Tasklist within one month (GDPR Art. 12(3)), extends once with a reason, rectifies (Art. 16), erases
 * (Art. 17, the letters kept: Art. 17(3)(b)), gives access (Art. 15) or refuses; an unanswered request is raised.
 */
@AutoConfigureMockMvc
class DataSubjectRequestProcessTest extends ProcessTestSupport {

    private static final String PASSWORD = "Dsr-Test-Secret-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    DataSubjectRequestRepository requests;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    NotificationSettings dates;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void people() {
        users.user("dsrdpo", PASSWORD, Roles.PRIVACY);
        users.user("dsrcoord", PASSWORD, Roles.COORDINATORS);
    }

    @Test
    void accessIsAnsweredWithinAMonthOrExtendedOnceWithAReasonAndTheExportIsForTheDpoOnly() throws Exception {
        Membership m = member("Access Grid", "accessrep");
        String email = contact(m).email();

        String location = mvc.perform(post("/api/data-subject-requests").with(httpBasic("accessrep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"ACCESS\",\"organisationId\":"
                                + m.getOrganisation().getId() + ",\"subjectEmail\":\"" + email.toUpperCase() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").value(org.hamcrest.Matchers.matchesPattern("DSR-\\d{6}")))
                .andExpect(jsonPath("$.dueDate").value(dates.today().plusMonths(1).toString()))
                .andExpect(jsonPath("$.subjectEmail").doesNotExist())
                .andReturn().getResponse().getHeader("Location");
        Long id = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
        ProcessInstance pi = instance(id);
        assertThat(pi.getBusinessKey()).isEqualTo("dsr-" + id);
        runJobs(pi.getId());
        assertThat(pi).hasPassed(DataSubjectRequestProcess.SERVICE_TASK_FIND_PERSONAL_DATA)
                .isWaitingAt(DataSubjectRequestProcess.TASK_ANSWER_REQUEST);

        Task task = openTask(pi.getId(), DataSubjectRequestProcess.TASK_ANSWER_REQUEST);
        assertThat(task.getName()).startsWith("Answer the data-subject request: DSR-").endsWith(", access, Access Grid");
        assertThat(task.getDueDate()).isEqualTo(dates.endOf(dates.today().plusMonths(1)));
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId()).containsExactly(Roles.PRIVACY);
        Map<String, Object> shown = engine.getFormService().getTaskFormVariables(task.getId());
        assertThat(String.valueOf(shown.get(DataSubjectRequestProcess.FINDINGS_SUMMARY.name()))).contains("contact_person: ");
        assertThat(shown.values()).as("the engine, which coordinators and auditors read, holds no value of the person")
                .noneMatch(v -> String.valueOf(v).toLowerCase().contains(email));
        assertThat(runtimeService.getVariables(pi.getId()).values()).noneMatch(v -> String.valueOf(v).toLowerCase().contains(email));

        // the export: the DPO's only
        mvc.perform(get(location + "/export.json").with(httpBasic("dsrdpo", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.request.subjectEmail").value(email))
                .andExpect(jsonPath("$.contactRecords[0].email").value(email))
                .andExpect(jsonPath("$.holdings[?(@.table == 'contact_person')].text").value(org.hamcrest.Matchers.hasItem(email)));
        mvc.perform(get(location + "/export.csv").with(httpBasic("dsrdpo", PASSWORD))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("DSR-")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("\"contact_person\",\"email\"")));
        for (String other : List.of("accessrep", "dsrcoord")) {
            mvc.perform(get(location + "/export.json").with(httpBasic(other, PASSWORD))).andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")));
            mvc.perform(get(location).with(httpBasic(other, PASSWORD))).andExpect(status().isForbidden());
        }

        // coordinators may work any task, but not this one
        Task open = openTask(pi.getId(), DataSubjectRequestProcess.TASK_ANSWER_REQUEST);
        actAs("dsrcoord", Roles.COORDINATORS);
        assertThatThrownBy(() -> engine.getFormService().submitTaskForm(open.getId(), Map.of(DataSubjectRequestProcess.OUTCOME.name(), "ERASE")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Only the data protection officer");
        identityService.clearAuthentication();

        // extension: a reason is required, then the period is three months from receipt; only once
        assertThatThrownBy(() -> answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "EXTEND")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Reason");
        answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "EXTEND", DataSubjectRequestProcess.OUTCOME_REASON.name(),
                "Twelve years of history to go through"));
        assertThat(pi).hasPassed(DataSubjectRequestProcess.SERVICE_TASK_EXTEND_DEADLINE).isWaitingAt(DataSubjectRequestProcess.TASK_ANSWER_REQUEST);
        LocalDate extended = dates.today().plusMonths(3);
        assertThat(openTask(pi.getId(), DataSubjectRequestProcess.TASK_ANSWER_REQUEST).getDueDate()).isEqualTo(dates.endOf(extended));
        assertThat(timerDue(pi)).isEqualTo(dates.endOf(extended));
        assertThat(String.valueOf(shownOn(openTask(pi.getId(), DataSubjectRequestProcess.TASK_ANSWER_REQUEST).getId(),
                DataSubjectRequestProcess.DUE_LABEL))).contains(dates.readable().date(extended), "Twelve years");
        assertThatThrownBy(() -> answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "EXTEND",
                DataSubjectRequestProcess.OUTCOME_REASON.name(), "Still busy")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("once");

        // unanswered when due: raised to a high priority, the task stays
        fireTimer(pi.getId(), DataSubjectRequestProcess.BOUNDARY_EVENT_ANSWER_OVERDUE);
        assertThat(pi).hasPassed(DataSubjectRequestProcess.SERVICE_TASK_RAISE_OVERDUE, DataSubjectRequestProcess.END_EVENT_OVERDUE_RAISED);
        assertThat(openTask(pi.getId(), DataSubjectRequestProcess.TASK_ANSWER_REQUEST).getPriority()).isEqualTo(eu.infosharing.governance.engine.OverdueTaskPriority.OVERDUE);

        answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "ANSWER"));
        assertThat(pi).isEnded().hasPassed(DataSubjectRequestProcess.SERVICE_TASK_RECORD_ANSWER, DataSubjectRequestProcess.END_EVENT_REQUEST_ANSWERED);
        mvc.perform(get(location).with(httpBasic("dsrdpo", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED")).andExpect(jsonPath("$.answeredBy").value("dsrdpo"))
                .andExpect(jsonPath("$.extensionReason").value("Twelve years of history to go through"));
        List<AuditEntry> trail = trail(m);
        assertThat(trail).filteredOn(e -> e.getKind().equals("DATA_SUBJECT_REQUEST")).extracting(AuditEntry::getSummary)
                .anyMatch(s -> s.contains("Access (GDPR Art. 15) request received from a representative"))
                .anyMatch(s -> s.contains("extended by two months"))
                .anyMatch(s -> s.contains("not answered by"))
                .anyMatch(s -> s.contains("access given"))
                .noneMatch(s -> s.toLowerCase().contains(email));
    }

    @Test
    void theDpoRecordsARectificationAndTheContactOnFileIsCorrected() throws Exception {
        Membership m = member("Rectified Grid", "rectifyrep");
        String email = contact(m).email();
        Long id = submitAsDpo(m, "RECTIFICATION", email, "Phone number changed, told us by letter");
        ProcessInstance pi = instance(id);
        runJobs(pi.getId());
        assertThatThrownBy(() -> answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "RECTIFY")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Corrected name");
        assertThatThrownBy(() -> answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "RECTIFY",
                DataSubjectRequestProcess.CORRECTED_EMAIL.name(), "not an address")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("e-mail");

        answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "RECTIFY", DataSubjectRequestProcess.CORRECTED_PHONE.name(),
                "+32 9 555 99 99"));

        assertThat(pi).isEnded().hasPassed(DataSubjectRequestProcess.SERVICE_TASK_RECTIFY_DATA, DataSubjectRequestProcess.END_EVENT_DATA_RECTIFIED);
        assertThat(contact(m).phone()).isEqualTo("+32 9 555 99 99");
        assertThat(contact(m).email()).as("what was not corrected stays").isEqualTo(email);
        assertThat(jdbc.queryForList("select phone from former_contact where organisation_id = ?", String.class, m.getOrganisation().getId()))
                .as("the earlier value is kept only until the erasure, which matches it").containsExactly("+32 3 555 00 00");
        assertThat(requests.findById(id).orElseThrow().getStatus()).isEqualTo(DataSubjectRequest.Status.RECTIFIED);
    }

    @Test
    void erasureOnRequestRemovesThePersonEverywhereAndKeepsTheOtherContactAndTheChain() throws Exception {
        Membership m = member("Erased Grid", "eraserep");
        tx.executeWithoutResult(s -> organisations.findById(m.getOrganisation().getId()).orElseThrow().replaceContacts(List.of(
                new ContactDetails("Paula Person", "paula.person@erased-grid.example", "+32 2 555 41 41", null),
                new ContactDetails("Olaf Other", "olaf.other@erased-grid.example", "+32 2 555 42 42", null))));
        // a coordinator names the person in free text
        tx.executeWithoutResult(s -> memberships.findById(m.getId()).orElseThrow().audit("dsrcoord", "NOTE",
                "Spoke with Paula Person about the platform"));
        mvc.perform(post("/api/data-subject-requests").with(httpBasic("eraserep", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ERASURE\",\"organisationId\":" + m.getOrganisation().getId()
                                + ",\"subjectName\":\"Paula Person\",\"subjectEmail\":\"paula.person@erased-grid.example\"}"))
                .andExpect(status().isCreated());
        Long id = requests.findAll().stream().filter(r -> r.getOrganisation().getId().equals(m.getOrganisation().getId()))
                .findFirst().orElseThrow().getId();
        ProcessInstance pi = instance(id);
        runJobs(pi.getId());

        answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "ERASE"));

        assertThat(pi).isEnded().hasPassed(DataSubjectRequestProcess.SERVICE_TASK_ERASE_PERSON_DATA, DataSubjectRequestProcess.END_EVENT_DATA_ERASED);
        assertThat(EveryTable.holding(dataSource, List.of("Paula Person", "paula.person@erased-grid.example", "+32 2 555 41 41"),
                Set.of("data_subject_request.subject_name", "data_subject_request.subject_email")))
                .as("no table holds the person's values but the request's own record").isEmpty();
        List<String> names = tx.execute(s -> organisations.findById(m.getOrganisation().getId()).orElseThrow().getContacts()
                .stream().map(ContactPerson::getName).toList());
        assertThat(names).as("the other contact stays")
                .containsExactly("Erased contact 1 of organisation " + m.getOrganisation().getId(), "Olaf Other");
        List<AuditEntry> trail = trail(m);
        assertThat(trail).extracting(AuditEntry::getSummary).contains("Spoke with [erased] about the platform");
        AuditChainVerifier.BrokenLink broken = tx.execute(s -> verifier.verify(memberships.findById(m.getId()).orElseThrow()));
        assertThat(broken).as("the chain still verifies").isNull();
        assertThat(requests.findById(id).orElseThrow().getStatus()).isEqualTo(DataSubjectRequest.Status.ERASED);
    }

    @Test
    void aRefusalNeedsAReasonAndALateExtensionIsRefused() throws Exception {
        Membership m = member("Refused Grid", "refuserep");
        Long id = submitAsDpo(m, "ERASURE", "someone.unknown@nowhere.example", null);
        ProcessInstance pi = instance(id);
        runJobs(pi.getId());
        assertThat(String.valueOf(shownOn(openTask(pi.getId(), DataSubjectRequestProcess.TASK_ANSWER_REQUEST).getId(),
                DataSubjectRequestProcess.FINDINGS_SUMMARY))).contains("data_subject_request: 1");
        // a month after receipt it is too late to extend: the person must have been told within the month
        jdbc.update("update data_subject_request set due_date = ? where id = ?", java.sql.Date.valueOf(dates.today().minusDays(1)), id);
        assertThatThrownBy(() -> answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "EXTEND",
                DataSubjectRequestProcess.OUTCOME_REASON.name(), "Too many requests")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("within one month of receipt");
        assertThatThrownBy(() -> answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "REFUSE")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Art. 12(4)");
        answer(pi, Map.of(DataSubjectRequestProcess.OUTCOME.name(), "REFUSE", DataSubjectRequestProcess.OUTCOME_REASON.name(),
                "We hold nothing about this address"));
        assertThat(pi).isEnded().hasPassed(DataSubjectRequestProcess.END_EVENT_REQUEST_ANSWERED);
        assertThat(requests.findById(id).orElseThrow().getStatus()).isEqualTo(DataSubjectRequest.Status.REFUSED);
    }

    @Test
    void aRepresentativeNamesOnlyItsOwnOrganisationsContactsAndLearnsNothingOfOthers() throws Exception {
        Membership own = member("Own Grid", "ownrep");
        Membership other = member("Other Grid", "otherrep");
        String otherEmail = contact(other).email();
        long before = requests.count();

        String unknown = refusal("ownrep", own, "nobody@nowhere.example");
        String othersContact = refusal("ownrep", own, otherEmail);
        assertThat(othersContact).as("the same answer for another organisation's contact as for an unknown address")
                .isEqualTo(unknown).contains("subjectEmail").contains("not a contact person of your organisation");
        // another organisation's id: the same words whether it exists or not
        String othersOrganisation = mvc.perform(post("/api/data-subject-requests").with(httpBasic("ownrep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"ACCESS\",\"organisationId\":"
                                + other.getOrganisation().getId() + ",\"subjectEmail\":\"" + otherEmail + "\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        String noOrganisation = mvc.perform(post("/api/data-subject-requests").with(httpBasic("ownrep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"ACCESS\",\"organisationId\":987654321,"
                                + "\"subjectEmail\":\"" + otherEmail + "\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(othersOrganisation).contains("is not an organisation you represent");
        assertThat(noOrganisation).contains("is not an organisation you represent");
        // bad input names the field; roles that bring no request are refused
        mvc.perform(post("/api/data-subject-requests").with(httpBasic("ownrep", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"FORGET_ME\",\"organisationId\":" + own.getOrganisation().getId() + ",\"subjectEmail\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("kind", "subjectEmail")));
        mvc.perform(post("/api/data-subject-requests").with(httpBasic("dsrcoord", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ACCESS\",\"organisationId\":" + own.getOrganisation().getId() + ",\"subjectEmail\":\""
                                + contact(own).email() + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/data-subject-requests").with(httpBasic("ownrep", PASSWORD))).andExpect(status().isForbidden());
        assertThat(requests.count()).as("nothing was created").isEqualTo(before);
    }

    // --- helpers --------------------------------------------------------------------------------------------------------

    private Membership member(String name, String rep) {
        Membership m = members.activeMember("GRC", name, Nis2Status.NOT_IN_SCOPE, null, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
        members.representative(m, rep, PASSWORD);
        return m;
    }

    private ContactDetails contact(Membership m) {
        return tx.execute(s -> organisations.findById(m.getOrganisation().getId()).orElseThrow().getContacts().get(0).details());
    }

    private Long submitAsDpo(Membership m, String kind, String email, String details) throws Exception {
        String location = mvc.perform(post("/api/data-subject-requests").with(httpBasic("dsrdpo", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"" + kind + "\",\"organisationId\":"
                                + m.getOrganisation().getId() + ",\"subjectEmail\":\"" + email + "\""
                                + (details == null ? "" : ",\"details\":\"" + details + "\"") + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
    }

    private String refusal(String user, Membership m, String email) throws Exception {
        return mvc.perform(post("/api/data-subject-requests").with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ACCESS\",\"organisationId\":" + m.getOrganisation().getId() + ",\"subjectEmail\":\"" + email + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")))
                .andReturn().getResponse().getContentAsString();
    }

    /** The DPO submits the task's form in Tasklist. */
    private void answer(ProcessInstance pi, Map<String, Object> variables) {
        submitForm(pi.getId(), DataSubjectRequestProcess.TASK_ANSWER_REQUEST, new HashMap<>(variables), "dsrdpo", Roles.PRIVACY);
    }

    private ProcessInstance instance(Long id) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(id))
                .singleResult();
    }

    private Date timerDue(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(DataSubjectRequestProcess.BOUNDARY_EVENT_ANSWER_OVERDUE).singleResult().getDuedate();
    }

    private List<AuditEntry> trail(Membership m) {
        return tx.execute(s -> {
            List<AuditEntry> t = memberships.findById(m.getId()).orElseThrow().getAuditTrail();
            t.size();
            return List.copyOf(t);
        });
    }
}

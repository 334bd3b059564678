package eu.infosharing.governance.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.AuthorityNotificationRepository;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.AnnualReviewProcess;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.ProcessTestSupport;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Walks every path of bpmn/annual-review.bpmn: confirmed, confirmed with a new authority, unanswered and each decision. */
@TestPropertySource(properties = "governance.test.coverage-excluded=" + CessationProcess.KEY + ","
        + NotificationProcess.KEY)
class AnnualReviewProcessTest extends ProcessTestSupport {

    private static final String PASSWORD = "Review-Test-Secret-1";

    @Autowired
    AnnualReviewService reviews;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    AuthorityNotificationRepository notifications;
    @Autowired
    ArrangementAccess access;
    @Autowired
    eu.infosharing.governance.notification.AuthorityNotifications authorityNotifications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Members members;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aChangedStatusThatBringsANewAuthorityNotifiesItAndTheNextReviewIsAYearLater() {
        Membership m = member("Growing Grid", "growingrep");
        ProcessInstance pi = start(m);
        assertThat(timerDue(pi)).isEqualTo(anniversary(m, 1));
        fireTimer(pi.getId(), AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);
        Task task = openTask(pi.getId(), AnnualReviewProcess.TASK_CONFIRM_REVIEW);
        assertThat(task.getName()).isEqualTo("Confirm your membership data: Growing Grid, OTICS");
        // by default the member has 30 days, reminded after 14 (ChangedSettingsProcessTest changes them)
        assertThat(task.getDueDate()).isCloseTo(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(30))), 60_000);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(AnnualReviewProcess.BOUNDARY_EVENT_REVIEW_REMINDER)
                .singleResult().getDuedate()).isCloseTo(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(14))), 60_000);
        assertThat(taskService.getVariable(task.getId(), ApplicationFields.NIS2_STATUS.name())).as("the form shows the data on record").isEqualTo("NOT_IN_SCOPE");
        fireTimer(pi.getId(), AnnualReviewProcess.BOUNDARY_EVENT_REVIEW_REMINDER);
        assertThat(pi).hasPassed(AnnualReviewProcess.SERVICE_TASK_REMIND_REVIEW);

        actAs("growingrep", group(m));
        Map<String, Object> noSector = answer(m, "ESSENTIAL", "");
        assertThatThrownBy(() -> taskService.complete(task.getId(), noSector))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("NIS2 sector");
        taskService.complete(task.getId(), answer(m, "ESSENTIAL", "ENERGY"));
        identityService.clearAuthentication();
        runJobs(pi.getId());

        // now an essential entity: the CCB is told of the participation
        assertThat(notifications.findByMembershipIdOrderByIdAsc(m.getId())).singleElement().satisfies(n -> {
            assertThat(n.getAuthorityCode()).isEqualTo("CCB");
            assertThat(n.getEvent()).isEqualTo(NotificationEvent.ENTRY);
        });
        // a year ago the membership was validated: the letter says the entity participates since then, and concerns the
        // CCB from today
        jdbc.update("update membership set validated_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(365))), m.getId());
        ProcessInstance notification = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
        runJobs(notification.getId());
        byte[] letter = tx.execute(s -> notifications.findByMembershipIdOrderByIdAsc(m.getId()).get(0).getDocument());
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(letter)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("[\\s\\u00a0]+", " ");
            assertThat(text).contains("participates in the cybersecurity information-sharing arrangement")
                    .containsPattern("since \\d{1,2} \\w+ \\d{4}\\. This participation concerns your authority with effect from");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        runJobs(pi.getId());
        assertThat(pi).hasPassed(AnnualReviewProcess.CALL_ACTIVITY_NOTIFY_NEW_AUTHORITIES, AnnualReviewProcess.SERVICE_TASK_SCHEDULE_NEXT_REVIEW).isWaitingAt(AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);
        assertThat(timerDue(pi)).isEqualTo(anniversary(m, 2));
        Nis2Status reviewed = tx.execute(s -> memberships.findById(m.getId()).orElseThrow().getOrganisation().getNis2Status());
        assertThat(reviewed).isEqualTo(Nis2Status.ESSENTIAL);

        // the next year, nothing changed: no notification
        fireTimer(pi.getId(), AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);
        actAs("growingrep", group(m));
        taskService.complete(openTask(pi.getId(), AnnualReviewProcess.TASK_CONFIRM_REVIEW).getId(), answer(m, "ESSENTIAL", "ENERGY"));
        identityService.clearAuthentication();
        runJobs(pi.getId());
        assertThat(notifications.findByMembershipIdOrderByIdAsc(m.getId())).extracting(AuthorityNotification::getAuthorityCode)
                .containsExactly("CCB");
        assertThat(timerDue(pi)).isEqualTo(anniversary(m, 3));
    }

    @Test
    void anUnansweredReviewIsExtendedThenSuspendedAndTheLateAnswerReinstates() {
        Membership m = member("Quiet Grid", "quietrep");
        ProcessInstance pi = start(m);
        fireTimer(pi.getId(), AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);
        fireTimer(pi.getId(), AnnualReviewProcess.BOUNDARY_EVENT_NO_ANSWER);
        decide(pi, "EXTEND", "Their CISO changed; one more month");
        assertThat(pi).isWaitingAt(AnnualReviewProcess.TASK_CONFIRM_REVIEW);
        fireTimer(pi.getId(), AnnualReviewProcess.BOUNDARY_EVENT_NO_ANSWER);
        decide(pi, "SUSPEND", "Still no answer");
        assertThat(status(m)).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(access.members(m.getArrangement())).doesNotContain("quietrep");

        actAs("quietrep", group(m));
        taskService.complete(openTask(pi.getId(), AnnualReviewProcess.TASK_CONFIRM_REVIEW).getId(), answer(m, "NOT_IN_SCOPE", ""));
        identityService.clearAuthentication();
        runJobs(pi.getId());
        assertThat(status(m)).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(access.members(m.getArrangement())).contains("quietrep");
    }

    @Test
    void anUnansweredReviewCanLapse() {
        Membership m = member("Gone Grid", "gonerep");
        ProcessInstance pi = start(m);
        fireTimer(pi.getId(), AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);
        fireTimer(pi.getId(), AnnualReviewProcess.BOUNDARY_EVENT_NO_ANSWER);
        actAs("coordinator", Roles.COORDINATORS);
        Task decide = openTask(pi.getId(), AnnualReviewProcess.TASK_DECIDE_UNANSWERED_REVIEW);
        assertThatThrownBy(() -> taskService.complete(decide.getId(), Map.of(AnnualReviewProcess.REVIEW_DECISION.name(), "LAPSE")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Reason");
        identityService.clearAuthentication();
        decide(pi, "LAPSE", "Unreachable for two months");
        assertThat(pi).isEnded().hasPassed(AnnualReviewProcess.SERVICE_TASK_LAPSE_FOR_REVIEW, AnnualReviewProcess.END_EVENT_REVIEW_LAPSED);
        assertThat(status(m)).isEqualTo(MembershipStatus.CESSATION_PENDING);
    }

    @Test
    void anAuthorityTheReviewNoLongerNamesIsToldByACoordinatorsDecisionAndNotToldOfTheCessationAgain() throws Exception {
        Membership m = shrinkingMember("Shrinking Grid", "shrinkrep");
        ProcessInstance pi = reviewConfirmedOutOfNis2(m, "shrinkrep");
        Task decision = openTask(pi.getId(), AnnualReviewProcess.TASK_DECIDE_AUTHORITY_NO_LONGER_NAMED);
        assertThat(decision.getName()).isEqualTo("Decide on an authority the review no longer names: "
                + "Centre for Cybersecurity Belgium (CCB), Shrinking Grid");
        assertThat(decision.getDueDate()).as("due like a decision on an unanswered review")
                .isBetween(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(29))),
                        Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(31))));

        // the member cannot decide for the coordinators; a decision without its reason is refused by name
        actAs("shrinkrep", group(m));
        assertThatThrownBy(() -> taskService.complete(decision.getId(), concern("TELL_AUTHORITY", "We left NIS2")))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        actAs("coordinator", Roles.COORDINATORS);
        assertThatThrownBy(() -> taskService.complete(decision.getId(), concern("TELL_AUTHORITY", " ")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Reason");
        taskService.complete(decision.getId(), concern("TELL_AUTHORITY", "No longer an essential entity: the CCB should know"));
        identityService.clearAuthentication();
        runJobs(pi.getId());

        AuthorityNotification told = notifications.findByMembershipIdOrderByIdAsc(m.getId()).stream()
                .filter(n -> n.getEvent() == NotificationEvent.CONCERN_ENDED).findFirst().orElseThrow();
        assertThat(told.getAuthorityCode()).isEqualTo("CCB");
        ProcessInstance letter = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
        runJobs(letter.getId());
        runJobs(pi.getId());
        byte[] pdf = tx.execute(s -> notifications.findById(told.getId()).orElseThrow().getDocument());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0]+", " ");
            assertThat(text).contains("no longer concerns your authority", "continues to participate",
                    "No provision requires this letter", "Article 29(4) of Directive (EU) 2022/2555 (NIS2)", told.getReference());
        }
        assertThat(pi).hasPassed(AnnualReviewProcess.CALL_ACTIVITY_TELL_CONCERN_ENDED, AnnualReviewProcess.END_EVENT_AUTHORITY_TOLD,
                AnnualReviewProcess.SERVICE_TASK_SCHEDULE_NEXT_REVIEW).isWaitingAt(AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);
        // an authority told that the participation no longer concerns it is not told of its end
        List<String> cessation = tx.execute(s -> authorityNotifications.create(m.getId(), NotificationEvent.CESSATION,
                java.time.LocalDate.now(eu.infosharing.governance.notification.NotificationSettings.DEFAULT_ZONE)));
        assertThat(cessation).isEmpty();
    }

    @Test
    void anAuthorityKeptInformedStaysAmongTheMembershipsAuthoritiesAndIsToldOfTheCessation() {
        Membership m = shrinkingMember("Steady Grid", "steadyrep");
        ProcessInstance pi = reviewConfirmedOutOfNis2(m, "steadyrep");
        actAs("coordinator", Roles.COORDINATORS);
        taskService.complete(openTask(pi.getId(), AnnualReviewProcess.TASK_DECIDE_AUTHORITY_NO_LONGER_NAMED).getId(),
                concern("KEEP_INFORMED", "The CCB asked to stay informed of this operator"));
        identityService.clearAuthentication();
        runJobs(pi.getId());
        assertThat(pi).hasPassed(AnnualReviewProcess.END_EVENT_AUTHORITY_KEPT_INFORMED).isWaitingAt(AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);
        assertThat(jdbc.queryForList("select summary from audit_entry where membership_id = ? and kind = 'AUTHORITY_OVERRIDE'",
                String.class, m.getId())).singleElement().asString().contains("ADD CCB", "asked to stay informed");
        List<String> cessation = tx.execute(s -> authorityNotifications.create(m.getId(), NotificationEvent.CESSATION,
                java.time.LocalDate.now(eu.infosharing.governance.notification.NotificationSettings.DEFAULT_ZONE)));
        assertThat(cessation).hasSize(1);
    }

    /** An essential energy company told the CCB of its entry. */
    private Membership shrinkingMember(String name, String rep) {
        Membership m = members.activeMember("OTICS", name, Nis2Status.ESSENTIAL, eu.infosharing.governance.organisation.Nis2Sector.ENERGY,
                null, Language.en, NotificationMode.SEND_ON_BEHALF);
        members.representative(m, rep, PASSWORD);
        tx.executeWithoutResult(s -> authorityNotifications.create(m.getId(), NotificationEvent.ENTRY, java.time.LocalDate.now(eu.infosharing.governance.notification.NotificationSettings.DEFAULT_ZONE)));
        return m;
    }

    /** The yearly review at which the member confirms it is no longer in NIS2's scope. */
    private ProcessInstance reviewConfirmedOutOfNis2(Membership m, String rep) {
        ProcessInstance pi = start(m);
        fireTimer(pi.getId(), AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);
        actAs(rep, group(m));
        taskService.complete(openTask(pi.getId(), AnnualReviewProcess.TASK_CONFIRM_REVIEW).getId(), answer(m, "NOT_IN_SCOPE", ""));
        identityService.clearAuthentication();
        runJobs(pi.getId());
        return pi;
    }

    private static Map<String, Object> concern(String decision, String reason) {
        return Map.of(AnnualReviewProcess.CONCERN_DECISION.name(), decision, AnnualReviewProcess.CONCERN_REASON.name(), reason);
    }

    private ProcessInstance start(Membership m) {
        reviews.schedule(tx.execute(s -> memberships.findById(m.getId()).orElseThrow()));
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualReviewProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(m.getId())).singleResult();
    }

    private void decide(ProcessInstance pi, String decision, String reason) {
        actAs("coordinator", Roles.COORDINATORS);
        taskService.complete(openTask(pi.getId(), AnnualReviewProcess.TASK_DECIDE_UNANSWERED_REVIEW).getId(),
                Map.of(AnnualReviewProcess.REVIEW_DECISION.name(), decision, AnnualReviewProcess.REVIEW_DECISION_REASON.name(), reason));
        identityService.clearAuthentication();
        runJobs(pi.getId());
    }

    private Map<String, Object> answer(Membership m, String nis2Status, String sector) {
        Map<String, Object> v = new HashMap<>();
        v.put(ApplicationFields.NIS2_STATUS.name(), nis2Status);
        v.put(ApplicationFields.NIS2_SECTOR.name(), sector);
        v.put(ApplicationFields.DORA_ENTITY_TYPE.name(), "NONE");
        v.put(ApplicationFields.LEI.name(), "");
        v.put(ApplicationFields.CONTACT_1.name().name(), "Member of " + m.getOrganisation().getLegalName());
        v.put(ApplicationFields.CONTACT_1.email().name(), "soc@reviewed.example");
        v.put(ApplicationFields.CONTACT_1.phone().name(), "+32 3 555 00 00");
        return v;
    }

    private Membership member(String name, String rep) {
        Membership m = members.activeMember("OTICS", name, Nis2Status.NOT_IN_SCOPE, null, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
        members.representative(m, rep, PASSWORD);
        return m;
    }

    private Date timerDue(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY).singleResult().getDuedate();
    }

    private Date anniversary(Membership m, int year) {
        return Date.from(ZonedDateTime.ofInstant(tx.execute(s -> memberships.findById(m.getId()).orElseThrow().getActivatedAt()),
                ZoneId.of("Europe/Brussels")).plusYears(year).toInstant());
    }

    private String group(Membership m) {
        return m.getOrganisation().getRepresentativesGroup().orElseThrow();
    }

    private MembershipStatus status(Membership m) {
        return tx.execute(s -> memberships.findById(m.getId()).orElseThrow().getStatus());
    }
}

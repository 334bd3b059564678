package eu.infosharing.governance.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.engine.OverdueTaskPriority;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.mail.MailDeliveryException;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.StatusChange;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.AuthorityNotificationRepository;
import eu.infosharing.governance.notification.NotificationStatus;
import eu.infosharing.governance.onboarding.ReviewDecision.Decision;
import eu.infosharing.governance.onboarding.ReviewDecision.Stage;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.organisation.ParticipantType;
import eu.infosharing.governance.process.AnnualReviewProcess;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.ReadableDates;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Identifiers;
import eu.infosharing.governance.support.MailServerDown;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.ProcessTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks every path of bpmn/membership-onboarding.bpmn on the real services. The notifications it hands over to
 * are walked by AuthorityNotificationProcessTest.
 */
@TestPropertySource(properties = "governance.test.coverage-excluded=" + NotificationProcess.KEY + "," + AnnualReviewProcess.KEY)
class MembershipOnboardingProcessTest extends ProcessTestSupport {

    @Autowired
    ApplicationService applications;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    ReviewDecisionRepository reviews;
    @Autowired
    RulesAcceptanceRepository acceptances;
    @Autowired
    InformationRequestRepository informationRequests;
    @Autowired
    SponsorshipRepository sponsorships;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Members members;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OverdueTaskPriority overduePriority;
    @Autowired
    AuthorityNotificationRepository notifications;
    @Autowired
    ArrangementAccess access;
    @Autowired
    eu.infosharing.governance.arrangement.ArrangementRepository arrangements;
    @Autowired
    eu.infosharing.governance.support.TestUsers users;
    @Autowired
    ApplicationContext context;

    // --- the paths to VALIDATED ------------------------------------------------------------------------------

    @Test
    void publicBodyWithoutSponsorsPassesCompetitionScreenAutomatically() {
        Membership m = submit(Applications.publicBody("GRC", "City of Testing"));
        users.user("cityrep", "cityrep-password-1", m.getOrganisation().getRepresentativesGroup().orElseThrow());
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());
        assertThat(pi).hasPassed(OnboardingProcess.SERVICE_TASK_RUN_AUTOMATED_CHECKS, OnboardingProcess.BUSINESS_RULE_TASK_DECIDE_ELIGIBILITY)
                .hasNotPassed(OnboardingProcess.SUB_PROCESS_SPONSOR_ENDORSEMENT).isWaitingAt(OnboardingProcess.TASK_VET_APPLICATION);
        assertThat(status(m)).isEqualTo(MembershipStatus.UNDER_REVIEW);

        decide(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE", OnboardingProcess.VETTING_REASON.name(), "Known public body"), "coordinator", Roles.COORDINATORS);
        acceptRules(pi, m);
        approveGdpr(pi);

        assertThat(pi).hasPassed(OnboardingProcess.SERVICE_TASK_RECORD_COMPETITION_PASS, OnboardingProcess.SERVICE_TASK_VALIDATE_MEMBERSHIP,
                OnboardingProcess.SERVICE_TASK_ACTIVATE_MEMBERSHIP).hasNotPassed(OnboardingProcess.TASK_REVIEW_COMPETITION_LAW)
                .isEnded();
        assertThat(pi).hasPassedInOrder(OnboardingProcess.TASK_VET_APPLICATION, OnboardingProcess.TASK_ACCEPT_RULES, OnboardingProcess.TASK_CHECK_GDPR,
                OnboardingProcess.BUSINESS_RULE_TASK_SCREEN_COMPETITION_LAW, OnboardingProcess.SERVICE_TASK_VALIDATE_MEMBERSHIP, OnboardingProcess.SERVICE_TASK_ACTIVATE_MEMBERSHIP,
                OnboardingProcess.END_EVENT_MEMBERSHIP_ACTIVE);
        Membership validated = reload(m);
        assertThat(validated.getStatus()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(validated.getValidatedAt()).isNotNull();
        assertThat(validated.getActivatedAt()).isNotNull();
        // a public body outside NIS2 and DORA has no authority to notify
        assertThat(notifications.findByMembershipIdOrderByIdAsc(m.getId())).isEmpty();
        // the city's representatives now have access to the arrangement
        assertThat(access.members(validated.getArrangement())).contains("cityrep");
        assertThat(reviews.findByMembershipIdOrderByDecidedAtAscIdAsc(m.getId()))
                .extracting(ReviewDecision::getStage, ReviewDecision::getDecision, ReviewDecision::getActor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Stage.VETTING, Decision.APPROVE, "coordinator"),
                        org.assertj.core.groups.Tuple.tuple(Stage.GDPR, Decision.APPROVE, "dpo"),
                        org.assertj.core.groups.Tuple.tuple(Stage.COMPETITION_LAW, Decision.AUTOMATIC_PASS, "system"));
    }

    /**
     * The first members of an arrangement activated at the same moment both created its group and one failed on the
     * group's unique key (seen by the entry-lifecycle bench): every arrangement's group exists from startup instead.
     */
    @Test
    void everyArrangementHasItsAccessGroupBeforeAnyoneJoins() {
        List<String> codes = arrangements.findAll().stream().map(eu.infosharing.governance.arrangement.Arrangement::getCode).toList();
        assertThat(codes).isNotEmpty();
        assertThat(codes).allSatisfy(code -> assertThat(identityService.createGroupQuery()
                .groupId(eu.infosharing.governance.identity.Roles.arrangementGroup(code)).count()).as(code).isOne());
    }

    @Test
    void aReviewFormShowsTheApplicationAsItIsNowWithoutCopyingItIntoTheEngine() {
        Membership m = submit(Applications.publicBody("GRC", "City of Showing"));
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());
        Task vet = openTask(pi.getId(), OnboardingProcess.TASK_VET_APPLICATION);
        assertThat(shownOn(vet.getId(), TaskDisplay.ORGANISATION_NAME).toString()).startsWith("City of Showing (");
        assertThat(shownOn(vet.getId(), TaskDisplay.REGIMES)).isNotNull();

        // read when the form is read: what changed since the task opened shows, nothing stale
        tx.executeWithoutResult(s -> organisations.findById(m.getOrganisation().getId()).orElseThrow()
                .amend("City of Showing Renamed", "Municipality", null));
        assertThat(shownOn(vet.getId(), TaskDisplay.ORGANISATION_NAME).toString()).startsWith("City of Showing Renamed (");

        // and none of it is a variable of the engine, at run time or in its history
        java.util.Set<String> shown = eu.infosharing.governance.process.Forms.VET_APPLICATION.shown();
        assertThat(shown).contains(TaskDisplay.ORGANISATION_NAME.name(), TaskDisplay.CONTACTS.name());
        assertThat(taskService.getVariables(vet.getId()).keySet()).doesNotContainAnyElementsOf(shown);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)
                .doesNotContainAnyElementsOf(shown);
    }

    @Test
    void bankWithSponsorGoesThroughEndorsementAndLegalReview() {
        Organisation sponsor = members.member("CIDR", "Sponsor Energy");
        Membership m = submit(Applications.bank("CIDR", "Test Bank One", List.of(sponsor.getEnterpriseNumber())));
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());

        Task endorse = openTask(pi.getId(), OnboardingProcess.TASK_ENDORSE_APPLICATION);
        assertThat(candidateGroups(endorse)).containsExactly(sponsor.getRepresentativesGroup().orElseThrow());
        assertThat(endorse.getName()).isEqualTo("Endorse application: Test Bank One, CIDR");
        assertThat(endorse.getDueDate()).isNotNull();
        assertThat(status(m)).isEqualTo(MembershipStatus.AWAITING_ENDORSEMENT);

        decide(pi, OnboardingProcess.TASK_ENDORSE_APPLICATION, Map.of(OnboardingProcess.ENDORSEMENT_DECISION.name(), "ENDORSE"), "sponsorrep", sponsor.getRepresentativesGroup().get());
        assertThat(sponsorships.findByMembershipIdOrderById(m.getId())).singleElement()
                .satisfies(s -> {
                    assertThat(s.getStatus()).isEqualTo(Sponsorship.Status.ENDORSED);
                    assertThat(s.getDecidedBy()).isEqualTo("sponsorrep");
                });

        decide(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"), "coordinator", Roles.COORDINATORS);
        acceptRules(pi, m);
        approveGdpr(pi);
        Task legal = openTask(pi.getId(), OnboardingProcess.TASK_REVIEW_COMPETITION_LAW);
        assertThat(candidateGroups(legal)).containsExactly(Roles.LEGAL);
        assertThat(shownOn(legal.getId(), TaskDisplay.SCREEN_RATIONALE).toString()).contains("direct competitors");
        decide(pi, OnboardingProcess.TASK_REVIEW_COMPETITION_LAW, Map.of(OnboardingProcess.LEGAL_DECISION.name(), "APPROVE", OnboardingProcess.LEGAL_REASON.name(), "Agenda and minutes in place"), "legal", Roles.LEGAL);

        assertThat(pi).hasPassed(OnboardingProcess.SERVICE_TASK_ACTIVATE_MEMBERSHIP, OnboardingProcess.TASK_REVIEW_COMPETITION_LAW)
                .hasNotPassed(OnboardingProcess.SERVICE_TASK_RECORD_COMPETITION_PASS);
        Membership validated = reload(m);
        assertThat(validated.getStatus()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(validated.getHistory()).extracting(StatusChange::getToStatus).containsExactly(
                MembershipStatus.SUBMITTED, MembershipStatus.AWAITING_ENDORSEMENT, MembershipStatus.UNDER_REVIEW,
                MembershipStatus.AWAITING_RULES_ACCEPTANCE, MembershipStatus.COMPLIANCE_REVIEW, MembershipStatus.VALIDATED,
                MembershipStatus.ACTIVE);
        assertThat(validated.getHistory()).extracting(StatusChange::getActor)
                .containsExactly("coordinator", "system", "system", "coordinator", "applicant", "system", "system");

        // a less significant bank notifies the NBB (DORA Art. 45(3), 46(a)) and not the CCB: DORA is the sector-specific
        // act for its banking sector (DORA Art. 1(2), NIS2 Art. 4(1) and recital 28)
        assertThat(notifications.findByMembershipIdOrderByIdAsc(m.getId()))
                .extracting(AuthorityNotification::getAuthorityCode, AuthorityNotification::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NBB", NotificationStatus.PREPARED));
        assertThat(pi).isWaitingAt(OnboardingProcess.CALL_ACTIVITY_NOTIFY_AUTHORITIES);
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .processDefinitionKey(NotificationProcess.KEY).list())
                .hasSize(1).allSatisfy(child -> assertThat(child.getBusinessKey()).isEqualTo(String.valueOf(m.getId())));
    }

    @Test
    void tasksCarryDueAndFollowUpDatesAndOverdueOnesRiseInPriority() {
        Membership m = submit(Applications.publicBody("ESA", "Late Reviewed Agency"));
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());
        Task vet = openTask(pi.getId(), OnboardingProcess.TASK_VET_APPLICATION);
        long created = vet.getCreateTime().getTime();
        assertThat(vet.getDueDate().getTime() - created).isBetween(Duration.ofDays(5).toMillis() - 5_000, Duration.ofDays(5).toMillis() + 5_000);
        assertThat(vet.getFollowUpDate().getTime() - created).isBetween(Duration.ofHours(60).toMillis() - 5_000, Duration.ofHours(60).toMillis() + 5_000);
        assertThat(vet.getPriority()).isEqualTo(50);

        overduePriority.raise();
        assertThat(openTask(pi.getId(), OnboardingProcess.TASK_VET_APPLICATION).getPriority()).as("not overdue yet").isEqualTo(50);

        Task late = taskService.createTaskQuery().taskId(vet.getId()).singleResult();
        late.setDueDate(java.util.Date.from(java.time.Instant.now().minus(Duration.ofHours(1))));
        taskService.saveTask(late);
        overduePriority.raise();
        assertThat(openTask(pi.getId(), OnboardingProcess.TASK_VET_APPLICATION).getPriority()).isEqualTo(OverdueTaskPriority.OVERDUE);
    }

    // --- automated checks and eligibility --------------------------------------------------------------------

    @Test
    void duplicateFoundByTheProcessRejectsWithTheReason() {
        Membership first = submit(Applications.publicBody("GRC", "Twice Applying Agency"));
        // a second membership stored past the API's own duplicate check, as a race between two submissions would
        Membership second = tx.execute(s -> memberships.save(new Membership(
                organisations.findById(first.getOrganisation().getId()).orElseThrow(), first.getArrangement(), null, "racer")));
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(OnboardingProcess.KEY,
                String.valueOf(second.getId()), Map.of(OnboardingProcess.MEMBERSHIP_ID.name(), second.getId(),
                        OnboardingProcess.APPLICANT_GROUP.name(), first.getOrganisation().getRepresentativesGroup().orElseThrow()));
        runJobs(pi.getId());

        assertThat(pi).isEnded().hasPassed(OnboardingProcess.SERVICE_TASK_REJECT_APPLICATION, OnboardingProcess.END_EVENT_APPLICATION_REJECTED)
                .hasNotPassed(OnboardingProcess.BUSINESS_RULE_TASK_DECIDE_ELIGIBILITY);
        Membership rejected = reload(second);
        assertThat(rejected.getStatus()).isEqualTo(MembershipStatus.REJECTED);
        assertThat(rejected.getClosedReason()).contains("already has a pending or active membership");
        assertThat(status(first)).as("the first application is untouched").isEqualTo(MembershipStatus.SUBMITTED);
    }

    @Test
    void participantTypeTheArrangementDoesNotAdmitIsRejectedByTheEligibilityTable() {
        Organisation sponsor = members.member("CIDR", "Sponsor For Vendor");
        var request = Applications.withOrganisation(Applications.bank("CIDR", "Vendor Inc", List.of(sponsor.getEnterpriseNumber())),
                Applications.organisation("Vendor Inc", "ICT_THIRD_PARTY_PROVIDER", "NOT_IN_SCOPE", null, "NONE", null));
        Membership m = submit(request);
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());

        assertThat(pi).isEnded().hasPassed(OnboardingProcess.BUSINESS_RULE_TASK_DECIDE_ELIGIBILITY, OnboardingProcess.END_EVENT_APPLICATION_REJECTED)
                .hasNotPassed(OnboardingProcess.SUB_PROCESS_SPONSOR_ENDORSEMENT);
        assertThat(reload(m).getClosedReason()).isEqualTo("The arrangement does not admit participants of this type");
        assertThat(mailTo("security@vendorinc.example")).contains("does not admit participants of this type");
    }

    // --- sponsors ---------------------------------------------------------------------------------------------

    @Test
    void sponsorThatDeclinesLeavesTooFewEndorsements() {
        Organisation sponsor = members.member("CIDR", "Reluctant Sponsor");
        Membership m = submit(Applications.bank("CIDR", "Unvouched Bank", List.of(sponsor.getEnterpriseNumber())));
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());

        assertThatThrownBy(() -> decide(pi, OnboardingProcess.TASK_ENDORSE_APPLICATION, Map.of(OnboardingProcess.ENDORSEMENT_DECISION.name(), "DECLINE"), "rep", group(sponsor)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Reason is required");
        assertThat(pi).isWaitingAt(OnboardingProcess.TASK_ENDORSE_APPLICATION);

        decide(pi, OnboardingProcess.TASK_ENDORSE_APPLICATION, Map.of(OnboardingProcess.ENDORSEMENT_DECISION.name(), "DECLINE", OnboardingProcess.ENDORSEMENT_REASON.name(), "We do not know them"), "rep", group(sponsor));
        assertThat(pi).isEnded().hasPassed(OnboardingProcess.SERVICE_TASK_EVALUATE_ENDORSEMENTS, OnboardingProcess.END_EVENT_APPLICATION_REJECTED)
                .hasNotPassed(OnboardingProcess.TASK_VET_APPLICATION);
        assertThat(reload(m).getClosedReason()).contains("requires 1 endorsement(s); 0 received")
                .contains("declined by Reluctant Sponsor (We do not know them)");
    }

    @Test
    void silentSponsorRaisesCoordinatorTaskThatCanRemindThenWaive() {
        Organisation sponsor = members.member("CIDR", "Silent Sponsor");
        Membership m = submit(Applications.bank("CIDR", "Patient Bank", List.of(sponsor.getEnterpriseNumber())));
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());

        fireTimer(pi.getId(), OnboardingProcess.BOUNDARY_EVENT_SPONSOR_SILENT);
        Task followUp = openTask(pi.getId(), OnboardingProcess.TASK_FOLLOW_UP_SPONSOR);
        assertThat(candidateGroups(followUp)).containsExactly(Roles.COORDINATORS);
        assertThat(shownOn(followUp.getId(), TaskDisplay.SPONSOR_NAME)).isEqualTo("Silent Sponsor");

        decide(pi, OnboardingProcess.TASK_FOLLOW_UP_SPONSOR, Map.of(OnboardingProcess.SPONSOR_FOLLOW_UP_DECISION.name(), "REMIND"), "coordinator", Roles.COORDINATORS);
        assertThat(pi).isWaitingAt(OnboardingProcess.TASK_ENDORSE_APPLICATION);

        fireTimer(pi.getId(), OnboardingProcess.BOUNDARY_EVENT_SPONSOR_SILENT);
        decide(pi, OnboardingProcess.TASK_FOLLOW_UP_SPONSOR, Map.of(OnboardingProcess.SPONSOR_FOLLOW_UP_DECISION.name(), "WAIVE",
                OnboardingProcess.SPONSOR_FOLLOW_UP_REASON.name(), "Sponsor confirmed by phone, platform access issue"), "coordinator", Roles.COORDINATORS);

        assertThat(pi).isWaitingAt(OnboardingProcess.TASK_VET_APPLICATION).hasPassed(OnboardingProcess.END_EVENT_SPONSORSHIP_SETTLED);
        assertThat(sponsorships.findByMembershipIdOrderById(m.getId())).singleElement()
                .satisfies(s -> assertThat(s.getStatus()).isEqualTo(Sponsorship.Status.WAIVED));
    }

    @Test
    void silentSponsorCountedAsDeclinedRejects() {
        Organisation sponsor = members.member("CIDR", "Vanished Sponsor");
        Membership m = submit(Applications.bank("CIDR", "Abandoned Bank", List.of(sponsor.getEnterpriseNumber())));
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());
        fireTimer(pi.getId(), OnboardingProcess.BOUNDARY_EVENT_SPONSOR_SILENT);
        decide(pi, OnboardingProcess.TASK_FOLLOW_UP_SPONSOR, Map.of(OnboardingProcess.SPONSOR_FOLLOW_UP_DECISION.name(), "DECLINE",
                OnboardingProcess.SPONSOR_FOLLOW_UP_REASON.name(), "No answer after 14 days"), "coordinator", Roles.COORDINATORS);

        assertThat(pi).isEnded().hasPassed(OnboardingProcess.END_EVENT_APPLICATION_REJECTED);
        assertThat(reload(m).getClosedReason()).contains("Vanished Sponsor (No answer after 14 days)");
    }

    // --- vetting ----------------------------------------------------------------------------------------------

    @Test
    void coordinatorRejectsWithAReasonThatTheApplicantIsMailed() {
        Membership m = submit(Applications.publicBody("GRC", "Doubtful Agency"));
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());

        assertThatThrownBy(() -> decide(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "REJECT"), "coordinator", Roles.COORDINATORS))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Reason is required to reject");
        assertThat(pi).isWaitingAt(OnboardingProcess.TASK_VET_APPLICATION);
        assertThat(status(m)).isEqualTo(MembershipStatus.UNDER_REVIEW);

        decide(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "REJECT", OnboardingProcess.VETTING_REASON.name(), "Not a cybersecurity team"),
                "coordinator", Roles.COORDINATORS);
        assertThat(pi).isEnded().hasPassed(OnboardingProcess.SERVICE_TASK_NOTIFY_APPLICANT_OF_REJECTION, OnboardingProcess.END_EVENT_APPLICATION_REJECTED);
        Membership rejected = reload(m);
        assertThat(rejected.getStatus()).isEqualTo(MembershipStatus.REJECTED);
        StatusChange last = rejected.getHistory().get(rejected.getHistory().size() - 1);
        assertThat(last.getActor()).isEqualTo("coordinator");
        assertThat(last.getReason()).isEqualTo("Rejected in vetting: Not a cybersecurity team");
        assertThat(mailTo("security@doubtfulagency.example")).contains("Not a cybersecurity team").contains("Governance, Risk & Compliance");
    }

    /**
     * The mail step is its own job: while the mail server is down the engine keeps the membership rejected, tries
     * again on the configured cycle with one retry fewer each time, and raises an incident on the mail step when they
     * run out; once the server is back, an operator's retry delivers the mail and ends the application.
     */
    @Test
    void aMailServerThatIsDownIsRetriedByTheEngineUntilAnIncidentThenDeliveredOnRetry() {
        String applicant = "security@unreachableagency.example";
        Membership m = submit(Applications.publicBody("GRC", "Unreachable Agency"));
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());
        Task vet = openTask(pi.getId(), OnboardingProcess.TASK_VET_APPLICATION);
        actAs("coordinator", Roles.COORDINATORS);
        engine.getFormService().submitTaskForm(vet.getId(), Map.of(OnboardingProcess.VETTING_DECISION.name(), "REJECT",
                OnboardingProcess.VETTING_REASON.name(), "Not a cybersecurity team"));
        identityService.clearAuthentication();

        Job mail;
        List<Job> before;
        // the engine goes on until the mail step, which is its own job
        while ((mail = managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(OnboardingProcess.SERVICE_TASK_NOTIFY_APPLICANT_OF_REJECTION).singleResult()) == null
                && !(before = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list()).isEmpty()) {
            managementService.executeJob(before.get(0).getId());
        }
        assertThat(mail).as("the rejection mail waits as a job of its own").isNotNull();
        String mailedBefore = mailTo(applicant); // the outbox outlives a run; the receipt of the application is in it
        List<Integer> retriesLeft = new java.util.ArrayList<>();
        try (MailServerDown down = MailServerDown.in(context)) {
            do {
                String id = mail.getId();
                assertThatThrownBy(() -> managementService.executeJob(id)).isInstanceOf(MailDeliveryException.class)
                        .hasMessageContaining("could not be delivered");
                mail = managementService.createJobQuery().jobId(id).singleResult();
                retriesLeft.add(mail.getRetries());
                if (mail.getRetries() > 0) {
                    assertThat(mail.getDuedate()).as("the next attempt waits for the retry cycle").isInTheFuture();
                }
            } while (mail.getRetries() > 0 && retriesLeft.size() < 10);
        }
        assertThat(retriesLeft).as("one retry fewer per failure, as the configured cycle R5 allows").containsExactly(4, 3, 2, 1, 0);
        assertThat(status(m)).isEqualTo(MembershipStatus.REJECTED);
        assertThat(pi).isWaitingAt(OnboardingProcess.SERVICE_TASK_NOTIFY_APPLICANT_OF_REJECTION);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult())
                .extracting(org.camunda.bpm.engine.runtime.Incident::getActivityId)
                .isEqualTo(OnboardingProcess.SERVICE_TASK_NOTIFY_APPLICANT_OF_REJECTION);
        assertThat(mailTo(applicant)).as("nothing mailed while the server is down").isEqualTo(mailedBefore);

        // the server is back; an operator retries the job from Cockpit
        managementService.setJobRetries(mail.getId(), 1);
        managementService.executeJob(mail.getId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(pi).isEnded().hasPassed(OnboardingProcess.END_EVENT_APPLICATION_REJECTED);
        assertThat(mailTo(applicant)).as("the rejection mailed once the server is back").contains("Not a cybersecurity team")
                .hasSizeGreaterThan(mailedBefore.length());
    }

    @Test
    void moreInformationLoopLetsTheApplicantAmendAndReturnsToVetting() {
        var request = Applications.publicBody("GRC", "Vague Agency");
        Membership m = submit(new ApplicationRequest(request.arrangementCode(), request.organisation(),
                List.of(new ApplicationRequest.ContactInput("First Contact", "first@vague.example", "+32 2 555 10 10",
                        "0123 4567 89ab cdef 0123 4567 89ab cdef 0123 4567")), List.of(), null));
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());

        decide(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "REQUEST_INFORMATION",
                OnboardingProcess.VETTING_REASON.name(), "Who leads your security team?"), "coordinator", Roles.COORDINATORS);
        Task amend = openTask(pi.getId(), OnboardingProcess.TASK_AMEND_APPLICATION);
        String applicantGroup = m.getOrganisation().getRepresentativesGroup().orElseThrow();
        assertThat(candidateGroups(amend)).containsExactly(applicantGroup);
        assertThat(shownOn(amend.getId(), TaskDisplay.LATEST_QUESTION)).isEqualTo("Who leads your security team?");
        assertThat(taskService.getVariableLocal(amend.getId(), ApplicationFields.LEGAL_NAME.name())).isEqualTo("Vague Agency");
        assertThat(status(m)).isEqualTo(MembershipStatus.INFORMATION_REQUESTED);
        // the applicant is asked by mail, with the question, the way to Tasklist and its status page
        assertThat(pi).hasPassed(OnboardingProcess.SERVICE_TASK_ASK_APPLICANT_FOR_INFORMATION).isWaitingAt(OnboardingProcess.TASK_AMEND_APPLICATION);
        assertThat(mailTo("first@vague.example")).contains("The coordinators of Governance, Risk & Compliance (GRC) ask for more information")
                .contains("Who leads your security team?").contains("/camunda/app/tasklist/")
                .contains("/my-organisation/memberships/" + m.getId());

        Map<String, Object> answer = new HashMap<>();
        answer.put(ApplicationFields.LEGAL_NAME.name(), "Vague Agency");
        answer.put(ApplicationFields.LEGAL_FORM.name(), "Public body");
        answer.put(ApplicationFields.CONTACT_1.name().name(), "Ciso Person");
        answer.put(ApplicationFields.CONTACT_1.email().name(), "not-an-email");
        answer.put(ApplicationFields.CONTACT_1.phone().name(), "+32 2 555 11 11");
        answer.put(OnboardingProcess.AMENDMENT_RESPONSE.name(), "Our CISO, see contact");
        assertThatThrownBy(() -> decide(pi, OnboardingProcess.TASK_AMEND_APPLICATION, answer, "applicant", applicantGroup))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Contact 1 e-mail must be exactly one e-mail address");
        assertThat(pi).isWaitingAt(OnboardingProcess.TASK_AMEND_APPLICATION);

        // the same person (same e-mail) with a new name and phone: the fingerprint on file survives an amendment
        // that does not ask for it; another person would not inherit it
        String onFile = tx.execute(s -> organisations.findById(m.getOrganisation().getId()).orElseThrow()
                .getContacts().get(0).getEmail());
        answer.put(ApplicationFields.CONTACT_1.email().name(), onFile);
        decide(pi, OnboardingProcess.TASK_AMEND_APPLICATION, answer, "applicant", applicantGroup);
        String fingerprint = tx.execute(s -> organisations.findById(m.getOrganisation().getId()).orElseThrow()
                .getContacts().get(0).getPgpFingerprint());
        assertThat(fingerprint)
                .as("the fingerprint on file survives an amendment that does not ask for it")
                .isEqualTo("0123456789ABCDEF0123456789ABCDEF01234567");
        String inherited = tx.execute(s -> organisations.findById(m.getOrganisation().getId()).orElseThrow()
                .keepingFingerprints(List.of(new eu.infosharing.governance.organisation.ContactDetails("Another Person",
                        "another@vague.example", "+32 2 555 22 22", null))).get(0).pgpFingerprint());
        assertThat(inherited).as("another person in the same place does not inherit the fingerprint").isNull();
        assertThat(pi).isWaitingAt(OnboardingProcess.TASK_VET_APPLICATION);
        Task vetAgain = openTask(pi.getId(), OnboardingProcess.TASK_VET_APPLICATION);
        assertThat(shownOn(vetAgain.getId(), TaskDisplay.INFORMATION_REQUESTS).toString())
                .contains("Who leads your security team?").contains("Our CISO, see contact")
                .as("the question and the answer are dated as people read them, in Brussels time, not as raw instants")
                .contains(informationRequests.findByMembershipIdOrderByAskedAtAscIdAsc(m.getId()).stream()
                        .map(r -> ReadableDates.in(java.time.ZoneId.of("Europe/Brussels")).dateTime(r.getAskedAt()) + " ")
                        .findFirst().orElseThrow())
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(shownOn(vetAgain.getId(), TaskDisplay.CONTACTS).toString()).contains("Ciso Person", onFile);
        assertThat(informationRequests.findByMembershipIdOrderByAskedAtAscIdAsc(m.getId())).singleElement()
                .satisfies(r -> assertThat(r.getAnsweredBy()).isEqualTo("applicant"));

        decide(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"), "coordinator", Roles.COORDINATORS);
        assertThat(pi).isWaitingAt(OnboardingProcess.TASK_ACCEPT_RULES)
                .hasPassedInOrder(OnboardingProcess.TASK_VET_APPLICATION, OnboardingProcess.TASK_AMEND_APPLICATION, OnboardingProcess.TASK_VET_APPLICATION);
    }

    // --- rules of conduct -------------------------------------------------------------------------------------

    @Test
    void acceptanceRecordsTheVersionShownAndRequiresTheTick() {
        Membership m = submitAndApprove(Applications.publicBody("IAM", "Careful Reader"));
        ProcessInstance pi = instance(m);
        Task accept = openTask(pi.getId(), OnboardingProcess.TASK_ACCEPT_RULES);
        assertThat(shownOn(accept.getId(), TaskDisplay.RULES_TEXT).toString())
                .contains("TLP:RED").contains("Chatham House Rule").contains("destroys all information");
        assertThat(candidateGroups(accept)).containsExactly(m.getOrganisation().getRepresentativesGroup().orElseThrow());

        assertThatThrownBy(() -> decide(pi, OnboardingProcess.TASK_ACCEPT_RULES, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), false), "applicant", group(m.getOrganisation())))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("tick the box");
        acceptRules(pi, m);
        assertThat(acceptances.findByMembershipIdOrderByAcceptedAtAsc(m.getId())).singleElement().satisfies(a -> {
            assertThat(a.getRulesVersion().getVersionLabel()).isEqualTo("1.0");
            assertThat(a.getRulesVersion().getArrangement().getCode()).isEqualTo("IAM");
            assertThat(a.getAcceptedBy()).isEqualTo("applicant");
        });
    }

    @Test
    void reminderAfterSevenDaysKeepsTheTaskAndExpiryAfterThirtyEndsIt() {
        Membership m = submitAndApprove(Applications.publicBody("CLOUD", "Slow Signer"));
        ProcessInstance pi = instance(m);

        fireTimer(pi.getId(), OnboardingProcess.BOUNDARY_EVENT_ACCEPTANCE_REMINDER);
        assertThat(pi).hasPassed(OnboardingProcess.SERVICE_TASK_REMIND_APPLICANT, OnboardingProcess.END_EVENT_REMINDER_SENT).isWaitingAt(OnboardingProcess.TASK_ACCEPT_RULES);
        assertThat(mailTo("security@slowsigner.example")).contains("Reminder: accept the rules of conduct of Cloud Security");

        fireTimer(pi.getId(), OnboardingProcess.BOUNDARY_EVENT_ACCEPTANCE_EXPIRED);
        assertThat(pi).isEnded().hasPassed(OnboardingProcess.SERVICE_TASK_EXPIRE_APPLICATION, OnboardingProcess.SERVICE_TASK_NOTIFY_APPLICANT_OF_EXPIRY,
                OnboardingProcess.END_EVENT_APPLICATION_EXPIRED);
        assertThat(status(m)).isEqualTo(MembershipStatus.EXPIRED);
        assertThat(mailTo("security@slowsigner.example")).contains("has expired");
    }

    // --- GDPR and competition law ----------------------------------------------------------------------------

    @Test
    void gdprApprovalNeedsTheChecklistAndARejectionEndsTheApplication() {
        Membership m = submitAndApprove(Applications.publicBody("PRIVACY", "Data Hungry Body"));
        ProcessInstance pi = instance(m);
        acceptRules(pi, m);

        assertThatThrownBy(() -> decide(pi, OnboardingProcess.TASK_CHECK_GDPR, Map.of(OnboardingProcess.GDPR_DECISION.name(), "APPROVE",
                OnboardingProcess.LAWFUL_BASIS.name(), "LEGITIMATE_INTEREST", OnboardingProcess.CONTACT_DATA_MINIMAL.name(), false, OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true), "dpo", Roles.PRIVACY))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Minimal contact data must be confirmed")
                // a public body performing its tasks may not rely on legitimate interest (GDPR Art. 6(1), last subparagraph)
                .hasMessageContaining("Lawful basis cannot be legitimate interest for a public body");
        assertThat(pi).isWaitingAt(OnboardingProcess.TASK_CHECK_GDPR);

        decide(pi, OnboardingProcess.TASK_CHECK_GDPR, Map.of(OnboardingProcess.GDPR_DECISION.name(), "REJECT", OnboardingProcess.GDPR_REASON.name(), "Asks for personal mobile numbers of all staff"),
                "dpo", Roles.PRIVACY);
        assertThat(pi).isEnded().hasPassed(OnboardingProcess.END_EVENT_APPLICATION_REJECTED).hasNotPassed(OnboardingProcess.BUSINESS_RULE_TASK_SCREEN_COMPETITION_LAW);
        assertThat(reload(m).getClosedReason()).isEqualTo("Rejected in the GDPR check: Asks for personal mobile numbers of all staff");
    }

    @Test
    void legalReviewCanReject() {
        Organisation sponsor = members.member("CIDR", "Sponsor Of Cartel");
        Membership m = submit(Applications.bank("CIDR", "Cartel Bank", List.of(sponsor.getEnterpriseNumber())));
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());
        decide(pi, OnboardingProcess.TASK_ENDORSE_APPLICATION, Map.of(OnboardingProcess.ENDORSEMENT_DECISION.name(), "ENDORSE"), "rep", group(sponsor));
        decide(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"), "coordinator", Roles.COORDINATORS);
        acceptRules(pi, m);
        approveGdpr(pi);
        decide(pi, OnboardingProcess.TASK_REVIEW_COMPETITION_LAW, Map.of(OnboardingProcess.LEGAL_DECISION.name(), "REJECT",
                OnboardingProcess.LEGAL_REASON.name(), "Wants to discuss fee levels"), "legal", Roles.LEGAL);

        assertThat(pi).isEnded().hasPassed(OnboardingProcess.END_EVENT_APPLICATION_REJECTED).hasNotPassed(OnboardingProcess.SERVICE_TASK_VALIDATE_MEMBERSHIP);
        assertThat(reload(m).getClosedReason()).isEqualTo("Rejected in the competition-law review: Wants to discuss fee levels");
    }

    // --- the Tasklist start form --------------------------------------------------------------------------------

    @Test
    void startFormApplicationIsStoredAndItsPayloadLeavesTheProcess() {
        String number = Identifiers.enterpriseNumber();
        Map<String, Object> form = startForm(number);
        actAs("coordinator", Roles.COORDINATORS);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(OnboardingProcess.KEY, form);

        Organisation o = organisations.findByEnterpriseNumber(number).orElseThrow();
        assertThat(o.getLegalName()).isEqualTo("Form Filler");
        Long membershipId = (Long) runtimeService.getVariable(pi.getId(), OnboardingProcess.MEMBERSHIP_ID.name());
        assertThat(pi.getBusinessKey()).isEqualTo(String.valueOf(membershipId));
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys(ApplicationFields.CONTACT_1.email().name(), ApplicationFields.LEGAL_NAME.name(), ApplicationFields.ENTERPRISE_NUMBER.name());
        assertThat(reload(memberships.findById(membershipId).orElseThrow()).getProcessInstanceId()).isEqualTo(pi.getId());
    }

    @Test
    void startFormWithAWrongEnterpriseNumberCreatesNothing() {
        Map<String, Object> form = startForm("0599.799.598");
        long membershipsBefore = memberships.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(OnboardingProcess.KEY, form))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Enterprise number has a wrong check number");
        assertThat(memberships.count()).isEqualTo(membershipsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName(ApplicationFields.LEGAL_NAME.name()).list())
                .extracting(HistoricVariableInstance::getValue).doesNotContain("Form Filler Wrong");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private Map<String, Object> startForm(String enterpriseNumber) {
        Map<String, Object> form = new HashMap<>();
        form.put(ApplicationFields.ARRANGEMENT_CODE.name(), "AWARENESS");
        form.put(ApplicationFields.LEGAL_NAME.name(), enterpriseNumber.endsWith("598") ? "Form Filler Wrong" : "Form Filler");
        form.put(ApplicationFields.LEGAL_FORM.name(), "BV");
        form.put(ApplicationFields.COUNTRY.name(), "BE");
        form.put(ApplicationFields.ENTERPRISE_NUMBER.name(), enterpriseNumber);
        form.put("participantType", "NON_PROFIT");
        form.put(ApplicationFields.NIS2_STATUS.name(), "NOT_IN_SCOPE");
        form.put(ApplicationFields.DORA_ENTITY_TYPE.name(), "NONE");
        form.put(ApplicationFields.PREFERRED_LANGUAGE.name(), "fr");
        form.put(ApplicationFields.CONTACT_1.name().name(), "Fanny Form");
        form.put(ApplicationFields.CONTACT_1.email().name(), "fanny@form.example");
        form.put(ApplicationFields.CONTACT_1.phone().name(), "+32 4 555 12 12");
        return form;
    }

    private Membership submit(eu.infosharing.governance.onboarding.ApplicationRequest request) {
        actAs("coordinator", Roles.COORDINATORS);
        Membership m = applications.submit(request);
        identityService.clearAuthentication();
        return m;
    }

    private Membership submitAndApprove(eu.infosharing.governance.onboarding.ApplicationRequest request) {
        Membership m = submit(request);
        ProcessInstance pi = instance(m);
        runJobs(pi.getId());
        decide(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"), "coordinator", Roles.COORDINATORS);
        assertThat(pi).isWaitingAt(OnboardingProcess.TASK_ACCEPT_RULES);
        return m;
    }

    private void acceptRules(ProcessInstance pi, Membership m) {
        decide(pi, OnboardingProcess.TASK_ACCEPT_RULES, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true), "applicant", m.getOrganisation().getRepresentativesGroup().orElseThrow());
    }

    /** The DPO approves on the basis that fits the applicant: a public body performs a public task (GDPR Art. 6(1)(e)). */
    private void approveGdpr(ProcessInstance pi) {
        boolean publicBody = tx.execute(s -> memberships.findById(Long.valueOf(pi.getBusinessKey())).orElseThrow()
                .getOrganisation().getParticipantType() == ParticipantType.PUBLIC_BODY);
        decide(pi, OnboardingProcess.TASK_CHECK_GDPR, Map.of(OnboardingProcess.GDPR_DECISION.name(), "APPROVE",
                OnboardingProcess.LAWFUL_BASIS.name(), publicBody ? "PUBLIC_TASK" : "LEGITIMATE_INTEREST",
                OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true, OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true), "dpo", Roles.PRIVACY);
    }

    /** Completes the open task as this person, then lets the engine go on to the next wait state. */
    private void decide(ProcessInstance pi, String taskKey, Map<String, Object> variables, String user, String group) {
        submitForm(pi.getId(), taskKey, variables, user, group);
    }

    private static String group(Organisation o) {
        return o.getRepresentativesGroup().orElseThrow();
    }

    private ProcessInstance instance(Membership m) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(m.getProcessInstanceId()).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private MembershipStatus status(Membership m) {
        return reload(m).getStatus();
    }

    private Membership reload(Membership m) {
        return tx.execute(s -> {
            Membership fresh = memberships.findById(m.getId()).orElseThrow();
            fresh.getHistory().size();
            fresh.getOrganisation().getRepresentativesGroup();
            return fresh;
        });
    }

    private String mailTo(String address) {
        return eu.infosharing.governance.support.Outbox.mailTo(address);
    }
}

package eu.infosharing.governance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.AcknowledgementProcess;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.support.AuthorityEndpoint;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.ProcessTestSupport;
import eu.infosharing.governance.support.TestUsers;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks every path of bpmn/authority-notification.bpmn against a real SMTP server (GreenMail) and a real local HTTP
 * endpoint standing in for the NBB's intake, and reads the letters back from the PDFs that arrived.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "governance.notification.retry-cycle=PT1M,PT5M", "governance.notification.acknowledgement-periods.NBB=P7D"})
class AuthorityNotificationProcessTest extends ProcessTestSupport {

    private static final String PASSWORD = "Notification-Test-Secret-1";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    AuthorityNotifications notifications;
    @Autowired
    AuthorityNotificationRepository repository;
    @Autowired
    NotificationAttemptRepository attempts;
    @Autowired
    NotificationModeService modes;
    @Autowired
    CompetentAuthorityRepository authorities;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    Acknowledgements acknowledgements;
    @Autowired
    NotificationDelivery delivery;

    AuthorityEndpoint nbb;
    String nbbAddress;

    @BeforeEach
    void nbbIntakeOnALocalPort() {
        nbb = new AuthorityEndpoint();
        nbbAddress = nbb.standIn("NBB", authorities, tx);
    }

    @AfterEach
    void restoreNbb() {
        AuthorityEndpoint.pointBack("NBB", nbbAddress, authorities, tx);
        nbb.close();
    }

    // --- the arrangement sends on the member's behalf ---------------------------------------------------------

    @Test
    void bankIsNotifiedToCcbByMailAndToNbbByHttpsWithTheLetterInTheirLanguages() throws Exception {
        // a bank that is also essential outside banking (it runs a trust service) keeps its NIS2 letter beside DORA's
        Membership bank = members.activeMember("CIDR", "Zuiderbank", Nis2Status.ESSENTIAL, Nis2Sector.DIGITAL_INFRASTRUCTURE,
                DoraEntityType.A, Language.de, NotificationMode.SEND_ON_BEHALF);
        List<ProcessInstance> started = startEntryNotifications(bank);
        assertThat(started).hasSize(2);
        started.forEach(pi -> runJobs(pi.getId()));

        AuthorityNotification ccb = notification(bank, "CCB");
        AuthorityNotification nbbNotification = notification(bank, "NBB");
        // the CCB accepts German, the member's language; the NBB does not, so it gets its first language, Dutch
        assertThat(ccb.getLanguage()).isEqualTo(Language.de);
        assertThat(nbbNotification.getLanguage()).isEqualTo(Language.nl);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("nis2-participation@ccb.example");
        assertThat(mail.getSubject()).contains(ccb.getReference());
        assertThat(mail.getHeader(AuthorityChannels.REFERENCE_HEADER)[0]).isEqualTo(ccb.getReference());
        String letter = pdfText(attachment(mail));
        assertThat(letter).contains("Zuiderbank", "Teilnahme", ccb.getReference(), ccb.getLegalBasis(),
                bank.getArrangement().getName());
        // what the supervisor needs besides, in the letter's language: regimes, the member's contact, the organiser
        assertThat(letter).contains("Wesentliche Einrichtung im Sinne der Richtlinie (EU) 2022/2555, Sektor: Digitale Infrastruktur (Anhang I)",
                "Artikel 2 Absatz 1 Buchstabe a: Kreditinstitut", "Kontaktperson Member of Zuiderbank <soc@zuiderbank.example>",
                "Organisator Cyber Security Coalition", "Kontaktstelle Focus Group coordination, info@cybersecuritycoalition.be");
        assertThat(ccb.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(ccb.getChannel()).isEqualTo(CompetentAuthority.Channel.EMAIL);
        assertThat(ccb.getMessageId()).isEqualTo(mail.getMessageID());
        assertThat(ccb.getSentAt()).isNotNull();

        assertThat(nbb.received()).singleElement().satisfies(r -> {
            assertThat(r.idempotencyKey()).isEqualTo(nbbNotification.getReference());
            assertThat(r.body().get("event").asText()).isEqualTo("ENTRY");
            assertThat(r.body().get("entity").get(ApplicationFields.LEI.name()).asText()).isNotBlank();
            assertThat(r.body().get("language").asText()).isEqualTo("nl");
            assertThat(r.body().get("entity").get("doraEntityType").asText()).isEqualTo("a");
            assertThat(r.body().get("entity").get("contactPersons").asText()).contains("soc@zuiderbank.example");
            assertThat(r.body().get("arrangement").get("organiser").get("name").asText()).startsWith("Cyber Security Coalition");
            String nbbLetter = pdfText(Base64.getDecoder().decode(r.body().get("document").get("base64").asText()));
            assertThat(nbbLetter).contains("Zuiderbank", "deelname", nbbNotification.getReference());
        });
        assertThat(nbbNotification.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(nbbNotification.getMessageId()).isEqualTo("AUTH-1");
        assertThat(attempts.findByNotificationIdOrderByAttemptedAtAscIdAsc(nbbNotification.getId()))
                .extracting(NotificationAttempt::getOutcome).containsExactly(NotificationAttempt.Outcome.SENT);
        // the evidence kept is the letter that was sent
        assertThat(pdfText(nbbNotification.getDocument())).contains(nbbNotification.getReference());
        started.forEach(pi -> assertThat(pi).isEnded().hasPassed(NotificationProcess.SERVICE_TASK_SEND_TO_AUTHORITY, NotificationProcess.END_EVENT_NOTIFICATION_SENT));
    }

    /**
     * Issue 15: the send commits its outcome on its own. A rollback of the step after the send (the calling process's
     * multi-instance colliding with a sibling) and the engine's retry send nothing more; a crash between the delivery
     * and its record sends again, with the same reference, Idempotency-Key and Message-ID for the authority to discard.
     */
    @Test
    void aSendIsNotRepeatedByARollbackOrARetryAndACrashResendsWithTheSameKeys() throws Exception {
        Membership bank = members.activeMember("CIDR", "Once Bank", Nis2Status.ESSENTIAL, Nis2Sector.DIGITAL_INFRASTRUCTURE,
                DoraEntityType.A, Language.en, NotificationMode.SEND_ON_BEHALF);
        tx.executeWithoutResult(s -> notifications.create(bank.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        String byMail = notification(bank, "CCB").getReference();
        String byHttps = notification(bank, "NBB").getReference();

        // the step's own transaction rolls back after both sends
        tx.executeWithoutResult(s -> {
            delivery.send(byMail);
            delivery.send(byHttps);
            s.setRollbackOnly();
        });
        // and the engine runs the step again
        delivery.send(byMail);
        delivery.send(byHttps);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(nbb.received()).hasSize(1);
        for (String reference : List.of(byMail, byHttps)) {
            AuthorityNotification n = repository.findByReference(reference).orElseThrow();
            assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENT);
            assertThat(attempts.findByNotificationIdOrderByAttemptedAtAscIdAsc(n.getId())).as("attempts of " + reference)
                    .hasSize(n.getAttempts()).extracting(NotificationAttempt::getOutcome)
                    .containsExactly(NotificationAttempt.Outcome.SENT);
        }

        // a crash after the delivery, before its record committed: the record is as if never written
        jdbc.update("update authority_notification set status = 'PREPARED' where reference in (?, ?)", byMail, byHttps);
        delivery.send(byMail);
        delivery.send(byHttps);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(mails[1].getMessageID()).as("the same Message-ID, made from the reference")
                .isEqualTo(mails[0].getMessageID()).startsWith("<" + byMail + "@");
        assertThat(repository.findByReference(byMail).orElseThrow().getMessageId()).isEqualTo(mails[0].getMessageID());
        assertThat(nbb.received()).hasSize(2).allSatisfy(r -> {
            assertThat(r.reference()).isEqualTo(byHttps);
            assertThat(r.idempotencyKey()).isEqualTo(byHttps);
        });
    }

    @Test
    void aFailingChannelRetriesWithBackOffThenRaisesAnIncidentAndResolvingItSendsExactlyOnceMore() {
        Membership bank = members.activeMember("CIDR", "Flaky Intake Bank", Nis2Status.NOT_IN_SCOPE, null,
                DoraEntityType.A, Language.fr, NotificationMode.SEND_ON_BEHALF);
        nbb.answer(503);
        ProcessInstance pi = startEntryNotifications(bank).get(0);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());

        Job send = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(NotificationProcess.SERVICE_TASK_SEND_TO_AUTHORITY).singleResult();
        String sendId = send.getId();
        assertThatThrownBy(() -> managementService.executeJob(sendId)).hasMessageContaining("503");
        send = managementService.createJobQuery().jobId(sendId).singleResult();
        assertThat(nbb.received()).hasSize(1);
        assertThat(send.getDuedate()).as("the next attempt waits").isInTheFuture();
        while (send.getRetries() > 0) {
            String id = send.getId();
            assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("503");
            send = managementService.createJobQuery().jobId(id).singleResult();
        }
        int tried = nbb.received().size();
        assertThat(tried).as("first attempt and its retries").isGreaterThanOrEqualTo(3);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(NotificationProcess.SERVICE_TASK_SEND_TO_AUTHORITY);
        AuthorityNotification failing = notification(bank, "NBB");
        assertThat(failing.getStatus()).isEqualTo(NotificationStatus.PREPARED);
        assertThat(failing.getLastError()).contains("503");
        assertThat(attempts.findByNotificationIdOrderByAttemptedAtAscIdAsc(failing.getId())).hasSize(tried)
                .allMatch(a -> a.getOutcome() == NotificationAttempt.Outcome.FAILED);
        assertThat(nbb.received()).extracting(AuthorityEndpoint.Received::reference).containsOnly(failing.getReference());

        // the authority's intake is back; an operator retries the job from Cockpit, which sets one retry
        nbb.answer(201);
        managementService.setJobRetries(send.getId(), 1);
        managementService.executeJob(send.getId());

        assertThat(nbb.received()).hasSize(tried + 1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(notification(bank, "NBB").getStatus()).isEqualTo(NotificationStatus.SENT);
        // the send committed on its own: the step after it is a job of its own
        assertThat(pi).isWaitingAt(NotificationProcess.SERVICE_TASK_SEND_TO_AUTHORITY);
        runJobs(pi.getId());
        assertThat(pi).isEnded();
        assertThat(nbb.received()).hasSize(tried + 1);
    }

    // --- the member sends itself --------------------------------------------------------------------------------

    @Test
    void memberThatSendsItselfGetsTheLetterRemindersAndAnOverdueFollowUpUntilItConfirms() throws Exception {
        Membership m = members.activeMember("OTICS", "Selfsend Power", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY,
                null, Language.nl, NotificationMode.PREPARE_ONLY);
        String group = m.getOrganisation().getRepresentativesGroup().orElseThrow();
        ProcessInstance pi = startEntryNotifications(m).get(0);
        runJobs(pi.getId());

        AuthorityNotification n = notification(m, "CCB");
        assertThat(n.getStatus()).isEqualTo(NotificationStatus.AWAITING_MEMBER);
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("soc@selfsendpower.example");
            assertThat(mail.getSubject()).startsWith("Actie vereist").contains(n.getReference());
            assertThat(pdfText(attachment(mail))).contains("Selfsend Power", n.getReference());
        });
        Task task = openTask(pi.getId(), NotificationProcess.TASK_SEND_NOTIFICATION);
        assertThat(task.getName()).isEqualTo("Notify CCB: Selfsend Power, OTICS");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId()).containsExactly(group);
        assertThat(task.getDueDate()).isNotNull();
        assertThat(shownOn(task.getId(), TaskDisplay.LETTER_URL).toString()).endsWith("/api/notifications/" + n.getId() + "/document");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(NotificationProcess.BOUNDARY_EVENT_DEADLINE_NEARS)
                .singleResult().getDuedate()).as("first reminder before the deadline").isBefore(task.getDueDate());

        fireTimer(pi.getId(), NotificationProcess.BOUNDARY_EVENT_DEADLINE_NEARS);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessages()[1].getSubject()).startsWith("Herinnering");
        assertThat(notification(m, "CCB").getReminders()).isEqualTo(1);
        assertThat(pi).hasPassed(NotificationProcess.SERVICE_TASK_REMIND_MEMBER, NotificationProcess.END_EVENT_REMINDED);

        fireTimer(pi.getId(), NotificationProcess.BOUNDARY_EVENT_DEADLINE_PASSED);
        Task overdue = openTask(pi.getId(), NotificationProcess.TASK_FOLLOW_UP_OVERDUE_NOTIFICATION);
        assertThat(overdue.getName()).isEqualTo("Overdue notification to CCB: Selfsend Power, OTICS");
        assertThat(taskService.getIdentityLinksForTask(overdue.getId())).extracting(l -> l.getGroupId()).containsExactly(Roles.COORDINATORS);
        assertThat(notification(m, "CCB").getEscalatedAt()).isNotNull();

        actAs("coordinator", Roles.COORDINATORS);
        assertThatThrownBy(() -> taskService.complete(overdue.getId(), Map.of(NotificationProcess.FOLLOW_UP_DECISION.name(), "CHASED")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("What was done");
        taskService.complete(overdue.getId(), Map.of(NotificationProcess.FOLLOW_UP_DECISION.name(), "CHASED", NotificationProcess.FOLLOW_UP_NOTE.name(), "Phoned the CISO"));
        assertThat(pi).hasPassed(NotificationProcess.END_EVENT_MEMBER_CHASED).isWaitingAt(NotificationProcess.TASK_SEND_NOTIFICATION);

        actAs("selfsendrep", group);
        Map<String, Object> noReference = new HashMap<>(Map.of(NotificationProcess.MEMBER_SENT_ON.name(), LocalDate.now(NotificationSettings.DEFAULT_ZONE).toString()));
        assertThatThrownBy(() -> taskService.complete(task.getId(), noReference))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Reference received from the authority");
        Map<String, Object> future = Map.of(NotificationProcess.MEMBER_REFERENCE.name(), "CCB-2026-7781", NotificationProcess.MEMBER_SENT_ON.name(), LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(3).toString());
        assertThatThrownBy(() -> taskService.complete(task.getId(), future)).hasMessageContaining("cannot be in the future");
        assertThat(notification(m, "CCB").getStatus()).isEqualTo(NotificationStatus.AWAITING_MEMBER);

        taskService.complete(task.getId(), Map.of(NotificationProcess.MEMBER_REFERENCE.name(), "CCB-2026-7781", NotificationProcess.MEMBER_SENT_ON.name(), LocalDate.now(NotificationSettings.DEFAULT_ZONE).toString()));
        AuthorityNotification confirmed = notification(m, "CCB");
        assertThat(confirmed.getStatus()).isEqualTo(NotificationStatus.CONFIRMED);
        assertThat(confirmed.getConfirmedBy()).isEqualTo("selfsendrep");
        assertThat(confirmed.getMemberReference()).isEqualTo("CCB-2026-7781");
        identityService.clearAuthentication(); // the member may not read the engine's history; the test does
        assertThat(pi).isEnded().hasPassed(NotificationProcess.END_EVENT_MEMBER_CONFIRMED);
    }

    @Test
    void aMemberThatSendsItselfIsToldThatItsParticipationEndedNotThatItJoined() throws Exception {
        Membership m = members.activeMember("OTICS", "Former Grid", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY,
                null, Language.en, NotificationMode.PREPARE_ONLY);
        ProcessInstance pi = startNotifications(m, NotificationEvent.CESSATION, LocalDate.of(2026, 11, 2)).get(0);
        runJobs(pi.getId());

        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).contains("has ended");
            String body = GreenMailUtil.getBody(mail);
            assertThat(body).contains("ended with effect from November 2, 2026").doesNotContain("has joined");
        });
        fireTimer(pi.getId(), NotificationProcess.BOUNDARY_EVENT_DEADLINE_NEARS);
        assertThat(smtp.getReceivedMessages()[1].getSubject()).startsWith("Reminder").contains("end of your participation");
    }

    @Test
    void coordinatorRecordsTheMembersEvidenceOnTheOverdueTaskAndTheMemberTaskCloses() {
        Membership m = members.activeMember("OTICS", "Paper Trail Energy", Nis2Status.IMPORTANT, Nis2Sector.ENERGY,
                null, Language.fr, NotificationMode.PREPARE_ONLY);
        ProcessInstance pi = startEntryNotifications(m).get(0);
        runJobs(pi.getId());
        fireTimer(pi.getId(), NotificationProcess.BOUNDARY_EVENT_DEADLINE_PASSED);
        Task overdue = openTask(pi.getId(), NotificationProcess.TASK_FOLLOW_UP_OVERDUE_NOTIFICATION);

        actAs("coordinator", Roles.COORDINATORS);
        taskService.complete(overdue.getId(), Map.of(NotificationProcess.FOLLOW_UP_DECISION.name(), "RECORD_CONFIRMATION",
                NotificationProcess.FOLLOW_UP_NOTE.name(), "Member forwarded the CCB acknowledgement", NotificationProcess.MEMBER_REFERENCE.name(), "ACK 55-12",
                NotificationProcess.MEMBER_SENT_ON.name(), LocalDate.now(NotificationSettings.DEFAULT_ZONE).toString()));

        AuthorityNotification n = notification(m, "CCB");
        assertThat(n.getStatus()).isEqualTo(NotificationStatus.CONFIRMED);
        assertThat(n.getConfirmedBy()).isEqualTo("coordinator");
        assertThat(pi).isEnded().hasPassed(NotificationProcess.END_EVENT_CONFIRMATION_RECORDED).hasNotPassed(NotificationProcess.END_EVENT_MEMBER_CONFIRMED);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void memberSwitchingToSendOnBehalfHasTheWaitingNotificationSentForIt() throws Exception {
        Membership m = members.activeMember("OTICS", "Change Of Heart", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY,
                null, Language.en, NotificationMode.PREPARE_ONLY);
        String group = m.getOrganisation().getRepresentativesGroup().orElseThrow();
        users.user("changerep", PASSWORD, group);
        ProcessInstance pi = startEntryNotifications(m).get(0);
        runJobs(pi.getId());
        assertThat(pi).isWaitingAt(NotificationProcess.TASK_SEND_NOTIFICATION);

        mvc.perform(put("/api/memberships/" + m.getId() + "/notification-mode").with(httpBasic("changerep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"SEND_ON_BEHALF\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.takenOver[0]").value(notification(m, "CCB").getReference()));
        runJobs(pi.getId());

        assertThat(pi).isEnded().hasPassed(NotificationProcess.BOUNDARY_EVENT_SEND_ON_BEHALF_REQUESTED, NotificationProcess.SERVICE_TASK_SEND_TO_AUTHORITY)
                .hasNotPassed(NotificationProcess.END_EVENT_MEMBER_CONFIRMED);
        AuthorityNotification n = notification(m, "CCB");
        assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(n.getMode()).isEqualTo(NotificationMode.SEND_ON_BEHALF);
        MimeMessage[] mails = smtp.getReceivedMessages();
        MimeMessage toCcb = Arrays.stream(mails).filter(x -> recipient(x).equals("nis2-participation@ccb.example")).findFirst().orElseThrow();
        // the letter now says the arrangement sends it on the member's behalf, with the same reference
        assertThat(pdfText(attachment(toCcb))).contains(n.getReference(), "on behalf");
    }

    // --- the legal basis of the event (NIS2 Art. 29(4), DORA Art. 45(3)) -------------------------------------------

    @Test
    void aCessationLetterCitesTheCessationObligationOfTheAuthoritysRegimeInTheLettersLanguage() throws Exception {
        // NIS2 Art. 29(4): "of their withdrawal from such arrangements, once the withdrawal takes effect"
        Membership energy = members.activeMember("OTICS", "Leaving Grid", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY,
                null, Language.nl, NotificationMode.SEND_ON_BEHALF);
        // DORA Art. 45(3): "of the cessation of their membership, once it takes effect"
        Membership bank = members.activeMember("CIDR", "Leaving Bank", Nis2Status.NOT_IN_SCOPE, null,
                DoraEntityType.A, Language.fr, NotificationMode.SEND_ON_BEHALF);
        startEntryNotifications(energy).forEach(pi -> runJobs(pi.getId()));
        startEntryNotifications(bank).forEach(pi -> runJobs(pi.getId()));
        startNotifications(energy, NotificationEvent.CESSATION, LocalDate.now(NotificationSettings.DEFAULT_ZONE)).forEach(pi -> runJobs(pi.getId()));
        startNotifications(bank, NotificationEvent.CESSATION, LocalDate.now(NotificationSettings.DEFAULT_ZONE)).forEach(pi -> runJobs(pi.getId()));

        AuthorityNotification ccbEntry = notification(energy, "CCB");
        AuthorityNotification ccbExit = notification(energy, "CCB", NotificationEvent.CESSATION);
        assertThat(pdfText(ccbEntry.getDocument())).contains("Artikel 29, lid 4, van Richtlijn (EU) 2022/2555",
                "wanneer zij dergelijke regelingen treffen");
        assertThat(pdfText(ccbExit.getDocument())).contains("Artikel 29, lid 4, van Richtlijn (EU) 2022/2555",
                "van hun terugtrekking uit", "zodra de terugtrekking van kracht wordt")
                .doesNotContain("wanneer zij dergelijke regelingen treffen", "upon entering", "validation");

        AuthorityNotification nbbExit = notification(bank, "NBB", NotificationEvent.CESSATION);
        assertThat(nbbExit.getLanguage()).isEqualTo(Language.fr);
        assertThat(pdfText(nbbExit.getDocument())).contains("Article 45, paragraphe 3, du règlement (UE) 2022/2554 (DORA)",
                "la cessation de leur adhésion", "une fois que celle-ci prend effet")
                .doesNotContain("dès la validation de leur adhésion", "upon validation");
        assertThat(pdfText(notification(bank, "NBB").getDocument())).contains("dès la validation de leur adhésion");

        // what the row keeps (register, evidence pack, API) is what the letter printed
        for (AuthorityNotification n : List.of(ccbEntry, ccbExit, nbbExit)) {
            assertThat(pdfText(n.getDocument())).contains(n.getLegalBasis().replaceAll("\\s+", " "));
        }
        assertThat(nbb.received()).filteredOn(r -> r.body().get("event").asText().equals("CESSATION")).singleElement()
                .satisfies(r -> assertThat(r.body().get("legalBasis").asText()).isEqualTo(nbbExit.getLegalBasis()));
    }

    @Test
    void anAuthorityThatBecameCompetentAfterTheEntityJoinedIsToldOfTheParticipationNotOfAnEntryThatDayInItsRegimesWords()
            throws Exception {
        Membership m = members.activeMember("OTICS", "Grown Grid", Nis2Status.IMPORTANT, Nis2Sector.ENERGY,
                null, Language.en, NotificationMode.SEND_ON_BEHALF);
        // validated a year ago: the CCB learns of it at a yearly review, as annual-review does
        tx.executeWithoutResult(s -> jdbc.update("update membership set validated_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(365))), m.getId()));
        startEntryNotifications(m).forEach(pi -> runJobs(pi.getId()));

        AuthorityNotification told = notification(m, "CCB");
        assertThat(pdfText(told.getDocument())).contains("Article 29(4) of Directive (EU) 2022/2555 (NIS2)",
                "already participated when it came within your competence").doesNotContain("upon entering");
        assertThat(told.getLegalBasis()).contains("already participated");
    }

    // --- proof of receipt: the authority's acknowledgement ------------------------------------------------------------

    @Test
    void anIntakeThatAcknowledgesInItsAnswerIsRecordedAndNeedsNoFollowUp() throws Exception {
        Membership bank = members.activeMember("CIDR", "Acked Bank", Nis2Status.NOT_IN_SCOPE, null,
                DoraEntityType.A, Language.en, NotificationMode.SEND_ON_BEHALF);
        nbb.acknowledgeWith("NBB-RCPT-0042");
        startEntryNotifications(bank).forEach(pi -> runJobs(pi.getId()));

        AuthorityNotification n = notification(bank, "NBB");
        assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(n.getAcknowledgementSource()).isEqualTo(AuthorityNotification.AcknowledgementSource.INTAKE);
        assertThat(n.getAuthorityReference()).isEqualTo("NBB-RCPT-0042");
        assertThat(n.getAcknowledgedOn()).isEqualTo(LocalDate.now(NotificationSettings.DEFAULT_ZONE));
        assertThat(acknowledgements.raiseFollowUps(LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusYears(1))).doesNotContain(n.getReference());
        users.user("ackauditor", PASSWORD, Roles.AUDITORS);
        String csv = mvc.perform(get("/api/notifications/register.csv?authority=NBB").with(httpBasic("ackauditor", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith("on_time,acknowledged,acknowledged_on,authority_reference");
        assertThat(csv).contains("\"" + n.getReference() + "\",\"Acked Bank\"")
                .containsPattern(n.getReference() + ".*\"yes\",\"yes\",\"" + LocalDate.now(NotificationSettings.DEFAULT_ZONE) + "\",\"NBB-RCPT-0042\"");
    }

    @Test
    void anUnacknowledgedNotificationRaisesAFollowUpAfterItsAuthoritysPeriodThatChasesUntilTheAcknowledgementIsRecorded()
            throws Exception {
        Membership m = members.activeMember("OTICS", "Quiet Authority Grid", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY,
                null, Language.en, NotificationMode.SEND_ON_BEHALF);
        startEntryNotifications(m).forEach(pi -> runJobs(pi.getId()));
        AuthorityNotification sent = notification(m, "CCB");
        assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.getAcknowledgementSource()).as("a mail server's acceptance is no acknowledgement").isNull();

        // the global period (14 days) for the CCB; the NBB has its own (7 days, in this test's settings)
        assertThat(acknowledgements.due(sent)).isEqualTo(LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(14));
        assertThat(acknowledgements.raiseFollowUps(LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(13))).doesNotContain(sent.getReference());
        assertThat(acknowledgements.raiseFollowUps(LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(14))).contains(sent.getReference());
        assertThat(acknowledgements.raiseFollowUps(LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(30))).as("raised once")
                .doesNotContain(sent.getReference());
        ProcessInstance followUp = acknowledgementFollowUp(sent);
        Task task = openTask(followUp.getId(), AcknowledgementProcess.TASK_FOLLOW_UP_ACKNOWLEDGEMENT);
        assertThat(task.getName()).isEqualTo("Acknowledgement missing from CCB: Quiet Authority Grid, OTICS");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId()).containsExactly(Roles.COORDINATORS);
        assertThat(shownOn(task.getId(), TaskDisplay.SENT_ON_LABEL)).isNotNull();

        actAs("coordinator", Roles.COORDINATORS);
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(AcknowledgementProcess.DECISION.name(), "CHASED")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("What was done");
        taskService.complete(task.getId(), Map.of(AcknowledgementProcess.DECISION.name(), "CHASED",
                AcknowledgementProcess.NOTE.name(), "Mailed the CCB's NIS2 desk quoting the reference"));
        identityService.clearAuthentication(); // the engine's clock runs what follows, not the coordinator
        runJobs(followUp.getId());
        assertThat(followUp).isWaitingAt(AcknowledgementProcess.TIMER_CATCH_CHASE_AGAIN);
        assertThat(managementService.createJobQuery().processInstanceId(followUp.getId()).timers().singleResult().getDuedate())
                .as("asked again after the period").isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(13))));

        fireTimer(followUp.getId(), AcknowledgementProcess.TIMER_CATCH_CHASE_AGAIN);
        Task again = openTask(followUp.getId(), AcknowledgementProcess.TASK_FOLLOW_UP_ACKNOWLEDGEMENT);
        actAs("coordinator", Roles.COORDINATORS);
        Map<String, Object> future = Map.of(AcknowledgementProcess.DECISION.name(), "RECORD_ACKNOWLEDGEMENT",
                AcknowledgementProcess.NOTE.name(), "The CCB replied", AcknowledgementProcess.AUTHORITY_REFERENCE.name(), "CCB/2026/991",
                AcknowledgementProcess.ACKNOWLEDGED_ON.name(), LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(2).toString());
        assertThatThrownBy(() -> taskService.complete(again.getId(), future)).hasMessageContaining("cannot be in the future");
        taskService.complete(again.getId(), Map.of(AcknowledgementProcess.DECISION.name(), "RECORD_ACKNOWLEDGEMENT",
                AcknowledgementProcess.NOTE.name(), "The CCB replied", AcknowledgementProcess.AUTHORITY_REFERENCE.name(), "CCB/2026/991",
                AcknowledgementProcess.ACKNOWLEDGED_ON.name(), LocalDate.now(NotificationSettings.DEFAULT_ZONE).toString()));
        identityService.clearAuthentication();
        runJobs(followUp.getId());

        assertThat(followUp).isEnded().hasPassed(AcknowledgementProcess.END_EVENT_ACKNOWLEDGEMENT_RECORDED);
        AuthorityNotification acknowledged = notification(m, "CCB");
        assertThat(acknowledged.getAcknowledgementSource()).isEqualTo(AuthorityNotification.AcknowledgementSource.RECORDED);
        assertThat(acknowledged.getAuthorityReference()).isEqualTo("CCB/2026/991");
        assertThat(acknowledged.getAcknowledgedBy()).isEqualTo("coordinator");
        // the evidence pack says sent, on time, acknowledged with the authority's reference
        users.user("ackcoordinator", PASSWORD, Roles.COORDINATORS);
        mvc.perform(get("/api/memberships/" + m.getId() + "/evidence-pack.json").with(httpBasic("ackcoordinator", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notifications[0].status").value("SENT"))
                .andExpect(jsonPath("$.notifications[0].onTime").value("yes"))
                .andExpect(jsonPath("$.notifications[0].acknowledged").value("yes"))
                .andExpect(jsonPath("$.notifications[0].authorityReference").value("CCB/2026/991"))
                .andExpect(jsonPath("$.notifications[0].acknowledgedOn").value(LocalDate.now(NotificationSettings.DEFAULT_ZONE).toString()));
    }

    @Test
    void aCoordinatorClosesTheWaitForAnAuthorityThatDoesNotAcknowledge() {
        Membership m = members.activeMember("OTICS", "Silent Authority Water", Nis2Status.IMPORTANT, Nis2Sector.DRINKING_WATER,
                null, Language.nl, NotificationMode.SEND_ON_BEHALF);
        startEntryNotifications(m).forEach(pi -> runJobs(pi.getId()));
        AuthorityNotification sent = notification(m, "CCB");
        acknowledgements.raiseFollowUps(LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(14));
        ProcessInstance followUp = acknowledgementFollowUp(sent);
        Task task = openTask(followUp.getId(), AcknowledgementProcess.TASK_FOLLOW_UP_ACKNOWLEDGEMENT);

        actAs("coordinator", Roles.COORDINATORS);
        taskService.complete(task.getId(), Map.of(AcknowledgementProcess.DECISION.name(), "NOT_EXPECTED",
                AcknowledgementProcess.NOTE.name(), "The CCB confirmed by phone that it does not acknowledge participation notices"));
        identityService.clearAuthentication();
        runJobs(followUp.getId());

        assertThat(followUp).isEnded().hasPassed(AcknowledgementProcess.END_EVENT_ACKNOWLEDGEMENT_WAIVED);
        AuthorityNotification waived = notification(m, "CCB");
        assertThat(waived.getAcknowledgementSource()).isEqualTo(AuthorityNotification.AcknowledgementSource.WAIVED);
        assertThat(waived.acknowledged()).isEqualTo("waived");
        assertThat(waived.getAuthorityReference()).isNull();
    }

    @Test
    void theAcknowledgementIsRecordedThroughTheApiByCoordinatorsOrTheMemberThatSendsItselfAndEndsTheFollowUp() throws Exception {
        Membership self = members.activeMember("OTICS", "Own Post Energy", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY,
                null, Language.en, NotificationMode.PREPARE_ONLY);
        Membership onBehalf = members.activeMember("OTICS", "Mandating Energy", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY,
                null, Language.en, NotificationMode.SEND_ON_BEHALF);
        String selfGroup = self.getOrganisation().getRepresentativesGroup().orElseThrow();
        users.user("ownpostrep", PASSWORD, selfGroup);
        users.user("mandatingrep", PASSWORD, onBehalf.getOrganisation().getRepresentativesGroup().orElseThrow());
        users.user("ackcoord2", PASSWORD, Roles.COORDINATORS);
        users.user("ackauditor2", PASSWORD, Roles.AUDITORS);
        ProcessInstance selfPi = startEntryNotifications(self).get(0);
        runJobs(selfPi.getId());
        startEntryNotifications(onBehalf).forEach(pi -> runJobs(pi.getId()));
        AuthorityNotification own = notification(self, "CCB");
        AuthorityNotification mandated = notification(onBehalf, "CCB");
        String body = "{\"acknowledgedOn\":\"" + LocalDate.now(NotificationSettings.DEFAULT_ZONE) + "\",\"authorityReference\":\"CCB-ACK-1\"}";

        // not sent yet: nothing to acknowledge
        mvc.perform(post("/api/notifications/" + own.getId() + "/acknowledgement").with(httpBasic("ownpostrep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());
        actAs("ownpostrep", selfGroup);
        taskService.complete(openTask(selfPi.getId(), NotificationProcess.TASK_SEND_NOTIFICATION).getId(), Map.of(
                NotificationProcess.MEMBER_REFERENCE.name(), "sent by registered mail", NotificationProcess.MEMBER_SENT_ON.name(), LocalDate.now(NotificationSettings.DEFAULT_ZONE).toString()));
        identityService.clearAuthentication();

        // bad input is named, and changes nothing
        mvc.perform(post("/api/notifications/" + own.getId() + "/acknowledgement").with(httpBasic("ownpostrep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"acknowledgedOn\":\"tomorrow\",\"authorityReference\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'acknowledgedOn')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'authorityReference')]").exists());
        // a member records it only for a notification it sends itself; another organisation learns nothing; auditors read
        mvc.perform(post("/api/notifications/" + mandated.getId() + "/acknowledgement").with(httpBasic("mandatingrep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notifications/" + own.getId() + "/acknowledgement").with(httpBasic("mandatingrep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/" + own.getId() + "/acknowledgement").with(httpBasic("ackauditor2", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        assertThat(notification(self, "CCB").getAcknowledgementSource()).isNull();
        assertThat(notification(onBehalf, "CCB").getAcknowledgementSource()).isNull();

        mvc.perform(post("/api/notifications/" + own.getId() + "/acknowledgement").with(httpBasic("ownpostrep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledged").value("yes"))
                .andExpect(jsonPath("$.authorityReference").value("CCB-ACK-1"))
                .andExpect(jsonPath("$.acknowledgedBy").value("ownpostrep"));
        mvc.perform(post("/api/notifications/" + own.getId() + "/acknowledgement").with(httpBasic("ackcoord2", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());

        // a coordinator's follow-up waiting for the mandated one ends when the acknowledgement arrives through the API
        acknowledgements.raiseFollowUps(LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(14));
        ProcessInstance followUp = acknowledgementFollowUp(mandated);
        assertThat(followUp).isWaitingAt(AcknowledgementProcess.TASK_FOLLOW_UP_ACKNOWLEDGEMENT);
        mvc.perform(post("/api/notifications/" + mandated.getId() + "/acknowledgement").with(httpBasic("ackcoord2", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("CCB-ACK-1", "CCB-ACK-2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledgementSource").value("RECORDED"));
        assertThat(followUp).isEnded().hasPassed(AcknowledgementProcess.START_EVENT_ACKNOWLEDGED_ELSEWHERE,
                AcknowledgementProcess.END_EVENT_ACKNOWLEDGED_ELSEWHERE).hasNotPassed(AcknowledgementProcess.END_EVENT_ACKNOWLEDGEMENT_RECORDED);
        assertThat(taskService.createTaskQuery().processInstanceId(followUp.getId()).count()).isZero();
    }

    // --- the API --------------------------------------------------------------------------------------------------

    @Test
    void notificationsAndTheirLettersAreReadableByTheMemberAndCoordinatorsButNotByAnotherOrganisation() throws Exception {
        Membership bank = members.activeMember("CIDR", "Api Bank", Nis2Status.ESSENTIAL, Nis2Sector.DIGITAL_INFRASTRUCTURE,
                DoraEntityType.A, Language.en, NotificationMode.SEND_ON_BEHALF);
        Membership other = members.activeMember("CIDR", "Nosy Neighbour", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY,
                null, Language.en, NotificationMode.SEND_ON_BEHALF);
        users.user("apibankrep", PASSWORD, bank.getOrganisation().getRepresentativesGroup().orElseThrow());
        users.user("nosyrep", PASSWORD, other.getOrganisation().getRepresentativesGroup().orElseThrow());
        users.user("notifcoordinator", PASSWORD, Roles.COORDINATORS);
        startEntryNotifications(bank).forEach(pi -> runJobs(pi.getId()));
        AuthorityNotification ccb = notification(bank, "CCB");

        mvc.perform(get("/api/memberships/" + bank.getId() + "/notifications").with(httpBasic("apibankrep", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.authorityCode == 'CCB')].status").value("SENT"))
                .andExpect(jsonPath("$[?(@.authorityCode == 'CCB')].deliveryAttempts[0].outcome").value("SENT"));
        mvc.perform(get("/api/notifications/" + ccb.getId() + "/document").with(httpBasic("apibankrep", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(ccb.getReference() + ".pdf")));
        mvc.perform(get("/api/notifications?authority=NBB&status=SENT&size=500").with(httpBasic("notifcoordinator", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.reference == '" + notification(bank, "NBB").getReference() + "')]").exists());

        // another organisation's representative learns nothing
        mvc.perform(get("/api/memberships/" + bank.getId() + "/notifications").with(httpBasic("nosyrep", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/notifications/" + ccb.getId() + "/document").with(httpBasic("nosyrep", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/notifications").with(httpBasic("nosyrep", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.organisation == 'Api Bank')]").doesNotExist());
        mvc.perform(put("/api/memberships/" + bank.getId() + "/notification-mode").with(httpBasic("nosyrep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"PREPARE_ONLY\"}"))
                .andExpect(status().isNotFound());

        // bad filters are named
        mvc.perform(get("/api/notifications?status=LOST").with(httpBasic("notifcoordinator", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/notifications?due-before=tomorrow").with(httpBasic("notifcoordinator", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("due-before"));
        mvc.perform(put("/api/memberships/" + bank.getId() + "/notification-mode").with(httpBasic("apibankrep", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"CARRIER_PIGEON\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mode"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** What membership-onboarding does at validation: create the entry notifications and start one instance each. */
    private List<ProcessInstance> startEntryNotifications(Membership m) {
        return startNotifications(m, NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE));
    }

    /** What the onboarding (entry) or the cessation process (cessation, once effective) does. */
    private List<ProcessInstance> startNotifications(Membership m, NotificationEvent event, LocalDate effective) {
        List<String> references = notifications.create(m.getId(), event, effective);
        List<ProcessInstance> started = new ArrayList<>();
        for (String reference : references) {
            started.add(runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, String.valueOf(m.getId()),
                    Map.of(NotificationProcess.MEMBERSHIP_ID.name(), m.getId(), NotificationProcess.REFERENCE.name(), reference)));
        }
        return started;
    }

    private ProcessInstance acknowledgementFollowUp(AuthorityNotification n) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(AcknowledgementProcess.KEY)
                .variableValueEquals(AcknowledgementProcess.REFERENCE.name(), n.getReference()).singleResult();
    }

    private AuthorityNotification notification(Membership m, String authority) {
        return notification(m, authority, NotificationEvent.ENTRY);
    }

    private AuthorityNotification notification(Membership m, String authority, NotificationEvent event) {
        return tx.execute(s -> {
            AuthorityNotification n = repository.findByMembershipIdAndAuthorityCodeAndEvent(m.getId(), authority,
                    event).orElseThrow();
            if (n.getDocument() != null) {
                n.getDocument(); // load the letter inside the transaction
            }
            return n;
        });
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] attachment(MimeMessage mail) throws Exception {
        Multipart multipart = (Multipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("No attachment in " + GreenMailUtil.getWholeMessage(mail));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}

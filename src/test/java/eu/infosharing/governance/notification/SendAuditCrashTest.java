package eu.infosharing.governance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.infosharing.governance.audit.AuditChainVerifier;
import eu.infosharing.governance.membership.AuditTrail;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.support.Members;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15: a node that dies right after a letter's delivery attempt committed, before the audit trail had its entry,
 * must not lose that entry. The crash is injected at the first write to the audit trail after the attempt's commit;
 * the "restart" is the reconciliation every node runs when it starts. The entry is then there exactly once (also when
 * two nodes reconcile at the same moment, and when the engine retries the step), and the chain verifies intact.
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        // the periodic pass must not run during the test: the test is the restart
        "governance.audit.outbox-interval=PT10H"})
@ActiveProfiles("test")
class SendAuditCrashTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @MockitoSpyBean
    AuditTrail auditTrail;
    @Autowired
    NotificationDelivery delivery;
    @Autowired
    AuthorityNotifications notifications;
    @Autowired
    AuthorityNotificationRepository repository;
    @Autowired
    Members members;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditChainVerifier verifier;

    @Test
    void theAuditEntryOfALetterThatWentOutSurvivesACrashAfterTheAttemptCommittedAndIsChainedOnce() throws Exception {
        Membership first = member("Crash Energy One");
        Membership second = member("Crash Energy Two");
        String one = entryNotificationToCcb(first);
        String two = entryNotificationToCcb(second);
        crashAtTheNextAuditWrite();
        assertThatThrownBy(() -> delivery.send(one)).hasMessage("node killed");
        crashAtTheNextAuditWrite();
        assertThatThrownBy(() -> delivery.send(two)).hasMessage("node killed");

        // the letters went out and their attempts are on record; their audit entries are not yet in the chains
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(repository.findByReference(one).orElseThrow().getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(sentEntries(first)).isZero();

        // two nodes start at the same moment and both reconcile
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> nodes = List.of(1, 2).stream().map(n -> CompletableFuture.runAsync(() -> {
            await(together);
            auditTrail.chainAllRecorded();
        })).toList();
        nodes.forEach(CompletableFuture::join);
        // and the engine retries the failed steps: nothing is sent again, nothing recorded again
        delivery.send(one);
        delivery.send(two);
        auditTrail.chainAllRecorded();

        assertThat(smtp.getReceivedMessages()).hasSize(2);
        for (Membership m : List.of(first, second)) {
            assertThat(sentEntries(m)).as("NOTIFICATION_SENT entries of " + m.getId()).isOne();
            assertThat(jdbc.queryForObject("select summary from audit_entry where membership_id = ? and kind = 'NOTIFICATION_SENT'",
                    String.class, m.getId())).contains(m.getId().equals(first.getId()) ? one : two).contains("sent to CCB");
            assertThat(verifier.verify(tx.execute(s -> m))).as("chain of " + m.getId()).isNull();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_outbox", Integer.class)).isZero();
        assertThat(verifier.verifyAll().intact()).isTrue();
    }

    private void crashAtTheNextAuditWrite() {
        IllegalStateException crash = new IllegalStateException("node killed");
        doThrow(crash).doCallRealMethod().when(auditTrail).appendSeparately(any(), any(), any(), any());
        doThrow(crash).doCallRealMethod().when(auditTrail).chainRecorded(anyList());
    }

    private Membership member(String name) {
        return members.activeMember("CIDR", name, Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
    }

    private String entryNotificationToCcb(Membership m) {
        tx.executeWithoutResult(s -> notifications.create(m.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        return repository.findByMembershipIdAndAuthorityCodeAndEvent(m.getId(), "CCB", NotificationEvent.ENTRY).orElseThrow()
                .getReference();
    }

    private int sentEntries(Membership m) {
        return jdbc.queryForObject("select count(*) from audit_entry where membership_id = ? and kind = 'NOTIFICATION_SENT'",
                Integer.class, m.getId());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package eu.infosharing.governance.membership;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit entries from work that runs in parallel for one membership (its notifications to several
 * authorities are sent at the same time). The entry is written in a transaction of its own, retried when another
 * writer extended the chain first, so parallel jobs never fail on each other; and it stays on record even when the
 * job that caused it rolls back (a send that reached the authority is evidence, whatever happens next).
 *
 * <p>Work whose record must not lose its audit entry to a crash (a delivery attempt) first {@link #record}s it in its
 * own transaction, in the outbox; the entry is then chained right after that commit ({@link #chainRecorded}), or, when
 * the node died in between, at the next start of any node and every {@code governance.audit.outbox-interval}.
 */
@Component
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final int ATTEMPTS = 8;

    private final MembershipRepository memberships;
    private final PendingAuditEntryRepository pending;
    private final TransactionTemplate separate;

    public AuditTrail(MembershipRepository memberships, PendingAuditEntryRepository pending,
                      PlatformTransactionManager transactions) {
        this.memberships = memberships;
        this.pending = pending;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void appendSeparately(Long membershipId, String actor, String kind, String summary) {
        retried(() -> separate.executeWithoutResult(s -> memberships.findById(membershipId).orElseThrow().audit(actor, kind, summary)));
    }

    /**
     * Records an entry in the caller's transaction, to be chained once that transaction committed: it commits or rolls
     * back with what it records. Answers the pending entry's id for {@link #chainRecorded}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long record(Long membershipId, String actor, String kind, String summary) {
        return pending.save(new PendingAuditEntry(membershipId, actor, kind, summary)).getId();
    }

    /**
     * Chains recorded entries into their memberships' trails, each in a transaction of its own that also deletes it from
     * the outbox; an entry another node chained meanwhile is skipped. One that cannot be chained now (its trail busy
     * beyond the retries) stays recorded for the next pass; this never throws for it.
     */
    public void chainRecorded(List<Long> ids) {
        for (Long id : ids) {
            try {
                retried(() -> separate.executeWithoutResult(s -> pending.lockById(id).ifPresent(p -> {
                    memberships.findById(p.getMembershipId()).orElseThrow().audit(p.getActor(), p.getKind(), p.getSummary());
                    pending.delete(p);
                })));
            } catch (RuntimeException e) {
                log.warn("Audit entry {} stays recorded and will be chained on the next pass: {}", id, e.getMessage());
            }
        }
    }

    /** Chains whatever is still recorded: after a crash between a record and its chaining, or a busy moment. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${governance.audit.outbox-interval:PT5M}",
            initialDelayString = "${governance.audit.outbox-interval:PT5M}")
    public void chainAllRecorded() {
        List<Long> ids = pending.findAllIds();
        if (!ids.isEmpty()) {
            log.info("Chaining {} audit entries recorded before a crash or a busy moment", ids.size());
            chainRecorded(ids);
        }
    }

    private static void retried(Runnable append) {
        for (int attempt = 1; ; attempt++) {
            try {
                append.run();
                return;
            } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}

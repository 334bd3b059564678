package eu.infosharing.governance.membership;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit entries from work that runs in parallel for one membership (its notifications to several
 * authorities are sent at the same time). The entry is written in a transaction of its own, retried when another
 * writer extended the chain first, so parallel jobs never fail on each other; and it stays on record even when the
 * job that caused it rolls back (a send that reached the authority is evidence, whatever happens next).
 */
@Component
public class AuditTrail {

    private static final int ATTEMPTS = 8;

    private final MembershipRepository memberships;
    private final TransactionTemplate separate;

    public AuditTrail(MembershipRepository memberships, PlatformTransactionManager transactions) {
        this.memberships = memberships;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void appendSeparately(Long membershipId, String actor, String kind, String summary) {
        for (int attempt = 1; ; attempt++) {
            try {
                separate.executeWithoutResult(s -> memberships.findById(membershipId).orElseThrow().audit(actor, kind, summary));
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

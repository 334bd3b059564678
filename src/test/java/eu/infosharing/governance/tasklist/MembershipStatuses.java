package eu.infosharing.governance.tasklist;

import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.OrganisationRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Waits, in the browser tests, for what a person's click sets going: the job executor runs in the background, so a
 * membership reaches the status a moment after the form is sent.
 */
@Component
class MembershipStatuses {

    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final TransactionTemplate tx;

    MembershipStatuses(OrganisationRepository organisations, MembershipRepository memberships, TransactionTemplate tx) {
        this.organisations = organisations;
        this.memberships = memberships;
        this.tx = tx;
    }

    /** The organisation's membership of the arrangement (by code) once it reaches the status, within 45 seconds. */
    Membership await(String enterpriseNumber, String arrangementCode, MembershipStatus status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (Instant.now().isBefore(deadline)) {
            List<Membership> found = tx.execute(s -> organisations.findByEnterpriseNumber(enterpriseNumber)
                    .map(o -> memberships.search(null, arrangementCode, o.getId())).orElse(List.of()));
            if (!found.isEmpty() && found.get(0).getStatus() == status) {
                return found.get(0);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("The " + arrangementCode + " membership of " + enterpriseNumber + " did not reach " + status);
    }
}

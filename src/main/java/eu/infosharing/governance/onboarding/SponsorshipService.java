package eu.infosharing.governance.onboarding;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Feeds the sponsor endorsement multi-instance of membership-onboarding. */
@Service("sponsorshipService")
@Transactional(readOnly = true)
public class SponsorshipService {

    private final SponsorshipRepository sponsorships;

    public SponsorshipService(SponsorshipRepository sponsorships) {
        this.sponsorships = sponsorships;
    }

    /** The sponsorships still awaiting an answer: one endorsement task each. */
    public List<Long> openSponsorshipIds(Long membershipId) {
        return sponsorships.findByMembershipIdOrderById(membershipId).stream()
                .filter(s -> s.getStatus() == Sponsorship.Status.REQUESTED)
                .map(Sponsorship::getId)
                .toList();
    }

    /** The group of the sponsor organisation's representatives, who answer for it. */
    public String sponsorGroup(Long sponsorshipId) {
        Sponsorship s = sponsorships.findById(sponsorshipId)
                .orElseThrow(() -> new IllegalStateException("No sponsorship " + sponsorshipId));
        return s.getSponsor().getRepresentativesGroup()
                .orElseThrow(() -> new IllegalStateException(s.getSponsor().getLegalName() + " has no representatives group"));
    }
}

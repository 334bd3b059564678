package eu.infosharing.governance.onboarding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SponsorshipRepository extends JpaRepository<Sponsorship, Long> {

    List<Sponsorship> findByMembershipIdOrderById(Long membershipId);
}

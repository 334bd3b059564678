package eu.infosharing.governance.onboarding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RulesAcceptanceRepository extends JpaRepository<RulesAcceptance, Long> {

    List<RulesAcceptance> findByMembershipIdOrderByAcceptedAtAsc(Long membershipId);
}

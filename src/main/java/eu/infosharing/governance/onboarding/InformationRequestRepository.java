package eu.infosharing.governance.onboarding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InformationRequestRepository extends JpaRepository<InformationRequest, Long> {

    List<InformationRequest> findByMembershipIdOrderByAskedAtAscIdAsc(Long membershipId);
}

package eu.infosharing.governance.cessation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CessationRepository extends JpaRepository<Cessation, Long> {

    List<Cessation> findByMembershipIdOrderByRequestedAtAscIdAsc(Long membershipId);

    Optional<Cessation> findFirstByMembershipIdAndStatusIn(Long membershipId, Collection<Cessation.Status> statuses);
}

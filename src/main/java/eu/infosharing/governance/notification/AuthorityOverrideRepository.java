package eu.infosharing.governance.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuthorityOverrideRepository extends JpaRepository<AuthorityOverride, Long> {

    List<AuthorityOverride> findByMembershipIdOrderByDecidedAtAscIdAsc(Long membershipId);
}

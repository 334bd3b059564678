package eu.infosharing.governance.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CompetentAuthorityRepository extends JpaRepository<CompetentAuthority, Long> {

    Optional<CompetentAuthority> findByCode(String code);

    List<CompetentAuthority> findAllByOrderByCodeAsc();
}

package eu.infosharing.governance.arrangement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ArrangementRepository extends JpaRepository<Arrangement, Long> {

    Optional<Arrangement> findByCode(String code);

    List<Arrangement> findAllByOrderByNameAsc();
}

package eu.infosharing.governance.cessation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CessationDateChangeRepository extends JpaRepository<CessationDateChange, Long> {

    List<CessationDateChange> findByCessationIdOrderByChangedAtAscIdAsc(Long cessationId);
}

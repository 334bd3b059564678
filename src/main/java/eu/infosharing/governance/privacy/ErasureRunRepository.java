package eu.infosharing.governance.privacy;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ErasureRunRepository extends JpaRepository<ErasureRun, Long> {

    List<ErasureRun> findByOrganisationIdOrderByRanAtAscIdAsc(Long organisationId);
}

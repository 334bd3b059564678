package eu.infosharing.governance.privacy;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DataSubjectRequestRepository extends JpaRepository<DataSubjectRequest, Long> {

    /** Newest first, with the organisation in the same query. */
    @EntityGraph(attributePaths = "organisation")
    Page<DataSubjectRequest> findAllByOrderByReceivedAtDescIdDesc(Pageable pageable);
}

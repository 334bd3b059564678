package eu.infosharing.governance.privacy;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DataSubjectRequestRepository extends JpaRepository<DataSubjectRequest, Long> {

    List<DataSubjectRequest> findAllByOrderByReceivedAtDescIdDesc();
}

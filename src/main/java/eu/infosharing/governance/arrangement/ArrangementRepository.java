package eu.infosharing.governance.arrangement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ArrangementRepository extends JpaRepository<Arrangement, Long> {

    Optional<Arrangement> findByCode(String code);

    /** Every arrangement with its participant types and current rules, in one query (both are lazy elsewhere). */
    @EntityGraph(attributePaths = {"admittedParticipantTypes", "currentRules"})
    List<Arrangement> findAllByOrderByNameAsc();
}

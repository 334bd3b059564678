package eu.infosharing.governance.membership;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PendingAuditEntryRepository extends JpaRepository<PendingAuditEntry, Long> {

    /** The pending entry, its row locked until the transaction ends: a second mover waits, then finds it gone. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PendingAuditEntry p where p.id = :id")
    Optional<PendingAuditEntry> lockById(@Param("id") Long id);

    @Query("select p.id from PendingAuditEntry p order by p.id")
    List<Long> findAllIds();
}

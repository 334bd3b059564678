package eu.infosharing.governance.notification;

import eu.infosharing.governance.api.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AuthorityNotificationRepository extends JpaRepository<AuthorityNotification, Long> {

    Optional<AuthorityNotification> findByReference(String reference);

    /** The notification a step of a model names by its reference: it exists, or the step fails. */
    default AuthorityNotification getByReference(String reference) {
        return findByReference(reference).orElseThrow(() -> new NotFoundException("No notification " + reference));
    }

    /**
     * The notification, its row locked until the transaction ends: a second sender of the same notification (a job taken
     * over, a retry) waits for the first to record its outcome instead of sending beside it.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from AuthorityNotification n where n.reference = :reference")
    Optional<AuthorityNotification> lockByReference(@Param("reference") String reference);

    List<AuthorityNotification> findByMembershipIdOrderByIdAsc(Long membershipId);

    Optional<AuthorityNotification> findByMembershipIdAndAuthorityCodeAndEvent(Long membershipId, String authorityCode,
                                                                               NotificationEvent event);

    /** Any filter may be null; organisationId null means every organisation's. */
    @Query("""
            select n from AuthorityNotification n
            where (:status is null or n.status = :status)
              and (:authority is null or n.authorityCode = :authority)
              and (cast(:dueBefore as date) is null or n.dueDate < :dueBefore)
              and (:organisationId is null or n.membership.organisation.id = :organisationId)
            order by n.dueDate, n.id""")
    List<AuthorityNotification> search(@Param("status") NotificationStatus status, @Param("authority") String authority,
                                       @Param("dueBefore") LocalDate dueBefore, @Param("organisationId") Long organisationId);

    /**
     * One page of {@link #search}, in the same order, with each notification's membership and organisation in the same
     * query; {@code overdueOn} (may be null) keeps those not done ({@code done}) whose due date is before that day.
     */
    @Query(value = """
            select n from AuthorityNotification n join fetch n.membership m join fetch m.organisation
            where (:status is null or n.status = :status)
              and (:authority is null or n.authorityCode = :authority)
              and (cast(:dueBefore as date) is null or n.dueDate < :dueBefore)
              and (:organisationId is null or m.organisation.id = :organisationId)
              and (cast(:overdueOn as date) is null or (n.status not in :done and n.dueDate < :overdueOn))
            order by n.dueDate, n.id""",
            countQuery = """
            select count(n) from AuthorityNotification n
            where (:status is null or n.status = :status)
              and (:authority is null or n.authorityCode = :authority)
              and (cast(:dueBefore as date) is null or n.dueDate < :dueBefore)
              and (:organisationId is null or n.membership.organisation.id = :organisationId)
              and (cast(:overdueOn as date) is null or (n.status not in :done and n.dueDate < :overdueOn))""")
    Page<AuthorityNotification> page(@Param("status") NotificationStatus status, @Param("authority") String authority,
                                     @Param("dueBefore") LocalDate dueBefore, @Param("organisationId") Long organisationId,
                                     @Param("overdueOn") LocalDate overdueOn,
                                     @Param("done") java.util.Collection<NotificationStatus> done, Pageable pageable);

    /**
     * The register's next rows: notifications whose event took effect between the two days, in due-date order after
     * the last row already read (keyset: the cost of a chunk does not grow with the rows before it), with membership,
     * organisation and arrangement in the same query.
     */
    @Query("""
            select n from AuthorityNotification n join fetch n.membership m join fetch m.organisation join fetch m.arrangement
            where n.effectiveDate between :from and :to
              and (:authority is null or n.authorityCode = :authority)
              and (:organisationId is null or m.organisation.id = :organisationId)
              and (n.dueDate > :afterDue or (n.dueDate = :afterDue and n.id > :afterId))
            order by n.dueDate, n.id""")
    List<AuthorityNotification> registerAfter(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                              @Param("authority") String authority, @Param("organisationId") Long organisationId,
                                              @Param("afterDue") LocalDate afterDue, @Param("afterId") Long afterId,
                                              Pageable chunk);

    /** Sent or confirmed notifications whose acknowledgement is neither known nor followed up yet. */
    @Query("""
            select n from AuthorityNotification n
            where n.status in :done and n.acknowledgementSource is null and n.acknowledgementFollowUpAt is null
            order by n.id""")
    List<AuthorityNotification> awaitingAcknowledgement(@Param("done") java.util.Collection<NotificationStatus> done);
}

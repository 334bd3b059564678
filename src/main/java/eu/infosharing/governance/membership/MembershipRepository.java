package eu.infosharing.governance.membership;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MembershipRepository extends JpaRepository<Membership, Long> {

    boolean existsByOrganisationIdAndArrangementIdAndStatusInAndIdNot(Long organisationId, Long arrangementId,
                                                                     Collection<MembershipStatus> statuses, Long exceptId);

    boolean existsByOrganisationIdAndArrangementIdAndStatusIn(Long organisationId, Long arrangementId,
                                                             Collection<MembershipStatus> statuses);

    java.util.List<Membership> findByOrganisationId(Long organisationId);

    java.util.List<Membership> findByArrangementIdAndStatusOrderById(Long arrangementId, MembershipStatus status);

    boolean existsByOrganisationIdAndStatusIn(Long organisationId, Collection<MembershipStatus> statuses);

    @Query("""
            select m from Membership m
            where (:status is null or m.status = :status)
              and (:arrangement is null or m.arrangement.code = :arrangement)
              and (:organisationId is null or m.organisation.id = :organisationId)
            order by m.appliedAt desc, m.id desc""")
    List<Membership> search(MembershipStatus status, String arrangement, Long organisationId);

    /** One page of {@link #search}, in the same order, with its organisation and arrangement in the same query. */
    @Query(value = """
            select m from Membership m join fetch m.organisation join fetch m.arrangement
            where (:status is null or m.status = :status)
              and (:arrangement is null or m.arrangement.code = :arrangement)
            order by m.appliedAt desc, m.id desc""",
            countQuery = """
            select count(m) from Membership m
            where (:status is null or m.status = :status)
              and (:arrangement is null or m.arrangement.code = :arrangement)""")
    Page<Membership> page(MembershipStatus status, String arrangement, Pageable pageable);

    /** The audit list's conditions, shared by its page and its count. */
    String AUDIT_WHERE = """
             where (:status is null or m.status = :status)
              and (:arrangement is null or a.code = :arrangement)
              and (:organisationId is null or o.id = :organisationId)
              and m.appliedAt >= :appliedFrom and m.appliedAt < :appliedBefore
              and (lower(o.legalName) like :name escape '!'
                   or o.enterpriseNumber like :key escape '!' or concat('BE', o.enterpriseNumber) like :key escape '!'
                   or o.lei like :key escape '!'
                   or upper(replace(replace(replace(replace(o.foreignRegisterId, ' ', ''), '.', ''), '-', ''), '/', '')) like :key escape '!'
                   or concat(o.country, upper(replace(replace(replace(replace(o.foreignRegisterId, ' ', ''), '.', ''), '-', ''), '/', ''))) like :key escape '!'
                   or upper(replace(replace(replace(replace(o.supervisoryId, ' ', ''), '.', ''), '-', ''), '/', '')) like :key escape '!')
            """;

    /**
     * The audit list's page: memberships whose organisation's name contains {@code name} or one of whose identifiers,
     * reduced to letters and digits as {@code organisation.IdentifierKey} does, contains {@code key} (LIKE patterns,
     * '!' escapes), applied in [appliedFrom, appliedBefore), newest first, with organisation and arrangement.
     */
    @Query(value = "select m from Membership m join fetch m.organisation o join fetch m.arrangement a" + AUDIT_WHERE
            + " order by m.appliedAt desc, m.id desc",
            countQuery = "select count(m) from Membership m join m.organisation o join m.arrangement a" + AUDIT_WHERE)
    Page<Membership> auditList(@Param("status") MembershipStatus status, @Param("arrangement") String arrangement,
                           @Param("organisationId") Long organisationId, @Param("appliedFrom") java.time.Instant appliedFrom,
                           @Param("appliedBefore") java.time.Instant appliedBefore, @Param("name") String name,
                           @Param("key") String key, Pageable pageable);
}

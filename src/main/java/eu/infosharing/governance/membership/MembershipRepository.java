package eu.infosharing.governance.membership;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

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
}

package eu.infosharing.governance.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    Optional<Organisation> findByEnterpriseNumber(String enterpriseNumber);

    Optional<Organisation> findByLei(String lei);

    Optional<Organisation> findByCountryAndForeignRegisterId(String country, String foreignRegisterId);

    Optional<Organisation> findByRepresentativesGroup(String groupId);

    /** The organisation whose representatives' group is among these groups (a person represents one). */
    default Optional<Organisation> findRepresentedBy(List<String> groupIds) {
        return groupIds.stream().map(this::findByRepresentativesGroup).flatMap(Optional::stream).findFirst();
    }

    /** The organisation an identifier (enterprise number or LEI, formatted or not) points to. */
    default Optional<Organisation> findByIdentifier(String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        if (EnterpriseNumber.isValid(identifier)) {
            return findByEnterpriseNumber(EnterpriseNumber.normalise(identifier));
        }
        if (Lei.isValid(identifier)) {
            return findByLei(Lei.normalise(identifier));
        }
        return Optional.empty();
    }
}

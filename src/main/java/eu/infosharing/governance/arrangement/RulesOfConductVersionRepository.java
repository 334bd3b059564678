package eu.infosharing.governance.arrangement;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RulesOfConductVersionRepository extends JpaRepository<RulesOfConductVersion, Long> {

    boolean existsByArrangementIdAndVersionLabel(Long arrangementId, String versionLabel);
}

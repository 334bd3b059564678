package eu.infosharing.governance.onboarding;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRequestRepository extends JpaRepository<AccountRequest, Long> {

    Optional<AccountRequest> findByVerificationTokenHash(String hash);

    Optional<AccountRequest> findByPasswordTokenHash(String hash);

    List<AccountRequest> findByEmailAndStatusIn(String email, List<AccountRequest.Status> statuses);
}

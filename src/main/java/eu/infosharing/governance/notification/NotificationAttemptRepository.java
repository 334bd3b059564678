package eu.infosharing.governance.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationAttemptRepository extends JpaRepository<NotificationAttempt, Long> {

    List<NotificationAttempt> findByNotificationIdOrderByAttemptedAtAscIdAsc(Long notificationId);

    List<NotificationAttempt> findByNotificationIdInOrderByAttemptedAtAscIdAsc(java.util.Collection<Long> notificationIds);
}

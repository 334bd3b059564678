package eu.infosharing.governance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.AuthorityNotificationRepository;
import eu.infosharing.governance.notification.AuthorityNotifications;
import eu.infosharing.governance.notification.CompetentAuthorityRepository;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.notification.NotificationStatus;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.support.AuthorityEndpoint;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.StandaloneContexts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No notification is lost when the application dies while sending: the packaged application (a separate JVM) is
 * killed with SIGKILL the moment the authority's intake receives the notification, before it could record the
 * send. The application started again on the same PostgreSQL sends it once more, with the same reference.
 */
class NotificationKillRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(180);
    // the packaged application's start plus its first pick-up: 20 s alone, 220 s seen with other builds on two cores
    private static final Duration FIRST_SEND = Duration.ofMinutes(10);

    @Test
    void notificationInFlightWhenTheApplicationIsKilledIsSentAfterTheRestartWithTheSameReference() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); AuthorityEndpoint nbb = new AuthorityEndpoint()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");

            // 1. prepare: a DORA credit institution whose entry notification to the NBB is due (no job executor yet)
            String reference;
            try (ConfigurableApplicationContext setup = context(url, false)) {
                nbb.standIn("NBB", setup.getBean(CompetentAuthorityRepository.class), setup.getBean(TransactionTemplate.class));
                Membership bank = setup.getBean(Members.class).activeMember("CIDR", "Crash Test Bank", Nis2Status.NOT_IN_SCOPE,
                        null, DoraEntityType.A, Language.en, NotificationMode.SEND_ON_BEHALF);
                reference = setup.getBean(AuthorityNotifications.class)
                        .create(bank.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)).get(0);
                setup.getBean(RuntimeService.class).startProcessInstanceByKey(NotificationProcess.KEY,
                        String.valueOf(bank.getId()), Map.of(NotificationProcess.MEMBERSHIP_ID.name(), bank.getId(), NotificationProcess.REFERENCE.name(), reference));
            }

            // 2. the packaged application picks the notification up and is killed while the authority receives it
            CountDownLatch received = new CountDownLatch(1);
            List<Process> app = new ArrayList<>();
            nbb.onReceive(r -> {
                if (received.getCount() > 0) {
                    app.get(0).destroyForcibly(); // SIGKILL: no shutdown hook, no commit
                    try {
                        app.get(0).waitFor(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    received.countDown();
                }
            });
            app.add(startPackagedApplication(url));
            assertThat(received.await(FIRST_SEND.toSeconds(), TimeUnit.SECONDS)).as("the authority received the first send").isTrue();
            assertThat(app.get(0).isAlive()).isFalse();
            try (ConfigurableApplicationContext check = context(url, false)) {
                assertThat(notification(check, reference).getStatus()).as("the kill came before the send was recorded")
                        .isEqualTo(NotificationStatus.PREPARED);
            }

            // 3. restart: the job's lock expires and the notification goes out again, with the same reference
            try (ConfigurableApplicationContext restarted = context(url, true)) {
                AuthorityNotification sent = waitFor(() -> {
                    AuthorityNotification n = notification(restarted, reference);
                    return n.getStatus() == NotificationStatus.SENT ? n : null;
                });
                assertThat(nbb.received()).hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(r -> {
                            assertThat(r.reference()).isEqualTo(reference);
                            assertThat(r.idempotencyKey()).isEqualTo(reference);
                        });
                assertThat(sent.getMessageId()).isNotBlank();
            }
        }
    }

    private static AuthorityNotification notification(ConfigurableApplicationContext context, String reference) {
        return context.getBean(AuthorityNotificationRepository.class).findByReference(reference).orElseThrow();
    }

    /** The application in this JVM, on the same database; the job executor on or off. */
    private static ConfigurableApplicationContext context(String jdbcUrl, boolean jobs) {
        return StandaloneContexts.run(new String[] {"test"},
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=" + jobs,
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--governance.mail.outbox-dir=target/kill-restart-outbox");
    }

    /** The jar `mvn package` built, run as the product runs, with a short job lock so the restart need not wait long. */
    private static Process startPackagedApplication(String jdbcUrl) throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("arrangement-governance-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("Run through mvn verify: the packaged jar is needed"));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        File log = Path.of("target", "kill-restart-app.log").toFile();
        return new ProcessBuilder(java, "-Xmx384m", "-jar", jar.toString(),
                "--spring.profiles.active=kill-test",
                "--governance.demo.enabled=false",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                // the restarted node takes the dead node's job once its lock expires; the sends fit the lock
                "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                "--governance.notification.http-timeout=PT3S",
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "--spring.mail.properties.mail.smtp.timeout=2000",
                "--spring.mail.properties.mail.smtp.writetimeout=2000",
                "--governance.mail.outbox-dir=target/kill-restart-outbox")
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private static <T> T waitFor(java.util.concurrent.Callable<T> probe) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Timed out waiting for the notification to be sent after the restart");
    }
}

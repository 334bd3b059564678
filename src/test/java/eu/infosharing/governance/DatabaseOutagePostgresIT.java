package eu.infosharing.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Browser;
import eu.infosharing.governance.support.ErrorBodies;
import eu.infosharing.governance.support.StandaloneContexts;
import eu.infosharing.governance.support.TestUsers;
import eu.infosharing.governance.support.WebappSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The database stopped under load, then started again, with the application running all along (PostgreSQL's own
 * shutdown: every connection cut, new ones refused). Clients keep filing applications and reading through our API
 * and engine REST; a coordinator has a task open in Tasklist. While the database is away every answer is 503
 * application/problem+json with Retry-After, within a few seconds, naming no SQL and no class; Tasklist shows a
 * sentence a person can read. Once the database is back the same application answers again without a restart,
 * the job executor goes on, and every application that was accepted (201) before or after is there and moves on.
 */
class DatabaseOutagePostgresIT {

    private static final String PASSWORD = "Outage-Test-Secret-1";
    private static final int CLIENTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final Duration JOB_LOCK = Duration.ofSeconds(30);
    /** Hikari's connection-timeout (3 s) plus what the request does before it asks for a connection. */
    private static final long FAST_MILLIS = 5_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** One answer a client got, in the phase it was sent. */
    record Answer(String phase, String call, int status, long millis, String contentType, String retryAfter, String body) {
        @Override
        public String toString() {
            return phase + ": " + call + " → " + status + " in " + millis + " ms, " + contentType + ", Retry-After " + retryAfter
                    + ": " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private volatile String phase = "before";
    private int port;

    @Test
    void theDatabaseStoppedUnderLoadGets503FastAndTheApplicationRecoversWithNothingLost() throws Exception {
        Path data = Files.createTempDirectory("outage-postgres");
        EmbeddedPostgres.Builder postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(freePort());
        EmbeddedPostgres database = postgres.start();
        ConfigurableApplicationContext app = null;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Browser browser = null;
        try {
            app = StandaloneContexts.run(new String[] {"test"},
                    "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--server.port=0",
                    "--camunda.bpm.job-execution.enabled=true",
                    "--camunda.bpm.job-execution.wait-time-in-millis=200",
                    "--camunda.bpm.job-execution.max-wait=1000",
                    // a job running when the database went away stays locked by this node until its lock expires; a
                    // short lock keeps the test short (the product's lock time is chosen for take-over, see the README)
                    "--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK.toMillis(),
                    // and sends bounded within it, as the application demands at startup (SendsFitTheJobLock)
                    "--governance.notification.http-timeout=PT10S",
                    "--spring.mail.properties.mail.smtp.connectiontimeout=5000",
                    "--spring.mail.properties.mail.smtp.timeout=5000",
                    "--spring.mail.properties.mail.smtp.writetimeout=5000",
                    "--governance.mail.outbox-dir=target/outage-outbox");
            port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            app.getBean(TestUsers.class).user("outcoord", PASSWORD, Roles.COORDINATORS);
            // with an administrator, the webapps show their login instead of their first-user setup
            app.getBean(TestUsers.class).user("outadmin", PASSWORD, Roles.ADMINS);

            // a coordinator has the vetting of an application open in Tasklist, its decision chosen
            Long browserMembership = apply("Tasklist Outage Agency").path("id").asLong();
            waitFor(Duration.ofSeconds(60), () -> status(jdbc, browserMembership) == MembershipStatus.UNDER_REVIEW ? true : null);
            browser = new Browser("http://localhost:" + port, Path.of("target/outage-screenshots"));
            try {
                browser.loginToTasklist("outcoord", PASSWORD);
            } catch (RuntimeException e) {
                browser.screenshot("login-page");
                throw new AssertionError("Tasklist login page: " + browser.pageText(), e);
            }
            browser.openFilter("Vetting");
            browser.openTask("Vet application: Tasklist Outage Agency, GRC");
            browser.choose(OnboardingProcess.VETTING_DECISION.name(), "Approve");
            WebappSession tasklistApi = WebappSession.login(port, "outcoord", PASSWORD);

            // clients at work
            ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
            AtomicInteger filed = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (!phase.equals("done")) {
                        Answer created = call("POST", "/api/applications", application("Outage Agency " + filed.incrementAndGet()));
                        answers.add(created);
                        if (created.status() == 201) {
                            accepted.add(json.readTree(created.body()).path("id").asLong());
                        }
                        answers.add(call("GET", "/api/memberships?arrangement=GRC", null));
                        answers.add(call("GET", "/engine-rest/task?maxResults=5", null));
                        Thread.sleep(100);
                    }
                    return null;
                }));
            }
            Thread.sleep(6_000);

            // the database stops
            phase = "outage";
            long stopped = System.nanoTime();
            database.close();
            long stopTook = millisSince(stopped);
            List<Answer> probes = new ArrayList<>();
            probes.add(call("GET", "/api/memberships/" + browserMembership, null));
            probes.add(call("POST", "/api/applications", application("Probe Agency")));
            probes.add(call("GET", "/engine-rest/task/count", null));
            probes.add(call("POST", "/engine-rest/task/no-such-task/complete", "{\"variables\":{}}"));
            probes.add(timed("tasklist engine API", () -> tasklistApi.engine("GET", "/task/count", null)));
            // a person who opened Tasklist sends its login form: the login request is timed, not the page before it
            WebappSession newcomer = WebappSession.open(port);
            probes.add(timed("tasklist login", () -> newcomer.postLogin("outcoord", PASSWORD)));
            browser.clickButton("Complete");
            String tasklistSays = browser.waitForText("An error happened while submitting the task form", Duration.ofSeconds(30));
            browser.screenshotTop("tasklist-during-outage");
            long outageLeft = OUTAGE.toMillis() - millisSince(stopped);
            if (outageLeft > 0) {
                Thread.sleep(outageLeft);
            }

            // it starts again; the application is not restarted
            phase = "recovering";
            database = postgres.start();
            long restarted = System.nanoTime();
            waitFor(Duration.ofSeconds(60), () -> call("GET", "/api/memberships/" + browserMembership, null).status() == 200 ? true : null);
            long recoveredAfter = millisSince(restarted);
            phase = "after";
            Thread.sleep(6_000);
            phase = "done";
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            // the coordinator tries again, as the message says: the same task, the same decision, and it goes through
            browser.screenshotTop("tasklist-after-the-restart");
            browser.openTask("Vet application: Tasklist Outage Agency, GRC");
            browser.choose(OnboardingProcess.VETTING_DECISION.name(), "Approve");
            browser.clickButton("Complete");
            waitFor(Duration.ofSeconds(60), () -> status(jdbc, browserMembership) == MembershipStatus.AWAITING_RULES_ACCEPTANCE ? true : null);

            // every answer: a success, or 503 problem+json with a retry hint, fast, and no internals
            List<Answer> all = new ArrayList<>(answers);
            all.addAll(probes);
            List<Answer> unavailable = all.stream().filter(a -> a.status() == 503).toList();
            assertThat(all.stream().filter(a -> !List.of(200, 201, 204, 503).contains(a.status())))
                    .as("answers other than success or 503").isEmpty();
            assertThat(probes).as("probes while the database is away").allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(503));
            for (Answer a : unavailable) {
                assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
                assertThat(a.retryAfter()).as(a.toString()).isEqualTo("10");
                JsonNode problem = ErrorBodies.assertNothingInternal(json, a.body());
                assertThat(problem.path("status").asInt()).isEqualTo(503);
                assertThat(problem.path("type").asText()).isEqualTo("urn:arrangement-governance:problem:database-unavailable");
                assertThat(problem.path("detail").asText()).startsWith("The database is not available right now");
                if (!a.call().contains(" /api/")) {
                    // Camunda's clients (Tasklist, engine REST callers) read "message"
                    assertThat(problem.path("message").asText()).as(a.toString()).isEqualTo(problem.path("detail").asText());
                }
                assertThat(a.millis()).as("answered fast: " + a).isLessThanOrEqualTo(FAST_MILLIS);
            }
            assertThat(unavailable.stream().filter(a -> a.phase().equals("outage")).count()).as("503s while it was away")
                    .isGreaterThan(CLIENTS);
            assertThat(tasklistSays).as("Tasklist's notification").contains("An error happened while submitting the task form")
                    .contains("The database is not available right now, so this request could not be carried out. Try again in a few "
                            + "seconds.");

            // nothing accepted is lost, and the job executor moves every accepted application on to vetting
            assertThat(accepted.size()).as("applications accepted").isGreaterThan(CLIENTS);
            for (Long id : accepted) {
                try {
                    waitFor(JOB_LOCK.plusSeconds(90), () -> status(jdbc, id) == MembershipStatus.UNDER_REVIEW ? true : null);
                } catch (AssertionError e) {
                    throw new AssertionError("membership " + id + " " + status(jdbc, id) + ", its jobs: " + jdbc.queryForList(
                            "select j.type_, j.retries_, j.duedate_, j.lock_exp_time_, j.lock_owner_, j.exception_msg_, j.handler_cfg_ "
                                    + "from act_ru_job j where j.process_instance_id_ = (select process_instance_id from membership "
                                    + "where id = ?)", id) + " at " + java.time.Instant.now(), e);
                }
            }
            long movedOnAfter = millisSince(restarted);
            assertThat(jdbc.queryForObject("select count(*) from membership m where not exists (select 1 from act_hi_procinst p "
                    + "where p.id_ = m.process_instance_id)", Integer.class)).as("memberships without their process").isZero();

            long[] outageMillis = unavailable.stream().mapToLong(Answer::millis).sorted().toArray();
            System.out.printf("Database outage on PostgreSQL: stopped in %d ms; %d answers while it was away, %d of them 503 "
                            + "(median %d ms, slowest %d ms); probes %s; back %d ms after the restart; %d applications accepted, "
                            + "all there and moved on to vetting %d ms after the restart (job lock %s); %d memberships in all%n",
                    stopTook,
                    all.stream().filter(a -> !a.phase().equals("before") && !a.phase().equals("after")).count(),
                    outageMillis.length, outageMillis[outageMillis.length / 2], outageMillis[outageMillis.length - 1],
                    probes.stream().map(a -> a.call() + " " + a.status() + " in " + a.millis() + " ms").toList(), recoveredAfter,
                    accepted.size(), movedOnAfter, JOB_LOCK, jdbc.queryForObject("select count(*) from membership", Integer.class));
        } finally {
            phase = "done";
            clients.shutdownNow();
            if (browser != null) {
                browser.close();
            }
            if (app != null) {
                app.close();
            }
            database.close();
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private JsonNode apply(String name) throws Exception {
        Answer created = call("POST", "/api/applications", application(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return json.readTree(created.body());
    }

    private String application(String name) throws Exception {
        return json.writeValueAsString(Applications.publicBody("GRC", name));
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("outcoord:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return timed(method + " " + path, () -> http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Sends, and keeps what came back with how long it took. */
    private Answer timed(String call, Sending send) throws Exception {
        String sentIn = phase;
        long start = System.nanoTime();
        HttpResponse<String> r = send.send();
        return new Answer(sentIn, call, r.statusCode(), millisSince(start), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Retry-After").orElse(null), r.body());
    }

    interface Sending {
        HttpResponse<String> send() throws Exception;
    }

    private static MembershipStatus status(JdbcTemplate jdbc, Long id) {
        return MembershipStatus.valueOf(jdbc.queryForObject("select status from membership where id = ?", String.class, id));
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    interface Check<T> {
        T get() throws Exception;
    }

    private static <T> T waitFor(Duration timeout, Check<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                T value = condition.get();
                if (value != null) {
                    return value;
                }
            } catch (Exception notYet) {
                // the database may still be starting
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

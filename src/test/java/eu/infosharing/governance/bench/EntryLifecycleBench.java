package eu.infosharing.governance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.StandaloneContexts;
import eu.infosharing.governance.support.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The entry lifecycle (an application that needs a sponsor's endorsement, vetting, rules acceptance, the GDPR check and
 * the competition-law review, to an ACTIVE membership) of the product, side by side with a bare BPMN model of the same
 * shape ({@code bench/bare-onboarding.bpmn.xml}: the same user tasks, async boundaries, timers and gateways, every
 * service step a no-op expression) deployed into the same running application and driven by the same client.
 *
 * <p>The application runs apart, as in production: the packaged jar in its own JVM ({@link PackagedNode}: by default
 * as the Dockerfile starts it, with {@code src/main/jvm/jvm.options} and {@code -Xmx384m}; {@code -Dbench.jvm=plain}
 * for {@code java -Xmx384m -jar}), with the shipped job executor settings, on an embedded PostgreSQL that this bench starts with {@code pg_stat_statements}, which counts
 * the statements the node sends. Before the node starts, a setup context in this JVM on the same database seeds the
 * people (a coordinator, a DPO, a legal reviewer, a sponsoring member's representative, an administrator, one fresh
 * applicant account per product lifecycle) and deploys the bare model: persons may not deploy through engine REST, and
 * this bench does not open that door. Then {@value #THREADS} client threads drive lifecycles over HTTP with Basic
 * authentication: start, and for each task poll the person's task list until it is there and submit its form with
 * its fields (none for the bare model's tasks), then poll the instance's history until it has ended.
 *
 * <p>Prints lifecycles/s, p50/p95 per kind of request, the ratio product/bare, statements per lifecycle, the node's
 * startup time and resident memory; writes the same to {@code target/bench/lifecycle.md}. Asserts that every lifecycle
 * ended (the product's membership ACTIVE), nothing about time.
 *
 * <p>Run: {@code mvn -Pbench verify -Dit.test=EntryLifecycleBench} ({@code -Dbench.lifecycles=100},
 * {@code -Dbench.warmup=12}).
 */
class EntryLifecycleBench {

    private static final String PASSWORD = "Bench-Secret-1";
    private static final int THREADS = 4;
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 100;
    private static final String BARE_KEY = "bare-onboarding";
    private static final Path OUT = PackagedNode.OUT;

    private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String base;
    private String sponsorNumber;

    /** One person's step of the lifecycle: who works which task with which fields. */
    private record Step(String user, String taskKey, Map<String, Object> fields) {
    }

    /** The timings of one run (one model): per kind of request, in nanoseconds; and the wall time. */
    private static final class Run {
        final String model;
        final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();
        final AtomicInteger requests = new AtomicInteger();
        long wallNanos;
        /** CPU seconds the node used during the run: depends much less on what else the machine runs. */
        double nodeCpu;
        long statements;
        Map<String, Long> top = Map.of();

        Run(String model) {
            this.model = model;
        }

        void record(String kind, long elapsed) {
            nanos.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(elapsed);
            requests.incrementAndGet();
        }
    }

    @Test
    void productAndBareModelDriveTheSameLifecycle() throws Exception {
        int lifecycles = Integer.getInteger("bench.lifecycles", 100);
        int warmUp = Integer.getInteger("bench.warmup", 12);
        Files.createDirectories(OUT);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_utility", "off")
                .setServerConfig("pg_stat_statements.max", "10000")
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
            }
            seed(url, warmUp + lifecycles);

            PackagedNode.Jvm jvm = PackagedNode.Jvm.fromProperty();
            try (PackagedNode node = PackagedNode.start(jvm, OUT, OUT.resolve("lifecycle-node.log"), List.of(
                    "--spring.profiles.active=bench",
                    "--governance.demo.enabled=false",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--governance.mail.outbox-dir=" + OUT.resolve("outbox").toAbsolutePath()))) {
                base = node.base;
                double firstAnswer = node.awaitFirstAnswer();
                double started = node.startedSeconds();
                long rssStarted = node.rssMb();

                AtomicInteger applicant = new AtomicInteger();
                List<String> memberships = Collections.synchronizedList(new ArrayList<>());
                run(new Run("warm-up product"), warmUp, i -> product(null, applicant.getAndIncrement(), memberships));
                run(new Run("warm-up bare"), warmUp, i -> bare(null));
                memberships.clear();

                double idleStatementsPerSecond = idleStatements(postgres);

                Run product = new Run("product (membership-onboarding)");
                resetStatements(postgres);
                double cpu = node.cpuSeconds();
                run(product, lifecycles, i -> product(product, applicant.getAndIncrement(), memberships));
                product.nodeCpu = node.cpuSeconds() - cpu;
                readStatements(postgres, product);
                for (String membership : memberships) {
                    assertThat(get("benchcoordinator", membership).path("status").asText())
                            .as(membership + " ended ACTIVE").isEqualTo("ACTIVE");
                }
                assertThat(memberships).hasSize(lifecycles);

                Run bare = new Run("bare model (" + BARE_KEY + ")");
                resetStatements(postgres);
                cpu = node.cpuSeconds();
                run(bare, lifecycles, i -> bare(bare));
                bare.nodeCpu = node.cpuSeconds() - cpu;
                readStatements(postgres, bare);
                long rssAfter = node.rssMb();

                String report = report(jvm, lifecycles, warmUp, product, bare, firstAnswer, started, rssStarted, rssAfter,
                        idleStatementsPerSecond);
                System.out.println(report);
                Files.writeString(OUT.resolve("lifecycle.md"), report);
            }
        }
    }

    // --- the lifecycles ----------------------------------------------------------------------------------------------

    /** The product: the applicant applies through our API, each person submits the task's form through engine REST. */
    private void product(Run run, int n, List<String> memberships) {
        String applicant = "benchapplicant" + n;
        String name = "Bench Tooling " + n;
        Object application = Applications.withOrganisation(Applications.bank("CIDR", name, List.of(sponsorNumber)),
                Applications.organisation(name, "PRIVATE_COMPANY", "NOT_IN_SCOPE", null, "NONE", null));
        HttpResponse<String> created = timed(run, "start", () -> send(applicant, "POST", "/api/applications", application));
        check(created, 201, "application of " + name);
        String membership = created.headers().firstValue("Location").map(URI::create).map(URI::getPath).orElseThrow();
        String instance = parse(created.body()).path("processInstanceId").asText();
        drive(run, instance, List.of(
                new Step("benchsponsor", OnboardingProcess.TASK_ENDORSE_APPLICATION,
                        Map.of(OnboardingProcess.ENDORSEMENT_DECISION.name(), "ENDORSE")),
                new Step("benchcoordinator", OnboardingProcess.TASK_VET_APPLICATION,
                        Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE")),
                new Step(applicant, OnboardingProcess.TASK_ACCEPT_RULES, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true)),
                new Step("benchdpo", OnboardingProcess.TASK_CHECK_GDPR, Map.of(
                        OnboardingProcess.GDPR_DECISION.name(), "APPROVE",
                        OnboardingProcess.LAWFUL_BASIS.name(), "LEGITIMATE_INTEREST",
                        OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true,
                        OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true)),
                new Step("benchlegal", OnboardingProcess.TASK_REVIEW_COMPETITION_LAW,
                        Map.of(OnboardingProcess.LEGAL_DECISION.name(), "APPROVE"))));
        memberships.add(membership);
    }

    /** The bare model: started by an administrator (persons may start only modelled processes), same tasks, no values. */
    private void bare(Run run) {
        HttpResponse<String> started = timed(run, "start", () -> send("benchadmin", "POST",
                "/engine-rest/process-definition/key/" + BARE_KEY + "/start", Map.of()));
        check(started, 200, "start of " + BARE_KEY);
        String instance = parse(started.body()).path("id").asText();
        drive(run, instance, List.of(
                new Step("benchsponsor", OnboardingProcess.TASK_ENDORSE_APPLICATION, Map.of()),
                new Step("benchcoordinator", OnboardingProcess.TASK_VET_APPLICATION, Map.of()),
                new Step("benchapplicant", OnboardingProcess.TASK_ACCEPT_RULES, Map.of()),
                new Step("benchdpo", OnboardingProcess.TASK_CHECK_GDPR, Map.of()),
                new Step("benchlegal", OnboardingProcess.TASK_REVIEW_COMPETITION_LAW, Map.of())));
    }

    /** The same client for both: each step's task awaited in its person's task list and its form submitted; then the end. */
    private void drive(Run run, String instance, List<Step> steps) {
        for (Step step : steps) {
            String taskId = await(() -> {
                HttpResponse<String> list = timed(run, "task list query", () -> send(step.user(), "GET",
                        "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + step.taskKey(), null));
                check(list, 200, "task list of " + step.user());
                JsonNode tasks = parse(list.body());
                return tasks.isEmpty() ? null : tasks.get(0).path("id").asText();
            }, step.taskKey() + " of " + instance);
            // the person opens the task as Tasklist does: its form's values, context included, before deciding
            check(timed(run, "form read", () -> send(step.user(), "GET", "/engine-rest/task/" + taskId
                    + "/form-variables", null)), 200, "form of " + step.taskKey());
            Map<String, Object> variables = new LinkedHashMap<>();
            step.fields().forEach((k, v) -> variables.put(k, Map.of("value", v)));
            HttpResponse<String> done = timed(run, "completion", () -> send(step.user(), "POST",
                    "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables)));
            check(done, 204, step.taskKey() + " by " + step.user());
        }
        await(() -> {
            HttpResponse<String> history = timed(run, "end poll (history)", () -> send("benchadmin", "GET",
                    "/engine-rest/history/process-instance/" + instance, null));
            check(history, 200, "history of " + instance);
            String state = parse(history.body()).path("state").asText();
            if (!state.equals("ACTIVE") && !state.equals("COMPLETED")) {
                throw new AssertionError(instance + " ended " + state);
            }
            return state.equals("COMPLETED") ? state : null;
        }, "end of " + instance);
    }

    /** Runs this many lifecycles on {@value #THREADS} client threads; fails on the first lifecycle that fails. */
    private static void run(Run run, int count, IntConsumer lifecycle) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        lifecycle.accept(i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        run.wallNanos = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "[lifecycle] %s: %d lifecycles in %.1f s%n", run.model, count, run.wallNanos / 1e9);
    }

    // --- the node and its database -----------------------------------------------------------------------------------

    /** People and the bare model, put on the database by a setup context before the node starts. */
    private void seed(String url, int applicants) {
        try (ConfigurableApplicationContext setup = StandaloneContexts.run(new String[] {"test"},
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--governance.mail.outbox-dir=" + OUT.resolve("outbox"))) {
            TestUsers users = setup.getBean(TestUsers.class);
            users.user("benchcoordinator", PASSWORD, Roles.COORDINATORS);
            users.user("benchdpo", PASSWORD, Roles.PRIVACY);
            users.user("benchlegal", PASSWORD, Roles.LEGAL);
            users.user("benchadmin", PASSWORD, Roles.ADMINS);
            Organisation sponsor = setup.getBean(Members.class).member("CIDR", "Bench Sponsor");
            sponsorNumber = sponsor.getEnterpriseNumber();
            users.user("benchsponsor", PASSWORD, sponsor.getRepresentativesGroup().orElseThrow());
            users.user("benchsponsor", PASSWORD, "benchsponsors");
            users.user("benchapplicant", PASSWORD, "benchapplicants");
            // the product's applicants: accounts in no group yet, each registers its organisation with its application
            IdentityService identity = setup.getBean(IdentityService.class);
            for (int i = 0; i < applicants; i++) {
                User u = identity.newUser("benchapplicant" + i);
                u.setPassword(PASSWORD);
                identity.saveUser(u);
            }
            try (InputStream model = EntryLifecycleBench.class.getResourceAsStream("/bench/bare-onboarding.bpmn.xml")) {
                setup.getBean(RepositoryService.class).createDeployment().name("bench")
                        .addInputStream("bare-onboarding.bpmn", model).deploy();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What the idle node sends per second (job acquisition, schedulers): included in each run's count. */
    private static double idleStatements(EmbeddedPostgres postgres) throws Exception {
        resetStatements(postgres);
        Thread.sleep(10_000);
        Run idle = new Run("idle");
        readStatements(postgres, idle);
        return idle.statements / 10.0;
    }

    private static void resetStatements(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** The node's statements since the reset: every execution (each row of a batch too), this bench's own left out. */
    private static void readStatements(EmbeddedPostgres postgres, Run run) throws SQLException {
        String mine = "query not like '%pg_stat_statements%'";
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements where " + mine)) {
                r.next();
                run.statements = r.getLong(1);
            }
            Map<String, Long> top = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("select calls, query from pg_stat_statements where " + mine
                    + " order by calls desc limit 12")) {
                while (r.next()) {
                    top.put(r.getString(2).replaceAll("\\s+", " "), r.getLong(1));
                }
            }
            run.top = top;
        }
    }

    // --- the report --------------------------------------------------------------------------------------------------

    private static String report(PackagedNode.Jvm jvm, int lifecycles, int warmUp, Run product, Run bare, double firstAnswer,
                                 double started, long rssStartedMb, long rssAfterMb, double idlePerSecond) {
        double productRate = lifecycles / (product.wallNanos / 1e9);
        double bareRate = lifecycles / (bare.wallNanos / 1e9);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Entry lifecycle, product vs bare model of the same shape: %d lifecycles each "
                        + "after %d warm-up, %d client threads, node -Xmx384m (%s JVM options) on embedded PostgreSQL; %d cores, "
                        + "load average %.1f at the end; %s%n%n", lifecycles, warmUp, THREADS, jvm.name().toLowerCase(Locale.ROOT), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        out.append("| | product | bare model | product/bare |\n|---|---:|---:|---:|\n");
        out.append(row("lifecycles/s", productRate, bareRate, productRate / bareRate, "%.2f"));
        // the figure the goal is stated in (product at most 1.3x the bare model): time per lifecycle, product/bare
        out.append(row("ms per lifecycle (wall time / lifecycles)", 1000 / productRate, 1000 / bareRate,
                bareRate / productRate, "%.0f"));
        double productCpu = 1000 * product.nodeCpu / lifecycles;
        double bareCpu = 1000 * bare.nodeCpu / lifecycles;
        out.append(row("node CPU ms per lifecycle", productCpu, bareCpu, productCpu / bareCpu, "%.0f"));
        for (String kind : List.of("start", "task list query", "form read", "completion", "end poll (history)")) {
            double p50 = percentile(product, kind, 0.50);
            double b50 = percentile(bare, kind, 0.50);
            double p95 = percentile(product, kind, 0.95);
            double b95 = percentile(bare, kind, 0.95);
            out.append(row(kind + " p50 ms", p50, b50, p50 / b50, "%.1f"));
            out.append(row(kind + " p95 ms", p95, b95, p95 / b95, "%.1f"));
        }
        double productRequests = product.requests.get() / (double) lifecycles;
        double bareRequests = bare.requests.get() / (double) lifecycles;
        out.append(row("HTTP requests per lifecycle", productRequests, bareRequests, productRequests / bareRequests, "%.1f"));
        double productStatements = product.statements / (double) lifecycles;
        double bareStatements = bare.statements / (double) lifecycles;
        out.append(row("SQL statements per lifecycle", productStatements, bareStatements,
                productStatements / bareStatements, "%.0f"));
        out.append(String.format(Locale.ROOT, "%nNode: first answer %.1f s after launch; Spring Boot: started in %.1f s; "
                        + "RSS %d MB after startup, %d MB after %d lifecycles (warm-up and both runs). An idle node sends "
                        + "%.1f statements/s (job acquisition, schedulers), counted in both runs.%n",
                firstAnswer, started, rssStartedMb, rssAfterMb, 2 * (lifecycles + warmUp), idlePerSecond));
        for (Run run : List.of(product, bare)) {
            out.append("\nMost frequent statements, ").append(run.model).append(" (calls per lifecycle):\n\n");
            run.top.forEach((sql, calls) -> out.append(String.format(Locale.ROOT, "- %.1f `%s`%n", calls / (double) lifecycles,
                    sql.length() > 160 ? sql.substring(0, 160) + "…" : sql)));
        }
        return out.toString();
    }

    private static String row(String name, double product, double bare, double ratio, String format) {
        return String.format(Locale.ROOT, "| %s | " + format + " | " + format + " | %.2f |%n", name, product, bare, ratio);
    }

    private static double percentile(Run run, String kind, double p) {
        List<Long> values = new ArrayList<>(run.nanos.getOrDefault(kind, List.of()));
        if (values.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(values);
        return values.get(Math.max(0, (int) Math.ceil(values.size() * p) - 1)) / 1e6;
    }

    // --- HTTP --------------------------------------------------------------------------------------------------------

    private HttpResponse<String> send(String user, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String user, String path) {
        HttpResponse<String> response = send(user, "GET", path, null);
        check(response, 200, path);
        return parse(response.body());
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    private static void check(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static HttpResponse<String> timed(Run run, String kind, java.util.function.Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        HttpResponse<String> response = call.get();
        if (run != null) {
            run.record(kind, System.nanoTime() - start);
        }
        return response;
    }

    private static <T> T await(java.util.function.Supplier<T> probe, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}

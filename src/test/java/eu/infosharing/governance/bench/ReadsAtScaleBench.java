package eu.infosharing.governance.bench;

import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.support.BulkCommunity;
import eu.infosharing.governance.support.EmbeddedPostgresConfiguration;
import eu.infosharing.governance.support.SqlStatements;
import eu.infosharing.governance.support.TestUsers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reads people and authorities make, timed at growing sizes of the community on embedded PostgreSQL: lists, the
 * dashboard, the register, the audit list, a timeline, the audit verification. Each size is seeded in bulk by
 * {@link BulkCommunity} (an organisation with its contact, its group and grants, an active membership with its status
 * changes and audit entries, its entry notifications: the rows seeding one member at a time writes, in JDBC batches),
 * then each read is asked {@value #ROUNDS} times after {@value #WARM_UP} warm-ups by an HTTP client with
 * Basic authentication, as a script would. Prints p50, p95 and SQL statements per request; asserts nothing about time.
 *
 * <p>Run: {@code mvn -Pbench verify} (sizes: {@code -Dbench.sizes=1000,10000,100000}; some reads only:
 * {@code -Dbench.reads=dashboard,memberships}). Results also go to
 * {@code target/bench/reads.md}.
 */
// the seeding writes in minutes what a community writes over years: a settle of seconds instead of ten minutes lets the
// incremental verification's checkpoint pass it before that read is measured, as it would ten minutes after a burst
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "governance.audit.verify-settle=PT15S")
@ActiveProfiles("test")
@Import({EmbeddedPostgresConfiguration.class, SqlStatements.class})
class ReadsAtScaleBench {

    private static final String PASSWORD = "Bench-Secret-1";
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 30;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    BulkCommunity bulk;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsAtEachSize() throws IOException {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,10000").split(","))
                .map(String::strip).map(Integer::valueOf).sorted().toList();
        users.user("benchauditor", PASSWORD, Roles.AUDITORS);
        users.user("benchcoordinator", PASSWORD, Roles.COORDINATORS);
        List<Long> seeded = new ArrayList<>();
        List<String> seedings = new ArrayList<>();
        StringBuilder table = new StringBuilder("| memberships | read | p50 ms | p95 ms | statements |\n|---:|---|---:|---:|---:|\n");
        for (int size : sizes) {
            long seeding = System.nanoTime();
            List<BulkCommunity.Member> more = new ArrayList<>();
            for (int n = seeded.size(); n < size; n++) {
                more.add(member(n));
            }
            seeded.addAll(bulk.seed(more));
            String seedingTime = String.format(Locale.ROOT, "seeded %,d memberships in bulk in %.0f s", size,
                    (System.nanoTime() - seeding) / 1e9);
            System.out.println(seedingTime);
            seedings.add(seedingTime);
            // the seeding writes in minutes what a community writes over years: the incremental verification's
            // checkpoint passes it (after the settle) before the reads are measured, as it would a day later
            sleepPastSettle();
            // what autovacuum does after a bulk load, so the plans are those of a database grown over time
            jdbc.execute("analyze");
            rest.withBasicAuth("benchauditor", PASSWORD).getForEntity("/api/audit/verification", String.class);
            Long one = seeded.get(seeded.size() / 2);
            Map<String, String> reads = new LinkedHashMap<>();
            // the floor: what any authenticated request costs (Basic authentication checks the password each time)
            reads.put("GET /api/arrangements (baseline)", "/api/arrangements");
            reads.put("GET /api/memberships (first page)", "/api/memberships");
            reads.put("GET /api/memberships (last page)", "/api/memberships?page=" + ((size - 1) / 50));
            reads.put("GET /api/notifications?status=OVERDUE", "/api/notifications?status=OVERDUE");
            reads.put("GET /api/dashboard", "/api/dashboard");
            reads.put("GET /api/notifications/register.csv (the year)", "/api/notifications/register.csv?from="
                    + LocalDate.now(NotificationSettings.DEFAULT_ZONE).withDayOfYear(1));
            reads.put("GET /audit (list)", "/audit");
            reads.put("GET /api/memberships/{id}/timeline", "/api/memberships/" + one + "/timeline");
            reads.put("GET /api/audit/verification", "/api/audit/verification");
            reads.put("GET /api/audit/verification?full=true", "/api/audit/verification?full=true");
            // -Dbench.reads=dashboard,memberships: only the reads whose name contains one of these (and the baseline)
            List<String> only = Arrays.stream(System.getProperty("bench.reads", "").split(",")).map(String::strip)
                    .filter(r -> !r.isEmpty()).toList();
            reads.keySet().removeIf(name -> !only.isEmpty() && !name.contains("baseline") && only.stream().noneMatch(name::contains));
            for (Map.Entry<String, String> read : reads.entrySet()) {
                table.append(measure(size, read.getKey(), read.getValue()));
            }
        }
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        String report = "Reads at scale on embedded PostgreSQL, " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + String.format(Locale.ROOT, "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + " at the end, heap used " + heapMb + " MB\n\n"
                + String.join("\n", seedings) + "\n\n" + table;
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/reads.md"), report);
    }

    private String measure(int size, String name, String path) {
        TestRestTemplate auditor = rest.withBasicAuth(name.contains("dashboard") ? "benchcoordinator" : "benchauditor", PASSWORD);
        for (int i = 0; i < WARM_UP; i++) {
            check(auditor.getForEntity(path, String.class).getStatusCode().value(), path);
        }
        long[] nanos = new long[ROUNDS];
        SqlStatements.reset();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            check(auditor.getForEntity(path, String.class).getStatusCode().value(), path);
            nanos[i] = System.nanoTime() - start;
        }
        long statements = SqlStatements.total() / ROUNDS;
        Arrays.sort(nanos);
        String row = String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %d |%n", size, name, nanos[ROUNDS / 2] / 1e6,
                nanos[(int) Math.ceil(ROUNDS * 0.95) - 1] / 1e6, statements);
        System.out.print(row);
        return row;
    }

    private static void check(int status, String path) {
        if (status != 200) {
            throw new IllegalStateException(path + " answered " + status);
        }
    }

    /** The n-th member: essential energy, told its entry to its authority this year (some not yet, so overdue). */
    private static BulkCommunity.Member member(int n) {
        return new BulkCommunity.Member(n % 2 == 0 ? "CIDR" : "GRC", "Bench Grid " + n, Nis2Status.ESSENTIAL, Nis2Sector.ENERGY,
                Language.values()[n % Language.values().length], NotificationMode.SEND_ON_BEHALF,
                LocalDate.now(NotificationSettings.DEFAULT_ZONE).withDayOfYear(1).plusDays(n % 300));
    }

    private static void sleepPastSettle() {
        try {
            Thread.sleep(16_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

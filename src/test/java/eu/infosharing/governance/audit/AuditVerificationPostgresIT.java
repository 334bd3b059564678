package eu.infosharing.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.AuditTrail;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.support.EmbeddedPostgresConfiguration;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit verification on PostgreSQL while audited work goes on: writers append entries to the same memberships'
 * chains from several threads (as parallel notifications do), and the verification runs again and again meanwhile,
 * through the API (the incremental check), the evidence pack, the incremental check and the nightly (full) check. It
 * never reports a break that is not there, nor jumps over an entry that committed after one with a higher id; and the
 * breaks that are there (an edited row, a removed one, one added after the head) are still found.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class AuditVerificationPostgresIT {

    private static final String PASSWORD = "Verify-Pg-Secret-1";
    private static final int MEMBERSHIPS = 6;
    private static final int WRITERS = 4;
    private static final Duration WORK = Duration.ofSeconds(25);
    // rounds and entries the test waits for past WORK when the machine is slow, so load changes the time, not the proof
    private static final int MIN_CHECKS = 11;
    private static final int MIN_WRITTEN = 51;

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void verificationDuringConcurrentWritesNeverCriesWolfAndStillFindsRealBreaks() throws Exception {
        users.user("pgauditor", PASSWORD, Roles.AUDITORS);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= MEMBERSHIPS; i++) {
            ids.add(members.activeMember("CIDR", "Verified Energy " + i, Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null,
                    Language.en, NotificationMode.SEND_ON_BEHALF).getId());
        }
        int before = count("select count(*) from audit_entry");

        AtomicBoolean working = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                while (working.get()) {
                    Long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    auditTrail.appendSeparately(id, CurrentUser.SYSTEM, "LOAD_TEST", "writer " + writer + " entry " + written.get());
                    written.incrementAndGet();
                }
                return null;
            }));
        }

        ConcurrentLinkedQueue<String> falseAlarms = new ConcurrentLinkedQueue<>();
        int checks = 0;
        Instant end = Instant.now().plus(WORK);
        try {
            Instant giveUp = end.plus(Duration.ofMinutes(5));
            while (Instant.now().isBefore(giveUp)
                    && (Instant.now().isBefore(end) || checks < MIN_CHECKS || written.get() < MIN_WRITTEN)) {
                JsonNode v = json.readTree(mvc.perform(get("/api/audit/verification").with(httpBasic("pgauditor", PASSWORD)))
                        .andReturn().getResponse().getContentAsString());
                if (!v.path("intact").asBoolean()) {
                    falseAlarms.add("verification: " + v);
                }
                Long one = ids.get(checks % ids.size());
                JsonNode pack = json.readTree(mvc.perform(get("/api/memberships/" + one + "/evidence-pack.json")
                        .with(httpBasic("pgauditor", PASSWORD))).andReturn().getResponse().getContentAsString());
                if (!pack.path("auditChainIntact").asBoolean()) {
                    falseAlarms.add("evidence pack " + one + ": " + pack.path("auditChainProblem"));
                }
                if (!verifier.verifyIncrementally().intact()) {
                    falseAlarms.add("incremental: " + verifier.lastVerification());
                }
                if (!verifier.verifyAll().intact()) {
                    falseAlarms.add("nightly: " + verifier.lastVerification());
                }
                checks++;
            }
        } finally {
            working.set(false);
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();
        }

        System.out.printf("Audit verification on PostgreSQL: %d rounds of checks (API, evidence pack, incremental, nightly) while %d "
                + "writers appended %d entries; false alarms: %d%n", checks, WRITERS, written.get(), falseAlarms.size());
        assertThat(written.get()).as("entries written meanwhile").isGreaterThanOrEqualTo(MIN_WRITTEN);
        assertThat(checks).as("checks while writing").isGreaterThanOrEqualTo(MIN_CHECKS);
        assertThat(falseAlarms).as("breaks reported while nothing was tampered with").isEmpty();
        assertThat(count("select count(*) from audit_entry")).isEqualTo(before + written.get());
        assertThat(verifier.verifyAll().intact()).isTrue();

        // two transactions that commit out of the order of their entries' ids: the later-committed, lower id is not
        // jumped over by the incremental check (it follows its membership's verified head)
        Long victim = ids.get(0);
        assertThat(verifier.verifyIncrementally().intact()).isTrue();
        AuditTampering.LateCommit slow = new AuditTampering.LateCommit(new TransactionTemplate(transactions), memberships,
                victim, "id taken first, committed last");
        auditTrail.appendSeparately(ids.get(1), CurrentUser.SYSTEM, "LOAD_TEST", "id taken last, committed first");
        assertThat(verifier.verifyIncrementally().intact()).isTrue();
        Long lowerId = slow.commit();
        assertThat(lowerId).isLessThan(count("select max(id) from audit_entry where membership_id = " + ids.get(1)));
        jdbc.update("update audit_entry set summary = 'nothing happened' where id = ?", lowerId);
        assertThat(verifier.verifyIncrementally().firstBrokenLink()).extracting(AuditChainVerifier.BrokenLink::entryId,
                AuditChainVerifier.BrokenLink::reason).containsExactly(lowerId, "its content was changed after it was written");
        jdbc.update("update audit_entry set summary = 'id taken first, committed last' where id = ?", lowerId);
        assertThat(verifier.verifyIncrementally().intact()).isTrue();

        // real breaks are still found on PostgreSQL: an edited row, a removed one, one added after the head
        Map<String, Object> last = jdbc.queryForMap("select * from audit_entry where membership_id = ? order by seq desc limit 1", victim);
        jdbc.update("update audit_entry set summary = 'nothing happened' where id = ?", last.get("id"));
        assertThat(verifier.verifyAll().firstBrokenLink().reason()).isEqualTo("its content was changed after it was written");
        jdbc.update("update audit_entry set summary = ? where id = ?", last.get("summary"), last.get("id"));
        assertThat(verifier.verifyAll().intact()).isTrue();

        jdbc.update("delete from audit_entry where id = ?", last.get("id"));
        assertThat(verifier.verifyAll().firstBrokenLink().reason()).contains("entries after it were removed");
        AuditTampering.reinsert(jdbc, last);
        assertThat(verifier.verifyAll().intact()).isTrue();

        // the head recorded on the membership one entry back: the last row is then one the head does not account for
        Map<String, Object> head = jdbc.queryForMap("select audit_head, audit_seq from membership where id = ?", victim);
        jdbc.update("update membership set audit_head = ?, audit_seq = audit_seq - 1 where id = ?", last.get("previous_hash"), victim);
        AuditChainVerifier.BrokenLink added = verifier.verifyAll().firstBrokenLink();
        assertThat(added.membershipId()).isEqualTo(victim);
        assertThat(added.reason()).isEqualTo("the trail goes on after its recorded head: entries were added after it");
        jdbc.update("update membership set audit_head = ?, audit_seq = ? where id = ?", head.get("audit_head"), head.get("audit_seq"), victim);
        assertThat(verifier.verifyAll().intact()).isTrue();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}

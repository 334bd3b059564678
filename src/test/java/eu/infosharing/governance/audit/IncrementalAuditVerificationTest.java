package eu.infosharing.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.AuditEntry;
import eu.infosharing.governance.membership.AuditTrail;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.SqlStatements;
import eu.infosharing.governance.support.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incremental audit verification (issue 17): it reads only what was written since the checkpoint, yet finds a new
 * entry edited, removed or inserted; it does not jump over an entry that got a lower id but committed after a check;
 * it costs the same statements whatever the number of memberships. What it cannot see, an entry changed after it was
 * verified, the full check finds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(SqlStatements.class)
class IncrementalAuditVerificationTest {

    private static final String PASSWORD = "Incremental-Secret-1";

    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @Test
    void aNewEntryEditedRemovedOrInsertedIsFoundByTheIncrementalCheck() {
        Long id = member("Incremental Edits").getId();
        assertThat(verifier.verifyAll().intact()).isTrue();

        // edited
        List<Map<String, Object>> added = append(id, 2);
        Map<String, Object> edited = added.get(0);
        jdbc.update("update audit_entry set summary = 'nothing happened' where id = ?", edited.get("id"));
        AuditChainVerifier.Verification v = verifier.verifyIncrementally();
        assertThat(v.kind()).isEqualTo(AuditChainVerifier.Kind.INCREMENTAL);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenLink()).isEqualTo(new AuditChainVerifier.BrokenLink(id, (Long) edited.get("id"),
                (Integer) edited.get("seq"), "its content was changed after it was written"));
        assertThat(v.verifiedThroughEntryId()).as("nothing is said verified while a break stands").isNull();
        jdbc.update("update audit_entry set summary = ? where id = ?", edited.get("summary"), edited.get("id"));
        assertThat(verifier.verifyIncrementally().intact()).isTrue();

        // removed: one in the middle, then the last one
        added = append(id, 2);
        jdbc.update("delete from audit_entry where id = ?", added.get(0).get("id"));
        assertThat(verifier.verifyIncrementally().firstBrokenLink())
                .isEqualTo(new AuditChainVerifier.BrokenLink(id, (Long) added.get(1).get("id"), (Integer) added.get(1).get("seq"),
                        "entry " + added.get(0).get("seq") + " is missing"));
        AuditTampering.reinsert(jdbc, added.get(0));
        jdbc.update("delete from audit_entry where id = ?", added.get(1).get("id"));
        assertThat(verifier.verifyIncrementally().firstBrokenLink().reason())
                .isEqualTo("the trail ends before its recorded head: entries after it were removed");
        AuditTampering.reinsert(jdbc, added.get(1));
        assertThat(verifier.verifyIncrementally().intact()).isTrue();

        // inserted after the head, correctly chained onto the last entry
        added = append(id, 1);
        Map<String, Object> lastRow = added.get(0);
        int seq = (Integer) lastRow.get("seq") + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS); // as stored: the database would round the nanoseconds
        String hash = AuditEntry.computeHash(id, seq, at, "forger", "NOTE", "all was approved", (String) lastRow.get("hash"));
        jdbc.update("insert into audit_entry (membership_id, seq, occurred_at, actor, kind, summary, previous_hash, hash) "
                + "values (?, ?, ?, 'forger', 'NOTE', 'all was approved', ?, ?)", id, seq, at.atOffset(ZoneOffset.UTC),
                lastRow.get("hash"), hash);
        try {
            assertThat(verifier.verifyIncrementally().firstBrokenLink()).isEqualTo(new AuditChainVerifier.BrokenLink(id,
                    jdbc.queryForObject("select id from audit_entry where membership_id = ? and seq = ?", Long.class, id, seq), seq,
                    "the trail goes on after its recorded head: entries were added after it"));
        } finally {
            jdbc.update("delete from audit_entry where membership_id = ? and seq = ?", id, seq);
        }

        AuditChainVerifier.Verification intact = verifier.verifyIncrementally();
        assertThat(intact.intact()).isTrue();
        assertThat(intact.verifiedThroughEntryId()).isGreaterThanOrEqualTo((Long) lastRow.get("id"));
    }

    @Test
    void anEntryChangedAfterItWasVerifiedIsFoundByTheFullCheckOnly() {
        Long id = member("Incremental Rewritten").getId();
        append(id, 1);
        assertThat(verifier.verifyIncrementally().intact()).isTrue();
        Map<String, Object> verified = jdbc.queryForMap("select * from audit_entry where membership_id = ? order by seq desc limit 1", id);
        jdbc.update("update audit_entry set summary = 'nothing happened' where id = ?", verified.get("id"));
        try {
            append(id, 1);
            assertThat(verifier.verifyIncrementally().intact()).as("the incremental check reads only what follows its checkpoint").isTrue();
            AuditChainVerifier.Verification full = verifier.verifyAll();
            assertThat(full.kind()).isEqualTo(AuditChainVerifier.Kind.FULL);
            assertThat(full.firstBrokenLink()).isEqualTo(new AuditChainVerifier.BrokenLink(id, (Long) verified.get("id"),
                    (Integer) verified.get("seq"), "its content was changed after it was written"));
            // and the incremental answer carries what the last full check found
            AuditChainVerifier.Verification after = verifier.verifyIncrementally();
            assertThat(after.lastFullVerification().intact()).isFalse();
            assertThat(after.lastFullVerification().firstBrokenLink()).isEqualTo(full.firstBrokenLink());
            assertThat(after.lastFullVerification().finishedAt()).isEqualTo(full.verifiedAt());
        } finally {
            jdbc.update("update audit_entry set summary = ? where id = ?", verified.get("summary"), verified.get("id"));
        }
        assertThat(verifier.verifyAll().intact()).isTrue();
    }

    @Test
    void anEntryCommittedAfterACheckWithALowerIdIsNotSkipped() throws Exception {
        Long early = member("Incremental Early").getId();
        Long late = member("Incremental Late").getId();
        assertThat(verifier.verifyIncrementally().intact()).isTrue();

        // the first transaction takes its entry's id and stays open; the second takes a higher one and commits
        AuditTampering.LateCommit slow = new AuditTampering.LateCommit(new TransactionTemplate(transactions), memberships,
                early, "written first, committed last");
        auditTrail.appendSeparately(late, CurrentUser.SYSTEM, "NOTE", "written last, committed first");
        Long lateId = jdbc.queryForObject("select max(id) from audit_entry where membership_id = ?", Long.class, late);
        AuditChainVerifier.Verification meanwhile = verifier.verifyIncrementally();
        assertThat(meanwhile.intact()).isTrue();
        assertThat(meanwhile.verifiedThroughEntryId()).isGreaterThanOrEqualTo(lateId);
        Long earlyId = slow.commit();
        assertThat(earlyId).as("ids out of commit order").isLessThan(lateId);

        // the entry committed last is read by the next check: changed, it is found
        jdbc.update("update audit_entry set summary = 'nothing happened' where id = ?", earlyId);
        try {
            assertThat(verifier.verifyIncrementally().firstBrokenLink())
                    .isEqualTo(new AuditChainVerifier.BrokenLink(early, earlyId, memberships.findById(early).orElseThrow().getAuditSeq(),
                            "its content was changed after it was written"));
        } finally {
            jdbc.update("update audit_entry set summary = 'written first, committed last' where id = ?", earlyId);
        }
        assertThat(verifier.verifyIncrementally().intact()).isTrue();
    }

    @Test
    void theIncrementalCheckCostsTheSameStatementsWhateverTheNumberOfMemberships() throws Exception {
        users.user("incrementalauditor", PASSWORD, Roles.AUDITORS);
        Long one = member("Incremental Cost").getId();
        verifier.verifyIncrementally();
        long few = statementsOfAVerificationAfterTwoNewEntries(one);
        for (int i = 0; i < 40; i++) {
            member("Incremental Cost " + i);
        }
        assertThat(verifier.verifyIncrementally().intact()).isTrue();
        long many = statementsOfAVerificationAfterTwoNewEntries(one);
        assertThat(many).as("statements with 40 more memberships").isEqualTo(few);
    }

    private long statementsOfAVerificationAfterTwoNewEntries(Long membershipId) throws Exception {
        append(membershipId, 2);
        SqlStatements.reset();
        JsonNode v = json.readTree(rest.withBasicAuth("incrementalauditor", PASSWORD)
                .getForObject("/api/audit/verification", String.class));
        long statements = SqlStatements.containing("audit_");
        assertThat(v.path("kind").asText()).isEqualTo("INCREMENTAL");
        assertThat(v.path("intact").asBoolean()).isTrue();
        assertThat(v.path("entries").asInt()).isEqualTo(2);
        return statements;
    }

    private Membership member(String name) {
        return members.activeMember("CIDR", name, Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
    }

    /** Appends entries to a membership's trail, each in its own transaction; answers their rows. */
    private List<Map<String, Object>> append(Long membershipId, int entries) {
        int before = memberships.findById(membershipId).orElseThrow().getAuditSeq();
        for (int i = 0; i < entries; i++) {
            auditTrail.appendSeparately(membershipId, CurrentUser.SYSTEM, "NOTE", "entry " + (before + i + 1));
        }
        return jdbc.queryForList("select * from audit_entry where membership_id = ? and seq > ? order by seq", membershipId, before);
    }
}

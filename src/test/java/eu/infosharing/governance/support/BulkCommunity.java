package eu.infosharing.governance.support;

import eu.infosharing.governance.arrangement.ArrangementRepository;
import eu.infosharing.governance.engine.AuthorizationGrants;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.AuditEntry;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.AuthorityNotifications;
import eu.infosharing.governance.notification.CompetentAuthorityRepository;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.organisation.ParticipantType;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a community of active members in bulk on PostgreSQL, for the benchmarks: the same rows that
 * {@link Members#activeMember} and {@link AuthorityNotifications#create} (entry) write one member at a time, written with
 * JDBC batches, a thousand members per transaction. Per member: the organisation, its contact person, the membership
 * (submitted, validated, active) with its three status changes, its two audit entries chained by hash as
 * {@link AuditEntry} chains them, the organisation's Camunda group and its authorizations, and its entry notifications.
 *
 * <p>What the product decides is decided by the product, once per kind of member: the first organisation of each call
 * gets its group and grants from {@link AuthorizationGrants}, whose authorization rows are copied for the others; the
 * first member of each shape (arrangement, regime, language, notification mode, whether the authority was concerned
 * later) gets its notifications from {@link AuthorityNotifications#create}, whose recipients, legal basis, language and
 * status are copied with each member's own dates and reference. {@code BulkCommunityPostgresIT} compares what the
 * product's reads answer for members seeded both ways. PostgreSQL only (ids come from the identity columns' sequences).
 */
@Component
public class BulkCommunity {

    private static final int BATCH = 1000;
    private static final String ACTOR = "test";
    private static final SecureRandom SALTS = new SecureRandom();

    /** One active member: a NIS2 entity (no DORA), told its entry to its authorities on {@code entryNotified} (or not). */
    public record Member(String arrangementCode, String legalName, Nis2Status nis2, Nis2Sector sector, Language language,
                         NotificationMode mode, LocalDate entryNotified) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ArrangementRepository arrangements;
    private final CompetentAuthorityRepository authorities;
    private final AuthorizationGrants grants;
    private final AuthorityNotifications notifications;
    private final NotificationSettings settings;
    private final IdGenerator engineIds;

    public BulkCommunity(JdbcTemplate jdbc, PlatformTransactionManager transactions, ArrangementRepository arrangements,
                         CompetentAuthorityRepository authorities, AuthorizationGrants grants,
                         AuthorityNotifications notifications, NotificationSettings settings, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.arrangements = arrangements;
        this.authorities = authorities;
        this.grants = grants;
        this.notifications = notifications;
        this.settings = settings;
        this.engineIds = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getIdGenerator();
    }

    /** Seeds the members in order, a batch per transaction; answers their membership ids in the same order. */
    public List<Long> seed(List<Member> members) {
        List<Long> ids = new ArrayList<>(members.size());
        Map<String, List<Map<String, Object>>> templates = new HashMap<>();
        for (int from = 0; from < members.size(); from += BATCH) {
            List<Member> batch = members.subList(from, Math.min(members.size(), from + BATCH));
            ids.addAll(transactions.execute(s -> batch(batch, templates)));
        }
        return ids;
    }

    private List<Long> batch(List<Member> batch, Map<String, List<Map<String, Object>>> notificationTemplates) {
        int n = batch.size();
        List<Long> orgIds = nextIds("organisation", n);
        List<Long> membershipIds = nextIds("membership", n);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Timestamp at = Timestamp.from(now);
        List<Object[]> organisations = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        List<Object[]> audit = new ArrayList<>();
        List<Object[]> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Member m = batch.get(i);
            long orgId = orgIds.get(i);
            long id = membershipIds.get(i);
            String slug = m.legalName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            organisations.add(new Object[] {orgId, m.legalName(), "NV", "BE", Identifiers.enterpriseNumber(),
                    ParticipantType.PRIVATE_COMPANY.name(), m.nis2().name(), m.sector() == null ? null : m.sector().name(),
                    m.language().name(), Roles.organisationGroup(orgId), at, at});
            contacts.add(new Object[] {orgId, "Member of " + m.legalName(), "soc@" + slug + ".example", "+32 3 555 00 00"});
            changes.add(new Object[] {id, null, MembershipStatus.SUBMITTED.name(), at, "Application submitted"});
            changes.add(new Object[] {id, MembershipStatus.SUBMITTED.name(), MembershipStatus.VALIDATED.name(), at, "Existing member"});
            changes.add(new Object[] {id, MembershipStatus.VALIDATED.name(), MembershipStatus.ACTIVE.name(), at,
                    "Existing member with access"});
            // as Membership.transition audits them: "from → to: reason", chained from no head
            String head = null;
            int seq = 0;
            for (String summary : List.of("SUBMITTED → VALIDATED: Existing member", "VALIDATED → ACTIVE: Existing member with access")) {
                String salt = HexFormat.of().formatHex(salt());
                String digest = AuditEntry.summaryDigest(salt, summary);
                String hash = AuditEntry.computeHash(id, ++seq, now, ACTOR, "STATUS_CHANGED", "sha256:" + digest, head);
                audit.add(new Object[] {id, seq, at, ACTOR, "STATUS_CHANGED", summary, head, hash, salt, digest});
                head = hash;
            }
            memberships.add(new Object[] {id, orgId, arrangementId(m.arrangementCode()), MembershipStatus.ACTIVE.name(), at, at, at,
                    m.mode().name(), head, seq});
            groups.add(new Object[] {Roles.organisationGroup(orgId), m.legalName(), Roles.ORGANISATION_GROUP_TYPE});
        }
        jdbc.batchUpdate("""
                insert into organisation (id, legal_name, legal_form, country, enterprise_number, participant_type, nis2_status,
                    nis2_sector, preferred_language, representatives_group, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""", organisations);
        jdbc.batchUpdate("insert into contact_person (organisation_id, position, name, email, phone) values (?, 1, ?, ?, ?)", contacts);
        jdbc.batchUpdate("""
                insert into membership (id, organisation_id, arrangement_id, status, applied_at, validated_at, activated_at,
                    notification_mode, audit_head, audit_seq, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""", memberships);
        jdbc.batchUpdate("""
                insert into membership_status_change (membership_id, from_status, to_status, changed_at, actor, reason)
                values (?, ?, ?, ?, 'test', ?)""", changes);
        jdbc.batchUpdate("""
                insert into audit_entry (membership_id, seq, occurred_at, actor, kind, summary, previous_hash, hash,
                    summary_salt, summary_digest)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", audit);
        engineGroups(groups);
        entryNotifications(batch, membershipIds, now, notificationTemplates);
        return membershipIds;
    }

    /** The first group through the product's grants; the others with a copy of the authorizations the product wrote. */
    private void engineGroups(List<Object[]> groups) {
        String template = (String) groups.get(0)[0];
        grants.ensureOrganisationGroup(template, (String) groups.get(0)[1]);
        List<Object[]> grantRows = jdbc.query("select type_, resource_type_, resource_id_, perms_ from act_ru_authorization "
                + "where group_id_ = ?", (rs, i) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4)}, template);
        List<Object[]> others = groups.subList(1, groups.size());
        jdbc.batchUpdate("insert into act_id_group (id_, rev_, name_, type_) values (?, 1, ?, ?)", others);
        List<Object[]> authorizations = new ArrayList<>();
        for (Object[] group : others) {
            for (Object[] grant : grantRows) {
                // the engine grants a new group's members READ on the group itself: that one names the group
                Object resourceId = template.equals(grant[2]) ? group[0] : grant[2];
                authorizations.add(new Object[] {engineIds.getNextId(), grant[0], group[0], grant[1], resourceId, grant[3]});
            }
        }
        jdbc.batchUpdate("""
                insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                values (?, 1, ?, ?, ?, ?, ?)""", authorizations);
    }

    /**
     * Entry notifications: the first member of each shape through {@link AuthorityNotifications#create}, the others as a
     * copy of what it decided (authorities, legal basis, language, status), with their own dates and references.
     */
    private void entryNotifications(List<Member> batch, List<Long> membershipIds, Instant now,
                                    Map<String, List<Map<String, Object>>> templates) {
        List<Object[]> rows = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        LocalDate validated = settings.dateOf(now);
        for (int i = 0; i < batch.size(); i++) {
            Member m = batch.get(i);
            if (m.entryNotified() == null) {
                continue;
            }
            long id = membershipIds.get(i);
            // what decides the recipients and the letter's wording: the regime, the language, the mode, and whether the
            // authority learns of the entry after the validation (LetterContents#legalBasis)
            String shape = String.join("|", m.arrangementCode(), m.nis2().name(), String.valueOf(m.sector()),
                    m.language().name(), m.mode().name(), String.valueOf(validated.isBefore(m.entryNotified())));
            if (!templates.containsKey(shape)) {
                notifications.create(id, NotificationEvent.ENTRY, m.entryNotified());
                templates.put(shape, jdbc.queryForList("select authority_code, legal_basis, mode, language, status "
                        + "from authority_notification where membership_id = ? and event = 'ENTRY' order by id", id));
                continue;
            }
            for (Map<String, Object> told : templates.get(shape)) {
                String code = (String) told.get("authority_code");
                LocalDate due = m.entryNotified().plus(deadlines.computeIfAbsent(code,
                        c -> Period.parse(authorities.findByCode(c).orElseThrow().getDeadline())));
                rows.add(new Object[] {reference(id, code, m.entryNotified()), id, code, told.get("legal_basis"),
                        m.entryNotified(), due, told.get("mode"), told.get("language"), told.get("status"), at});
            }
        }
        jdbc.batchUpdate("""
                insert into authority_notification (reference, membership_id, authority_code, event, legal_basis,
                    effective_date, due_date, mode, language, status, created_at, version)
                values (?, ?, ?, 'ENTRY', ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
    }

    /** As AuthorityNotification#reference: AGN-2026-000042-CCB-ENTRY. */
    private static String reference(long membershipId, String authorityCode, LocalDate effectiveDate) {
        return String.format(Locale.ROOT, "AGN-%d-%06d-%s-%s", effectiveDate.getYear(), membershipId, authorityCode,
                NotificationEvent.ENTRY);
    }

    private final Map<String, Long> arrangementIds = new HashMap<>();
    private final Map<String, Period> deadlines = new HashMap<>();

    private long arrangementId(String code) {
        return arrangementIds.computeIfAbsent(code, c -> arrangements.findByCode(c).orElseThrow().getId());
    }

    private List<Long> nextIds(String table, int count) {
        return jdbc.queryForList("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)", Long.class,
                table, count);
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        SALTS.nextBytes(salt);
        return salt;
    }
}

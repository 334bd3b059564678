package eu.infosharing.governance.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a refused request must leave as it was, read row by row: our tables (memberships, statuses, decisions,
 * acceptances, cessations, notifications, the audit trail), the engine's runtime (executions, tasks, variables, jobs,
 * incidents, event subscriptions, grants), the history people could write to (comments, attachments, operation log,
 * variable history), deployments and users, and the mails written to the outbox. Two fingerprints are equal only when
 * not one value changed.
 */
public final class StateFingerprint {

    private static final List<String> TABLES = List.of(
            "membership", "membership_status_change", "organisation", "contact_person", "sponsorship", "review_decision",
            "information_request", "rules_acceptance", "rules_acceptance_request", "rules_of_conduct_version", "authority_override",
            "authority_notification", "notification_attempt", "cessation", "cessation_date_change", "audit_entry", "former_contact", "data_subject_request", "account_request",
            "act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_job", "act_ru_incident", "act_ru_event_subscr",
            "act_ru_identitylink", "act_ru_authorization", "act_ru_filter", "act_hi_comment", "act_hi_attachment",
            "act_hi_op_log", "act_hi_varinst", "act_hi_detail", "act_hi_procinst", "act_hi_taskinst", "act_re_deployment",
            "act_re_procdef", "act_id_user", "act_id_group", "act_id_membership");

    private final Map<String, List<String>> rows;

    private StateFingerprint(Map<String, List<String>> rows) {
        this.rows = rows;
    }

    public static StateFingerprint of(JdbcTemplate jdbc, Path outbox) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> lines = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("select * from " + table)) {
                Map<String, String> sorted = new TreeMap<>();
                row.forEach((column, value) -> sorted.put(column.toLowerCase(), value instanceof byte[] b
                        ? Arrays.hashCode(b) + "#" + b.length : String.valueOf(value)));
                lines.add(sorted.toString());
            }
            lines.sort(String::compareTo);
            rows.put(table, lines);
        }
        rows.put("mails", mails(outbox));
        return new StateFingerprint(rows);
    }

    private static List<String> mails(Path outbox) {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables (and mails) whose rows differ, each with what was added and what went away. */
    public Map<String, String> differencesTo(StateFingerprint after) {
        Map<String, String> differences = new LinkedHashMap<>();
        rows.forEach((table, before) -> {
            List<String> now = after.rows.get(table);
            if (!before.equals(now)) {
                List<String> added = new ArrayList<>(now);
                added.removeAll(before);
                List<String> gone = new ArrayList<>(before);
                gone.removeAll(now);
                differences.put(table, "added " + added + ", gone " + gone);
            }
        });
        return differences;
    }

    public int rowCount(String table) {
        return rows.get(table).size();
    }
}

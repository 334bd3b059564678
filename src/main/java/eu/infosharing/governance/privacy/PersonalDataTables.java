package eu.infosharing.governance.privacy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Every copy of a person's data in the database, found by value: the engine's history tables (variables, deleted and
 * overwritten ones included, history detail rows, form fields, comments, operation log, incidents, job logs, their
 * byte arrays) and our own tables, each limited to the rows of one organisation (its processes, its memberships and
 * what hangs off them). The same search serves the erasure after a cessation and a data subject's access request.
 *
 * <p>It reads the tables and columns from the database's own catalogue rather than from a list kept here, so a column
 * added later (by us or by an engine upgrade) is searched without anyone remembering to add it.
 */
@Component
public class PersonalDataTables {

    /** What an erased value is replaced with. */
    public static final String ERASED = "[erased]";

    /** Where to look: the organisation's process instances (engine tables) and its rows (our tables). */
    public record Scope(Set<String> processInstanceIds, Set<Long> membershipIds, Long organisationId) {
    }

    /** One cell that holds one of the values searched for. */
    public record Hit(String table, String column, String rowId, String text) {
    }

    private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NVARCHAR, Types.NCHAR, Types.LONGNVARCHAR, Types.NCLOB);
    private static final Set<Integer> BINARY = Set.of(Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY);
    /** Camunda's history byte arrays (ResourceTypes.HISTORY); deployments and runtime values are not touched. */
    private static final int HISTORY_BYTE_ARRAY = 3;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public PersonalDataTables(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Every cell in scope that holds one of the values (case-insensitive), runtime tables included. Exempt columns
     * ("table.column", lower case) are not searched.
     */
    public List<Hit> find(Collection<String> values, Scope scope, Set<String> exempt) {
        List<String> needles = needles(values);
        List<Hit> hits = new ArrayList<>();
        if (needles.isEmpty()) {
            return hits;
        }
        for (Table t : tables()) {
            String where = scopeOf(t, scope, false);
            if (where == null) {
                continue;
            }
            for (Map<String, Object> row : matchingRows(t, where, needles, exempt)) {
                for (Column c : t.columns) {
                    String text = textOf(row.get(c.name));
                    if (text != null && !exempt.contains(t.key(c)) && holdsAny(text, needles)) {
                        hits.add(new Hit(t.name.toLowerCase(Locale.ROOT), c.name.toLowerCase(Locale.ROOT),
                                String.valueOf(row.get(t.id.name)), text.length() > 500 ? text.substring(0, 500) + "…" : text));
                    }
                }
            }
        }
        return hits;
    }

    /**
     * Replaces every occurrence of the values in scope with {@value #ERASED}: in the engine's history tables and its
     * history byte arrays, and in our own tables except the exempt columns. Runtime tables are left to the engine.
     * Answers how many cells were changed.
     */
    public int scrub(Collection<String> values, Scope scope, Set<String> exempt) {
        List<String> needles = needles(values);
        if (needles.isEmpty()) {
            return 0;
        }
        Pattern pattern = Pattern.compile(needles.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        int changed = 0;
        for (Table t : tables()) {
            String where = scopeOf(t, scope, true);
            if (where == null) {
                continue;
            }
            for (Map<String, Object> row : matchingRows(t, where, needles, exempt)) {
                for (Column c : t.columns) {
                    Object value = row.get(c.name);
                    String text = textOf(value);
                    if (text == null || exempt.contains(t.key(c)) || !holdsAny(text, needles)) {
                        continue;
                    }
                    String erased = pattern.matcher(text).replaceAll(Matcher.quoteReplacement(ERASED));
                    Object replacement = value instanceof byte[] ? erased.getBytes(StandardCharsets.UTF_8) : erased;
                    jdbc.update("update " + t.name + " set " + c.name + " = ? where " + t.id.name + " = ?",
                            replacement, row.get(t.id.name));
                    changed++;
                }
            }
        }
        return changed;
    }

    private List<Map<String, Object>> matchingRows(Table t, String where, List<String> needles, Set<String> exempt) {
        List<Column> searched = t.columns.stream().filter(c -> !exempt.contains(t.key(c))).toList();
        List<Column> text = searched.stream().filter(c -> !c.binary).toList();
        boolean binary = searched.stream().anyMatch(c -> c.binary);
        if (searched.isEmpty()) {
            return List.of();
        }
        String select = "select " + t.id.name + ", " + searched.stream().map(c -> c.name).collect(Collectors.joining(", "))
                + " from " + t.name + " where (" + where + ")";
        if (binary) {
            // byte arrays are searched here, after decoding; the scope keeps this to the organisation's rows
            return jdbc.queryForList(select).stream().filter(row -> searched.stream()
                    .anyMatch(c -> holdsAny(textOf(row.get(c.name)), needles))).toList();
        }
        List<Object> args = new ArrayList<>();
        List<String> likes = new ArrayList<>();
        for (Column c : text) {
            for (String n : needles) {
                likes.add("lower(" + c.name + ") like ? escape '\\'");
                args.add("%" + n.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return jdbc.queryForList(select + " and (" + String.join(" or ", likes) + ")", args.toArray());
    }

    /** The rows of this table that belong to the organisation, as SQL; null when the table is not searched. */
    private static String scopeOf(Table t, Scope scope, boolean historyOnly) {
        String name = t.name.toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>();
        if (name.startsWith("act_")) {
            boolean history = name.startsWith("act_hi_") || name.equals("act_ge_bytearray");
            if ((historyOnly && !history) || scope.processInstanceIds().isEmpty()) {
                return null;
            }
            String ids = scope.processInstanceIds().stream().map(id -> "'" + id.replace("'", "''") + "'")
                    .collect(Collectors.joining(", "));
            for (String column : List.of("proc_inst_id_", "root_proc_inst_id_")) {
                if (t.has(column)) {
                    parts.add(t.column(column) + " in (" + ids + ")");
                }
            }
            if (name.equals("act_ge_bytearray")) {
                // the byte arrays of the organisation's history (variable values, job exception stack traces)
                String history_ = "(" + String.join(" or ", parts) + ")";
                return historyOnly ? history_ + " and " + t.column("type_") + " = " + HISTORY_BYTE_ARRAY : history_;
            }
        } else {
            if (name.startsWith("flyway_")) {
                return null;
            }
            String memberships = scope.membershipIds().isEmpty() ? "null"
                    : scope.membershipIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
            if (name.equals("membership")) {
                parts.add(t.id.name + " in (" + memberships + ")");
            }
            if (name.equals("organisation")) {
                parts.add(t.id.name + " = " + scope.organisationId());
            }
            if (t.has("membership_id")) {
                parts.add(t.column("membership_id") + " in (" + memberships + ")");
            }
            if (t.has("organisation_id")) {
                parts.add(t.column("organisation_id") + " = " + scope.organisationId());
            }
            if (t.has("notification_id")) {
                parts.add(t.column("notification_id") + " in (select id from authority_notification where membership_id in ("
                        + memberships + "))");
            }
            if (t.has("cessation_id")) {
                parts.add(t.column("cessation_id") + " in (select id from cessation where membership_id in (" + memberships + "))");
            }
        }
        return parts.isEmpty() ? null : String.join(" or ", parts);
    }

    private static List<String> needles(Collection<String> values) {
        return values.stream().filter(v -> v != null && v.strip().length() >= 3).map(v -> v.strip().toLowerCase(Locale.ROOT))
                .distinct().toList();
    }

    private static boolean holdsAny(String text, List<String> needles) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return needles.stream().anyMatch(lower::contains);
    }

    /** Text as stored; a byte array as text when it is UTF-8 (serialised values, stack traces), else nothing. */
    private static String textOf(Object value) {
        if (value instanceof byte[] bytes) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return value == null ? null : value.toString();
    }

    private record Column(String name, boolean binary) {
    }

    private record Table(String name, Column id, List<Column> columns, Set<String> all) {

        boolean has(String column) {
            return all.contains(column);
        }

        String column(String lower) {
            return lower;
        }

        String key(Column c) {
            return name.toLowerCase(Locale.ROOT) + "." + c.name.toLowerCase(Locale.ROOT);
        }
    }

    /** Every table of the schema with an id column, and its text and binary columns. */
    private List<Table> tables() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            Map<String, List<Column>> columns = new LinkedHashMap<>();
            Map<String, Set<String>> all = new LinkedHashMap<>();
            try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    int type = rs.getInt("DATA_TYPE");
                    all.computeIfAbsent(table, k -> new java.util.HashSet<>()).add(column.toLowerCase(Locale.ROOT));
                    List<Column> list = columns.computeIfAbsent(table, k -> new ArrayList<>());
                    if (TEXT.contains(type) || BINARY.contains(type)) {
                        list.add(new Column(column, BINARY.contains(type)));
                    }
                }
            }
            List<Table> tables = new ArrayList<>();
            for (Map.Entry<String, List<Column>> e : columns.entrySet()) {
                Set<String> names = all.get(e.getKey());
                String id = names.contains("id_") ? "id_" : names.contains("id") ? "id" : null;
                List<Column> searched = e.getValue().stream().filter(c -> !c.name.equalsIgnoreCase(id)).toList();
                if (id != null && !searched.isEmpty()) {
                    tables.add(new Table(e.getKey(), new Column(id, false), searched, names));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database catalogue", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}

package eu.infosharing.governance.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Searches every column of every table of the database (ours and the engine's: runtime, history, identity, byte
 * arrays), whatever its name, for strings: text columns as text, binary columns decoded as UTF-8 and as the modified
 * UTF-8 of Java serialisation. Independent of the product's own search, so that it can prove the product missed nothing.
 */
public final class EveryTable {

    private EveryTable() {
    }

    /** "table.column holds value" for every hit; the skipped columns ("table.column", lower case) are not read. */
    public static List<String> holding(DataSource dataSource, Collection<String> values, Set<String> skipped) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> found = new ArrayList<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    boolean text = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR,
                            Types.NCLOB).contains(type);
                    boolean binary = Set.of(Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY).contains(type);
                    String key = (rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME")).toLowerCase(Locale.ROOT);
                    if ((text || binary) && !skipped.contains(key)) {
                        columns.computeIfAbsent(rs.getString("TABLE_NAME"), k -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, List<String>> table : columns.entrySet()) {
            for (Map<String, Object> row : jdbc.queryForList("select " + table.getValue().stream().map(c -> '"' + c + '"')
                    .collect(java.util.stream.Collectors.joining(", ")) + " from \"" + table.getKey() + '"')) {
                for (Map.Entry<String, Object> cell : row.entrySet()) {
                    String text = text(cell.getValue());
                    if (text == null) {
                        continue;
                    }
                    for (String value : values) {
                        if (text.contains(value.toLowerCase(Locale.ROOT))) {
                            found.add(table.getKey() + "." + cell.getKey() + " holds " + value);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String text(Object value) {
        try {
            if (value instanceof byte[] bytes) {
                return (new String(bytes, StandardCharsets.UTF_8) + "\n" + new String(bytes, StandardCharsets.UTF_16BE))
                        .toLowerCase(Locale.ROOT);
            }
            if (value instanceof java.sql.Clob clob) {
                return clob.getSubString(1, (int) clob.length()).toLowerCase(Locale.ROOT);
            }
            if (value instanceof java.sql.Blob blob) {
                return text(blob.getBytes(1, (int) blob.length()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
    }
}

package io.github.nmapdiff.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.NullUnmarked;

/** The few conversions between Java's values and PostgreSQL's columns, in one place. */
// JDBC glue: a column may be NULL wherever the schema allows it; the API it serves is marked
@NullUnmarked
final class Sql {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRINGS = new TypeReference<>() {
    };

    private Sql() {
    }

    /** An instant as a timestamptz parameter; null stays null. */
    static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static void time(PreparedStatement p, int i, Instant t) throws SQLException {
        if (t == null) {
            p.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            p.setObject(i, time(t));
        }
    }

    /** A timestamptz column as an instant; null stays null. */
    static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static List<String> strings(Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        Object[] values = (Object[]) a.getArray();
        return java.util.Arrays.stream(values).map(String.class::cast).toList();
    }

    /** A map of strings as a jsonb parameter's text. */
    static String json(Map<String, String> map) {
        if (map.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jsonb column as a map of strings. */
    static Map<String, String> map(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a jsonb column that is no map of strings: " + json, e);
        }
    }
}

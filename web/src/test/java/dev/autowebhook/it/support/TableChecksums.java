package dev.autowebhook.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Row count and content checksum of every application table of one PostgreSQL database, read in
 * one query, so a test can prove that a refused request left the database exactly as it was (no
 * half-saved row anywhere, not only in the table the request was about). The checksum is an MD5
 * over the rows as JSON, in a fixed order, so any changed column (e.g. {@code updated_at}) shows.
 *
 * <p>Tables are found once, in {@code information_schema}; {@code ignored} names tables whose
 * content changes without any request (e.g. a node's statistics counters).
 */
public final class TableChecksums implements AutoCloseable {

    /** One state of the database: table → "rows:checksum". */
    public record Snapshot(Map<String, String> tables) {

        /** The tables whose count or checksum differ from {@code other}, with both values. */
        public Map<String, String> differences(Snapshot other) {
            Map<String, String> out = new TreeMap<>();
            for (String t : tables.keySet()) {
                if (!Objects.equals(tables.get(t), other.tables.get(t))) {
                    out.put(t, tables.get(t) + " -> " + other.tables.get(t));
                }
            }
            return out;
        }
    }

    private final Connection connection;
    private final List<String> tables;
    private final String query;

    public TableChecksums(Connection connection, Set<String> ignored) throws SQLException {
        this.connection = connection;
        List<String> found = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                     + " ORDER BY table_name")) {
            while (rs.next()) {
                String t = rs.getString(1);
                if (!ignored.contains(t) && !t.startsWith("flyway_")) {
                    found.add(t);
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no application tables found");
        }
        this.tables = List.copyOf(found);
        StringBuilder q = new StringBuilder();
        for (String t : tables) {
            if (q.length() > 0) {
                q.append(" UNION ALL ");
            }
            // t is a table name read from the catalogue, quoted: not user input
            q.append("SELECT '").append(t).append("', count(*), coalesce(md5(string_agg(")
                    .append("md5(to_jsonb(x)::text), '' ORDER BY md5(to_jsonb(x)::text))), '') FROM \"")
                    .append(t).append("\" x");
        }
        this.query = q.toString();
    }

    /** The tables covered, in name order. */
    public List<String> tables() {
        return tables;
    }

    public Snapshot take() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2) + ":" + rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the table checksums: " + e.getMessage(), e);
        }
        return new Snapshot(out);
    }

    /** Takes snapshots until two in a row, {@code pauseMillis} apart, are equal (at most {@code tries}). */
    public Snapshot settled(long pauseMillis, int tries) {
        Snapshot last = take();
        for (int i = 0; i < tries; i++) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Snapshot next = take();
            if (next.equals(last)) {
                return next;
            }
            last = next;
        }
        throw new AssertionError("The database did not settle: " + last);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

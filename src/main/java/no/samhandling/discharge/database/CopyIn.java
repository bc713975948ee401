package no.samhandling.discharge.database;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows for one table, sent by PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the transaction's own
 * connection: many rows at the cost of one statement, committed or rolled back with everything else.
 * A null is {@code \N}; an instant is written in UTC ISO form, which {@code timestamptz} reads exactly.
 */
public final class CopyIn {

    private final String table;
    private final List<String> columns;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private long rows;

    public CopyIn(String table, List<String> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** Adds one row, its values in the columns' order: strings, numbers, booleans, UUIDs, dates, instants or null. */
    public CopyIn row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + " has " + columns.size() + " columns, row has " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\n');
        rows++;
        return this;
    }

    public long rows() {
        return rows;
    }

    /** Copies the rows in; nothing when there are none. */
    public void into(Connection connection) throws SQLException {
        if (rows == 0) {
            return;
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try {
            copy.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN", new StringReader(text.toString()));
        } catch (IOException unreachable) {
            throw new SQLException("COPY into " + table + " could not read its own rows", unreachable);
        }
    }

    private void append(Object value) {
        switch (value) {
            case null -> text.append("\\N");
            case Boolean b -> text.append(b ? 't' : 'f');
            case Number n -> text.append(n);
            case Instant instant -> text.append(instant);
            case LocalDate date -> text.append(date);
            default -> escape(value.toString());
        }
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}

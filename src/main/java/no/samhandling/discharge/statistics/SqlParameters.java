package no.samhandling.discharge.statistics;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The parameters of an SQL text built piece by piece, bound in the order they were added. */
final class SqlParameters {

    private final List<Object> values = new ArrayList<>();

    SqlParameters add(Object... more) {
        values.addAll(java.util.Arrays.asList(more));
        return this;
    }

    void bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object value : values) {
            switch (value) {
                case null -> statement.setString(index, null);
                case Array array -> statement.setArray(index, array);
                case LocalDate date -> statement.setObject(index, date);
                case Integer number -> statement.setInt(index, number);
                case Boolean flag -> statement.setBoolean(index, flag);
                default -> statement.setString(index, value.toString());
            }
            index++;
        }
    }
}

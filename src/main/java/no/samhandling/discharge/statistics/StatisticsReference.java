package no.samhandling.discharge.statistics;

import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;

/** What every statistics answer reads besides the days: the groups, their populations, the standard population, the daily rates. */
final class StatisticsReference {

    private StatisticsReference() {
    }

    record Group(String key, String name, int municipalities) {
    }

    private static final String FROM_MUNICIPALITY = " FROM municipality m JOIN health_partnership hp ON hp.id = m.health_partnership"
            + " JOIN hospital_trust ht ON ht.organisation_number = m.hospital_trust WHERE (CAST(? AS varchar) IS NULL OR m.health_partnership = ?)";

    static Map<String, Group> groups(Connection connection, GroupBy groupBy, String healthPartnership) throws SQLException {
        String sql = "SELECT " + groupBy.keySql + " AS key, " + groupBy.nameSql + " AS name, count(*)" + FROM_MUNICIPALITY
                + " GROUP BY 1, 2 ORDER BY 1";
        Map<String, Group> groups = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, healthPartnership);
            statement.setString(2, healthPartnership);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    groups.put(result.getString(1), new Group(result.getString(1), result.getString(2), result.getInt(3)));
                }
            }
        }
        return groups;
    }

    /** Each municipality's health partnership and hospital trust. */
    static Membership membership(Connection connection) throws SQLException {
        Map<String, String> partnershipOf = new TreeMap<>();
        Map<String, String> trustOf = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT number, health_partnership, hospital_trust FROM municipality");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                partnershipOf.put(result.getString(1), result.getString(2));
                trustOf.put(result.getString(1), result.getString(3));
            }
        }
        return new Membership(partnershipOf, trustOf);
    }

    /** The municipalities in scope (one partnership's, or all), as an SQL array parameter. */
    static java.sql.Array members(Connection connection, String healthPartnership) throws SQLException {
        List<String> numbers = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT m.number" + FROM_MUNICIPALITY)) {
            statement.setString(1, healthPartnership);
            statement.setString(2, healthPartnership);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    numbers.add(result.getString(1));
                }
            }
        }
        return connection.createArrayOf("varchar", numbers.toArray());
    }

    static Map<String, GroupPopulation> population(Connection connection, GroupBy groupBy, String healthPartnership, Map<String, Group> groups,
                                                   int fromYear, int toYear) throws SQLException {
        // count(*) counts the members with a figure: a municipality has one row per year and age group (the primary key).
        String sql = "SELECT " + groupBy.keySql + " AS key, p.year, p.age_group, sum(p.inhabitants), count(*)"
                + FROM_MUNICIPALITY.replace(" WHERE ", " JOIN population p ON p.municipality_number = m.number WHERE p.year BETWEEN ? AND ? AND ")
                + " GROUP BY 1, 2, 3";
        Map<String, GroupPopulation> population = new HashMap<>();
        groups.values().forEach(group -> population.put(group.key(), new GroupPopulation(group.municipalities())));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, fromYear);
            statement.setInt(2, toYear);
            statement.setString(3, healthPartnership);
            statement.setString(4, healthPartnership);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    population.get(result.getString(1)).add(result.getInt(2), result.getString(3), result.getLong(4), result.getInt(5));
                }
            }
        }
        return population;
    }

    /** Years with a population figure of every municipality of the region, newest first (one row per municipality, year and age group). */
    static List<Integer> completeRegionYears(Connection connection) throws SQLException {
        List<Integer> years = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT year FROM population GROUP BY year HAVING "
                + "count(*) = (SELECT count(*) * 7 FROM municipality) ORDER BY year DESC");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                years.add(result.getInt(1));
            }
        }
        return years;
    }

    /** The standard population: the region's inhabitants of the year by age group. */
    static Map<String, Long> standardPopulation(Connection connection, int year) throws SQLException {
        Map<String, Long> standard = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT age_group, sum(inhabitants) FROM population WHERE year = ? GROUP BY age_group")) {
            statement.setInt(1, year);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    standard.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return standard;
    }

    static Map<Integer, BigDecimal> dailyRates(Connection connection) throws SQLException {
        Map<Integer, BigDecimal> rates = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT year, nok_per_day FROM daily_rate");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rates.put(result.getInt(1), result.getBigDecimal(2));
            }
        }
        return rates;
    }

    /** Binds the not yet stored days of open periods as three arrays from parameter {@code index} on. */
    static int bindUnstored(Connection connection, PreparedStatement statement, int index, List<UnstoredDay> unstored) throws SQLException {
        statement.setArray(index, connection.createArrayOf("uuid", unstored.stream().map(UnstoredDay::stayId).toArray(UUID[]::new)));
        statement.setArray(index + 1, connection.createArrayOf("date", unstored.stream().map(day -> java.sql.Date.valueOf(day.date())).toArray()));
        statement.setArray(index + 2, connection.createArrayOf("boolean", unstored.stream().map(UnstoredDay::billable).toArray(Boolean[]::new)));
        return index + 3;
    }

    static final String UNSTORED_CTE = "extra (stay_id, day, billable) AS (SELECT * FROM unnest(?::uuid[], ?::date[], ?::boolean[]))";

    /** The standard population year asked for, or the latest complete one; empty when the asked year is not complete. */
    static Optional<Integer> standardYear(List<Integer> complete, OptionalInt asked) {
        if (asked.isEmpty()) {
            return complete.stream().findFirst();
        }
        return complete.contains(asked.getAsInt()) ? Optional.of(asked.getAsInt()) : Optional.empty();
    }
}

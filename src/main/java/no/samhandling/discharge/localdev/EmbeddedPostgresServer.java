package no.samhandling.discharge.localdev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** A real PostgreSQL server from the embedded binaries on Maven Central, with the service's database. */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean keepData;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean keepData, String database) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.keepData = keepData;
        this.database = database;
    }

    static EmbeddedPostgresServer start(Path dataDirectory, boolean keepData, String database) {
        return start(dataDirectory, keepData, database, 0);
    }

    /**
     * The same server again, on its port and with its data, after {@link #close()} (fault-injection
     * tests). Only a server started with {@code keepData} still has its data after closing.
     */
    EmbeddedPostgresServer restart() {
        if (!keepData) {
            throw new IllegalStateException("A server started without keepData loses its data directory when closed");
        }
        return start(dataDirectory, true, database, postgres.getPort());
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, boolean keepData, String database, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200");
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory, keepData, database);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, database);
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

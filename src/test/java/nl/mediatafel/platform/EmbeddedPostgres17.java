package nl.mediatafel.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL 17 server (zonky's embedded binaries from Maven Central), started once per test JVM and stopped
 * with it. Each caller gets a database of its own.
 */
public final class EmbeddedPostgres17 {

  private static EmbeddedPostgres server;

  private EmbeddedPostgres17() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL 17 did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is going down anyway
        }
      }));
    }
    return server;
  }

  /**
   * A fresh database of this server plus every environment variable the production profile requires (mail server
   * and base URL are placeholders: nothing is sent), ready for {@link #startOn(Map)}.
   */
  public static Map<String, Object> productionProperties(String database) {
    return productionProperties(server(), database);
  }

  /** {@link #productionProperties(String)} on a server of the caller's own (e.g. one with extensions preloaded). */
  public static Map<String, Object> productionProperties(EmbeddedPostgres pg, String database) {
    Map<String, Object> properties = new java.util.HashMap<>(newDatabase(pg, database));
    properties.put("SPRING_MAIL_HOST", "localhost");
    properties.put("MEDIATAFEL_MAIL_FROM", "test@mediatafel.example");
    properties.put("MEDIATAFEL_BASE_URL", "http://localhost:8080");
    properties.put("server.port", "0");
    return properties;
  }

  /** Starts the application in the production profile with these properties (e.g. again on the same database). */
  public static org.springframework.context.ConfigurableApplicationContext startOn(Map<String, Object> properties) {
    return new org.springframework.boot.builder.SpringApplicationBuilder(nl.mediatafel.MediatafelApplication.class)
        .profiles("postgres")
        .properties(properties)
        .run();
  }

  /** Creates a fresh database and returns the properties that point the application at it (profile postgres). */
  public static Map<String, Object> newDatabase(String name) {
    return newDatabase(server(), name);
  }

  private static Map<String, Object> newDatabase(EmbeddedPostgres pg, String name) {
    try (Connection connection = pg.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return Map.of(
        "SPRING_DATASOURCE_URL", pg.getJdbcUrl("postgres", name),
        "SPRING_DATASOURCE_USERNAME", "postgres",
        "SPRING_DATASOURCE_PASSWORD", "postgres");
  }
}

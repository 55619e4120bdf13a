package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on our machines, so docker-compose.yml is checked by reading it: its services, ports and
 * variables must be the ones the application's {@code postgres} profile reads.
 */
class ComposeFileTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}");

  private static Map<String, Object> services;
  private static Map<String, Object> appEnvironment;
  private static String postgresProfile;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readFiles() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
    services = (Map<String, Object>) compose.get("services");
    appEnvironment = (Map<String, Object>) service("app").get("environment");
    postgresProfile = Files.readString(Path.of("src/main/resources/application-postgres.yaml"));
  }

  @Test
  void hasPostgres17WithAVolumeAndAHealthCheck() {
    Map<String, Object> postgres = service("postgres");
    assertThat(postgres.get("image")).isEqualTo("postgres:17");
    assertThat((List<?>) postgres.get("volumes")).anyMatch(v -> v.toString().endsWith(":/var/lib/postgresql/data"));
    assertThat(postgres).containsKey("healthcheck");
  }

  @Test
  void theAppRunsTheProductionProfile() {
    assertThat(service("app").get("build")).isEqualTo(".");
    assertThat(appEnvironment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
  }

  @Test
  void everyVariableThePostgresProfileRequiresIsSetAndNoOtherIs() {
    Set<String> required = new TreeSet<>();
    Set<String> read = new TreeSet<>(Set.of("SPRING_PROFILES_ACTIVE"));
    Matcher matcher = PLACEHOLDER.matcher(postgresProfile);
    while (matcher.find()) {
      read.add(matcher.group(1));
      if (matcher.group(2) == null) {
        required.add(matcher.group(1));
      }
    }
    assertThat(required).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
        "SPRING_DATASOURCE_PASSWORD", "SPRING_MAIL_HOST", "MEDIATAFEL_MAIL_FROM", "MEDIATAFEL_BASE_URL");
    assertThat(appEnvironment.keySet()).containsAll(required);
    assertThat(read).containsAll(appEnvironment.keySet());
  }

  @Test
  void theDatabaseUrlPointsAtThePostgresServiceWithItsCredentials() {
    Map<String, Object> postgres = environment("postgres");
    URI url = URI.create(appEnvironment.get("SPRING_DATASOURCE_URL").toString().substring("jdbc:".length()));
    assertThat(url.getScheme()).isEqualTo("postgresql");
    assertThat(url.getHost()).isEqualTo("postgres");
    assertThat(url.getPort()).isEqualTo(5432);
    assertThat(url.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
    assertThat(appEnvironment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
    assertThat(appEnvironment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
  }

  @Test
  void mailGoesToMailpitsSmtpPort() {
    assertThat(appEnvironment.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
    String smtpPort = appEnvironment.get("SPRING_MAIL_PORT").toString();
    assertThat(service("mailpit").get("ports").toString()).contains(smtpPort + ":" + smtpPort);
    assertThat(smtpPort).isEqualTo("1025");
  }

  @Test
  void demoAccountsAreOffUnlessAskedFor() {
    assertThat(appEnvironment.get("MEDIATAFEL_DEMO").toString()).isEqualTo("${MEDIATAFEL_DEMO:-false}");
    assertThat(postgresProfile).contains("${MEDIATAFEL_DEMO:false}");
  }

  @Test
  void theImageRunsAsANonRootUserOnAJre17() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre");
    Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
    assertThat(user.find()).isTrue();
    assertThat(user.group(1)).isNotIn("root", "0");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) {
    assertThat(services).containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(String name) {
    return (Map<String, Object>) service(name).get("environment");
  }
}

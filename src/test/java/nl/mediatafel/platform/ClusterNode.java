package nl.mediatafel.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node in a child {@code java} process: {@code nl.mediatafel.MediatafelApplication} with the test
 * classpath, for tests that need several nodes on one database. Camunda keeps JVM-wide registries (engines, the REST
 * API's engine provider), so two engines in one JVM would not be two nodes.
 *
 * <p>Properties go in as system properties of the child ({@code -Dkey=value}; the {@code postgres} profile's
 * {@code ${SPRING_DATASOURCE_URL}} placeholders resolve from them as from the environment). Unless given, a node gets
 * the {@code postgres} profile, a free loopback port, the job executor on and the demo accounts. The child's output
 * goes to {@code target/cluster-nodes/<name>.log}. {@link #stop()} ends it gracefully (SIGTERM: Spring's shutdown),
 * {@link #kill()} with SIGKILL; a JVM shutdown hook kills whatever a test left running.
 */
public final class ClusterNode implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;
  private final Instant started;

  private ClusterNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
    this.started = Instant.now();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-" + name));
  }

  /**
   * The properties every node of a cluster on this database and mail server needs (profile {@code postgres}).
   * Add or override any of them before {@link #start}.
   */
  public static Map<String, String> properties(String databaseUrl, String username, String password,
      String smtpHost, int smtpPort) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.profiles.active", "postgres");
    properties.put("SPRING_DATASOURCE_URL", databaseUrl);
    properties.put("SPRING_DATASOURCE_USERNAME", username);
    properties.put("SPRING_DATASOURCE_PASSWORD", password);
    properties.put("SPRING_MAIL_HOST", smtpHost);
    properties.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
    properties.put("MEDIATAFEL_MAIL_FROM", "cluster@mediatafel.example");
    properties.put("MEDIATAFEL_BASE_URL", "http://localhost:8080");
    properties.put("MEDIATAFEL_DEMO", "true");
    properties.put("camunda.bpm.job-execution.enabled", "true");
    return properties;
  }

  /** Starts the node without waiting for it; see {@link #awaitHealthy}. */
  public static ClusterNode start(String name, Map<String, String> properties) {
    Map<String, String> all = new LinkedHashMap<>(properties);
    int port = all.containsKey("server.port") ? Integer.parseInt(all.get("server.port")) : freePort();
    all.put("server.port", String.valueOf(port));
    all.putIfAbsent("server.address", "127.0.0.1");
    all.putIfAbsent("spring.profiles.active", "postgres");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // two nodes and the test share a small machine: a small heap, one GC thread, quick JIT
    command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));
    all.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(testClassPath());
    command.add("nl.mediatafel.MediatafelApplication");

    Path log = Path.of("target", "cluster-nodes", name + ".log").toAbsolutePath();
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      return new ClusterNode(name, port, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + name, e);
    }
  }

  /**
   * The classpath of the tests: Surefire and Failsafe start the test JVM with a manifest-only jar, so
   * {@code java.class.path} is that one jar and the real classpath is in {@code surefire.test.class.path}; an IDE
   * run has it in {@code java.class.path}.
   */
  static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  /** Waits until {@code /actuator/health} answers UP; fails with the log's end if the node dies or takes too long. */
  public ClusterNode awaitHealthy(Duration timeout) {
    Instant deadline = started.plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return this;
        }
      } catch (IOException notYetListening) {
        // the web server is not up yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause(Duration.ofMillis(250));
    }
    throw new IllegalStateException("Node " + name + " not healthy within " + timeout + ":\n" + logTail());
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Graceful stop (SIGTERM, Spring's shutdown hooks run); SIGKILL if it takes longer than 30 s. */
  public void stop() {
    process.destroy();
    awaitExit(true);
  }

  /** SIGKILL: the node dies mid-work, as in a crash. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(false);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  /** The last 60 lines of the node's output. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  private void awaitExit(boolean forceAfterTimeout) {
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) && forceAfterTimeout) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name + " at " + baseUrl() + " (log " + log + ")";
  }

}

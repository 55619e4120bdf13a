package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import nl.mediatafel.platform.ClusterDriver.Browser;
import nl.mediatafel.process.ModelDeployment;
import nl.mediatafel.security.RateLimits;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Two application nodes, each a JVM of its own ({@link ClusterNode}), started at the same moment on one empty
 * PostgreSQL 17 database and one GreenMail server, all on loopback. Proves what DESIGN.md §3 asks of a cluster: a
 * start-up that creates everything once, requests served by either node, sessions (portal and Tasklist) shared
 * through the database, and one rate limit for both nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class TwoNodeClusterIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int RATE_LIMIT = 6;
  private static final String DESK_KEY = "front-desk-key-" + java.util.UUID.randomUUID();

  private static GreenMail mail;
  private static Map<String, Object> database;
  private static ClusterDriver cluster;
  private static ClusterNode a;
  private static ClusterNode b;
  private static Duration startUp;
  private static final List<String> fiftyCases = new ArrayList<>();

  @BeforeAll
  static void twoNodesStartedTogetherOnAnEmptyDatabase() {
    int smtpPort = freePort();
    mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    database = EmbeddedPostgres17.newDatabase("two_node_cluster");
    cluster = new ClusterDriver(database);
    Map<String, String> properties = ClusterNode.properties((String) database.get("SPRING_DATASOURCE_URL"),
        (String) database.get("SPRING_DATASOURCE_USERNAME"), (String) database.get("SPRING_DATASOURCE_PASSWORD"),
        "127.0.0.1", smtpPort);
    properties.put("mediatafel.requests.rate-limit", String.valueOf(RATE_LIMIT));
    properties.put("mediatafel.requests.clients[0].name", "front-desk");
    properties.put("mediatafel.requests.clients[0].key-sha256", RateLimits.digest(DESK_KEY));
    properties.put("mediatafel.requests.clients[0].rate-limit", "1000");

    Instant begin = Instant.now();
    a = ClusterNode.start("node-a", properties);
    b = ClusterNode.start("node-b", properties);
    CompletableFuture<ClusterNode> upA = CompletableFuture.supplyAsync(() -> a.awaitHealthy(START_TIMEOUT));
    CompletableFuture<ClusterNode> upB = CompletableFuture.supplyAsync(() -> b.awaitHealthy(START_TIMEOUT));
    CompletableFuture.allOf(upA, upB).join();
    startUp = Duration.between(begin, Instant.now());
    System.out.printf("Two nodes up in %d ms (classpath from %s)%n", startUp.toMillis(),
        System.getProperty("surefire.test.class.path") != null ? "surefire.test.class.path" : "java.class.path");
  }

  @AfterAll
  static void stopEverything() {
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
    if (mail != null) {
      mail.stop();
    }
  }

  @Test
  @Order(1)
  void bothNodesCameUpAndCreatedEverythingOnce() throws Exception {
    assertThat(a.isAlive()).isTrue();
    assertThat(b.isAlive()).isTrue();
    assertThat(startUp).isLessThan(START_TIMEOUT);

    assertThat(count("select count(*) from act_re_deployment where name_ = '" + ModelDeployment.DEPLOYMENT_NAME + "'"))
        .as("one deployment").isEqualTo(1);
    assertThat(count("select count(*) from act_re_procdef where version_ <> 1")).as("no second version").isZero();
    assertThat(count("select count(*) from act_id_group")).isEqualTo(4);
    assertThat(count("select count(*) from act_id_user")).isEqualTo(5);
    assertThat(count("select count(*) from act_id_membership")).isEqualTo(5);
    assertThat(count("select count(*) from act_ru_filter")).isEqualTo(4);
    assertThat(count("select count(distinct name_) from act_ru_filter")).isEqualTo(4);
    // StaffAuthorizations' grants, TaskFilters' filter readers (3 for mediators, 4 for the secretariat, 2 for
    // designers) and Camunda's own grant to each group's members to read their group
    assertThat(count("select count(*) from act_ru_authorization where group_id_ = 'camunda-admin'"))
        .isEqualTo(Resources.values().length + 1);
    assertThat(count("select count(*) from act_ru_authorization where group_id_ = 'mediators'")).isEqualTo(4 + 3 + 1);
    assertThat(count("select count(*) from act_ru_authorization where group_id_ = 'secretariat'"))
        .isEqualTo(12 + 4 + 1);
    assertThat(count("select count(*) from act_ru_authorization where group_id_ = 'process-designers'"))
        .isEqualTo(5 + 2 + 1);
    // Camunda's own: each user may edit itself
    assertThat(count("select count(*) from act_ru_authorization where user_id_ is not null")).isEqualTo(5);
    assertThat(count("select count(*) from (select type_, group_id_, user_id_, resource_type_, resource_id_"
        + " from act_ru_authorization group by type_, group_id_, user_id_, resource_type_, resource_id_"
        + " having count(*) > 1) duplicates")).as("duplicate authorizations").isZero();
  }

  @Test
  @Order(2)
  void fiftyCasesPostedAlternatelyToBothNodesAllArrive() throws Exception {
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ClusterNode node = i % 2 == 0 ? a : b;
      HttpResponse<String> created = postCase(node, "cluster-" + i, Optional.of(DESK_KEY));
      assertThat(created.statusCode()).as("case %d on %s: %s", i, node.name(), created.body()).isEqualTo(201);
      numbers.add(ClusterDriver.JSON.readTree(created.body()).get("caseNumber").asText());
    }
    assertThat(numbers).hasSize(50);
    fiftyCases.addAll(numbers);
    assertThat(count("select count(*) from mediation_case where summary like 'Cluster %'")).isEqualTo(50);
  }

  @Test
  @Order(3)
  void aPortalCodeAskedForOnOneNodeIsConfirmedOnTheOtherAndBothShowTheCase() throws Exception {
    String email = "jan.cluster@example.nl";
    String caseNumber = ClusterDriver.JSON.readTree(cluster.postCase(a, "portal", Optional.of(DESK_KEY), email).body())
        .get("caseNumber").asText();
    acceptAsSecretariat(b, caseNumber);
    String link = portalLinkMailedTo(email);

    Browser browser = new Browser();
    HttpResponse<String> first = browser.get(a, link);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("Bevestig uw e-mailadres").doesNotContain(caseNumber);
    String base = link.replaceFirst("(/portal/[^/]+).*$", "$1");
    assertThat(browser.post(a, base + "/code", first.body(), "").statusCode()).isEqualTo(303);
    String code = PortalBrowser.code(mailTo(email, m -> m.subject().startsWith("Uw inlogcode")).text());

    HttpResponse<String> onB = browser.get(b, link);
    assertThat(onB.body()).as("node B knows the code was sent").contains("name=\"code\"");
    HttpResponse<String> confirmed = browser.post(b, base + "/confirm", onB.body(), "code=" + code);
    assertThat(confirmed.statusCode()).as("confirmed on B: %s", confirmed.body()).isEqualTo(303);
    String cookie = browser.cookie("SESSION");

    for (ClusterNode node : List.of(a, b, a, b)) {
      HttpResponse<String> overview = browser.get(node, base);
      assertThat(overview.statusCode()).as("overview on %s", node.name()).isEqualTo(200);
      assertThat(overview.body()).contains(caseNumber, "Welkom, Jan de Boer.");
    }
    assertThat(browser.cookie("SESSION")).as("no node replaced the session").isEqualTo(cookie);
    assertThat(count("select count(*) from spring_session")).isPositive();
  }

  @Test
  @Order(4)
  void aTasklistLoginOnOneNodeIsALoginOnTheOther() throws Exception {
    Browser browser = new Browser();
    String auth = "/camunda/api/admin/auth/user/default";
    HttpResponse<String> handshake = browser.get(a, auth);
    String token = handshake.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> browser.cookie("XSRF-TOKEN"));
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + auth + "/login/tasklist"))
        .header("X-XSRF-TOKEN", token).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=sanne&password=sanne")).build());
    assertThat(login.statusCode()).as("login on A: %s", login.body()).isEqualTo(200);

    HttpResponse<String> whoOnB = browser.get(b, auth);
    assertThat(whoOnB.statusCode()).isEqualTo(200);
    assertThat(whoOnB.body()).contains("\"userId\":\"sanne\"");
    assertThat(browser.get(b, "/outbox").statusCode()).as("a staff page on B with A's login").isEqualTo(200);
    assertThat(new Browser().get(b, "/outbox").statusCode()).as("without the login").isEqualTo(401);
  }

  @Test
  @Order(5)
  void theRateLimitCountsRequestsToBothNodesTogether() throws Exception {
    HttpResponse<String> unknownKey = postCase(a, "unknown-key", Optional.of("not-a-key"));
    assertThat(unknownKey.statusCode()).as("an unknown API key").isEqualTo(401);
    assertThat(unknownKey.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

    // the unknown key counted against the address: RATE_LIMIT - 1 more fit in the window, alternating the nodes
    List<Integer> statuses = new ArrayList<>();
    for (int i = 1; i < RATE_LIMIT; i++) {
      statuses.add(postInvalid(i % 2 == 0 ? a : b).statusCode());
    }
    assertThat(statuses).as("within the limit: refused only as invalid").hasSize(RATE_LIMIT - 1).containsOnly(400);
    HttpResponse<String> refusedOnA = postInvalid(a);
    HttpResponse<String> refusedOnB = postInvalid(b);
    assertThat(refusedOnA.statusCode()).isEqualTo(429);
    assertThat(refusedOnB.statusCode()).isEqualTo(429);
    assertThat(refusedOnB.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(Long.parseLong(refusedOnB.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);

    HttpResponse<String> withKey = postCase(b, "after-limit", Optional.of(DESK_KEY));
    assertThat(withKey.statusCode()).as("the desk's own bucket, not the address").isEqualTo(201);
  }

  @Test
  @Order(6)
  void everyInvitationOfFiftyCasesAcceptedOnBothNodesArrivesExactlyOnceWithAWorkingLink() throws Exception {
    assertThat(fiftyCases).hasSize(50);
    for (int i = 0; i < fiftyCases.size(); i++) {
      acceptAsSecretariat(i % 2 == 0 ? b : a, fiftyCases.get(i));
    }
    String inTheseCases = ClusterDriver.caseNumberIn(fiftyCases);
    assertThat(cluster.awaitSent("intake-invitation", inTheseCases, 100, Duration.ofSeconds(90)))
        .as("two invitations per case, sent").isEqualTo(100);
    assertThat(count("select count(*) from act_ru_incident")).as("no incident").isZero();

    List<ReceivedMail> invitations = Arrays.stream(mail.getReceivedMessages()).map(ReceivedMail::of)
        .filter(m -> fiftyCases.stream().anyMatch(m.subject()::contains)).toList();
    assertThat(invitations).as("every mail delivered exactly once").hasSize(100)
        .extracting(ReceivedMail::to).doesNotHaveDuplicates();
    for (int i = 0; i < invitations.size(); i++) {
      new Browser().assertOpensCodePage(i % 2 == 0 ? a : b, invitations.get(i));
    }
  }

  // --- helpers

  private static HttpResponse<String> postCase(ClusterNode node, String summary, Optional<String> key)
      throws Exception {
    return cluster.postCase(node, summary, key, "jan." + summary + "@example.nl");
  }

  private static HttpResponse<String> postInvalid(ClusterNode node) throws Exception {
    return ClusterDriver.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/cases"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
  }

  private static void acceptAsSecretariat(ClusterNode node, String caseNumber) throws Exception {
    cluster.acceptAsSecretariat(node, caseNumber);
  }

  /** The portal link in the intake invitation to this address, sent by either node's job executor. */
  private static String portalLinkMailedTo(String email) throws Exception {
    return mailTo(email, m -> m.text().contains("/portal/")).portalLink();
  }

  private static ReceivedMail mailTo(String email, java.util.function.Predicate<ReceivedMail> which)
      throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage message : mail.getReceivedMessages()) {
        ReceivedMail received = ReceivedMail.of(message);
        if (received.to().contains(email) && which.test(received)) {
          return received;
        }
      }
      mail.waitForIncomingEmail(1000, mail.getReceivedMessages().length + 1);
    }
    throw new AssertionError("no such mail to " + email + " within " + WAIT + "; received: "
        + Arrays.stream(mail.getReceivedMessages()).map(m -> ReceivedMail.of(m).to() + " " + ReceivedMail.of(m)
            .subject()).toList());
  }

  private static long count(String sql) throws Exception {
    return cluster.count(sql);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

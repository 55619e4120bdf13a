package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.mediatafel.platform.ClusterDriver.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node killed with SIGKILL while its job executor sends the intake invitations of a dozen accepted cases, on
 * PostgreSQL 17 with a slow SMTP server ({@link SmtpFaults#slow}: every answer late, so the node dies in the middle of
 * SMTP conversations). After the restart every invitation is delivered, no case is stuck, and every mail that arrived
 * (a crash between the server's acceptance and the commit may send one twice) carries a link that opens. The number
 * of duplicates is printed and recorded in docs/reliability.md.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class NodeCrashIT {

  private static final int CASES = 12;
  private static final int INVITATIONS = 2 * CASES;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String TEMPLATE = "intake-invitation";
  /** {@code camunda.bpm.job-execution.max-pool-size} of the node, set here so the bound below is this test's own. */
  private static final int JOB_THREADS = 4;

  private final List<ClusterNode> nodes = new ArrayList<>();

  @AfterEach
  void stopNodesAndHealTheServer() {
    SmtpFaults.reset();
    nodes.forEach(ClusterNode::close);
  }

  @Test
  void aNodeKilledMidSendingDeliversEveryInvitationAfterItsRestartWithAWorkingLink() throws Exception {
    GreenMail mail = TestMailServer.server();
    mail.purgeEmailFromAllMailboxes();
    Map<String, Object> database = EmbeddedPostgres17.newDatabase("node_crash");
    ClusterDriver cluster = new ClusterDriver(database);
    Map<String, String> properties = ClusterNode.properties((String) database.get("SPRING_DATASOURCE_URL"),
        (String) database.get("SPRING_DATASOURCE_USERNAME"), (String) database.get("SPRING_DATASOURCE_PASSWORD"),
        "127.0.0.1", SmtpFaults.port());
    // a job locked by the dead node is taken over once its lock expires: 15 s instead of the default 5 min
    properties.put("camunda.bpm.job-execution.lock-time-in-millis", "15000");
    properties.put("camunda.bpm.job-execution.max-pool-size", String.valueOf(JOB_THREADS));

    ClusterNode before = started("crash-before-kill", properties);
    SmtpFaults.slow(250);
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(cluster.newCase(before, "crash-" + i, Optional.empty()));
    }
    for (String caseNumber : cases) {
      cluster.acceptAsSecretariat(before, caseNumber);
    }
    String inTheseCases = ClusterDriver.caseNumberIn(cases);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (invitations(mail, cases).size() < INVITATIONS / 4 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50); // the interval of a bounded poll: kill as soon as a quarter arrived
    }
    before.kill();
    int arrivedBeforeKill = invitations(mail, cases).size();
    long sentBeforeKill = cluster.count("select count(*) from mail_log where status = 'SENT' and " + inTheseCases);
    assertThat(arrivedBeforeKill).as("killed mid-sending: some arrived").isPositive()
        .as("killed mid-sending: not all arrived").isLessThan(INVITATIONS);

    SmtpFaults.reset();
    ClusterNode after = started("crash-after-restart", properties);
    assertThat(cluster.awaitSent(TEMPLATE, inTheseCases, INVITATIONS, Duration.ofSeconds(120)))
        .as("every invitation sent after the restart").isEqualTo(INVITATIONS);

    List<ReceivedMail> received = invitations(mail, cases);
    Map<String, Long> copies = received.stream()
        .collect(Collectors.groupingBy(ReceivedMail::to, Collectors.counting()));
    long duplicates = received.size() - copies.size();
    System.out.printf("Node crash: killed after %d of %d invitations arrived (%d logged SENT); after the restart %d "
        + "arrived for %d addresses: %d duplicate(s), every link opens%n",
        arrivedBeforeKill, INVITATIONS, sentBeforeKill, received.size(), copies.size(), duplicates);

    assertThat(copies).as("every party got an invitation").hasSize(INVITATIONS);
    assertThat(duplicates).as("at worst one copy per mail the dead node had in flight: one per job thread")
        .isLessThanOrEqualTo(JOB_THREADS);
    Map<String, Long> messageIds = received.stream()
        .collect(Collectors.groupingBy(ReceivedMail::messageId, Collectors.counting()));
    assertThat(messageIds).as("a second copy carries its first copy's Message-ID").hasSize(INVITATIONS);
    Browser browser = new Browser();
    for (ReceivedMail invitation : received) {
      browser.assertOpensCodePage(after, invitation);
    }
    assertThat(cluster.count("select count(*) from act_ru_incident")).as("no incident").isZero();
    assertThat(cluster.count("select count(*) from act_ru_job where exception_msg_ is not null"))
        .as("no failed job").isZero();
    assertThat(cluster.count("select count(*) from act_ru_execution where proc_def_id_ like 'mail-delivery:%'"))
        .as("every delivery ended").isZero();
    assertThat(cluster.count("select count(distinct business_key_) from act_ru_execution"
        + " where parent_id_ is null and proc_def_id_ like 'mediation-case:%' and business_key_ in ('"
        + String.join("','", cases) + "')")).as("every case runs on, waiting for its intakes").isEqualTo(CASES);
  }

  private ClusterNode started(String name, Map<String, String> properties) {
    ClusterNode node = ClusterNode.start(name, properties);
    nodes.add(node);
    return node.awaitHealthy(START_TIMEOUT);
  }

  private static List<ReceivedMail> invitations(GreenMail mail, List<String> cases) {
    return Arrays.stream(mail.getReceivedMessages()).map(ReceivedMail::of)
        .filter(m -> cases.stream().anyMatch(m.subject()::contains)).toList();
  }
}

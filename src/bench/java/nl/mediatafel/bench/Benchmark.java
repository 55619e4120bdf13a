package nl.mediatafel.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.intake.IntakeForm;
import nl.mediatafel.intake.BenchIntake;
import nl.mediatafel.mail.MailGateway;
import nl.mediatafel.mail.OutgoingMail;
import nl.mediatafel.mail.Recipient;
import nl.mediatafel.mail.RecipientRole;
import nl.mediatafel.platform.EmbeddedPostgres17;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.security.TaskFilters;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Mediatafel against a bare Camunda 7 engine on one PostgreSQL 17 server ({@code synchronous_commit=on}), in one run
 * and alternating, so that the machine's load falls on both alike. See docs/benchmarks.md for what it measures and
 * how to run it ({@code bash src/bench/postgres-benchmark.sh}).
 */
public final class Benchmark {

  static final String MEDIATOR = "anna";
  private static final int PARTIES = 3;
  private static final int POOL = 20;
  private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(10);

  private final List<Integer> levels;
  private final int batch;
  private final int samples;
  private final int mails;
  private final Path out;
  private final List<String> table = new ArrayList<>();
  private final Map<String, List<double[]>> series = new LinkedHashMap<>();

  private EmbeddedPostgres pg;
  private GreenMail smtp;
  private ConfigurableApplicationContext product;
  private BareEngine bare;
  private int sequence;

  private Benchmark(List<Integer> levels, int batch, int samples, int mails, Path out) {
    this.levels = levels;
    this.batch = batch;
    this.samples = samples;
    this.mails = mails;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> levels = Arrays.stream(System.getProperty("bench.levels", "300,1000").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    int batch = Integer.getInteger("bench.batch", 50);
    int samples = Integer.getInteger("bench.samples", 200);
    int mails = Integer.getInteger("bench.mails", 1000);
    Path out = Path.of(System.getProperty("bench.out", "target/bench"));
    Files.createDirectories(out);
    new Benchmark(levels, batch, samples, mails, out).run();
    System.exit(0); // the job executors' threads and the embedded server would keep the JVM up
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    pg = EmbeddedPostgres.builder()
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track", "all")
        .setServerConfig("pg_stat_statements.max", "10000")
        .start();
    sql("postgres", "create extension if not exists pg_stat_statements");
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, Object> properties = new HashMap<>(EmbeddedPostgres17.productionProperties(pg, "product"));
    properties.put("SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()));
    properties.put("MEDIATAFEL_DEMO", "true"); // the demo staff (anna, sanne), no demo cases
    properties.put("MEDIATAFEL_DB_POOL_SIZE", String.valueOf(POOL));
    properties.put("server.address", "127.0.0.1");
    properties.put("mediatafel.requests.rate-limit", "1000000");
    properties.put("logging.level.root", "WARN");
    sql("postgres", "create database bare");
    sql("product", "create extension if not exists pg_stat_statements");
    sql("bare", "create extension if not exists pg_stat_statements");
    long productStart = System.nanoTime();
    product = EmbeddedPostgres17.startOn(properties);
    double productStartSeconds = (System.nanoTime() - productStart) / 1e9;
    long bareStart = System.nanoTime();
    bare = BareEngine.start(pg.getJdbcUrl("postgres", "bare"), POOL);
    double bareStartSeconds = (System.nanoTime() - bareStart) / 1e9;
    log("product started in %.1f s, bare engine in %.1f s", productStartSeconds, bareStartSeconds);
    row("start-up on an empty database (s)", productStartSeconds, bareStartSeconds);

    for (int level : levels) {
      loadTo(level);
      sql("product", "vacuum analyze");
      sql("bare", "vacuum analyze");
      measureAcceptance(level);
      measureTaskQueries(level);
    }
    measureMailDrain();
    long rss = rssKiB();
    table.add("| resident memory of the benchmark JVM (both engines, the server apart) | " + rss / 1024 + " MiB | | |");
    write(Duration.between(started, Instant.now()));
    product.close();
    bare.close();
    smtp.stop();
    pg.close();
  }

  // ---- the lifecycle: request, triage, the invitation mails, every party's intake -----------------------------------

  private void loadTo(int level) throws Exception {
    while (openCases(product()) < level) {
      int n = (int) Math.min(batch, level - openCases(product()));
      productBatch(n);
      bareBatch(n);
    }
    log("level %d: %d product and %d bare cases open", level, openCases(product()), openCases(bare.engine()));
  }

  private void measureAcceptance(int level) throws Exception {
    List<Double> productRates = new ArrayList<>();
    List<Double> bareRates = new ArrayList<>();
    List<Double> productStatements = new ArrayList<>();
    List<Double> bareStatements = new ArrayList<>();
    List<Double> productAcquisition = new ArrayList<>();
    List<Double> bareAcquisition = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      Batch p = productBatch(batch);
      Batch b = bareBatch(batch);
      productRates.add(p.casesPerSecond());
      bareRates.add(b.casesPerSecond());
      productStatements.add(p.statementsPerCase());
      bareStatements.add(b.statementsPerCase());
      productAcquisition.add(p.acquisitionMillis());
      bareAcquisition.add(b.acquisitionMillis());
    }
    String at = "from " + level + " open cases";
    row("cases/s, request + triage + " + PARTIES + " invitation mails + " + PARTIES + " intakes, " + at,
        median(productRates), median(bareRates));
    row("SQL statements per case (" + at + ")", median(productStatements), median(bareStatements));
    row("job acquisition, mean ms per query (" + at + ")", median(productAcquisition),
        median(bareAcquisition));
    series("acquisition ms, product", level, median(productAcquisition));
    series("acquisition ms, bare engine", level, median(bareAcquisition));
  }

  private record Batch(int cases, double seconds, long statements, double acquisitionMillis) {
    double casesPerSecond() {
      return cases / seconds;
    }

    double statementsPerCase() {
      return (double) statements / cases;
    }
  }

  private Batch productBatch(int n) throws Exception {
    CaseRequests requests = product.getBean(CaseRequests.class);
    CaseDirectory directory = product.getBean(CaseDirectory.class);
    ProcessEngine engine = product();
    ObjectMapper json = product.getBean(ObjectMapper.class);
    return timed("product", engine, n, () -> {
      List<String> cases = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        CaseRequest request = json.readValue(requestJson(++sequence), CaseRequest.class);
        String caseNumber = requests.register(request, null).mediationCase().getCaseNumber();
        String triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
            .taskDefinitionKey(MediationCaseProcess.Elements.TRIAGE).singleResult().getId();
        engine.getTaskService().complete(triage, ProcessVariable.map(
            MediationCaseProcess.TRIAGE_DECISION.with(MediationCaseProcess.ACCEPT),
            MediationCaseProcess.SUITABILITY_JUDGEMENT.with("Benchmark: past bij mediation aan tafel."),
            MediationCaseProcess.ROUTE.with("FACE_TO_FACE"),
            CaseVariables.MEDIATOR.with(MEDIATOR),
            MediationCaseProcess.HOURLY_RATE.with(120.0)));
        cases.add(caseNumber);
      }
      awaitQuiet(engine);
      IntakeForm answers = new IntakeForm("Onenigheid over werktijden.", "Rust in het team.",
          "Afspraken over roosters.", null, "MEDIUM", "Dinsdag", false, null);
      for (String caseNumber : cases) {
        for (Party party : directory.parties(caseNumber)) {
          BenchIntake.submit(product, caseNumber, party.getId(), answers);
        }
      }
    });
  }

  private Batch bareBatch(int n) throws Exception {
    ProcessEngine engine = bare.engine();
    return timed("bare", engine, n, () -> {
      List<String> cases = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String caseNumber = "BARE-" + (++sequence);
        bare.accept(caseNumber, List.of("p1", "p2", "p3"));
        cases.add(caseNumber);
      }
      awaitQuiet(engine);
      for (String caseNumber : cases) {
        engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(caseNumber)
            .messageEventSubscriptionName("BareIntakeSubmitted").list()
            .forEach(waiting -> engine.getRuntimeService().createMessageCorrelation("BareIntakeSubmitted")
                .processInstanceBusinessKey(caseNumber)
                .localVariableEquals("party", engine.getRuntimeService().getVariableLocal(waiting.getId(), "party"))
                .correlate());
      }
    });
  }

  private interface Work {
    void run() throws Exception;
  }

  private Batch timed(String database, ProcessEngine engine, int n, Work work) throws Exception {
    sql(database, "select pg_stat_statements_reset()");
    long start = System.nanoTime();
    work.run();
    awaitQuiet(engine);
    double seconds = (System.nanoTime() - start) / 1e9;
    long statements = 0;
    double acquisition = 0;
    try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
        select coalesce(sum(calls), 0),
               coalesce(sum(total_exec_time) filter (where query ilike 'select%act_ru_job%lock_exp_time_%'), 0)
                 / nullif(sum(calls) filter (where query ilike 'select%act_ru_job%lock_exp_time_%'), 0)
        from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
          and query not ilike '%pg_stat_statements%'""")) {
      r.next();
      statements = r.getLong(1);
      acquisition = r.getDouble(2);
    }
    return new Batch(n, seconds, statements, acquisition);
  }

  private static String requestJson(int i) {
    StringBuilder parties = new StringBuilder();
    for (int p = 1; p <= PARTIES; p++) {
      parties.append(p > 1 ? "," : "").append("""
          {"name": "Partij %d-%d", "email": "partij.%d.%d@example.nl", "language": "nl", "payer": "SELF"}"""
          .formatted(i, p, i, p));
    }
    return """
        {"conflictType": "LABOUR", "summary": "Benchmark %d: werktijden.", "escalation": "LOW",
         "preferredRoute": "FACE_TO_FACE", "safetyConcern": false,
         "referrer": {"type": "EMPLOYER", "name": "HR Bakkerij Janssen"}, "parties": [%s]}"""
        .formatted(i, parties);
  }

  /** No job due any more (the timers of the intakes lie days ahead). */
  private static void awaitQuiet(ProcessEngine engine) throws InterruptedException {
    Instant deadline = Instant.now().plus(QUIET_TIMEOUT);
    while (engine.getManagementService().createJobQuery().executable().count() > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(engine.getName() + ": jobs still due after " + QUIET_TIMEOUT);
      }
      Thread.sleep(20); // the job executor works; a short poll
    }
  }

  private static long openCases(ProcessEngine engine) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(engine.getName().equals("bare") ? BareEngine.KEY : MediationCaseProcess.KEY).count();
  }

  // ---- what a mediator's Tasklist asks -------------------------------------------------------------------------------

  private void measureTaskQueries(int level) throws Exception {
    String base = "http://127.0.0.1:" + ((WebServerApplicationContext) product).getWebServer().getPort();
    String basic = "Basic " + Base64.getEncoder().encodeToString((MEDIATOR + ":" + MEDIATOR).getBytes(StandardCharsets.UTF_8));
    Filter mine = product().getFilterService().createFilterQuery().filterName(TaskFilters.MY_TASKS).singleResult();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest json = HttpRequest.newBuilder(URI.create(base + "/engine-rest/task?candidateUser=" + MEDIATOR
        + "&firstResult=0&maxResults=15")).header("Authorization", basic).header("Accept", "application/json").build();
    HttpRequest hal = HttpRequest.newBuilder(URI.create(base + "/engine-rest/filter/" + mine.getId()
            + "/list?firstResult=0&maxResults=15"))
        .header("Authorization", basic).header("Accept", "application/hal+json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],
             "sorting":[{"sortBy":"created","sortOrder":"desc"}]}""")).build();
    List<Double> productRest = new ArrayList<>();
    List<Double> productHal = new ArrayList<>();
    List<Double> productJava = new ArrayList<>();
    List<Double> bareJava = new ArrayList<>();
    long found = 0;
    for (int i = 0; i < samples + 20; i++) {
      boolean warm = i >= 20;
      double a = millis(() -> send(http, json));
      double b = millis(() -> send(http, hal));
      double c = millis(() -> asMediator(product(), () -> product().getTaskService().createTaskQuery()
          .taskCandidateUser(MEDIATOR).listPage(0, 15)));
      double d = millis(() -> asMediator(bare.engine(), () -> bare.engine().getTaskService().createTaskQuery()
          .taskCandidateUser(MEDIATOR).listPage(0, 15)));
      if (warm) {
        productRest.add(a);
        productHal.add(b);
        productJava.add(c);
        bareJava.add(d);
      }
    }
    found = asMediator(product(), () -> product().getTaskService().createTaskQuery().taskCandidateUser(MEDIATOR)
        .count());
    log("level %d: %d open tasks for %s", level, found, MEDIATOR);
    long open = openCases(product());
    String at = open + " open cases, " + found + " tasks of " + MEDIATOR;
    row("task query p95 ms, Java API (" + at + ")", p(productJava, 95), p(bareJava, 95));
    table.add("| task query p50 / p95 / p99 ms, `GET /engine-rest/task?candidateUser=` (" + at + ") | "
        + f(p(productRest, 50)) + " / " + f(p(productRest, 95)) + " / " + f(p(productRest, 99))
        + " | " + f(p(bareJava, 50)) + " / " + f(p(bareJava, 95)) + " / " + f(p(bareJava, 99)) + " (Java API) | "
        + f(p(productRest, 95) / p(bareJava, 95)) + " |");
    table.add("| \"Mijn taken\" as Tasklist sends it (hal+json filter list) p50 / p95 / p99 ms (" + at + ") | "
        + f(p(productHal, 50)) + " / " + f(p(productHal, 95)) + " / " + f(p(productHal, 99))
        + " | " + f(p(bareJava, 50)) + " / " + f(p(bareJava, 95)) + " / " + f(p(bareJava, 99)) + " (Java API) | "
        + f(p(productHal, 95) / p(bareJava, 95)) + " |");
    series("task list p95 ms, product hal+json", open, p(productHal, 95));
    series("task query p95 ms, product REST", open, p(productRest, 95));
    series("task query p95 ms, bare engine", open, p(bareJava, 95));
  }

  private static String send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static <T> T asMediator(ProcessEngine engine, Supplier<T> query) {
    engine.getIdentityService().setAuthentication(MEDIATOR, List.of("mediators"));
    try {
      return query.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  // ---- mail ----------------------------------------------------------------------------------------------------------

  private void measureMailDrain() throws Exception {
    MailGateway gateway = product.getBean(MailGateway.class);
    int before = smtp.getReceivedMessages().length;
    long start = System.nanoTime();
    for (int i = 0; i < mails; i += 100) {
      List<OutgoingMail> queued = new ArrayList<>();
      for (int j = i; j < Math.min(mails, i + 100); j++) {
        Recipient recipient = new Recipient("Lotte " + j, "lotte." + j + "@example.nl", Locale.forLanguageTag("nl"),
            RecipientRole.PARTY, null);
        queued.add(new OutgoingMail("MED-BENCH-MAIL", "forum-message", recipient,
            Map.of("recipientName", recipient.name(), "caseNumber", "MED-BENCH-MAIL", "practiceName", "Mediatafel"),
            List.of()));
      }
      gateway.queue(queued);
    }
    Instant deadline = Instant.now().plus(QUIET_TIMEOUT);
    while (smtp.getReceivedMessages().length - before < mails && Instant.now().isBefore(deadline)) {
      Thread.sleep(50); // the job executor delivers
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int delivered = smtp.getReceivedMessages().length - before;
    table.add("| mail drain: " + mails + " queued mails to a local SMTP server (GreenMail) | " + f(delivered / seconds)
        + " mails/s (" + delivered + " in " + f(seconds) + " s) | | |");
  }

  // ---- output --------------------------------------------------------------------------------------------------------

  private void row(String measure, double productValue, double bareValue) {
    table.add("| " + measure + " | " + f(productValue) + " | " + f(bareValue) + " | " + f(productValue / bareValue)
        + " |");
  }

  private void series(String name, double level, double value) {
    series.computeIfAbsent(name, key -> new ArrayList<>()).add(new double[] {level, value});
  }

  private void write(Duration took) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("PostgreSQL benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores, Java " + System.getProperty("java.version") + ", levels " + levels + ", batch " + batch
        + ", samples " + samples + ", took " + took.toMinutes() + " min");
    lines.add("");
    lines.add("| measure | Mediatafel | bare engine | ratio |");
    lines.add("| --- | --- | --- | --- |");
    lines.addAll(table);
    Files.write(out.resolve("postgres-benchmark.md"), lines);
    lines.forEach(System.out::println);
    Chart.write(series, out.resolve("postgres-benchmark.png"));
  }

  private static double millis(Work work) {
    long start = System.nanoTime();
    try {
      work.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static double p(List<Double> values, int percentile) {
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static double median(List<Double> values) {
    return p(values, 50);
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }

  private ProcessEngine product() {
    return product.getBean(ProcessEngine.class);
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(pg.getJdbcUrl("postgres", database));
  }

  private void sql(String database, String statement) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static long rssKiB() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L);
  }

  private static void log(String format, Object... args) {
    System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
  }
}

package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import nl.mediatafel.platform.Chromium;

/**
 * Every model in {@code processes/} renders in bpmn-js (the library Camunda Modeler and Cockpit draw with, pinned in
 * {@code src/lint/package.json}) in the headless Chromium the tests use: an import warning or error (a shape for an
 * element that does not exist, a broken reference, XML bpmn-js cannot read) fails the build, and so does an element
 * that is not drawn. The committed {@code docs/diagrams/<model>.svg} show the same elements as the model.
 *
 * <p>Render them again with
 * {@code ./mvnw -q -Dlint.skip=true -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ModelDiagramsTest
 * -Dmediatafel.write-diagrams=true test}.
 */
class ModelDiagramsTest {

  static final Path LINT = Path.of("src/lint");
  static final Path VIEWER = LINT.resolve("node_modules/bpmn-js/dist/bpmn-viewer.production.min.js");
  static final Path DIAGRAMS = Path.of("docs/diagrams");
  private static final Pattern ELEMENT_ID = Pattern.compile("data-element-id=\"([^\"]+)\"");

  private static WebDriver browser;

  /** What bpmn-js made of a model. */
  record Rendering(String error, List<String> warnings, Set<String> drawn, String svg) {}

  @BeforeAll
  static void viewerInChromium() throws Exception {
    installViewer();
    browser = Chromium.start(1600, 1000, "--allow-file-access-from-files");
    Path page = Files.createTempFile("bpmn-viewer", ".html");
    page.toFile().deleteOnExit();
    Files.writeString(page, """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8">
        <link rel="stylesheet" href="%s">
        <script src="%s"></script></head>
        <body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>
        """.formatted(VIEWER.resolveSibling("assets/bpmn-js.css").toAbsolutePath().toUri(),
        VIEWER.toAbsolutePath().toUri()), StandardCharsets.UTF_8);
    browser.get(page.toUri().toString());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyModelRendersWithoutWarnings() throws IOException {
    boolean write = Boolean.getBoolean("mediatafel.write-diagrams");
    if (write) {
      Files.createDirectories(DIAGRAMS);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : TemplateBindingTest.models()) {
      String name = file.getFileName().toString();
      Path svg = DIAGRAMS.resolve(name.replaceAll("\\.bpmn$", ".svg"));
      tests.add(DynamicTest.dynamicTest(name, () -> {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        Rendering rendering = render(xml);
        assertRendered(rendering, Bpmn.readModelFromFile(file.toFile()));
        if (write) {
          Files.writeString(svg, rendering.svg() + "\n", StandardCharsets.UTF_8);
        }
        assertThat(svg).as("the diagram of %s; render it with -Dmediatafel.write-diagrams=true", name).exists();
        assertThat(ids(Files.readString(svg, StandardCharsets.UTF_8)))
            .as("%s shows the elements of %s; render it with -Dmediatafel.write-diagrams=true", svg, name)
            .isEqualTo(rendering.drawn());
      }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(6);
    return tests.stream();
  }

  /** The rule is not vacuous: a shape for an element that is not in the model is an import warning. */
  @Test
  void aBrokenDiagramIsCaught() throws IOException {
    String xml = Files.readString(Path.of("processes/mail-delivery.bpmn"), StandardCharsets.UTF_8);
    String broken = xml.replaceFirst("bpmnElement=\"serviceTask_deliverMail\"", "bpmnElement=\"serviceTask_gone\"");
    assertThat(broken).isNotEqualTo(xml);
    Rendering rendering = render(broken);
    assertThat(rendering.warnings()).isNotEmpty().anyMatch(warning -> warning.contains("serviceTask_gone"));
    assertThat(rendering.drawn()).doesNotContain("serviceTask_deliverMail");

    assertThat(render("<definitions>not a model").error()).isNotBlank();
  }

  static Rendering render(String xml) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
        const xml = arguments[0], done = arguments[arguments.length - 1];
        const container = document.getElementById('canvas');
        container.innerHTML = '';
        const viewer = new BpmnJS({ container });
        const messages = (warnings) => (warnings || []).map((w) => String(w.message || w));
        viewer.importXML(xml)
          .then((result) => viewer.saveSVG().then(({ svg }) => {
            const root = viewer.get('canvas').getRootElement();
            const drawn = viewer.get('elementRegistry').getAll()
              .filter((element) => element.type !== 'label' && element !== root)
              .map((element) => element.id);
            done({ warnings: messages(result.warnings), drawn, svg });
            viewer.destroy();
          }))
          .catch((error) => done({ error: String(error.message || error), warnings: messages(error.warnings),
            drawn: [], svg: '' }));
        """, xml);
    @SuppressWarnings("unchecked")
    List<String> warnings = (List<String>) result.get("warnings");
    @SuppressWarnings("unchecked")
    List<String> drawn = (List<String>) result.get("drawn");
    return new Rendering((String) result.get("error"), warnings, new TreeSet<>(drawn), (String) result.get("svg"));
  }

  private static void assertRendered(Rendering rendering, BpmnModelInstance model) {
    assertThat(rendering.error()).as("bpmn-js import error").isNull();
    assertThat(rendering.warnings()).as("bpmn-js import warnings").isEmpty();
    Set<String> elements = new TreeSet<>();
    Stream.concat(model.getModelElementsByType(FlowNode.class).stream(),
        model.getModelElementsByType(SequenceFlow.class).stream()).map(BaseElement::getId).forEach(elements::add);
    assertThat(rendering.drawn()).as("elements bpmn-js drew").containsAll(elements);
  }

  private static Set<String> ids(String svg) {
    Set<String> ids = new TreeSet<>();
    Matcher id = ELEMENT_ID.matcher(svg);
    while (id.find()) {
      if (!id.group(1).endsWith("_label")) {
        ids.add(id.group(1));
      }
    }
    return ids;
  }

  /** {@code npm ci} in src/lint, as lint-models.sh does, when bpmn-js is not there or the lock file is newer. */
  static void installViewer() throws IOException, InterruptedException {
    Path installed = LINT.resolve("node_modules/.package-lock.json");
    if (Files.exists(VIEWER) && Files.exists(installed)
        && !Files.getLastModifiedTime(LINT.resolve("package-lock.json")).toInstant()
            .isAfter(Files.getLastModifiedTime(installed).toInstant())) {
      return;
    }
    // never inherit the test JVM's stdin and stdout: they are Surefire's channel to the forked JVM, and Node sets a
    // stdin it shares to non-blocking, which crashes the fork ("std/in stream corrupted: Resource temporarily
    // unavailable"); npm's output goes to a log instead
    Path log = Path.of("target", "npm-ci-diagrams.log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    Process npm = new ProcessBuilder("npm", "ci", "--prefix", LINT.toString(), "--no-audit", "--no-fund",
        "--loglevel=error")
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertThat(npm.waitFor(10, TimeUnit.MINUTES) && npm.exitValue() == 0)
        .as("npm ci --prefix src/lint (bpmn-js for the diagrams), see %s", log).isTrue();
  }
}

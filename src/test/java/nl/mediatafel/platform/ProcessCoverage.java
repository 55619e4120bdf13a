package nl.mediatafel.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Component;

/**
 * Process test coverage over the whole test run: every flow node any test reached, per process of {@code processes/}.
 * The engine of every test context reports each activity it enters (a history event handler added next to the
 * database one); at the end of the run {@link ProcessCoverageReport} writes {@value #REPORT} and
 * {@code ProcessCoverageIT} fails the build when a model is below {@link #MINIMUM} of its flow nodes.
 *
 * <p>Whole-run coverage rather than per test class: one process is driven by several test classes (the case process by
 * its scenarios, the portal tests, the settlement tests), and what counts is that each flow node is reached by some
 * test.
 */
@Component
public class ProcessCoverage extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  /** The gate: at least this share of the flow nodes of each model must be reached by the tests. */
  public static final double MINIMUM = 0.90;
  public static final Path REPORT = Path.of("target", "process-test-coverage", "coverage.tsv");

  private static final Map<String, Set<String>> REACHED = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(this);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricActivityInstanceEventEntity activity && activity.getActivityId() != null
        && activity.getProcessDefinitionKey() != null) {
      REACHED.computeIfAbsent(activity.getProcessDefinitionKey(), key -> ConcurrentHashMap.newKeySet())
          .add(activity.getActivityId());
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  /** One model's coverage: its flow nodes and those no test reached. */
  public record Model(String file, String processKey, Set<String> flowNodes, Set<String> missed) {

    public double ratio() {
      return flowNodes.isEmpty() ? 1.0 : (double) (flowNodes.size() - missed.size()) / flowNodes.size();
    }
  }

  /** The coverage of every BPMN model in {@code processes/} by what the engines of this JVM reported so far. */
  public static List<Model> measure() {
    List<Model> models = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          Set<String> nodes = new TreeSet<>();
          model.getModelElementsByType(FlowNode.class).forEach(node -> nodes.add(node.getId()));
          Set<String> missed = new TreeSet<>(nodes);
          missed.removeAll(REACHED.getOrDefault(process.getId(), Set.of()));
          models.add(new Model(file.getFileName().toString(), process.getId(), nodes, missed));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return models;
  }

  /** Writes the report: one line per model, tab-separated: file, key, reached, total, missed ids. */
  public static void writeReport() {
    Map<String, String> lines = new TreeMap<>();
    for (Model model : measure()) {
      lines.put(model.file(), String.join("\t", model.file(), model.processKey(),
          Integer.toString(model.flowNodes().size() - model.missed().size()),
          Integer.toString(model.flowNodes().size()), String.join(",", model.missed())));
    }
    try {
      Files.createDirectories(REPORT.getParent());
      Files.write(REPORT, lines.values());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

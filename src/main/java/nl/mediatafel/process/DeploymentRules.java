package nl.mediatafel.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploy rights are code rights: a model's expressions run with the engine's full rights, without authorization
 * checks. So every deployment, whatever its path (REST API, Modeler, start-up), is checked before the engine accepts
 * it (docs/adr/0008-deployment-rules.md):
 *
 * <ul>
 *   <li>a deployer that runs before the engine's own checks each resource: only BPMN, DMN, Camunda Forms and PNG
 *       diagrams; BPMN by {@link BpmnRules}, DMN by {@link DmnRules}, forms without script or HTML components;</li>
 *   <li>a BPMN parse listener applies {@link BpmnRules} again to exactly what the engine parses, also when it loads
 *       an older deployment into its cache.</li>
 * </ul>
 *
 * A refusal is a {@link ParseException} (the REST API answers {@code 400} with the message) naming the resource, the
 * element and the rule; the allowed bean methods are the {@link DesignerFunction}s.
 */
@Component
@Order(5)
class DeploymentRules extends AbstractProcessEnginePlugin {

  private static final Set<String> MODEL_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form",
      ".png");
  private static final Set<String> FORM_COMPONENTS_REFUSED = Set.of("html", "script", "iframe");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BpmnRules bpmnRules;
  private final DmnRules dmnRules;

  DeploymentRules(ApplicationContext context) {
    ExpressionRules expressions = new ExpressionRules(context::containsBean);
    this.bpmnRules = new BpmnRules(expressions, name -> context.containsBean(name) ? context.getType(name) : null);
    this.dmnRules = new DmnRules(expressions);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new ParseListener());
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new ResourceCheck());
  }

  /** Checks one resource; throws a {@link ParseException} naming it and every violation in it. */
  void check(String resource, byte[] content) {
    String name = resource.toLowerCase(Locale.ROOT);
    if (MODEL_SUFFIXES.stream().noneMatch(name::endsWith)) {
      refuse(resource, List.of(resource + ": this kind of resource is not deployable; only BPMN (.bpmn), DMN (.dmn), "
          + "Camunda Forms (.form) and PNG diagrams are (CMMN, HTML forms and scripts run code)"), List.of());
    }
    if (name.endsWith(".png") || name.endsWith(".form")) {
      if (name.endsWith(".form")) {
        checkForm(resource, content);
      }
      return;
    }
    XmlNode root;
    try {
      root = XmlNode.parse(content);
    } catch (Exception e) {
      refuse(resource, List.of(resource + ": not well-formed XML without a DTD: " + e.getMessage()), List.of());
      return;
    }
    boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    List<RuleViolation> violations = dmn ? dmnRules.check(root) : bpmnRules.check(root);
    if (!violations.isEmpty()) {
      refuse(resource, violations.stream().map(v -> resource + ": " + v.describe()).toList(),
          violations.stream().map(v -> (Problem) new Refusal(v.describe(), v.elementId())).toList());
    }
  }

  private static void checkForm(String resource, byte[] content) {
    try {
      List<String> refused = new ArrayList<>();
      formComponents(JSON.readTree(content), refused);
      if (!refused.isEmpty()) {
        refuse(resource, refused.stream().map(id -> resource + ": form component '" + id
            + "' is HTML, script or an iframe, which runs in the Tasklist user's browser").toList(), List.of());
      }
    } catch (java.io.IOException e) {
      refuse(resource, List.of(resource + ": not a Camunda Form (JSON): " + e.getMessage()), List.of());
    }
  }

  private static void formComponents(JsonNode node, List<String> refused) {
    if (node.isObject() && FORM_COMPONENTS_REFUSED.contains(node.path("type").asText())) {
      refused.add(node.path("id").asText(node.path("key").asText("?")));
    }
    node.forEach(child -> formComponents(child, refused));
  }

  private static void refuse(String resource, List<String> lines, List<Problem> problems) {
    List<Problem> errors = problems.isEmpty() ? lines.stream().map(line -> (Problem) new Refusal(line, null)).toList()
        : problems;
    throw new ParseException(String.join("\n", lines), resource, errors, List.of());
  }

  /** One refusal as the REST API reports it ({@code details.<resource>.errors}). */
  private record Refusal(String message, String mainElementId) implements Problem {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
      return mainElementId == null ? List.of() : List.of(mainElementId);
    }
  }

  /** Runs before the engine's own deployers, on every resource of a deployment. */
  private final class ResourceCheck implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      deployment.getResources().values().stream()
          .sorted(Comparator.comparing(ResourceEntity::getName))
          .forEach(resource -> check(resource.getName(), resource.getBytes()));
    }
  }

  /** The same BPMN rules on the engine's own parse; the engine adds the resource name to the message. */
  private final class ParseListener extends AbstractBpmnParseListener {
    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
      List<RuleViolation> violations = bpmnRules.check(XmlNode.of(rootElement));
      if (!violations.isEmpty()) {
        throw new BpmnParseException(violations.stream().map(RuleViolation::describe)
            .collect(Collectors.joining("; ")), (Element) violations.get(0).node().source());
      }
    }
  }
}

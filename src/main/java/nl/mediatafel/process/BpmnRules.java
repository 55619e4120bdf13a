package nl.mediatafel.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What a BPMN model may contain: no scripts, no Java classes, no connectors; {@code camunda:delegateExpression} only
 * as {@code ${bean}} naming one of our delegates or listeners; every other expression, in any attribute or text,
 * through {@link ExpressionRules}.
 */
final class BpmnRules {

  private static final Pattern BARE_BEAN = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
  private static final String OUR_PACKAGE = "nl.mediatafel.";
  /** Texts the engine never evaluates. */
  private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text", "BPMNDiagram");
  private static final Set<String> FORM_CONSTRAINTS = Set.of("required", "readonly", "minlength", "maxlength", "min",
      "max");

  private final ExpressionRules expressions;
  private final Function<String, Class<?>> beanType;

  /** @param beanType the type of the Spring bean with that name, or null when there is none */
  BpmnRules(ExpressionRules expressions, Function<String, Class<?>> beanType) {
    this.expressions = expressions;
    this.beanType = beanType;
  }

  List<RuleViolation> check(XmlNode definitions) {
    List<RuleViolation> violations = new ArrayList<>();
    walk(definitions, null, violations);
    return violations;
  }

  private void walk(XmlNode node, String parentId, List<RuleViolation> violations) {
    if (NOT_EVALUATED.contains(node.name())) {
      return;
    }
    String id = node.attribute("id") != null ? node.attribute("id") : parentId;
    element(node).ifPresent(rule -> violations.add(new RuleViolation(null, id, rule, node)));
    for (XmlNode.Attribute attribute : node.attributes()) {
      attribute(node, attribute).ifPresent(rule -> violations.add(new RuleViolation(null, id, rule, node)));
    }
    if (ExpressionRules.isExpression(node.text())) {
      expressions.check(node.text().trim()).ifPresent(rule -> violations.add(
          new RuleViolation(null, id, rule + " — " + RuleViolation.DESIGNER_FUNCTIONS, node)));
    }
    node.children().forEach(child -> walk(child, id, violations));
  }

  private static Optional<String> element(XmlNode node) {
    return switch (node.name()) {
      case "scriptTask" -> Optional.of("script tasks run arbitrary code; use a service task with one of our "
          + "delegates (docs/designer-functions.md)");
      case "script" -> Optional.of("scripts (camunda:script in listeners or input/output) run arbitrary code");
      case "connector" -> Optional.of("camunda:connector calls other systems from the engine; use one of our "
          + "delegates");
      case "constraint" -> FORM_CONSTRAINTS.contains(node.attribute("name")) ? Optional.empty()
          : Optional.of("form field constraint '" + node.attribute("name") + "' may run a Java class; only "
              + FORM_CONSTRAINTS + " are allowed");
      default -> Optional.empty();
    };
  }

  private Optional<String> attribute(XmlNode node, XmlNode.Attribute attribute) {
    String name = attribute.name();
    String value = attribute.value();
    if (name.equals("language") || name.equals("scriptFormat")) {
      return Optional.of("'" + name + "=\"" + value + "\"' makes it a script, which runs arbitrary code");
    }
    if (name.equals("class") || name.endsWith("Class")) {
      return Optional.of("camunda:" + name + " runs the Java class '" + value + "'; use camunda:delegateExpression "
          + "with one of our delegates");
    }
    if (name.equals("resource")) {
      return Optional.of("camunda:resource loads a script ('" + value + "'), which runs arbitrary code");
    }
    if (name.equals("delegateExpression")) {
      return delegate(value, "a JavaDelegate, ExecutionListener or TaskListener",
          List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class));
    }
    if (name.equals("variableMappingDelegateExpression")) {
      return delegate(value, "a DelegateVariableMapping", List.of(DelegateVariableMapping.class));
    }
    if (name.equals("formKey") && (!value.startsWith("camunda-forms:") || value.contains("//"))) {
      return Optional.of("camunda:formKey '" + value + "' is not a Camunda Form; embedded HTML forms run script in "
          + "the Tasklist; use camunda:formRef");
    }
    if (ExpressionRules.isExpression(value)) {
      return expressions.check(value).map(rule -> rule + " — " + RuleViolation.DESIGNER_FUNCTIONS);
    }
    return Optional.empty();
  }

  private Optional<String> delegate(String value, String kind, List<Class<?>> allowed) {
    Matcher bare = BARE_BEAN.matcher(value.trim());
    if (!bare.matches()) {
      return Optional.of("camunda:delegateExpression '" + value + "' must be exactly ${beanName} naming one of our "
          + "delegates (docs/designer-functions.md)");
    }
    String bean = bare.group(1);
    Class<?> type = beanType.apply(bean);
    if (type == null) {
      return Optional.of("camunda:delegateExpression '" + value + "' names no bean; a process variable is not "
          + "allowed here (docs/designer-functions.md lists the delegates)");
    }
    boolean ours = type.getName().startsWith(OUR_PACKAGE);
    if (!ours || allowed.stream().noneMatch(kindOf -> kindOf.isAssignableFrom(type))) {
      return Optional.of("camunda:delegateExpression '" + value + "' is not " + kind + " of Mediatafel; "
          + "docs/designer-functions.md lists the delegates");
    }
    return Optional.empty();
  }
}

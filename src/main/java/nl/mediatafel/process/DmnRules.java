package nl.mediatafel.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a DMN model may contain: expressions in FEEL or JUEL only (no JavaScript, Groovy, Python, …), no FEEL external
 * (Java) functions, and every JUEL expression through {@link ExpressionRules}.
 */
final class DmnRules {

  private static final Pattern FEEL_URI = Pattern.compile("^https?://www\\.omg\\.org/spec/(DMN/\\d+/)?FEEL/?(\\d+/?)?$",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> LANGUAGES = Set.of("feel", "juel", "feel-scala", "feel-juel");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");
  private static final Set<String> NOT_EVALUATED = Set.of("description", "DMNDI");

  private final ExpressionRules expressions;

  DmnRules(ExpressionRules expressions) {
    this.expressions = expressions;
  }

  static boolean isFeelOrJuel(String language) {
    return LANGUAGES.contains(language.trim().toLowerCase(Locale.ROOT)) || FEEL_URI.matcher(language.trim()).matches();
  }

  List<RuleViolation> check(XmlNode definitions) {
    List<RuleViolation> violations = new ArrayList<>();
    walk(definitions, null, null, violations);
    return violations;
  }

  private void walk(XmlNode node, String decisionId, String parentId, List<RuleViolation> violations) {
    if (NOT_EVALUATED.contains(node.name())) {
      return;
    }
    String id = node.attribute("id") != null ? node.attribute("id") : parentId;
    String decision = node.name().equals("decision") ? id : decisionId;
    for (XmlNode.Attribute attribute : node.attributes()) {
      String name = attribute.name();
      if ((name.equals("expressionLanguage") || name.equals("typeLanguage")) && !isFeelOrJuel(attribute.value())) {
        violations.add(new RuleViolation(decision, id, name + " '" + attribute.value()
            + "' is a script language, which runs arbitrary code; use FEEL", node));
      } else if (ExpressionRules.isExpression(attribute.value())) {
        expressions.check(attribute.value()).ifPresent(rule -> violations.add(
            new RuleViolation(decision, id, rule + " — " + RuleViolation.DESIGNER_FUNCTIONS, node)));
      }
    }
    String text = node.text();
    if (ExpressionRules.isExpression(text)) {
      expressions.check(text.trim()).ifPresent(rule -> violations.add(
          new RuleViolation(decision, id, rule + " — " + RuleViolation.DESIGNER_FUNCTIONS, node)));
    }
    if (text != null && FEEL_EXTERNAL.matcher(text).find()) {
      violations.add(new RuleViolation(decision, id, "a FEEL external function calls Java code", node));
    }
    node.children().forEach(child -> walk(child, decision, id, violations));
  }
}

package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/designer-functions.md} is generated from {@link DesignerFunction}, the element templates and the
 * models; this test fails when it is out of date. Rewrite it with {@code -Dmediatafel.write-docs=true}.
 */
class DesignerFunctionsDocTest {

  private static final Path DOC = Path.of("docs/designer-functions.md");
  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"[$#]\\{([A-Za-z_][A-Za-z0-9_]*)}\"");

  @Test
  void theDesignerFunctionsDocumentIsUpToDate() throws IOException {
    String expected = render();
    if (Boolean.getBoolean("mediatafel.write-docs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC)).as("%s exists; write it with -Dmediatafel.write-docs=true", DOC).isTrue();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("%s is out of date; rewrite it with -Dmediatafel.write-docs=true", DOC).isEqualTo(expected);
  }

  @Test
  void everyBeanCallInTheModelsIsADesignerFunction() throws IOException {
    Pattern call = Pattern.compile("[$#]\\{[^}]*?\\b([a-z][A-Za-z]+)\\.([a-zA-Z]+)\\(");
    ExpressionRules rules = new ExpressionRules(name -> false);
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(Files::isRegularFile).toList()) {
        Matcher matcher = call.matcher(Files.readString(model));
        while (matcher.find()) {
          if (rules.isBean(matcher.group(1))) {
            assertThat(Arrays.stream(DesignerFunction.values()).map(f -> f.bean() + "." + f.method()))
                .as(model.toString()).contains(matcher.group(1) + "." + matcher.group(2));
          }
        }
      }
    }
  }

  static String render() throws IOException {
    StringBuilder doc = new StringBuilder();
    doc.append("# Designer functions and deployment rules\n\n")
        .append("<!-- generated from nl.mediatafel.process.DesignerFunction, the element templates and the models by ")
        .append("DesignerFunctionsDocTest (-Dmediatafel.write-docs=true); do not edit by hand -->\n\n")
        .append("A deployment is code: its expressions run with the engine's full rights, without authorization ")
        .append("checks. Every deployment (REST API, Camunda Modeler, start-up) is checked by `DeploymentRules` ")
        .append("(docs/adr/0008-deployment-rules.md); a refusal is a `400` naming the resource, the element and the ")
        .append("rule.\n\n")
        .append("## Functions models may call\n\n")
        .append("| call | description |\n| --- | --- |\n");
    for (DesignerFunction function : DesignerFunction.values()) {
      doc.append("| `").append(function.usage()).append("` | ").append(function.description()).append(" |\n");
    }
    doc.append("\nAlso available: the engine's EL functions ")
        .append(ExpressionRules.FUNCTIONS.stream().sorted().map(f -> "`" + f + "()`").collect(Collectors.joining(", ")))
        .append(".\n\n## Delegates for `camunda:delegateExpression`\n\n")
        .append("Exactly `${beanName}`, naming a JavaDelegate, ExecutionListener or TaskListener (or, for ")
        .append("`camunda:variableMappingDelegateExpression`, a DelegateVariableMapping) of Mediatafel. With an ")
        .append("element template (use these in Camunda Modeler):\n\n")
        .append("| template | delegate expression |\n| --- | --- |\n");
    templates().forEach((name, bean) -> doc.append("| ").append(name).append(" | `").append(bean).append("` |\n"));
    doc.append("\nDelegates and listeners the models use today: ")
        .append(delegatesInModels().stream().map(bean -> "`${" + bean + "}`").collect(Collectors.joining(", ")))
        .append(".\n\n## Rules\n\n")
        .append("- Resources: only `.bpmn`, `.bpmn20.xml`, `.dmn`, `.dmn11.xml`, `.form` and `.png`; no CMMN, no HTML ")
        .append("(embedded forms), no SVG, no scripts. Forms without `html`, `script` or `iframe` components.\n")
        .append("- BPMN: no script task, no `camunda:script` (listeners, input/output), no `language` or ")
        .append("`scriptFormat`, no `camunda:class` or other `…Class` attribute, no `camunda:resource`, no ")
        .append("`camunda:connector`, no form-field constraint other than the built-in ones, `camunda:formKey` only ")
        .append("`camunda-forms:…` (better: `camunda:formRef`).\n")
        .append("- DMN: `expressionLanguage`/`typeLanguage` only FEEL or JUEL; no FEEL external (Java) functions.\n")
        .append("- Every `${…}`/`#{…}` in any attribute or text (conditions, assignees, candidate groups, due dates, ")
        .append("timers, input/output, fields, listeners, DMN JUEL):\n")
        .append("  - on a bean only the functions above; no bean property, no bare bean;\n")
        .append("  - on `execution`, `task`, `variableScope` only ")
        .append(ExpressionRules.CONTEXT_MEMBERS.stream().sorted().map(m -> "`" + m + "`")
            .collect(Collectors.joining(", ")))
        .append("; the bare `execution` only as an argument of a function above;\n")
        .append("  - never ").append(Stream.concat(ExpressionRules.FORBIDDEN_MEMBERS.stream(),
            ExpressionRules.ENGINE_MEMBERS.stream()).sorted().map(m -> "`" + m + "`")
            .collect(Collectors.joining(", ")))
        .append(";\n")
        .append("  - on variables and other values: properties (`${advice.route}`), and of methods only ")
        .append(ExpressionRules.VALUE_METHODS.stream().sorted().map(m -> "`" + m + "`")
            .collect(Collectors.joining(", ")))
        .append("; no member named at run time (`${a[b]}`);\n")
        .append("  - an expression that does not parse is refused.\n");
    return doc.toString();
  }

  private static Map<String, String> templates() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> templates = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("processes/.camunda/element-templates"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
        JsonNode root = json.readTree(file.toFile());
        for (JsonNode template : root.isArray() ? root : List.of(root)) {
          for (JsonNode property : template.path("properties")) {
            if ("camunda:delegateExpression".equals(property.at("/binding/name").asText())
                || "delegateExpression".equals(property.at("/binding/implementationType").asText())) {
              templates.put(template.path("name").asText(), property.path("value").asText());
            }
          }
        }
      }
    }
    return templates;
  }

  private static TreeSet<String> delegatesInModels() throws IOException {
    TreeSet<String> beans = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        Matcher matcher = DELEGATE.matcher(Files.readString(model));
        while (matcher.find()) {
          beans.add(matcher.group(1));
        }
      }
    }
    return beans;
  }
}

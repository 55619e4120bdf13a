package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every element of every model that calls one of our beans is bound to the bean's element template (id and version),
 * and every template offers exactly the input parameters and fields its bean reads (found in the bean's source by
 * {@link DelegateInputs}). Internal, transactional beans run synchronously, so their templates do not set
 * {@code asyncBefore}; beans that talk to the outside world keep it, not editable. docs/designers.md explains the
 * rules to designers.
 *
 * <p>Bind the models with {@code -Dmediatafel.write-models=true} (all of {@code processes/}, or only the files in
 * {@code -Dmediatafel.bind-only=a.bpmn,b.bpmn}); the binder edits only the start tags of the bound elements.
 */
class TemplateBindingTest {

  static final Path PROCESSES = Path.of("processes");

  /**
   * Task listeners have no template: Camunda 7 element templates cannot add a task listener (the schema has no
   * {@code camunda:taskListener} binding), and each of these belongs to one user task and its form, whose fields it
   * reads. docs/designers.md says so.
   */
  static final Set<String> TASK_LISTENERS = Set.of("changeRoute", "recordCoachingAdvice", "recordCoachingSession",
      "recordForumRound", "recordIntakeConversation", "recordSessionReport", "recordSettlementDraft");

  private static final DelegateInputs INPUTS = new DelegateInputs();

  @TestFactory
  Stream<DynamicTest> everyModelCallsOurBeansThroughTheirTemplates() throws IOException {
    Map<String, ElementTemplate> templates = ElementTemplate.byBean();
    TemplateBinder binder = new TemplateBinder(templates);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : models()) {
      String name = file.getFileName().toString();
      tests.add(DynamicTest.dynamicTest(name + ": bound to the templates", () -> {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        checkBindings(model(xml), templates, true);
        assertThat(xml).as("%s as the binder writes it (-Dmediatafel.write-models=true)", name)
            .isEqualTo(binder.bind(xml));
      }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(6);
    return tests.stream();
  }

  /** Writes the bindings with {@code -Dmediatafel.write-models=true}; otherwise does nothing. */
  @Test
  void bindTheModels() throws IOException {
    if (!Boolean.getBoolean("mediatafel.write-models")) {
      return;
    }
    String only = System.getProperty("mediatafel.bind-only", "");
    Set<String> selected = only.isBlank() ? null : Set.of(only.split(","));
    TemplateBinder binder = new TemplateBinder(ElementTemplate.byBean());
    for (Path file : models()) {
      if (selected == null || selected.contains(file.getFileName().toString())) {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        String bound = binder.bind(xml);
        if (!bound.equals(xml)) {
          Files.writeString(file, bound, StandardCharsets.UTF_8);
        }
      }
    }
  }

  @Test
  void everyTemplateOffersExactlyWhatItsBeanReads() {
    List<String> problems = new ArrayList<>();
    for (ElementTemplate template : ElementTemplate.byBean().values()) {
      problems.addAll(offersExactlyTheReads(template, INPUTS));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void internalBeansRunSynchronouslyAndTheOutsideWorldAsynchronously() {
    List<String> problems = new ArrayList<>();
    for (ElementTemplate template : ElementTemplate.byBean().values()) {
      problems.addAll(asyncAsDecided(template));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyTemplateCallsABeanOfOursAndTheListenersWithoutTemplateAreListeners() {
    ElementTemplate.byBean().keySet().forEach(bean -> assertThat(INPUTS.isBean(bean)).as(bean).isTrue());
    TASK_LISTENERS.forEach(bean -> assertThat(INPUTS.isBean(bean)).as(bean).isTrue());
    assertThat(ElementTemplate.byBean().keySet()).doesNotContainAnyElementsOf(TASK_LISTENERS);
  }

  @Test
  void theSourceReaderFindsReadsThroughHelpersAndConstants() {
    assertThat(INPUTS.reads("sendEmail")).containsExactlyInAnyOrder("template", "recipients", "portalAction",
        "detail", "attachments");
    assertThat(INPUTS.reads("extendDeadline")).containsExactlyInAnyOrder("variable", "businessDays", "from");
    assertThat(INPUTS.reads("setDeadline")).containsExactlyInAnyOrder("variable", "businessDays", "duration", "from",
        "reminderBusinessDaysBefore");
    assertThat(INPUTS.reads("recordSessionReport")).containsExactly("nextSteps");
    assertThat(INPUTS.reads("acceptCase")).isEmpty();
  }

  // ---- the rules fail on bad models and templates

  @Test
  void anUnboundOrOutdatedElementIsCaught() {
    Map<String, ElementTemplate> templates = ElementTemplate.byBean();
    ElementTemplate sendEmail = templates.get("sendEmail");
    assertThatThrownBy(() -> checkBindings(model(serviceTask("${sendEmail}", "")), templates, true))
        .hasMessageContaining("serviceTask_mail").hasMessageContaining("without its template " + sendEmail.id());
    assertThatThrownBy(() -> checkBindings(model(serviceTask("${sendEmail}",
        bindingAttributes(sendEmail.id(), sendEmail.version() + 1))), templates, true))
        .hasMessageContaining("version " + (sendEmail.version() + 1)).hasMessageContaining("not " + sendEmail.version());
    assertThatThrownBy(() -> checkBindings(model(serviceTask("${sendEmail}",
        bindingAttributes(templates.get("setDeadline").id(), 2))), templates, true))
        .hasMessageContaining("without its template");
    // a bean without any template: every bean the models use needs one, also in a model not bound yet
    Map<String, ElementTemplate> withoutSendEmail = new HashMap<>(templates);
    withoutSendEmail.remove("sendEmail");
    assertThatThrownBy(() -> checkBindings(model(serviceTask("${sendEmail}", "")), withoutSendEmail, false))
        .hasMessageContaining("has no element template");
    // the bound model passes
    checkBindings(model(new TemplateBinder(templates).bind(serviceTask("${sendEmail}", ""))), templates, true);
  }

  @Test
  void aTemplateThatOffersWhatTheBeanDoesNotReadOrMissesARead() throws IOException {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(
        ElementTemplate.byBean().get("sendEmail").json().toString());
    ArrayNode properties = (ArrayNode) json.get("properties");
    ObjectNode extra = properties.addObject();
    extra.put("label", "Kleur").put("type", "String");
    extra.putObject("binding").put("type", "camunda:inputParameter").put("name", "colour");
    assertThat(offersExactlyTheReads(ElementTemplate.of(json), INPUTS))
        .containsExactly("nl.mediatafel.sendEmail binds colour, which ${sendEmail} does not read");

    properties.remove(properties.size() - 1);
    for (int i = 0; i < properties.size(); i++) {
      if ("detail".equals(properties.get(i).at("/binding/name").asText())) {
        properties.remove(i);
      }
    }
    assertThat(offersExactlyTheReads(ElementTemplate.of(json), INPUTS))
        .containsExactly("${sendEmail} reads detail, which nl.mediatafel.sendEmail does not offer");
  }

  @Test
  void anInternalBeanForcedAsynchronousOrAnOutsideOneMadeOptionalIsCaught() throws IOException {
    ObjectNode setDeadline = (ObjectNode) new ObjectMapper().readTree(
        ElementTemplate.byBean().get("setDeadline").json().toString());
    ObjectNode async = ((ArrayNode) setDeadline.get("properties")).addObject();
    async.put("type", "Boolean").put("value", true).putObject("binding").put("type", "property")
        .put("name", "camunda:asyncBefore");
    assertThat(asyncAsDecided(ElementTemplate.of(setDeadline))).singleElement().asString()
        .contains("internal").contains("asyncBefore");

    ObjectNode sendEmail = (ObjectNode) new ObjectMapper().readTree(
        ElementTemplate.byBean().get("sendEmail").json().toString());
    for (JsonNode property : sendEmail.get("properties")) {
      if ("camunda:asyncBefore".equals(property.at("/binding/name").asText())) {
        ((ObjectNode) property).put("editable", true);
      }
    }
    assertThat(asyncAsDecided(ElementTemplate.of(sendEmail))).singleElement().asString()
        .contains("outside world");
  }

  @Test
  void aReadWhoseNameIsComputedIsRefused(@TempDir Path sources) throws IOException {
    Files.writeString(sources.resolve("Sneaky.java"), """
        package x;
        @Component("sneaky")
        class Sneaky implements JavaDelegate {
          static final String PREFIX = "a";
          public void execute(DelegateExecution execution) {
            Object value = execution.getVariableLocal(PREFIX + execution.getId());
          }
        }
        """);
    assertThatThrownBy(() -> new DelegateInputs(sources).reads("sneaky"))
        .hasMessageContaining("not a literal or a String constant");
  }

  @Test
  void theBinderChangesOnlyTheStartTagAndIsIdempotent() {
    Map<String, ElementTemplate> templates = ElementTemplate.byBean();
    String xml = serviceTask("${sendEmail}", "");
    String bound = new TemplateBinder(templates).bind(xml);
    ElementTemplate sendEmail = templates.get("sendEmail");
    assertThat(bound).isEqualTo(xml.replace("name=\"Mail\"",
        "name=\"Mail\"" + bindingAttributes(sendEmail.id(), sendEmail.version())));
    assertThat(new TemplateBinder(templates).bind(bound)).isEqualTo(bound);
    String outdated = serviceTask("${sendEmail}", bindingAttributes(sendEmail.id(), 0));
    assertThat(new TemplateBinder(templates).bind(outdated)).isEqualTo(bound);

    String listener = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:callActivity id="callActivity_sessions" name="Bijeenkomsten" calledElement="x">
              <bpmn:extensionElements>
                <camunda:executionListener delegateExpression="${recordRouteHours}" event="end" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
          </bpmn:process>
        </bpmn:definitions>
        """;
    ElementTemplate hours = templates.get("recordRouteHours");
    String boundListener = new TemplateBinder(templates).bind(listener);
    assertThat(boundListener).isEqualTo(listener.replace("name=\"Bijeenkomsten\"",
        "name=\"Bijeenkomsten\"" + bindingAttributes(hours.id(), hours.version())));
    checkBindings(model(boundListener), templates, true);
    assertThatThrownBy(() -> checkBindings(model(listener), templates, true))
        .hasMessageContaining("callActivity_sessions");
  }

  // ---- the rules

  /** Every use of one of our beans on an element: its template, bound with the current version. */
  static void checkBindings(BpmnModelInstance model, Map<String, ElementTemplate> templates, boolean bound) {
    List<String> problems = new ArrayList<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String type = "bpmn:" + Character.toUpperCase(element.getElementType().getTypeName().charAt(0))
          + element.getElementType().getTypeName().substring(1);
      List<String> uses = new ArrayList<>(); // the beans this element calls through a template, as "bean event"
      String delegate = ElementTemplate.beanOf(
          element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression"));
      if (delegate != null) {
        uses.add(delegate + " delegate");
      }
      ExtensionElements extensions = element.getChildElementsByType(ExtensionElements.class).stream().findFirst()
          .orElse(null);
      if (extensions != null) {
        for (CamundaExecutionListener listener : extensions.getChildElementsByType(CamundaExecutionListener.class)) {
          String bean = ElementTemplate.beanOf(listener.getCamundaDelegateExpression());
          if (bean != null) {
            uses.add(bean + " " + listener.getCamundaEvent());
          }
        }
        for (CamundaTaskListener listener : extensions.getChildElementsByType(CamundaTaskListener.class)) {
          String bean = ElementTemplate.beanOf(listener.getCamundaDelegateExpression());
          if (bean != null && !TASK_LISTENERS.contains(bean)) {
            problems.add(element.getId() + ": task listener ${" + bean + "} is not one of TASK_LISTENERS");
          }
        }
      }
      String boundTo = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "modelerTemplate");
      String boundVersion = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "modelerTemplateVersion");
      boolean matched = false;
      for (String use : uses) {
        String bean = use.substring(0, use.indexOf(' '));
        String how = use.substring(use.indexOf(' ') + 1);
        ElementTemplate template = templates.get(bean);
        if (template == null) {
          problems.add(element.getId() + " calls ${" + bean + "}, which has no element template");
          continue;
        }
        String expected = template.isListener() ? template.listenerEvent() : "delegate";
        if (!how.equals(expected)) {
          problems.add(element.getId() + " calls ${" + bean + "} as " + how + ", its template "
              + template.id() + " as " + expected);
          continue;
        }
        if (!template.appliesTo().contains(type)) {
          problems.add(element.getId() + " is a " + type + "; " + template.id() + " applies to "
              + template.appliesTo());
        }
        if (!bound) {
          continue;
        }
        if (!template.id().equals(boundTo)) {
          problems.add(element.getId() + " calls ${" + bean + "} without its template " + template.id()
              + " (camunda:modelerTemplate is " + boundTo + ")");
        } else if (!String.valueOf(template.version()).equals(boundVersion)) {
          problems.add(element.getId() + " is bound to " + template.id() + " version " + boundVersion + ", not "
              + template.version());
        } else {
          matched = true;
        }
      }
      if (bound && boundTo != null && boundTo.startsWith("nl.mediatafel.") && !matched && uses.isEmpty()) {
        problems.add(element.getId() + " is bound to " + boundTo + " but calls none of its beans");
      }
    }
    assertThat(problems).as("template bindings").isEmpty();
  }

  static List<String> offersExactlyTheReads(ElementTemplate template, DelegateInputs inputs) {
    List<String> problems = new ArrayList<>();
    Set<String> reads = inputs.reads(template.bean());
    for (String offered : template.boundNames()) {
      if (!reads.contains(offered)) {
        problems.add(template.id() + " binds " + offered + ", which ${" + template.bean() + "} does not read");
      }
    }
    for (String read : reads) {
      if (!template.boundNames().contains(read)) {
        problems.add("${" + template.bean() + "} reads " + read + ", which " + template.id() + " does not offer");
      }
    }
    return problems;
  }

  static List<String> asyncAsDecided(ElementTemplate template) {
    JsonNode async = null;
    for (JsonNode property : template.json().path("properties")) {
      if ("camunda:asyncBefore".equals(property.at("/binding/name").asText())) {
        async = property;
      }
    }
    boolean outside = ModelRulesTest.OUTSIDE_WORLD.contains(template.bean());
    if (outside && (async == null || !async.path("value").asBoolean() || async.path("editable").asBoolean(true))) {
      return List.of(template.id() + ": ${" + template.bean() + "} talks to the outside world, so the template sets"
          + " asyncBefore true, not editable");
    }
    if (!outside && async != null) {
      return List.of(template.id() + ": ${" + template.bean() + "} is internal and transactional: the template does"
          + " not set asyncBefore (docs/designers.md)");
    }
    return List.of();
  }

  static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private static BpmnModelInstance model(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String bindingAttributes(String id, int version) {
    return " camunda:modelerTemplate=\"" + id + "\" camunda:modelerTemplateVersion=\"" + version + "\"";
  }

  private static String serviceTask(String delegate, String binding) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="1">
            <!-- a comment with <bpmn:serviceTask camunda:delegateExpression="${sendEmail}"> stays a comment -->
            <bpmn:serviceTask id="serviceTask_mail" name="Mail"%s camunda:asyncBefore="true" \
        camunda:delegateExpression="%s">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="template">intake-invitation</camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(binding, delegate);
  }
}

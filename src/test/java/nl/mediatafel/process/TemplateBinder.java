package nl.mediatafel.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds the elements of a model to our element templates: every element whose {@code camunda:delegateExpression}
 * (or an execution listener of which) calls a bean with a template gets {@code camunda:modelerTemplate} and
 * {@code camunda:modelerTemplateVersion}, as Camunda Modeler writes them when a designer applies the template.
 *
 * <p>A text edit on the element's start tag only: everything else in the file (formatting, attribute order, DI,
 * comments) stays byte for byte, so the diff of a binding is exactly the binding. Run through
 * {@link TemplateBindingTest} with {@code -Dmediatafel.write-models=true}.
 */
final class TemplateBinder {

  /** Tags, comments and CDATA sections; the text between them does not matter here. */
  private static final Pattern TAG = Pattern.compile(
      "<!--.*?-->|<!\\[CDATA\\[.*?]]>|<\\?.*?\\?>|<(/?)([A-Za-z_][\\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>",
      Pattern.DOTALL);
  private static final Pattern DELEGATE = Pattern.compile("\\scamunda:delegateExpression=\"([^\"]*)\"");
  private static final Pattern LISTENER_DELEGATE = Pattern.compile("\\sdelegateExpression=\"([^\"]*)\"");
  private static final Pattern LISTENER_EVENT = Pattern.compile("\\sevent=\"([^\"]*)\"");
  private static final Pattern TEMPLATE = Pattern.compile("\\scamunda:modelerTemplate=\"[^\"]*\"");
  private static final Pattern VERSION = Pattern.compile("\\scamunda:modelerTemplateVersion=\"[^\"]*\"");
  private static final Pattern NAME = Pattern.compile("\\sname=\"[^\"]*\"");
  private static final Pattern ID = Pattern.compile("\\sid=\"[^\"]*\"");

  private final Map<String, ElementTemplate> templates;

  TemplateBinder(Map<String, ElementTemplate> templates) {
    this.templates = templates;
  }

  private record StartTag(String name, int start, int end) {}

  private record Edit(StartTag tag, ElementTemplate template) {}

  /** The model with every element that calls a templated bean bound to its template. */
  String bind(String xml) {
    List<Edit> edits = new ArrayList<>();
    Deque<StartTag> open = new ArrayDeque<>();
    Matcher tag = TAG.matcher(xml);
    while (tag.find()) {
      if (tag.group(2) == null) {
        continue; // comment, CDATA, processing instruction
      }
      String name = tag.group(2);
      if (!tag.group(1).isEmpty()) {
        while (!open.isEmpty() && !open.pop().name().equals(name)) {
          // an unbalanced document is not ours to repair; pop until the matching start tag
        }
        continue;
      }
      StartTag start = new StartTag(name, tag.start(), tag.end());
      String attributes = tag.group(3);
      if (name.startsWith("bpmn:")) {
        ElementTemplate template = templateFor(DELEGATE, attributes);
        if (template != null && !template.isListener()) {
          edits.add(new Edit(start, template));
        }
      } else if (name.equals("camunda:executionListener")) {
        ElementTemplate template = templateFor(LISTENER_DELEGATE, attributes);
        Matcher event = LISTENER_EVENT.matcher(attributes);
        if (template != null && template.isListener() && event.find()
            && event.group(1).equals(template.listenerEvent())) {
          owner(open).ifPresent(owner -> edits.add(new Edit(owner, template)));
        }
      }
      if (tag.group(4).isEmpty()) {
        open.push(start);
      }
    }
    for (int i = 1; i < edits.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (edits.get(i).tag().start() == edits.get(j).tag().start()) {
          throw new IllegalStateException("one element calls two beans with a template, "
              + edits.get(j).template().id() + " and " + edits.get(i).template().id() + ": "
              + xml.substring(edits.get(i).tag().start(), edits.get(i).tag().end()));
        }
      }
    }
    StringBuilder result = new StringBuilder(xml);
    edits.sort((a, b) -> Integer.compare(b.tag().start(), a.tag().start()));
    for (Edit edit : edits) {
      result.replace(edit.tag().start(), edit.tag().end(),
          bound(xml.substring(edit.tag().start(), edit.tag().end()), edit.template()));
    }
    return result.toString();
  }

  private ElementTemplate templateFor(Pattern attribute, String attributes) {
    Matcher delegate = attribute.matcher(attributes);
    return delegate.find() ? templates.get(ElementTemplate.beanOf(delegate.group(1))) : null;
  }

  /** The BPMN element whose extension elements hold the listener: the innermost open one but the extensions. */
  private static java.util.Optional<StartTag> owner(Deque<StartTag> open) {
    return open.stream().filter(tag -> tag.name().startsWith("bpmn:") && !tag.name().equals("bpmn:extensionElements"))
        .findFirst();
  }

  /** The start tag with the template's id and version: replaced where present, else after the name (or id). */
  static String bound(String startTag, ElementTemplate template) {
    String id = " camunda:modelerTemplate=\"" + template.id() + "\"";
    String version = " camunda:modelerTemplateVersion=\"" + template.version() + "\"";
    String tag = startTag;
    Matcher existing = TEMPLATE.matcher(tag);
    if (existing.find()) {
      tag = tag.substring(0, existing.start()) + id + tag.substring(existing.end());
      Matcher existingVersion = VERSION.matcher(tag);
      if (existingVersion.find()) {
        return tag.substring(0, existingVersion.start()) + version + tag.substring(existingVersion.end());
      }
      int after = tag.indexOf(id) + id.length();
      return tag.substring(0, after) + version + tag.substring(after);
    }
    Matcher name = NAME.matcher(tag);
    Matcher elementId = ID.matcher(tag);
    int at = name.find() ? name.end() : elementId.find() ? elementId.end()
        : tag.endsWith("/>") ? tag.length() - 2 : tag.length() - 1;
    return tag.substring(0, at) + id + version + tag.substring(at);
  }
}

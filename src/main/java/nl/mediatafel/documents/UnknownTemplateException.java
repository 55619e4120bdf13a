package nl.mediatafel.documents;

import java.util.List;

/** A document was asked for with a template that does not exist; the message lists the ones that do. */
public class UnknownTemplateException extends IllegalArgumentException {

  private final List<String> knownTemplates;

  UnknownTemplateException(String template, List<String> knownTemplates) {
    super("Unknown document template '" + template + "'; known templates: " + String.join(", ", knownTemplates));
    this.knownTemplates = List.copyOf(knownTemplates);
  }

  public List<String> knownTemplates() {
    return knownTemplates;
  }
}

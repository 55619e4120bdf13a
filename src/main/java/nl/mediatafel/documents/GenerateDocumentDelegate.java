package nl.mediatafel.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Maak document": renders a document of the case and writes its id to a process variable, for the next steps (a
 * signing round, a mail with the PDF) to pick up.
 *
 * <p>Configured per service task with input parameters (element template {@code nl.mediatafel.generateDocument}):
 * {@value #TEMPLATE} and {@value #DOCUMENT_TYPE} (required), {@value #VARIABLE} (default {@value #DEFAULT_VARIABLE})
 * and {@value #LANGUAGE} (default {@code nl}). The case number is the business key. Modelled with
 * {@code asyncBefore}, so a failure becomes a retried job and then an incident, not an error for whoever completed
 * the previous task.
 */
@Component(GenerateDocumentDelegate.BEAN_NAME)
public class GenerateDocumentDelegate implements JavaDelegate {

  /** Used in the model as {@code camunda:delegateExpression="${generateDocument}"}. */
  public static final String BEAN_NAME = "generateDocument";
  public static final String TEMPLATE = "template";
  public static final String DOCUMENT_TYPE = "documentType";
  public static final String VARIABLE = "variable";
  public static final String LANGUAGE = "language";
  public static final String DEFAULT_VARIABLE = "documentId";

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final DocumentService documents;
  private final DocumentModelSource models;

  GenerateDocumentDelegate(DocumentService documents, DocumentModelSource models) {
    this.documents = documents;
    this.models = models;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = required(execution, TEMPLATE);
    if (!documents.templates().contains(template)) {
      throw new DocumentTaskException(execution.getCurrentActivityId(), TEMPLATE, "unknown template '" + template
          + "'; known templates: " + String.join(", ", documents.templates()));
    }
    String documentType = required(execution, DOCUMENT_TYPE);
    if (Arrays.stream(DocumentType.values()).noneMatch(type -> type.name().equals(documentType))) {
      throw new DocumentTaskException(execution.getCurrentActivityId(), DOCUMENT_TYPE, "unknown document type '"
          + documentType + "'; known types: " + Arrays.stream(DocumentType.values()).map(DocumentType::name)
          .collect(Collectors.joining(", ")));
    }
    String variable = optional(execution, VARIABLE).orElse(DEFAULT_VARIABLE);
    if (!VARIABLE_NAME.matcher(variable).matches()) {
      throw new DocumentTaskException(execution.getCurrentActivityId(), VARIABLE, "'" + variable
          + "' is not a variable name (letters, digits and _, not starting with a digit)");
    }
    String language = optional(execution, LANGUAGE).map(tag -> tag.toLowerCase(Locale.ROOT))
        .orElse(DocumentService.LANGUAGES.get(0));
    if (!DocumentService.LANGUAGES.contains(language)) {
      throw new DocumentTaskException(execution.getCurrentActivityId(), LANGUAGE, "unsupported language '"
          + language + "'; supported: " + String.join(", ", DocumentService.LANGUAGES));
    }
    String caseNumber = execution.getProcessBusinessKey();
    if (caseNumber == null || caseNumber.isBlank()) {
      throw new IllegalStateException("Service task '" + execution.getCurrentActivityId()
          + "' makes a document for a case, but the process instance has no business key (case number)");
    }

    StoredDocument document = documents.generate(caseNumber, documentType, template,
        Locale.forLanguageTag(language), models.modelFor(execution));
    // the model names the variable (input parameter "variable", else documentId)
    ProcessVariable.of(variable, String.class).set(execution.getProcessInstance(), document.id().toString());
  }

  private static String required(DelegateExecution execution, String parameter) {
    return optional(execution, parameter).orElseThrow(() -> new DocumentTaskException(
        execution.getCurrentActivityId(), parameter, "missing; set it on the service task (Inputs)"));
  }

  /** An input parameter is a local variable of the task's execution; blank counts as not set. */
  private static Optional<String> optional(DelegateExecution execution, String parameter) {
    Object value = execution.getVariableLocal(parameter);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new DocumentTaskException(execution.getCurrentActivityId(), parameter, "must be text, not "
          + value.getClass().getSimpleName());
    }
    return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
  }
}

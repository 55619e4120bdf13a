package nl.mediatafel.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.community.mockito.delegate.DelegateExecutionFake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delegate's input handling, without an engine: what it reads, what it passes on, what it refuses. */
class GenerateDocumentDelegateTest {

  private static final UUID DOCUMENT_ID = UUID.fromString("6f1c1a9e-5d55-4c43-9d0c-1b2f6d1b7a01");
  private static final Map<String, Object> MODEL = Map.of("caseNumber", "MED-TEST-D101", "mediator", "Carla Bakker");

  private final DocumentService documents = mock(DocumentService.class);
  private final DocumentModelSource models = execution -> MODEL;
  private final GenerateDocumentDelegate delegate = new GenerateDocumentDelegate(documents, models);

  private DelegateExecutionFake processInstance;
  private DelegateExecutionFake execution;

  @BeforeEach
  void aServiceTaskOfACase() {
    when(documents.templates()).thenReturn(List.of("cost-statement", "mediation-agreement", "settlement-agreement"));
    when(documents.generate(anyString(), anyString(), anyString(), any(Locale.class), anyMap()))
        .thenReturn(new StoredDocument(DOCUMENT_ID, "MED-TEST-D101", "MEDIATION_AGREEMENT", 1, "mediation-agreement",
            "nl", "0".repeat(64), Instant.parse("2026-03-05T09:00:00Z"), null, new byte[] {1}));
    processInstance = DelegateExecutionFake.of().withId("process-1").withProcessBusinessKey("MED-TEST-D101");
    execution = DelegateExecutionFake.of()
        .withId("execution-2")
        .withProcessBusinessKey("MED-TEST-D101")
        .withCurrentActivityId("serviceTask_makeAgreement")
        .withProcessInstance(processInstance)
        .withVariableLocal("template", "mediation-agreement")
        .withVariableLocal("documentType", "MEDIATION_AGREEMENT");
  }

  @Test
  void makesTheDocumentInDutchAndWritesItsIdToDocumentIdOnTheProcessInstance() throws Exception {
    delegate.execute(execution);

    verify(documents).generate("MED-TEST-D101", "MEDIATION_AGREEMENT", "mediation-agreement",
        Locale.forLanguageTag("nl"), MODEL);
    assertThat(processInstance.getVariable("documentId")).isEqualTo(DOCUMENT_ID.toString());
    assertThat(execution.getVariableLocal("documentId")).isNull();
  }

  @Test
  void writesTheIdToTheConfiguredVariableAndUsesTheConfiguredLanguage() throws Exception {
    execution.withVariableLocal("variable", "agreementDocumentId").withVariableLocal("language", "EN");

    delegate.execute(execution);

    verify(documents).generate(anyString(), anyString(), anyString(), eq(Locale.forLanguageTag("en")), anyMap());
    assertThat(processInstance.getVariable("agreementDocumentId")).isEqualTo(DOCUMENT_ID.toString());
    assertThat(processInstance.getVariable("documentId")).isNull();
  }

  @Test
  void aMissingTemplateNamesTheElementAndTheParameter() {
    execution.removeVariableLocal("template");

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(DocumentTaskException.class)
        .hasMessage("Service task 'serviceTask_makeAgreement', input parameter 'template': missing;"
            + " set it on the service task (Inputs)");
    verify(documents, never()).generate(anyString(), anyString(), anyString(), any(), anyMap());
  }

  @Test
  void anUnknownTemplateListsTheKnownTemplates() {
    execution.withVariableLocal("template", "contract");

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(DocumentTaskException.class)
        .hasMessageContaining("'serviceTask_makeAgreement'")
        .hasMessageContaining("'template'")
        .hasMessageContaining("unknown template 'contract'; known templates: cost-statement, mediation-agreement,"
            + " settlement-agreement");
  }

  @Test
  void aBlankOrUnknownDocumentTypeIsRefused() {
    execution.withVariableLocal("documentType", " ");
    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(DocumentTaskException.class)
        .hasMessageContaining("input parameter 'documentType': missing");

    execution.withVariableLocal("documentType", "CONTRACT");
    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(DocumentTaskException.class)
        .hasMessageContaining("unknown document type 'CONTRACT'; known types: MEDIATION_AGREEMENT,"
            + " SETTLEMENT_AGREEMENT, COST_STATEMENT");
  }

  @Test
  void anUnsupportedLanguageOrABadVariableNameIsRefused() {
    execution.withVariableLocal("language", "de");
    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(DocumentTaskException.class)
        .hasMessageContaining("input parameter 'language': unsupported language 'de'; supported: nl, en");

    execution.withVariableLocal("language", "nl").withVariableLocal("variable", "document id");
    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(DocumentTaskException.class)
        .hasMessageContaining("input parameter 'variable': 'document id' is not a variable name");
    verify(documents, never()).generate(anyString(), anyString(), anyString(), any(), anyMap());
  }

  @Test
  void anInputThatIsNotTextIsRefused() {
    execution.withVariableLocal("template", 42);

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(DocumentTaskException.class)
        .hasMessageContaining("input parameter 'template': must be text, not Integer");
  }

  @Test
  void aProcessWithoutBusinessKeyHasNoCaseToMakeADocumentFor() {
    execution.withProcessBusinessKey(null);

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'serviceTask_makeAgreement'")
        .hasMessageContaining("no business key");
  }
}

package nl.mediatafel.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.community.mockito.delegate.DelegateExecutionFake;
import org.junit.jupiter.api.Test;

class ProcessVariablesModelSourceTest {

  private final ProcessVariablesModelSource source = new ProcessVariablesModelSource();

  @Test
  void theModelHoldsTheBusinessKeyAndTheDocumentVariablesThatAreSet() {
    List<Map<String, Object>> parties = List.of(Map.of("name", "Anna de Vries", "payer", "INSURER"));
    DelegateExecutionFake execution = DelegateExecutionFake.of()
        .withProcessBusinessKey("MED-TEST-D201")
        .withVariable("mediator", "Carla Bakker")
        .withVariable("route", "FACE_TO_FACE")
        .withVariable("hourlyRate", 110.0)
        .withVariable("parties", parties)
        .withVariable("intakeAnswers", "vertrouwelijk");

    assertThat(source.modelFor(execution)).containsOnly(
        Map.entry("caseNumber", "MED-TEST-D201"),
        Map.entry("mediator", "Carla Bakker"),
        Map.entry("route", "FACE_TO_FACE"),
        Map.entry("hourlyRate", 110.0),
        Map.entry("parties", parties));
  }

  @Test
  void partiesThatAreNotAListOfMapsAreAModellingMistake() {
    DelegateExecutionFake execution = DelegateExecutionFake.of()
        .withProcessBusinessKey("MED-TEST-D202")
        .withVariable("parties", "Anna, Bram");

    assertThatThrownBy(() -> source.modelFor(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'parties' must be a list of maps");
  }
}

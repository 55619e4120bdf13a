package nl.mediatafel.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * The document model from process variables: the business key as case number, and the variables named in
 * {@link DocumentModelSource} that are set.
 *
 * <p>{@code @Fallback} (Spring 6.2) rather than {@code @ConditionalOnMissingBean}: that condition is only reliable in
 * auto-configuration, because it depends on which bean definitions happen to be registered before it is evaluated.
 * A fallback bean is always registered and is injected only when no other {@link DocumentModelSource} exists, so the
 * case feature replaces it by adding its own {@code @Component}, without {@code @Primary} and without touching this
 * class.
 */
@Component
@Fallback
class ProcessVariablesModelSource implements DocumentModelSource {

  private static final List<String> COPIED = List.of(MEDIATOR, ROUTE, HOURLY_RATE, PLATFORM_FEE, HOURS,
      AGREED_POINTS, DOCUMENT_DATE);

  @Override
  public Map<String, Object> modelFor(DelegateExecution execution) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(CASE_NUMBER, execution.getProcessBusinessKey());
    for (String name : COPIED) {
      Object value = execution.getVariable(name);
      if (value != null) {
        model.put(name, value);
      }
    }
    Object parties = execution.getVariable(PARTIES);
    if (parties != null) {
      model.put(PARTIES, parties(parties));
    }
    return model;
  }

  /** Only a list of maps can be printed; anything else is a modelling mistake worth an incident, not a blank. */
  private static List<?> parties(Object value) {
    if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
      return list;
    }
    throw new IllegalStateException("Process variable '" + PARTIES + "' must be a list of maps with 'name' and"
        + " 'payer', not " + value.getClass().getName());
  }
}

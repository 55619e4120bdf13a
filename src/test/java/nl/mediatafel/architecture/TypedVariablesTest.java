package nl.mediatafel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * No raw variable names outside the typed API (docs/architecture.md, section 6; #19): no class under
 * {@code nl.mediatafel} but {@link ProcessVariable} reads or writes one variable by its name through the
 * {@link RuntimeService}, the {@link TaskService} or a {@link VariableScope} (a {@code DelegateExecution}, a
 * {@code DelegateTask}, …). Bulk reads of all variables ({@code getVariables(id)}, e.g. the case view's list of
 * deadlines) and the builders of a message correlation or a process start are not covered. The rule also runs on a
 * known-bad fixture ({@code architecture.fixture.variables}) and must fail there.
 *
 * <p>The same rule runs over the test classes ({@link InTheTests}), with its own {@link #KNOWN_IN_TESTS}: tests read
 * and write variables through the same constants as the code they test. ArchUnit sees calls, not literals: the
 * variables a test passes as a {@code Map.of("name", …)} to {@code complete} or {@code startProcessInstanceByKey}, and
 * the name given to a query's {@code variableValueEquals("…")}, are not found here; tests build those with
 * {@code ProcessVariable.map(X.with(v))} and {@code X.name()} by convention (review, #19).
 */
class TypedVariablesTest {

  private static final String ROOT = ModuleBoundariesTest.ROOT;
  private static final String FIXTURE = ROOT + ".architecture.fixture.variables";

  /** The calls that take one variable's name. */
  private static final Set<String> BY_NAME = Set.of("getVariable", "getVariableLocal", "getVariableTyped",
      "getVariableLocalTyped", "setVariable", "setVariableLocal");

  /**
   * Calls that remain, as {@code module.Class -> Service.method} ({@code *} for any class), each with its reason. A new
   * call anywhere else fails the build; an entry no class needs any more fails it too.
   */
  static final Map<String, String> KNOWN = new LinkedHashMap<>(Map.of(
      "* -> VariableScope.getVariableLocal",
      "a delegate or listener reads its own input parameters (set in the model through its element template): "
          + "configuration, not process variables, converted and checked by the delegate with its own message",
      "deadlines.SetDeadlineDelegate -> VariableScope.getVariable",
      "the model names the date to count from (input parameter 'from'); a value that is no date is refused as a "
          + "DeadlineConfigurationException naming the parameter, not a ProcessEngineException",
      "deadlines.ExtendDeadlineDelegate -> VariableScope.getVariable",
      "the model names the deadline to extend (input parameter 'variable'); refused the same way as above",
      "documents.ProcessVariablesModelSource -> VariableScope.getVariable",
      "copies whatever the named variables hold into a document template's model: untyped on purpose"));

  /**
   * Calls by a raw name that remain in the test classes, as in {@link #KNOWN}: each with its reason. A new one fails
   * the build; an entry no test needs any more fails it too.
   */
  static final Map<String, String> KNOWN_IN_TESTS = new LinkedHashMap<>(Map.of(
      "sessions.FaceToFaceOldVersionTest -> RuntimeService.getVariable",
      "runs an instance of the legacy model (src/test/resources/legacy/), whose variables keep their old names",
      "process.ProcessVariableTest -> RuntimeService.setVariable",
      "writes a value of the wrong type on purpose, to prove that the typed read refuses it",
      "bench.Benchmark -> RuntimeService.getVariableLocal",
      "the bare-engine baseline (src/bench) runs a minimal model of its own, outside the process API on purpose",
      "deadlines.SetDeadlineDelegateTest -> VariableScope.getVariable",
      "the delegate writes the variable its input parameter 'variable' names: the test checks that configured name",
      "deadlines.SetDeadlineProcessTest -> RuntimeService.getVariable",
      "reads the deadline the test model names in its input parameter 'variable' (a helper's argument)",
      "documents.GenerateDocumentDelegateTest -> VariableScope.getVariable",
      "the delegate writes the document id to the variable its input parameter 'variable' names: the test checks it",
      "documents.GenerateDocumentDelegateTest -> VariableScope.getVariableLocal",
      "checks that the configured output variable is not also written on the delegate's own execution"));

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void variablesAreReadAndWrittenOnlyThroughProcessVariable() {
    typedVariablesOnly(ROOT, KNOWN.keySet()).check(MAIN);
  }

  @Test
  void everyKnownCallIsStillNeeded() {
    SortedSet<String> calls = rawCalls(ROOT, MAIN);
    for (String known : KNOWN.keySet()) {
      String method = known.substring(known.indexOf(" -> ") + 4);
      assertThat(known.startsWith("* -> ") ? calls.stream().anyMatch(call -> call.endsWith(" -> " + method))
          : calls.contains(known)).as("KNOWN entry '%s': no class needs it any more, remove it", known).isTrue();
    }
  }

  @Nested
  class InTheTests {

    /** The test classes, without the known-bad fixtures (they must stay bad). */
    private final JavaClasses tests = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/nl/mediatafel/architecture/fixture/"))
        .importPackages(ROOT);

    @Test
    void testsReadAndWriteVariablesOnlyThroughProcessVariable() {
      typedVariablesOnly(ROOT, KNOWN_IN_TESTS.keySet()).check(tests);
    }

    @Test
    void everyKnownCallIsStillNeeded() {
      assertThat(rawCalls(ROOT, tests)).as("KNOWN_IN_TESTS: remove the entries no test needs any more")
          .containsAll(KNOWN_IN_TESTS.keySet());
    }
  }

  @Nested
  class OnAKnownBadFixture {

    private final JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void rawNamesThroughEveryServiceFail() {
      EvaluationResult result = typedVariablesOnly(FIXTURE, Set.of()).evaluate(fixture);
      assertThat(result.hasViolation()).isTrue();
      assertThat(result.getFailureReport().getDetails()).hasSize(3).anyMatch(d -> d.contains("RuntimeService"))
          .anyMatch(d -> d.contains("TaskService")).anyMatch(d -> d.contains("DelegateExecution"));
    }

    @Test
    void aKnownCallPassesAndOnlyThatOne() {
      assertThat(rawCalls(FIXTURE, fixture)).containsExactly("RawVariables -> RuntimeService.getVariable",
          "RawVariables -> TaskService.setVariable", "RawVariables -> VariableScope.getVariable");
      EvaluationResult result = typedVariablesOnly(FIXTURE,
          Set.of("RawVariables -> RuntimeService.getVariable", "* -> TaskService.setVariable")).evaluate(fixture);
      assertThat(result.getFailureReport().getDetails()).singleElement().asString()
          .contains("DelegateExecution.getVariable");
    }
  }

  static ArchRule typedVariablesOnly(String root, Set<String> known) {
    return classes().that().resideInAPackage(root + "..").and().doNotBelongToAnyOf(ProcessVariable.class)
        .should(new ArchCondition<>("read and write variables only through ProcessVariable") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
              String use = use(root, call);
              if (use != null && !known.contains(use) && !known.contains("* -> " + method(call))) {
                events.add(SimpleConditionEvent.violated(call, call.getDescription()));
              }
            }
          }
        })
        .because("a variable's name and type live in one ProcessVariable constant (docs/architecture.md, section 6)");
  }

  /** Every call by a raw name, as {@code module.Class -> Service.method}. */
  static SortedSet<String> rawCalls(String root, JavaClasses classes) {
    SortedSet<String> calls = new TreeSet<>();
    for (JavaClass type : classes) {
      if (type.getName().startsWith(root + ".") && !type.isEquivalentTo(ProcessVariable.class)) {
        type.getMethodCallsFromSelf().stream().map(call -> use(root, call)).filter(use -> use != null)
            .forEach(calls::add);
      }
    }
    return calls;
  }

  private static String use(String root, JavaMethodCall call) {
    String method = method(call);
    if (method == null) {
      return null;
    }
    String origin = call.getOriginOwner().getName().substring(root.length() + 1);
    int nested = origin.indexOf('$');
    return (nested < 0 ? origin : origin.substring(0, nested)) + " -> " + method;
  }

  /** {@code Service.method} for a call of a by-name method on one of the three, else null. */
  private static String method(JavaMethodCall call) {
    if (!BY_NAME.contains(call.getName())) {
      return null;
    }
    Class<?> owner = call.getTargetOwner().reflect(); // the engine's types are not imported: ask the class path
    for (Class<?> service : new Class<?>[] {RuntimeService.class, TaskService.class, VariableScope.class}) {
      if (service.isAssignableFrom(owner)) {
        return service.getSimpleName() + "." + call.getName();
      }
    }
    return null;
  }
}

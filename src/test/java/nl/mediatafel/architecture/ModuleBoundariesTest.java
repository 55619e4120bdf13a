package nl.mediatafel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md (section 4) and docs/adr/0012, checked on the compiled main classes:
 * every top-level package under {@code nl.mediatafel} is a module; the modules are free of cycles; a module's
 * {@code *Repository} types are used inside that module only (other features read cases and parties through
 * {@code cases.CaseDirectory}); the shared modules ({@link #SHARED}) depend on no feature module. Each rule is also run
 * on a known-bad fixture ({@code architecture.fixture}) and must fail there, so a rule that checks nothing is noticed.
 *
 * <p>{@code docs/modules.puml}, the module diagram, is generated from the same analysis; the test fails when it is
 * out of date. Rewrite it with {@code -Dmediatafel.write-docs=true}.
 */
class ModuleBoundariesTest {

  static final String ROOT = "nl.mediatafel";
  private static final String FIXTURE = ROOT + ".architecture.fixture";
  private static final Path DIAGRAM = Path.of("docs/modules.puml");

  /** Engine glue and web plumbing every feature may use; they use no feature. */
  static final Set<String> SHARED = Set.of("api", "audit", "i18n", "process", "security", "web");

  /**
   * Uses of another module's repository that remain, by class (relative to {@link #ROOT}) and repository, each with
   * its reason. The classes are being reworked in parallel (#19); each entry is to be removed: read through the
   * owning module's API instead. A new use anywhere else fails the build; an entry no longer needed fails it too.
   */
  static final Map<String, String> KNOWN_REPOSITORY_USES = new LinkedHashMap<>(Map.of(
      "portal.CaseOverview -> sessions.SessionRepository",
      "sessions has no read API yet and is being reworked in parallel; to be removed with one for a case's sessions"));

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void theModulesAreFreeOfCycles() {
    noCycles(ROOT).check(MAIN);
  }

  @Test
  void repositoriesAreUsedOnlyInsideTheirModule() {
    repositoriesStayInTheirModule(ROOT, KNOWN_REPOSITORY_USES.keySet()).check(MAIN);
  }

  @Test
  void everyKnownRepositoryUseStillExists() {
    SortedSet<String> uses = repositoryUsesAcrossModules(ROOT, MAIN);
    assertThat(uses).as("an entry of KNOWN_REPOSITORY_USES that no class needs any more: remove it")
        .containsAll(KNOWN_REPOSITORY_USES.keySet());
  }

  @Test
  void theSharedModulesDependOnNoFeature() {
    sharedDependOnNoFeature(ROOT).check(MAIN);
  }

  @Test
  void theModuleDiagramIsUpToDate() throws IOException {
    String expected = diagram(dependencies(ROOT, MAIN));
    if (Boolean.getBoolean("mediatafel.write-docs")) {
      Files.writeString(DIAGRAM, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DIAGRAM)).as("%s exists; write it with -Dmediatafel.write-docs=true", DIAGRAM).isTrue();
    assertThat(Files.readString(DIAGRAM, StandardCharsets.UTF_8))
        .as("%s is out of date; rewrite it with -Dmediatafel.write-docs=true", DIAGRAM).isEqualTo(expected);
  }

  /** Each rule fails on the known-bad fixture: alpha ↔ beta, beta reads alpha's repository, process knows alpha. */
  @Nested
  class OnAKnownBadFixture {

    private final JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void aCycleFails() {
      EvaluationResult result = noCycles(FIXTURE).evaluate(fixture);
      assertThat(result.hasViolation()).isTrue();
      assertThat(result.getFailureReport().toString()).contains("alpha").contains("beta");
    }

    @Test
    void anotherModulesRepositoryFails() {
      EvaluationResult result = repositoriesStayInTheirModule(FIXTURE, Set.of()).evaluate(fixture);
      assertThat(result.hasViolation()).isTrue();
      assertThat(result.getFailureReport().toString()).contains("Beta").contains("AlphaRepository");
    }

    @Test
    void aKnownUsePassesAndOnlyThatOne() {
      assertThat(repositoriesStayInTheirModule(FIXTURE, Set.of("beta.Beta -> alpha.AlphaRepository"))
          .evaluate(fixture).hasViolation()).isFalse();
      assertThat(repositoriesStayInTheirModule(FIXTURE, Set.of("process.Glue -> alpha.AlphaRepository"))
          .evaluate(fixture).hasViolation()).isTrue();
    }

    @Test
    void sharedGlueThatKnowsAFeatureFails() {
      EvaluationResult result = sharedDependOnNoFeature(FIXTURE).evaluate(fixture);
      assertThat(result.hasViolation()).isTrue();
      assertThat(result.getFailureReport().toString()).contains("Glue").contains("Alpha");
    }

    @Test
    void theDiagramShowsTheFixturesDependencies() {
      assertThat(dependencies(FIXTURE, fixture)).containsEntry("alpha", new TreeSet<>(Set.of("beta")))
          .containsEntry("beta", new TreeSet<>(Set.of("alpha")))
          .containsEntry("process", new TreeSet<>(Set.of("alpha")));
    }
  }

  static ArchRule noCycles(String root) {
    return slices().matching(root + ".(*)..").namingSlices("$1").as("the modules under " + root)
        .should().beFreeOfCycles();
  }

  static ArchRule repositoriesStayInTheirModule(String root, Set<String> known) {
    return classes().that().resideInAPackage(root + "..").and().haveSimpleNameEndingWith("Repository")
        .should(beUsedOnlyInsideTheirModule(root, known))
        .because("other modules read through the owning module's API (cases: CaseDirectory), not its tables");
  }

  static ArchRule sharedDependOnNoFeature(String root) {
    String[] shared = SHARED.stream().map(module -> root + "." + module + "..").toArray(String[]::new);
    return noClasses().that().resideInAnyPackage(shared)
        .should().dependOnClassesThat(belongToAFeature(root))
        .because("each feature registers itself with the shared modules (e.g. process.ConfidentialVariables)");
  }

  private static DescribedPredicate<JavaClass> belongToAFeature(String root) {
    return DescribedPredicate.describe("belong to a feature module under " + root, type -> {
      String module = moduleOf(root, type);
      return module != null && !SHARED.contains(module);
    });
  }

  private static ArchCondition<JavaClass> beUsedOnlyInsideTheirModule(String root, Set<String> known) {
    return new ArchCondition<>("be used only inside their module") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
          if (crossesModules(root, dependency)
              && !known.contains(use(root, dependency.getOriginClass(), repository))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static boolean crossesModules(String root, Dependency dependency) {
    String from = moduleOf(root, dependency.getOriginClass());
    return from != null && !from.equals(moduleOf(root, dependency.getTargetClass()));
  }

  /** Every use of a repository from another module, as {@code module.Class -> module.Repository}. */
  static SortedSet<String> repositoryUsesAcrossModules(String root, JavaClasses classes) {
    SortedSet<String> uses = new TreeSet<>();
    for (JavaClass type : classes) {
      if (moduleOf(root, type) != null && type.getSimpleName().endsWith("Repository")) {
        type.getDirectDependenciesToSelf().stream().filter(dependency -> crossesModules(root, dependency))
            .forEach(dependency -> uses.add(use(root, dependency.getOriginClass(), type)));
      }
    }
    return uses;
  }

  private static String use(String root, JavaClass origin, JavaClass target) {
    return relative(root, origin.getName().replaceAll("\\$.*", "")) + " -> " + relative(root, target.getName());
  }

  private static String relative(String root, String className) {
    return className.substring(root.length() + 1);
  }

  /** The module of a class: its first package below the root; null for the root package and anything outside. */
  static String moduleOf(String root, JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(root + ".")) {
      return null;
    }
    String below = name.substring(root.length() + 1);
    int dot = below.indexOf('.');
    return dot < 0 ? below : below.substring(0, dot);
  }

  /** Each module with the modules it uses (empty for one that uses none), sorted. */
  static SortedMap<String, SortedSet<String>> dependencies(String root, JavaClasses classes) {
    SortedMap<String, SortedSet<String>> uses = new TreeMap<>();
    for (JavaClass type : classes) {
      String from = moduleOf(root, type);
      if (from == null) {
        continue;
      }
      SortedSet<String> targets = uses.computeIfAbsent(from, module -> new TreeSet<>());
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        String to = moduleOf(root, dependency.getTargetClass());
        if (to != null && !to.equals(from)) {
          targets.add(to);
        }
      }
    }
    return uses;
  }

  /** A PlantUML component diagram: the features, the shared modules in a frame, uses of shared modules dotted. */
  static String diagram(SortedMap<String, SortedSet<String>> dependencies) {
    StringBuilder puml = new StringBuilder()
        .append("@startuml modules\n")
        .append("' generated from the compiled classes by nl.mediatafel.architecture.ModuleBoundariesTest\n")
        .append("' (-Dmediatafel.write-docs=true); do not edit by hand. See docs/architecture.md, section 4.\n")
        .append("title Mediatafel modules (nl.mediatafel.*): an arrow is a use, dotted to a shared module\n")
        .append("skinparam componentStyle rectangle\n")
        .append("left to right direction\n\n");
    dependencies.keySet().stream().filter(module -> !SHARED.contains(module))
        .forEach(module -> puml.append("component [").append(module).append("]\n"));
    puml.append("\npackage \"shared\" {\n");
    dependencies.keySet().stream().filter(SHARED::contains)
        .forEach(module -> puml.append("  component [").append(module).append("]\n"));
    puml.append("}\n\n");
    dependencies.forEach((from, targets) -> targets.forEach(to -> puml.append('[').append(from).append(']')
        .append(SHARED.contains(to) ? " ..> " : " --> ").append('[').append(to).append("]\n")));
    return puml.append("@enduml\n").toString();
  }
}

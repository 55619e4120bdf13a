package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.mediatafel.platform.MediatafelTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MediatafelTest
class ModelDeploymentTest {

  @Autowired RepositoryService repositoryService;
  @Autowired ModelDeployment modelDeployment;

  @Test
  void everyFileInProcessesAndFormsIsInOneDeployment() throws IOException {
    List<String> onDisk;
    try (Stream<Path> processes = Files.walk(Path.of("processes")); Stream<Path> forms = Files.walk(Path.of("forms"))) {
      onDisk = Stream.concat(processes, forms)
          .filter(Files::isRegularFile)
          .map(path -> path.toString().replace('\\', '/'))
          .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
          .sorted()
          .toList();
    }
    assertThat(onDisk).isNotEmpty().anyMatch(name -> name.endsWith(".form")).anyMatch(name -> name.endsWith(".dmn"));

    List<Deployment> deployments = repositoryService.createDeploymentQuery()
        .deploymentName(ModelDeployment.DEPLOYMENT_NAME).list();
    assertThat(deployments).hasSize(1);
    assertThat(repositoryService.getDeploymentResourceNames(deployments.get(0).getId())).containsExactlyInAnyOrderElementsOf(onDisk);
  }

  @Test
  void unchangedModelsDeployNothingNew() {
    assertThat(modelDeployment.deploy(repositoryService, modelDeployment.findModels())).isEmpty();
    assertThat(repositoryService.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).count())
        .isEqualTo(1);
  }

  @Test
  void resourceNamesAreTheSameInAnExplodedRunAndInTheFatJar() {
    assertThat(ModelDeployment.rootOf("classpath*:processes/**/*.bpmn")).isEqualTo("processes/");
    assertThat(ModelDeployment.rootOf("classpath*:forms/**/*.form")).isEqualTo("forms/");
    assertThat(ModelDeployment.resourceName("file:/work/main/target/classes/processes/route-advice.dmn", "processes/"))
        .isEqualTo("processes/route-advice.dmn");
    assertThat(ModelDeployment.resourceName(
        "jar:nested:/opt/app/mediatafel.jar/!BOOT-INF/classes/!/processes/route-advice.dmn", "processes/"))
        .isEqualTo("processes/route-advice.dmn");
    assertThat(ModelDeployment.resourceName("jar:file:/opt/app/app.jar!/BOOT-INF/classes!/forms/triage.form", "forms/"))
        .isEqualTo("forms/triage.form");
  }

  @Test
  void malformedXmlIsReportedWithItsFileName() {
    ModelFile broken = model("processes/broken.bpmn", "<definitions><process id=\"x\"></definitions>");
    assertThatThrownBy(() -> modelDeployment.deploy(repositoryService, List.of(broken)))
        .isInstanceOf(ModelDeploymentException.class)
        .hasMessageContaining("processes/broken.bpmn");
  }

  @Test
  void aDecisionTableThatIsNotDmnIsReportedWithItsFileName() {
    ModelFile broken = model("processes/broken.dmn", "<notDmn/>");
    assertThatThrownBy(() -> modelDeployment.deploy(repositoryService, List.of(broken)))
        .isInstanceOf(ModelDeploymentException.class)
        .hasMessageContaining("processes/broken.dmn");
  }

  @Test
  void aFormWithoutIdIsReportedWithItsFileName() {
    ModelFile broken = model("forms/broken.form", "{\"components\": []}");
    assertThatThrownBy(() -> modelDeployment.deploy(repositoryService, List.of(broken)))
        .isInstanceOf(ModelDeploymentException.class)
        .hasMessageContaining("forms/broken.form");
  }

  @Test
  void aValidXmlProcessTheEngineRejectsIsReportedWithItsFileName() {
    // schema-valid BPMN, but the engine refuses a process without historyTimeToLive
    ModelFile rejected = model("processes/no-ttl.bpmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="definitions_noTtl"
            targetNamespace="https://mediatafel.nl/test">
          <process id="no-ttl" isExecutable="true">
            <startEvent id="startEvent_begin"/>
          </process>
        </definitions>
        """);
    assertThatThrownBy(() -> modelDeployment.deploy(repositoryService, List.of(rejected)))
        .isInstanceOf(ModelDeploymentException.class)
        .hasMessageContaining("processes/no-ttl.bpmn");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).count())
        .isEqualTo(1);
  }

  private static ModelFile model(String name, String text) {
    return new ModelFile(name, text.getBytes(StandardCharsets.UTF_8));
  }
}

package nl.mediatafel.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model from {@code processes/} and {@code forms/} as one deployment named {@value #DEPLOYMENT_NAME}
 * when the engine starts.
 *
 * <p>The starter's own auto-deployment names a resource after its absolute file path in an exploded run and after its
 * bare file name in the fat jar, so every change of directory or packaging redeploys everything. Here a resource is
 * named by its path below the classpath root ({@code processes/mediation-case.bpmn}) in both cases, and the engine's
 * duplicate filter turns an unchanged restart into a no-op (docs/adr/0002-model-deployment.md).
 */
@Component
@Order(10)
public class ModelDeployment extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "mediatafel";

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final ResourcePatternResolver resolver;
  private final List<String> patterns;

  public ModelDeployment(ResourcePatternResolver resolver, CamundaBpmProperties properties) {
    this.resolver = resolver;
    this.patterns = List.of(properties.getDeploymentResourcePattern());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deploy(processEngine.getRepositoryService(), findModels());
  }

  /** All model files matched by {@code camunda.bpm.deployment-resource-pattern}, sorted by name. */
  public List<ModelFile> findModels() {
    List<ModelFile> models = new ArrayList<>();
    for (String pattern : patterns) {
      String root = rootOf(pattern);
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          if (resource.isReadable()) {
            String name = resourceName(resource.getURL().toString(), root);
            models.add(new ModelFile(name, resource.getContentAsByteArray()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read models matching " + pattern, e);
      }
    }
    models.sort(Comparator.comparing(ModelFile::name));
    return models;
  }

  /**
   * Checks each model on its own (so a broken file is named), then deploys them together.
   *
   * @return the new deployment, or empty when nothing changed since the last one
   */
  public Optional<Deployment> deploy(RepositoryService repositoryService, List<ModelFile> models) {
    if (models.isEmpty()) {
      LOG.warn("No models found for {}", patterns);
      return Optional.empty();
    }
    models.forEach(ModelFile::check);
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false);
    models.forEach(model -> builder.addString(model.name(), model.text()));
    Deployment previous = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
    try {
      Deployment deployment = builder.deploy();
      if (previous != null && previous.getId().equals(deployment.getId())) {
        LOG.info("Models unchanged since deployment {}; nothing deployed", deployment.getId());
        return Optional.empty();
      }
      LOG.info("Deployed {} models as deployment {}", models.size(), deployment.getId());
      return Optional.of(deployment);
    } catch (ParseException e) {
      throw new ModelDeploymentException(describe(e), e);
    } catch (ProcessEngineException e) {
      throw new ModelDeploymentException("The models in " + names(models) + " cannot be deployed: " + e.getMessage(), e);
    }
  }

  private static String describe(ParseException e) {
    StringBuilder message = new StringBuilder("Invalid model:");
    e.getResorceReports().forEach(report -> {
      report.getErrors().forEach(problem -> message.append("\n  ").append(report.getResourceName())
          .append(" line ").append(problem.getLine()).append(": ").append(problem.getMessage()));
    });
    return message.toString();
  }

  private static String names(List<ModelFile> models) {
    return models.stream().map(ModelFile::name).toList().toString();
  }

  /** {@code classpath*:processes/**}{@code /*.bpmn} → {@code processes/}. */
  static String rootOf(String pattern) {
    String path = pattern.substring(pattern.indexOf(':') + 1);
    int wildcard = path.indexOf('*');
    String fixed = wildcard < 0 ? path : path.substring(0, wildcard);
    return fixed.substring(0, fixed.lastIndexOf('/') + 1);
  }

  /**
   * The stable name of a model: its path from the root folder on. Works for exploded class folders
   * ({@code file:/…/target/classes/processes/a.bpmn}) and for the fat jar
   * ({@code jar:nested:/app.jar/!BOOT-INF/classes/!/processes/a.bpmn}) alike.
   */
  static String resourceName(String url, String root) {
    int at = url.lastIndexOf("/" + root);
    if (root.isEmpty() || at < 0) {
      throw new ModelDeploymentException("Model " + url + " is not below a folder " + root);
    }
    return url.substring(at + 1);
  }
}

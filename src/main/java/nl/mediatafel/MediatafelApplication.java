package nl.mediatafel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Mediatafel: mediation cases on an embedded Camunda 7 engine with Tasklist, Cockpit, Admin and REST API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MediatafelApplication {

  public static void main(String[] args) {
    SpringApplication.run(MediatafelApplication.class, args);
  }
}

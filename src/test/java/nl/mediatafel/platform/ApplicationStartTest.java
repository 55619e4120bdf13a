package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@MediatafelTest
class ApplicationStartTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  @Test
  void liquibaseNotTheEngineCreatesCamundasSchema() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseSchemaUpdate()).isEqualTo("false");
    assertThat(jdbc.queryForList("select id from databasechangelog", String.class))
        .contains("7.16.0-baseline", "7.23-to-7.24");
    assertThat(jdbc.queryForObject("select count(*) from act_ge_schema_log where version_ = '7.24.0'", Long.class))
        .isEqualTo(1L);
  }

  @Test
  void landingPageLinksTheStaffApplications() {
    ResponseEntity<String> page = http.getForEntity("/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<html lang=\"nl\"", "/camunda/app/tasklist/", "/camunda/app/cockpit/",
        "/camunda/app/admin/", "/aanmelden", "/outbox");
  }

  @Test
  void tasklistIsServed() {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Camunda");
  }

  @Test
  void healthReportsDatabaseAndEngine() {
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"", "\"db\"", "\"processEngine\"");
  }
}

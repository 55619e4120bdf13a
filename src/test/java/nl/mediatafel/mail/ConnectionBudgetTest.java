package nl.mediatafel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import nl.mediatafel.platform.MediatafelTest;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MediatafelTest
class ConnectionBudgetTest {

  @Autowired
  DataSource dataSource;

  @Autowired
  CamundaBpmProperties camunda;

  @Test
  void aPoolWithAsManyConnectionsAsJobThreadsIsRefusedNamingBothSettings() {
    // Camunda's starter default (10 job threads) on Hikari's default pool (10): the pool could run dry
    assertThatThrownBy(() -> ConnectionBudget.check(10, 10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spring.datasource.hikari.maximum-pool-size is 10")
        .hasMessageContaining("camunda.bpm.job-execution.max-pool-size")
        .hasMessageContaining("at least 24");
  }

  @Test
  void theShippedSettingsLeaveEveryJobThreadTwoConnectionsAndHeadroom() {
    int connections = ((HikariDataSource) dataSource).getMaximumPoolSize();
    int jobThreads = camunda.getJobExecution().getMaxPoolSize();
    assertThat(connections).isEqualTo(20);
    assertThat(jobThreads).isEqualTo(4);
    assertThatCode(() -> ConnectionBudget.check(connections, jobThreads)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ConnectionBudget.check(2 * jobThreads + ConnectionBudget.HEADROOM - 1, jobThreads))
        .isInstanceOf(IllegalStateException.class);
  }
}

package nl.mediatafel.mail;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node whose database pool could run dry under mail delivery. A delivery job holds its own
 * transaction's connection while {@link MailDispatcher} commits each delivered mail in a second one; with as many job
 * threads as connections, every thread can hold one and wait forever for another (seen with a slow mail server: the
 * node stopped serving pages). Each job thread may need two connections, plus headroom for the job acquisition and
 * the web requests.
 */
@Component
class ConnectionBudget implements InitializingBean {

  /** Connections left for job acquisition and web requests when every job thread holds two. */
  static final int HEADROOM = 4;

  private final DataSource dataSource;
  private final CamundaBpmProperties camunda;

  ConnectionBudget(DataSource dataSource, CamundaBpmProperties camunda) {
    this.dataSource = dataSource;
    this.camunda = camunda;
  }

  @Override
  public void afterPropertiesSet() {
    JobExecutionProperty jobs = camunda.getJobExecution();
    if (jobs.isEnabled() && dataSource instanceof HikariDataSource pool) {
      check(pool.getMaximumPoolSize(), jobs.getMaxPoolSize());
    }
  }

  static void check(int connections, int jobThreads) {
    int needed = 2 * jobThreads + HEADROOM;
    if (connections < needed) {
      throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size is " + connections + " but "
          + jobThreads + " job threads (camunda.bpm.job-execution.max-pool-size) need at least " + needed
          + " connections: a mail delivery job uses two");
    }
  }
}

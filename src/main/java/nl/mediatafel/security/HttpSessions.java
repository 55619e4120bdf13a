package nl.mediatafel.security;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.annotation.web.http.SpringHttpSessionConfiguration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HTTP sessions live in the database (Spring Session JDBC, tables by Liquibase: 150-http-sessions.yaml), so every node
 * of a cluster serves every session without sticky sessions: portal visits, the forms' CSRF tokens and the Camunda
 * webapp login alike. The cookie is Spring Session's {@code SESSION}, with the attributes of
 * {@code server.servlet.session.cookie} (HttpOnly, SameSite=Lax), the timeout that of
 * {@code server.servlet.session.timeout}.
 *
 * <p>The repository is declared here rather than by Spring Boot's auto-configuration, which names it
 * {@code sessionRepository}: that is the bean name of the planned sessions' JPA repository
 * ({@code nl.mediatafel.sessions.SessionRepository}). It is configured as Spring Session's own
 * {@code JdbcHttpSessionConfiguration} would: its own transaction, attributes serialized with the application's class
 * loader, expired sessions deleted every minute (by every node; the delete is idempotent).
 *
 * <p>Spring Session writes an attribute when it is set ({@code SaveMode.ON_SET_ATTRIBUTE}), not when an object read
 * from the session is changed in place; the code that changes one sets it again ({@code PortalVisit.saveTo}, and
 * Camunda's own authentication filter after every request). On PostgreSQL an attribute is written as an upsert, so two
 * requests of one browser that add the same attribute at once do not fail on the attributes' primary key.
 */
@Configuration(proxyBeanMethods = false)
@Import(SpringHttpSessionConfiguration.class)
class HttpSessions {

  @Bean
  JdbcIndexedSessionRepository httpSessionRepository(DataSource dataSource,
      PlatformTransactionManager transactionManager,
      @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    JdbcIndexedSessionRepository repository =
        new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource), transactions);
    repository.setDefaultMaxInactiveInterval(timeout);
    ClassLoader classLoader = HttpSessions.class.getClassLoader();
    GenericConversionService conversion = new GenericConversionService();
    conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
    conversion.addConverter(byte[].class, Object.class, new DeserializingConverter(classLoader));
    repository.setConversionService(conversion);
    if ("PostgreSQL".equals(productName(dataSource))) {
      new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
    }
    return repository;
  }

  private static String productName(DataSource dataSource) {
    try {
      return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }
}

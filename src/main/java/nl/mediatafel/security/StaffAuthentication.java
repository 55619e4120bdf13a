package nl.mediatafel.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Staff authentication, checked by Camunda's own filter against the engine's identity service (docs/adr/0003). The
 * engine REST API ({@code /engine-rest/*}) and Mediatafel's own API ({@code /api/*}) are machine APIs and require
 * HTTP Basic with a Camunda user. The staff pages of Mediatafel itself (outbox, intake answers, portal links, forum),
 * linked from Tasklist forms, also accept the Camunda webapp login session, so a logged-in staff member is not asked
 * to log in again. Either way the user is set on the engine for the request, so every engine call made for it is
 * subject to the user's authorizations.
 */
@Configuration
class StaffAuthentication {

  static final String ENGINE_REST = "/engine-rest/*";
  static final String API = "/api/*";
  /** The staff pages; {@code /cases} is the case list (package {@code workspace}). */
  static final String[] STAFF_PAGES = {"/outbox", "/outbox/*", "/intake/*", "/portal-links/*", "/forum/*",
      "/cases", "/cases/*"};

  @Bean
  FilterRegistrationBean<Filter> staffBasicAuthenticationFilter() {
    return registration("staff-basic-authentication", new StaffAuthenticationFilter(null), ENGINE_REST, API);
  }

  @Bean
  FilterRegistrationBean<Filter> staffPageAuthenticationFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    return registration("staff-page-authentication", new StaffAuthenticationFilter(loginUrl(webappPath)),
        STAFF_PAGES);
  }

  /** Whether the path (without the context path) is one of the {@link #STAFF_PAGES}. */
  static boolean isStaffPage(String path) {
    for (String pattern : STAFF_PAGES) {
      boolean matches = pattern.endsWith("/*") ? path.startsWith(pattern.substring(0, pattern.length() - 1))
          : path.equals(pattern);
      if (matches) {
        return true;
      }
    }
    return false;
  }

  /**
   * The Camunda webapps' login page (Camunda 7.24: the welcome app's AngularJS route {@code #!/login}); after the
   * login the staff pages accept its session.
   */
  static String loginUrl(String webappPath) {
    return webappPath + "/app/welcome/default/#!/login";
  }

  private static FilterRegistrationBean<Filter> registration(String name, Filter filter, String... urlPatterns) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(urlPatterns);
    // after Spring Session's filter, so the webapp login is read from the session in the database
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 10);
    return registration;
  }
}

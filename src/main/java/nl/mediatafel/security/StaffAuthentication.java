package nl.mediatafel.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Staff authentication for machine access: the engine REST API ({@code /engine-rest/*}) and Mediatafel's own API
 * ({@code /api/*}) and the staff pages of Mediatafel itself (outbox, intake answers, portal links, forum) require HTTP Basic with a Camunda user, checked by Camunda's own filter against the engine's
 * identity service. The authenticated user is then set on the engine for the request, so every engine call made for
 * it is subject to the user's authorizations.
 */
@Configuration
class StaffAuthentication {

  static final String ENGINE_REST = "/engine-rest/*";
  static final String API = "/api/*";
  static final String[] STAFF_PAGES = {"/outbox", "/outbox/*", "/intake/*", "/portal-links/*", "/forum/*"};

  @Bean
  FilterRegistrationBean<Filter> staffBasicAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new StaffAuthenticationFilter());
    registration.setName("staff-basic-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(ENGINE_REST, API);
    registration.addUrlPatterns(STAFF_PAGES);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}

package nl.mediatafel.portal;

import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address parties and staff reach Mediatafel at, for the links in mails: {@code mediatafel.portal.base-url} when
 * it is set (production must set it: {@code MEDIATAFEL_BASE_URL}); otherwise {@code http://localhost:<port>} with
 * the port the server actually runs on, read when a link is made, so a run with {@code --server.port=9090} or on a
 * random port mails links that open.
 */
@Component
public class PortalAddress {

  private final PortalProperties properties;
  private final Environment environment;

  PortalAddress(PortalProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** The base address, without a trailing slash. */
  public URI baseUrl() {
    if (properties.baseUrl() != null && !properties.baseUrl().toString().isBlank()) {
      return URI.create(properties.baseUrl().toString().replaceAll("/+$", ""));
    }
    // set by Spring Boot once the server listens (also for server.port=0); before that the configured port
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    String contextPath = environment.getProperty("server.servlet.context-path", "").replaceAll("/+$", "");
    return URI.create("http://localhost:" + port + contextPath);
  }
}

package nl.mediatafel.portal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl the address parties reach Mediatafel at, used in the links of mails; when unset, {@link PortalAddress}
 *     uses the port the server runs on
 * @param linkValidity how long a personal link works (it also ends when the case is closed or it is revoked)
 */
@ConfigurationProperties("mediatafel.portal")
public record PortalProperties(URI baseUrl, Duration linkValidity) {}

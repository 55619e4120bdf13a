package nl.mediatafel.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Known clients of the public request API (front desks, courts), each with an API key of its own sent as
 * {@value #HEADER}. Only the key's SHA-256 is configured ({@code mediatafel.requests.clients[n].key-sha256}, e.g.
 * {@code printf %s "$KEY" | sha256sum}); a known client's requests are counted under its name and limit, not under
 * the address it shares with others.
 *
 * @param clients the known clients; none by default
 */
@ConfigurationProperties("mediatafel.requests")
public record ApiClients(@DefaultValue List<Client> clients) {

  public static final String HEADER = "X-Api-Key";

  /**
   * @param name how the client is named in the rate-limit buckets and logs
   * @param keySha256 the hex SHA-256 of the client's key
   * @param rateLimit how many requests the client may make in one rate-limit window
   */
  public record Client(String name, String keySha256, int rateLimit) {

    public Client {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("mediatafel.requests.clients: a client needs a name");
      }
      if (keySha256 == null || !keySha256.matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException("mediatafel.requests.clients: key-sha256 of " + name
            + " must be the 64 hex digits of a SHA-256");
      }
      if (rateLimit < 1) {
        throw new IllegalArgumentException("mediatafel.requests.clients: rate-limit of " + name + " must be positive");
      }
      keySha256 = keySha256.toLowerCase(Locale.ROOT);
    }
  }

  public ApiClients {
    clients = List.copyOf(clients);
  }

  /** The client whose key this is; every configured hash is compared in constant time. */
  public Optional<Client> byKey(String key) {
    byte[] presented = RateLimits.digest(key).getBytes(StandardCharsets.US_ASCII);
    Client found = null;
    for (Client client : clients) {
      if (java.security.MessageDigest.isEqual(presented, client.keySha256().getBytes(StandardCharsets.US_ASCII))) {
        found = client;
      }
    }
    return Optional.ofNullable(found);
  }
}

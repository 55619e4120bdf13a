package nl.mediatafel.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key} of a public request and the case number it created: a retried request with the same key
 * and the same body gets the first case back, the same key with another body is a conflict. Each API keeps its keys
 * in a table of its own (an entity extending this one).
 */
@MappedSuperclass
public abstract class RequestKey {

  /**
   * What an {@code Idempotency-Key} header may hold: visible ASCII only (0x21-0x7E), so a key is the same string in
   * every client, log and database; a tab, a space or a byte Tomcat reads as ISO-8859-1 is refused, naming the header.
   */
  public static final String ALLOWED = "[\\x21-\\x7E]*";
  public static final String NOT_ALLOWED = "{mediatafel.idempotencyKey}";
  public static final int MAX_LENGTH = 100;

  @Id
  private String idempotencyKey;
  private String requestHash;
  private String caseNumber;
  private Instant createdAt;

  protected RequestKey() {}

  protected RequestKey(String idempotencyKey, String requestHash, String caseNumber, Instant createdAt) {
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
    this.caseNumber = caseNumber;
    this.createdAt = createdAt;
  }

  /** SHA-256 of the request as JSON: what a repeated key must match. */
  public static String hash(ObjectMapper json, Object request) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The case number of the first request with this key.
   *
   * @throws IdempotencyConflictException when that request had another body
   */
  public String caseNumberFor(String requestHash) {
    if (!this.requestHash.equals(requestHash)) {
      throw new IdempotencyConflictException();
    }
    return caseNumber;
  }
}

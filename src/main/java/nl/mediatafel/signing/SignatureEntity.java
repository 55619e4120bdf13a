package nl.mediatafel.signing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code signature} (changeset 060-signatures). Written once and never changed: a repeated signature keeps
 * the first. Callers outside this package get the immutable {@link Signature}.
 */
@Entity
@Table(name = "signature")
class SignatureEntity {

  @Id
  private UUID id;
  private String caseNumber;
  private UUID documentId;
  private UUID partyId;
  /** A {@link SignatureMethod} name; a plain String so the column stays the varchar(10) of the changeset. */
  private String method;
  private Instant signedAt;
  private String recordedBy;
  private String ip;
  private String userAgent;
  private String documentSha256;
  private Instant recordedAt;
  /** The name as signed: typed in the portal, the party's name on paper (changeset 185-signed-documents). */
  private String signedName;
  /** Portal only: the address of the personal link the signer confirmed. */
  private String email;

  protected SignatureEntity() {}

  SignatureEntity(String caseNumber, UUID documentId, UUID partyId, SignatureMethod method, Instant signedAt,
      String recordedBy, String ip, String userAgent, String documentSha256, Instant recordedAt, String signedName,
      String email) {
    this.id = UUID.randomUUID();
    this.caseNumber = caseNumber;
    this.documentId = documentId;
    this.partyId = partyId;
    this.method = method.name();
    this.signedAt = signedAt;
    this.recordedBy = recordedBy;
    this.ip = ip;
    this.userAgent = userAgent;
    this.documentSha256 = documentSha256;
    this.recordedAt = recordedAt;
    this.signedName = signedName;
    this.email = email;
  }

  Signature toSignature() {
    return new Signature(id, caseNumber, documentId, partyId, SignatureMethod.valueOf(method), signedAt, recordedBy,
        ip, userAgent, documentSha256, recordedAt, signedName, email);
  }
}

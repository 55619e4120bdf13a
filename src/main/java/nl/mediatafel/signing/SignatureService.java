package nl.mediatafel.signing;

import nl.mediatafel.audit.Actors;
import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.Party;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.signing.SigningRefusedException.Reason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records signatures in our own table ({@code signature}), whether given in the portal or on paper. Both are
 * idempotent: a party signs a document version once, and signing again returns the first signature unchanged, so a
 * double click in the portal or a retried job never makes a second row or moves the moment of signing.
 *
 * <p>Two concurrent first signatures of the same party and document cannot both be stored: the unique constraint
 * {@code uq_signature_document_party} refuses the second transaction, which can be retried and then finds the first.
 */
@Service
public class SignatureService {

  static final int USER_AGENT_LENGTH = 300;
  static final int IP_LENGTH = 45;
  static final int RECORDED_BY_LENGTH = 64;
  static final int NAME_LENGTH = 200;
  static final int EMAIL_LENGTH = 320;

  /** A signature and whether this call stored it ({@code false}: the party had signed this document already). */
  public record Recorded(Signature signature, boolean created) {}

  private final SignatureRepository signatures;
  private final DocumentService documents;
  private final CaseDirectory caseDirectory;
  private final Clock clock;
  private final CaseEvents events;

  SignatureService(SignatureRepository signatures, DocumentService documents, CaseDirectory caseDirectory,
      Clock clock, CaseEvents events) {
    this.events = events;
    this.signatures = signatures;
    this.documents = documents;
    this.caseDirectory = caseDirectory;
    this.clock = clock;
  }

  /**
   * A signature on paper, checked by the secretariat. The version on paper may since have been superseded: it is
   * still recorded, because it is what the party signed (and its hash says which version that was).
   *
   * @param signedAt when the signed paper came in; not in the future
   * @param recordedBy the Camunda user id of the staff member who checked the signature
   * @throws SigningRefusedException when the document or the party is not one of this case
   */
  @Transactional
  public Recorded recordPaperSignature(String caseNumber, UUID documentId, UUID partyId, Instant signedAt,
      String recordedBy) {
    requireText("caseNumber", caseNumber);
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(partyId, "partyId");
    requireText("recordedBy", recordedBy);
    if (recordedBy.length() > RECORDED_BY_LENGTH) {
      throw new IllegalArgumentException("recordedBy is longer than " + RECORDED_BY_LENGTH + " characters");
    }
    Instant moment = notInTheFuture(signedAt);
    Optional<SignatureEntity> earlier = signatures.findByDocumentIdAndPartyId(documentId, partyId);
    StoredDocument document = documentOfCase(caseNumber, documentId);
    if (earlier.isPresent()) {
      return new Recorded(earlier.get().toSignature(), false);
    }
    Party party = partyOfCase(caseNumber, partyId, false);
    return store(new SignatureEntity(caseNumber, documentId, partyId, SignatureMethod.PAPER, moment,
        recordedBy.strip(), null, null, document.sha256(), now(), party.getName(), null));
  }

  /**
   * A signature given in the participant portal. Only the current version of a document can be signed: a link to a
   * version that a newer one replaced is refused. A party that signed this version before gets the first signature
   * back, even if a newer version exists by now.
   *
   * @param ip the signer's address, or null
   * @param userAgent the signer's browser, or null; cut to 300 characters
   * @throws SigningRefusedException when the document is not the current version of its type for this case, or the
   *     party is not an active party of the case
   */
  @Transactional
  public Recorded recordPortalSignature(String caseNumber, UUID documentId, UUID partyId, Instant signedAt, String ip,
      String userAgent) {
    return recordPortalSignature(caseNumber, documentId, partyId, signedAt, ip, userAgent, null, null);
  }

  /**
   * A signature given in the participant portal, with the name as the signer typed it and the e-mail address of the
   * personal link they confirmed: both are printed on the signature page of the signed version.
   *
   * @param typedName the full name as typed; the party's name when null; cut to 200 characters
   * @param email the confirmed address; the party's address when null
   * @see #recordPortalSignature(String, UUID, UUID, Instant, String, String)
   */
  @Transactional
  public Recorded recordPortalSignature(String caseNumber, UUID documentId, UUID partyId, Instant signedAt, String ip,
      String userAgent, String typedName, String email) {
    requireText("caseNumber", caseNumber);
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(partyId, "partyId");
    if (ip != null && ip.length() > IP_LENGTH) {
      throw new IllegalArgumentException("ip is longer than " + IP_LENGTH + " characters");
    }
    Instant moment = notInTheFuture(signedAt);
    StoredDocument document = documentOfCase(caseNumber, documentId);
    Optional<SignatureEntity> earlier = signatures.findByDocumentIdAndPartyId(documentId, partyId);
    if (earlier.isPresent()) {
      return new Recorded(earlier.get().toSignature(), false);
    }
    boolean current = documents.current(caseNumber, document.documentType())
        .map(latest -> latest.id().equals(documentId)).orElse(false);
    if (!current) {
      throw new SigningRefusedException(Reason.SUPERSEDED_DOCUMENT, "Document " + documentId + " (" 
          + document.documentType() + " versie " + document.version() + ") van zaak " + caseNumber
          + " is vervangen door een nieuwere versie en kan niet meer worden ondertekend");
    }
    Party party = partyOfCase(caseNumber, partyId, true);
    String name = blankToNull(typedName) == null ? party.getName() : typedName.strip().replaceAll("\\s+", " ");
    String address = blankToNull(email) == null ? party.getEmail() : email.strip();
    return store(new SignatureEntity(caseNumber, documentId, partyId, SignatureMethod.PORTAL, moment, null,
        blankToNull(ip), cut(blankToNull(userAgent), USER_AGENT_LENGTH), document.sha256(), now(),
        cut(name, NAME_LENGTH), cut(address, EMAIL_LENGTH)));
  }

  /** The signature of a party on a document version, if any. */
  @Transactional(readOnly = true)
  public Optional<Signature> find(UUID documentId, UUID partyId) {
    return signatures.findByDocumentIdAndPartyId(documentId, partyId).map(SignatureEntity::toSignature);
  }

  /** Everything a party of a case has signed, earliest first. */
  @Transactional(readOnly = true)
  public List<Signature> byParty(String caseNumber, UUID partyId) {
    return signatures.findByCaseNumberAndPartyIdOrderBySignedAt(caseNumber, partyId).stream()
        .map(SignatureEntity::toSignature).toList();
  }

  /** Every signature of a case, on every document, earliest first (one query). */
  @Transactional(readOnly = true)
  public List<Signature> ofCase(String caseNumber) {
    return signatures.findByCaseNumberOrderBySignedAt(caseNumber).stream().map(SignatureEntity::toSignature).toList();
  }

  /** All signatures on a document version, earliest first. */
  @Transactional(readOnly = true)
  public List<Signature> forDocument(UUID documentId) {
    return signatures.findByDocumentIdOrderBySignedAt(documentId).stream().map(SignatureEntity::toSignature).toList();
  }

  private Recorded store(SignatureEntity entity) {
    Signature signature = signatures.saveAndFlush(entity).toSignature();
    events.record(signature.caseNumber(), signature.method() == SignatureMethod.PAPER
        ? Actors.staff(signature.recordedBy()) : Actors.party(signature.partyId()), CaseEventKind.DOCUMENT_SIGNED,
        signature.method().name());
    return new Recorded(signature, true);
  }

  private StoredDocument documentOfCase(String caseNumber, UUID documentId) {
    return documents.find(documentId)
        .filter(document -> document.caseNumber().equals(caseNumber))
        .orElseThrow(() -> new SigningRefusedException(Reason.UNKNOWN_DOCUMENT,
            "Zaak " + caseNumber + " heeft geen document " + documentId));
  }

  private Party partyOfCase(String caseNumber, UUID partyId, boolean mustBeActive) {
    Party party = caseDirectory.findParty(partyId)
        .filter(found -> found.getCaseNumber().equals(caseNumber))
        .orElseThrow(() -> new SigningRefusedException(Reason.NOT_A_SIGNER,
            "Partij " + partyId + " is geen partij in zaak " + caseNumber));
    if (mustBeActive && !party.isActive()) {
      throw new SigningRefusedException(Reason.NOT_A_SIGNER,
          "Partij " + partyId + " heeft zich teruggetrokken uit zaak " + caseNumber);
    }
    return party;
  }

  private Instant notInTheFuture(Instant signedAt) {
    Objects.requireNonNull(signedAt, "signedAt");
    if (signedAt.isAfter(clock.instant())) {
      throw new IllegalArgumentException("De ondertekening ligt in de toekomst: " + signedAt);
    }
    // the database keeps microseconds; the returned signature equals what a later read gives
    return signedAt.truncatedTo(ChronoUnit.MICROS);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is missing");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String cut(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}

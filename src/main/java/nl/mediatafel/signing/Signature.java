package nl.mediatafel.signing;

import java.time.Instant;
import java.util.UUID;

/**
 * A party's signature on one version of a document, as stored in {@code signature}.
 *
 * @param signedAt portal: the moment of signing; paper: the start of the day (Amsterdam) the signed paper came in
 * @param recordedBy paper only: the Camunda user id of the staff member who checked and recorded it
 * @param ip portal only: the signer's address
 * @param userAgent portal only: the signer's browser, at most 300 characters
 * @param documentSha256 the SHA-256 of the PDF that was signed
 * @param recordedAt when the signature was written down
 * @param signedName the name as signed: portal, as the signer typed it; paper, the party's name; {@code null} for
 *     signatures recorded before this was kept
 * @param email portal only: the e-mail address of the personal link the signer confirmed with a code
 */
public record Signature(UUID id, String caseNumber, UUID documentId, UUID partyId, SignatureMethod method,
    Instant signedAt, String recordedBy, String ip, String userAgent, String documentSha256, Instant recordedAt,
    String signedName, String email) {}

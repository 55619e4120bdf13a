package nl.mediatafel.cases;

/**
 * Published, in the transaction that records it, when a case reaches a status that ends it
 * ({@link CaseStatus#hasEnded()}); the portal revokes the case's links on it. An event rather than a call, so the case
 * package needs no portal.
 */
public record CaseEnded(String caseNumber, CaseStatus status) {}

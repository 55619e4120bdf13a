package nl.mediatafel.cases;

/**
 * Published, in the transaction that records it, when a case reaches one of {@link MediationCase#ENDED_STATUSES}; the
 * portal revokes the case's links on it. An event rather than a call, so the case package needs no portal.
 */
public record CaseEnded(String caseNumber, String status) {}

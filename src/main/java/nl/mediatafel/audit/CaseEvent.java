package nl.mediatafel.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of a case.
 *
 * @param actor a staff user id, {@code party:<party id>}, {@code advisor:<party id>} or {@code system} ({@link Actors})
 * @param reference a short reference (an id, a method, a route code), or null; never confidential text
 */
public record CaseEvent(UUID id, String caseNumber, Instant occurredAt, String actor, CaseEventKind kind,
    String reference) {}

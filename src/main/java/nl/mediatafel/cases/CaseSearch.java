package nl.mediatafel.cases;

import java.time.Instant;

/**
 * A search in the mediation cases for a list ({@link CaseDirectory#search}). Every criterion is optional (null: no
 * filter) and they all apply together.
 *
 * @param text part of the case number, a party's name or a party's e-mail address, case-insensitive
 * @param status the case's status, exactly
 * @param route the case's route, exactly
 * @param mediator the case's mediator (Camunda user id), exactly
 * @param openedFrom opened at or after
 * @param openedBefore opened before
 * @param byNumber sorted by case number (ascending) instead of newest opened first
 */
public record CaseSearch(String text, CaseStatus status, Route route, String mediator, Instant openedFrom,
    Instant openedBefore, boolean byNumber) {}

package nl.mediatafel.api;

/** An Idempotency-Key that was used before for a different request: a 422 from {@link ApiProblems}. */
public class IdempotencyConflictException extends RuntimeException {}

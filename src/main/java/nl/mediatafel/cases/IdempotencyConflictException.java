package nl.mediatafel.cases;

/** An Idempotency-Key that was used before for a different request. */
class IdempotencyConflictException extends RuntimeException {}

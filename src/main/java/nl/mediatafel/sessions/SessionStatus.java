package nl.mediatafel.sessions;

/** Where a session stands; MOVED is a planned session whose date or place changed (its SEQUENCE went up). */
public enum SessionStatus { PLANNED, MOVED, CANCELLED, HELD }

package nl.mediatafel.sessions;

/** A joint session with all parties, or a separate conversation (caucus) with one party. */
public enum SessionKind { JOINT, CAUCUS }

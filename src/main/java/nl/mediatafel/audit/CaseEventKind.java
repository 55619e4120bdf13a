package nl.mediatafel.audit;

/**
 * What happened, as stored in {@code case_event.kind}; each kind has a message key {@code audit.kind.<CODE>} that
 * takes the event's reference as argument {0}.
 */
public enum CaseEventKind {
  /** A document version was generated or stored signed; reference: its type and version ({@code TYPE v2}). */
  DOCUMENT_MADE,
  /** A party signed a document; reference: the method ({@code PORTAL}, {@code PAPER}). */
  DOCUMENT_SIGNED,
  /** A party or advisor opened a portal page with their link (at most once a minute per link). */
  PORTAL_VISIT,
  /** A party or advisor confirmed their address with the code by mail. */
  CODE_CONFIRMED,
  /** Portal links were revoked; reference: how many. */
  LINK_REVOKED,
  /** A staff member read a party's intake answers; reference: the party id. */
  INTAKE_ANSWERS_VIEWED,
  /** A staff member read the case's forum, caucus threads included. */
  FORUM_VIEWED,
  /** The route was switched; reference: {@code OLD>NEW}. */
  ROUTE_SWITCHED,
  /** A route's sessions ended with hours; reference: {@code ROUTE=hours}. */
  ROUTE_HOURS;

  /** The message key of this kind. */
  public String messageKey() {
    return "audit.kind." + name();
  }
}

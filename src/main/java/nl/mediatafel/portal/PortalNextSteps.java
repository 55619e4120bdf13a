package nl.mediatafel.portal;

import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * What one feature's processes wait for from a party, shown as next steps on the portal's overview. A feature with a
 * portal page implements it (signing: a document to sign), so the portal needs to know none of their processes.
 */
public interface PortalNextSteps {

  /** The steps of this feature that wait for the party in the case, in the order they are shown. */
  List<Step> waitingFor(String caseNumber, UUID partyId);

  /**
   * One step: its kind ({@code portal.next.<kind>}), the page it is done on, the document it is about (a
   * {@code DocumentType} name, or null) and its deadline (or null).
   */
  record Step(String kind, PortalAction page, String documentType, Date deadline) {}
}

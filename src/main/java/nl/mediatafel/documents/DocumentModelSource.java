package nl.mediatafel.documents;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Where {@link GenerateDocumentDelegate} gets the data a document template prints. The model is a plain map, so the
 * templates do not depend on where the data lives: today the process variables
 * ({@link ProcessVariablesModelSource}), later the case tables.
 *
 * <p>To replace the default, register another bean of this type: the default is a {@code @Fallback} bean and steps
 * aside for any other one, whatever the order of component scanning (see {@link ProcessVariablesModelSource}).
 *
 * <p>The keys the templates read (all optional unless a template needs them):
 * <ul>
 *   <li>{@value #CASE_NUMBER}: the case number (the business key);</li>
 *   <li>{@value #MEDIATOR}: the mediator's name;</li>
 *   <li>{@value #ROUTE}: {@code ONLINE_ASYNC}, {@code ONLINE_VIDEO}, {@code FACE_TO_FACE} or {@code HYBRID};</li>
 *   <li>{@value #HOURLY_RATE}, {@value #PLATFORM_FEE}, {@value #HOURS}: amounts excluding VAT, as numbers or text;
 *       {@link DocumentService} turns them into {@link Costs} under {@value #COSTS};</li>
 *   <li>{@value #PARTIES}: a list of maps with {@value #PARTY_NAME} and {@value #PARTY_PAYER} ({@code SELF},
 *       {@code LEGAL_AID}, {@code INSURER}, {@code EMPLOYER});</li>
 *   <li>{@value #AGREED_POINTS}: a list of texts, the agreements of a settlement;</li>
 *   <li>{@value #DOCUMENT_DATE}: the date printed on the document, a {@code LocalDate}, {@code java.util.Date} or
 *       ISO text; today (Amsterdam) when absent.</li>
 * </ul>
 */
public interface DocumentModelSource {

  String CASE_NUMBER = "caseNumber";
  String MEDIATOR = "mediator";
  String ROUTE = "route";
  String HOURLY_RATE = "hourlyRate";
  String PLATFORM_FEE = "platformFee";
  String HOURS = "hours";
  String PARTIES = "parties";
  String PARTY_NAME = "name";
  String PARTY_PAYER = "payer";
  String AGREED_POINTS = "agreedPoints";
  String DOCUMENT_DATE = "documentDate";
  /** Added by {@link DocumentService}, not by a source. */
  String COSTS = "costs";
  /** The own contribution (eigen bijdrage) of a party with a legal-aid certificate, including VAT. */
  String LEGAL_AID_OWN_CONTRIBUTION = "legalAidOwnContribution";
  /** Computed from {@link #COSTS} and {@link #PARTIES}: the {@link Costs.CostShare} of each party. */
  String COST_SHARES = "costShares";

  /** The model for the document made at this execution; never {@code null}. */
  Map<String, Object> modelFor(DelegateExecution execution);
}

package nl.mediatafel.cases;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A mediation case (dossier). Its case number is the business key of the case's process instance. */
@Entity
@Table(name = "mediation_case")
public class MediationCase {

  @Id
  @Column(name = "case_number")
  private String caseNumber;

  @Enumerated(EnumType.STRING)
  private CaseStatus status;
  private String conflictType;
  private String summary;
  private String escalation;
  private String preferredRoute;
  @Enumerated(EnumType.STRING)
  private Route route;
  private boolean safetyConcern;
  /** Camunda user id of the case's mediator, once triage has picked one. */
  private String mediator;
  private String suitabilityJudgement;
  private java.math.BigDecimal hourlyRate;
  private java.math.BigDecimal platformFee;
  @Enumerated(EnumType.STRING)
  private ReferrerType referrerType;
  private String referrerName;
  private String referrerReference;
  private Instant createdAt;
  private java.math.BigDecimal hoursSpent = java.math.BigDecimal.ZERO;
  private Instant closedAt;
  private java.time.LocalDate retainUntil;
  /**
   * {@code MEDIATION}, or {@code COACHING} for a conflict-coaching trajectory with one person (changeset
   * 100-coaching, package {@code nl.mediatafel.coaching}).
   */
  private String kind = MediationCaseProcess.KIND;

  @OneToMany(mappedBy = "mediationCase", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Party> parties = new ArrayList<>();

  protected MediationCase() {}

  public MediationCase(String caseNumber, String conflictType, String summary, String escalation,
      String preferredRoute, boolean safetyConcern, Instant createdAt) {
    this.caseNumber = caseNumber;
    this.status = CaseStatus.REQUESTED;
    this.conflictType = conflictType;
    this.summary = summary;
    this.escalation = escalation;
    this.preferredRoute = preferredRoute;
    this.safetyConcern = safetyConcern;
    this.createdAt = createdAt;
  }

  public Party addParty(String name, String email, String language, boolean abroad, PayerKind payer) {
    Party party = new Party(this, parties.size() + 1, name, email, language, abroad, payer);
    parties.add(party);
    return party;
  }

  public void referredBy(ReferrerType type, String name, String reference) {
    this.referrerType = type;
    this.referrerName = name;
    this.referrerReference = reference;
  }

  /** The outcome of triage: the case is taken on with this route, mediator and rates. */
  public void accept(Route route, String mediator, String suitabilityJudgement, java.math.BigDecimal hourlyRate,
      java.math.BigDecimal platformFee) {
    this.route = route;
    this.mediator = mediator;
    this.suitabilityJudgement = suitabilityJudgement;
    this.hourlyRate = hourlyRate;
    this.platformFee = platformFee;
    this.status = CaseStatus.INTAKE;
  }

  /** Marks a new row as another kind of trajectory than a mediation, e.g. {@code COACHING}. */
  public void ofKind(String kind) {
    this.kind = kind;
  }

  public String getKind() {
    return kind;
  }

  /** Whether the case has ended ({@link CaseStatus#hasEnded()}). */
  public boolean hasEnded() {
    return status.hasEnded();
  }

  public void changeStatus(CaseStatus status) {
    this.status = status;
  }

  /** The mediator chose another route after the sessions asked for one (SWITCH_ROUTE). */
  public void switchRoute(Route route) {
    this.route = route;
  }

  /** Adds the hours of one finished session route; the cost statement bills their sum. */
  public java.math.BigDecimal addHours(java.math.BigDecimal hours) {
    if (hours.signum() < 0) {
      throw new IllegalArgumentException("hours cannot be negative: " + hours);
    }
    this.hoursSpent = hoursSpent.add(hours);
    return hoursSpent;
  }

  /** The dossier is closed; it is kept until {@code retainUntil} and may be purged after that. */
  public void close(Instant at, java.time.LocalDate retainUntil) {
    this.status = CaseStatus.CLOSED;
    this.closedAt = at;
    this.retainUntil = retainUntil;
  }

  public java.math.BigDecimal getHoursSpent() {
    return hoursSpent;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public java.time.LocalDate getRetainUntil() {
    return retainUntil;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public String getConflictType() {
    return conflictType;
  }

  public String getSummary() {
    return summary;
  }

  public String getEscalation() {
    return escalation;
  }

  public String getPreferredRoute() {
    return preferredRoute;
  }

  public Route getRoute() {
    return route;
  }

  public boolean isSafetyConcern() {
    return safetyConcern;
  }

  public String getMediator() {
    return mediator;
  }

  public String getSuitabilityJudgement() {
    return suitabilityJudgement;
  }

  public java.math.BigDecimal getHourlyRate() {
    return hourlyRate;
  }

  public java.math.BigDecimal getPlatformFee() {
    return platformFee;
  }

  public ReferrerType getReferrerType() {
    return referrerType;
  }

  public String getReferrerName() {
    return referrerName;
  }

  public String getReferrerReference() {
    return referrerReference;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<Party> getParties() {
    return List.copyOf(parties);
  }
}

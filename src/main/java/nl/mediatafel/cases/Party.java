package nl.mediatafel.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A party to a mediation case, reached by e-mail in their own language (nl or en), with an optional advisor. */
@Entity
@Table(name = "party")
public class Party {

  @Id
  private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_number")
  private MediationCase mediationCase;

  private int position;
  private String name;
  private String email;
  private String language;
  private boolean abroad;
  @Enumerated(EnumType.STRING)
  private PayerKind payer;
  private String advisorName;
  private String advisorEmail;
  private Instant withdrawnAt;

  protected Party() {}

  Party(MediationCase mediationCase, int position, String name, String email, String language, boolean abroad,
      PayerKind payer) {
    this.id = UUID.randomUUID();
    this.mediationCase = mediationCase;
    this.position = position;
    this.name = name;
    this.email = email;
    this.language = language;
    this.abroad = abroad;
    this.payer = payer;
  }

  public void advisedBy(String advisorName, String advisorEmail) {
    this.advisorName = advisorName;
    this.advisorEmail = advisorEmail;
  }

  public void withdraw(Instant at) {
    this.withdrawnAt = at;
  }

  public boolean isActive() {
    return withdrawnAt == null;
  }

  public boolean hasAdvisor() {
    return advisorEmail != null && !advisorEmail.isBlank();
  }

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }

  public UUID getId() {
    return id;
  }

  public String getCaseNumber() {
    return mediationCase.getCaseNumber();
  }

  public int getPosition() {
    return position;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getLanguage() {
    return language;
  }

  public boolean isAbroad() {
    return abroad;
  }

  public PayerKind getPayer() {
    return payer;
  }

  public String getAdvisorName() {
    return advisorName;
  }

  public String getAdvisorEmail() {
    return advisorEmail;
  }

  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }
}

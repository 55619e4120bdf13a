package nl.mediatafel.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the request page at {@code /aanmelden} posts, kept exactly as typed so a page with errors can show it again.
 * {@link #toRequest()} turns it into the {@link CaseRequest} the API takes; the API's constraints then judge it, so the
 * page and the API give the same messages. Blank fields become {@code null}, as if a JSON client had left them out.
 */
class RequestForm {

  static final int MIN_PARTIES = 2;
  static final int MAX_PARTIES = 30;

  static final List<String> CONFLICT_TYPES = codes(CaseRequest.CONFLICT_TYPES);
  static final List<String> ESCALATIONS = codes(CaseRequest.ESCALATIONS);
  static final List<String> ROUTES = codes(CaseRequest.ROUTES);
  static final List<String> REFERRER_TYPES = codes(CaseRequest.REFERRER_TYPES);
  static final List<String> LANGUAGES = codes(CaseRequest.LANGUAGES);
  static final List<String> PAYERS = codes(CaseRequest.PAYERS);
  /** The fields of one party block, in the order of the page. */
  static final List<String> PARTY_FIELDS =
      List.of("name", "email", "language", "abroad", "payer", "advisorName", "advisorEmail");

  private String conflictType;
  private String summary;
  private String escalation;
  private String preferredRoute;
  private boolean safetyConcern;
  private String referrerType;
  private String referrerName;
  private String referrerReference;
  private List<PartyForm> parties = new ArrayList<>();

  /**
   * A new form: two parties, as every mediation has at least two, and the choices most people make already made. A
   * posted form has no defaults: what the browser did not send stays empty.
   */
  static RequestForm blank() {
    RequestForm form = new RequestForm();
    form.preferredRoute = "NO_PREFERENCE";
    form.referrerType = "SELF";
    for (int i = 0; i < MIN_PARTIES; i++) {
      form.parties.add(PartyForm.blank());
    }
    return form;
  }

  /** One party block, as posted ({@code parties[0].name}, …). */
  static class PartyForm {

    private String name;
    private String email;
    private String language;
    private boolean abroad;
    private String payer;
    private String advisorName;
    private String advisorEmail;

    static PartyForm blank() {
      PartyForm party = new PartyForm();
      party.language = "nl";
      party.payer = "SELF";
      return party;
    }

    CaseRequest.PartyRequest toRequest() {
      String advisorNameValue = text(advisorName);
      String advisorEmailValue = text(advisorEmail);
      CaseRequest.Advisor advisor = advisorNameValue == null && advisorEmailValue == null ? null
          : new CaseRequest.Advisor(advisorNameValue, advisorEmailValue);
      return new CaseRequest.PartyRequest(text(name), text(email), text(language), abroad, text(payer), advisor);
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }

    public String getLanguage() {
      return language;
    }

    public void setLanguage(String language) {
      this.language = language;
    }

    public boolean isAbroad() {
      return abroad;
    }

    public void setAbroad(boolean abroad) {
      this.abroad = abroad;
    }

    public String getPayer() {
      return payer;
    }

    public void setPayer(String payer) {
      this.payer = payer;
    }

    public String getAdvisorName() {
      return advisorName;
    }

    public void setAdvisorName(String advisorName) {
      this.advisorName = advisorName;
    }

    public String getAdvisorEmail() {
      return advisorEmail;
    }

    public void setAdvisorEmail(String advisorEmail) {
      this.advisorEmail = advisorEmail;
    }
  }

  CaseRequest toRequest() {
    String referrerTypeValue = text(referrerType);
    String referrerNameValue = text(referrerName);
    String referrerReferenceValue = text(referrerReference);
    CaseRequest.Referrer referrer =
        referrerTypeValue == null && referrerNameValue == null && referrerReferenceValue == null ? null
            : new CaseRequest.Referrer(referrerTypeValue, referrerNameValue, referrerReferenceValue);
    // a browser sends a line break in a textarea as CR LF; count it as one character, as the page's user sees it
    String summaryValue = summary == null || summary.isBlank() ? null : summary.replace("\r\n", "\n");
    return new CaseRequest(text(conflictType), summaryValue, text(escalation), text(preferredRoute), safetyConcern,
        referrer, parties.stream().map(PartyForm::toRequest).toList());
  }

  /** Adds an empty party block; false when the form already has the maximum. */
  boolean addParty() {
    if (parties.size() >= MAX_PARTIES) {
      return false;
    }
    parties.add(PartyForm.blank());
    return true;
  }

  /** Removes a party block; false when that would leave fewer than the minimum or there is no such block. */
  boolean removeParty(int index) {
    if (parties.size() <= MIN_PARTIES || index < 0 || index >= parties.size()) {
      return false;
    }
    parties.remove(index);
    return true;
  }

  /** The names of all fields in the order of the page, so errors are listed as a reader meets the fields. */
  List<String> fieldNames() {
    List<String> names = new ArrayList<>(List.of("conflictType", "summary", "escalation", "preferredRoute",
        "safetyConcern", "referrerType", "referrerName", "referrerReference", "parties"));
    for (int i = 0; i < parties.size(); i++) {
      for (String field : PARTY_FIELDS) {
        names.add("parties[" + i + "]." + field);
      }
    }
    return names;
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> codes(String alternatives) {
    return List.copyOf(Arrays.asList(alternatives.split("\\|")));
  }

  public String getConflictType() {
    return conflictType;
  }

  public void setConflictType(String conflictType) {
    this.conflictType = conflictType;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getEscalation() {
    return escalation;
  }

  public void setEscalation(String escalation) {
    this.escalation = escalation;
  }

  public String getPreferredRoute() {
    return preferredRoute;
  }

  public void setPreferredRoute(String preferredRoute) {
    this.preferredRoute = preferredRoute;
  }

  public boolean isSafetyConcern() {
    return safetyConcern;
  }

  public void setSafetyConcern(boolean safetyConcern) {
    this.safetyConcern = safetyConcern;
  }

  public String getReferrerType() {
    return referrerType;
  }

  public void setReferrerType(String referrerType) {
    this.referrerType = referrerType;
  }

  public String getReferrerName() {
    return referrerName;
  }

  public void setReferrerName(String referrerName) {
    this.referrerName = referrerName;
  }

  public String getReferrerReference() {
    return referrerReference;
  }

  public void setReferrerReference(String referrerReference) {
    this.referrerReference = referrerReference;
  }

  public List<PartyForm> getParties() {
    return parties;
  }

  public void setParties(List<PartyForm> parties) {
    this.parties = parties;
  }
}

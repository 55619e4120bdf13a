package nl.mediatafel.process;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one list of Spring bean methods a model may call in an expression ({@code ${dueDates.businessDays(2)}}).
 * {@link ExpressionRules} refuses every other call on a bean; {@code docs/designer-functions.md} is generated from
 * this list (DesignerFunctionsDocTest keeps it up to date). Add a constant here, with its test, before a model uses a
 * new function: every method listed runs with the engine's full rights.
 */
enum DesignerFunction {

  SESSION_FORMS_PARTY_LIST("sessionForms", "partyList", 1, "execution",
      "De actieve partijen van de zaak, genummerd, een per regel, voor een planningsformulier. / The case's active parties, numbered, one a line, for a planning form."),
  SESSION_FORMS_ROOM_LIST("sessionForms", "roomList", 0, "",
      "De spreekkamers met adres, genummerd, een per regel, voor een planningsformulier. / The meeting rooms with address, numbered, one a line, for a planning form."),
  SESSION_PLANNING_PARTY_LIST("sessionPlanning", "partyList", 1, "caseNumber",
      "Alleen voor versies van de routes van vóór session.bpmn (nieuwe modellen: sessionForms.partyList). / Only for versions deployed before session.bpmn; new models use sessionForms.partyList."),
  SESSION_PLANNING_ROOM_LIST("sessionPlanning", "roomList", 0, "",
      "Alleen voor versies van de routes van vóór session.bpmn (nieuwe modellen: sessionForms.roomList). / Only for versions deployed before session.bpmn; new models use sessionForms.roomList."),
  DUE_DATES_BUSINESS_DAYS("dueDates", "businessDays", 1, "days",
      "Het moment n werkdagen vanaf nu (weekends en feestdagen tellen niet), voor deadlines. / The moment n business days from now."),
  BUSINESS_CALENDAR_REMINDER_BEFORE("businessCalendar", "reminderBefore", 2, "deadline, businessDays",
      "Het herinneringsmoment n werkdagen voor een (verschoven) deadline. / The reminder moment n business days before a deadline."),
  CASE_ROLES_PARTY_NAME("caseRoles", "partyName", 1, "partyId",
      "De naam van een partij, voor taaknamen. / The name of a party, for task names."),
  CASE_ROLES_MEDIATOR_OF("caseRoles", "mediatorOf", 1, "execution",
      "De mediator van de zaak als kandidaat-gebruiker (of niemand). / The case's mediator as candidate user (or nobody)."),
  COACHING_FORMS_COACH_NAME("coachingForms", "coachName", 1, "userId",
      "De volledige naam van de coach, voor de welkomstmail. / The coach's full name, for the welcome mail."),
  CASE_HOURS_SPENT("caseHours", "spent", 1, "execution",
      "Of de mediator uren aan de zaak besteedde (alle routes samen), bijvoorbeeld voor een kostenoverzicht na beëindiging. / Whether the mediator spent billable hours on the case (all routes together)."),
  SIGNING_PARTIES_DESCRIBE("signingParties", "describe", 2, "caseNumber, partyId",
      "Naam en e-mailadres van een ondertekenaar (\"Anna de Vries (anna@example.nl)\"). / A signer's name and e-mail address.");

  private final String bean;
  private final String method;
  private final int arity;
  private final String parameters;
  private final String description;

  DesignerFunction(String bean, String method, int arity, String parameters, String description) {
    this.bean = bean;
    this.method = method;
    this.arity = arity;
    this.parameters = parameters;
    this.description = description;
  }

  String bean() {
    return bean;
  }

  String method() {
    return method;
  }

  int arity() {
    return arity;
  }

  String description() {
    return description;
  }

  /** How a model writes it: {@code ${dueDates.businessDays(days)}}. */
  String usage() {
    return "${" + bean + "." + method + "(" + parameters + ")}";
  }

  static Optional<DesignerFunction> find(String bean, String method, int arity) {
    return Arrays.stream(values())
        .filter(function -> function.bean.equals(bean) && function.method.equals(method) && function.arity == arity)
        .findFirst();
  }

  static boolean isDesignerBean(String bean) {
    return Arrays.stream(values()).anyMatch(function -> function.bean.equals(bean));
  }
}

package nl.mediatafel.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * The route a case takes after triage, stored by name in {@code mediation_case.route} (check constraint in changeset
 * 220-domain-codes). The process variable {@link MediationCaseProcess#ROUTE} stays the name as text: the route
 * gateway of the case model compares it ({@code ${route == 'HYBRID'}}), which designers read and write in Modeler.
 * Words: {@code cases.route.<NAME>} in {@code i18n/pages_*.properties}.
 */
public enum Route {
  ONLINE_ASYNC,
  ONLINE_VIDEO,
  FACE_TO_FACE,
  HYBRID;

  public String messageKey() {
    return "cases.route." + name();
  }

  /** The route with this name, if there is one. */
  public static Optional<Route> of(String name) {
    return Arrays.stream(values()).filter(route -> route.name().equals(name)).findFirst();
  }
}

package nl.mediatafel.process;

/** One thing in a model that {@link DeploymentRules} refuses: where it is and which rule, in plain English. */
record RuleViolation(String decisionId, String elementId, String rule, XmlNode node) {

  static final String DESIGNER_FUNCTIONS = "models may only call the designer functions in docs/designer-functions.md";

  /** {@code decision 'route-advice', element 'input_conflictType': …} or {@code element 'serviceTask_x': …}. */
  String describe() {
    String where = "element '" + (elementId == null ? "?" : elementId) + "'";
    return (decisionId == null ? where : "decision '" + decisionId + "', " + where) + ": " + rule;
  }
}

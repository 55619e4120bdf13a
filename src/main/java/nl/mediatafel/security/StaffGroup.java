package nl.mediatafel.security;

import org.camunda.bpm.engine.authorization.Groups;

/** The staff groups of Mediatafel (DESIGN.md §5), with the Dutch name shown in Camunda Admin. */
public enum StaffGroup {
  MEDIATORS("mediators", "Mediators"),
  SECRETARIAT("secretariat", "Secretariaat"),
  PROCESS_DESIGNERS("process-designers", "Procesontwerpers"),
  ADMINISTRATORS(Groups.CAMUNDA_ADMIN, "Beheerders");

  private final String id;
  private final String displayName;

  StaffGroup(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }
}

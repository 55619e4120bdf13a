package nl.mediatafel.portal;

/** The portal page a link opens; the path below {@code /portal/{token}}. */
public enum PortalAction {
  CASE(""),
  INTAKE("/intake"),
  SIGN("/sign"),
  FORUM("/forum");

  private final String path;

  PortalAction(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }
}

package nl.mediatafel.process;

/** A model in {@code processes/} or {@code forms/} cannot be deployed; the message names the file. */
class ModelDeploymentException extends RuntimeException {

  public ModelDeploymentException(String message) {
    super(message);
  }

  public ModelDeploymentException(String message, Throwable cause) {
    super(message, cause);
  }
}

package nl.mediatafel.api;

import java.util.List;

/**
 * A request that breaks a rule no annotation can express (e.g. two parties with one e-mail address): a 400 from
 * {@link ApiProblems} naming every field in {@link #problems()}.
 */
public class InvalidRequestException extends RuntimeException {

  /** One bad field: its path in the request ({@code parties[1].email}) and a message in the caller's language. */
  public record FieldProblem(String field, String message) {}

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}

package nl.mediatafel.cases;

import java.util.List;

/** A request that breaks a rule no annotation can express (e.g. two parties with one e-mail address). */
class InvalidRequestException extends RuntimeException {

  record FieldProblem(String field, String message) {}

  private final List<FieldProblem> problems;

  InvalidRequestException(List<FieldProblem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  List<FieldProblem> problems() {
    return problems;
  }
}

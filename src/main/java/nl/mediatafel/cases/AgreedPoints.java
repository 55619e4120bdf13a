package nl.mediatafel.cases;

import java.util.List;

/**
 * The newest drafted points of a case's settlement agreement, printed in its documents ({@link CaseDocumentModel}).
 * Implemented by the settlement feature, which records them, so cases does not depend on it.
 */
public interface AgreedPoints {

  /** The points of the newest draft, in order; empty when none was drafted. */
  List<String> currentPoints(String caseNumber);
}

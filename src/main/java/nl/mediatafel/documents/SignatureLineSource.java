package nl.mediatafel.documents;

import java.util.List;

/**
 * Who signed a document, for its signature page. The signing feature answers it from its signature records; documents
 * only renders the page and stores the signed version ({@link DocumentService#storeSigned}).
 */
public interface SignatureLineSource {

  /** The signatures of one stored document (any order); empty when nobody signed it. */
  List<SignatureLine> linesFor(StoredDocument document);
}

package nl.mediatafel.mail;

import java.util.List;

/**
 * Finds the files named by a {@code sendEmail} task's {@code attachments} parameter (document ids or a document type)
 * for one case. Implemented by the documents feature.
 */
public interface AttachmentSource {

  List<Attachment> resolve(String caseNumber, String specification);
}

package nl.mediatafel.mail;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MailAttachmentRepository extends JpaRepository<MailAttachment, UUID> {

  List<MailAttachment> findByMailIdOrderByPosition(UUID mailId);
}

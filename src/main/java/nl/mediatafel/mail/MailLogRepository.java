package nl.mediatafel.mail;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MailLogRepository extends JpaRepository<MailLog, UUID> {

  List<MailLog> findTop200ByOrderByCreatedAtDesc();

  List<MailLog> findByCaseNumberOrderByCreatedAtDesc(String caseNumber);

  boolean existsByDedupeKeyAndStatusIn(String dedupeKey, List<MailLog.Status> statuses);
}

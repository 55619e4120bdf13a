package nl.mediatafel.mail;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MailLogRepository extends JpaRepository<MailLog, UUID> {

  List<MailLog> findTop200ByOrderByCreatedAtDesc();

  List<MailLog> findByCaseNumberOrderByCreatedAtDesc(String caseNumber);

  List<MailLog> findByCaseNumberOrderByCreatedAtDesc(String caseNumber, org.springframework.data.domain.Pageable page);

  List<MailLog> findByBatchIdAndStatusInOrderByCreatedAt(UUID batchId, Collection<MailLog.Status> statuses);

  long countByStatusIn(Collection<MailLog.Status> statuses);
}

package nl.mediatafel.sessions;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SessionRepository extends JpaRepository<Session, UUID> {

  List<Session> findByCaseNumberOrderByStartsAt(String caseNumber);
}

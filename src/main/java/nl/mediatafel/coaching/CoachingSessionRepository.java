package nl.mediatafel.coaching;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CoachingSessionRepository extends JpaRepository<CoachingSession, UUID> {

  List<CoachingSession> findByCaseNumberOrderByHeldOnAscRecordedAtAsc(String caseNumber);
}

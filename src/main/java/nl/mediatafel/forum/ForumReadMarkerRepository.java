package nl.mediatafel.forum;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ForumReadMarkerRepository extends JpaRepository<ForumReadMarker, UUID> {

  Optional<ForumReadMarker> findByCaseNumberAndThreadAndReader(String caseNumber, String thread, String reader);
}

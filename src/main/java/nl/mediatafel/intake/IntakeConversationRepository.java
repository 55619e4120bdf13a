package nl.mediatafel.intake;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface IntakeConversationRepository extends JpaRepository<IntakeConversation, UUID> {

  Optional<IntakeConversation> findByPartyId(UUID partyId);
}

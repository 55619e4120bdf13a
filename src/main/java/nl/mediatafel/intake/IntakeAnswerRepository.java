package nl.mediatafel.intake;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IntakeAnswerRepository extends JpaRepository<IntakeAnswer, UUID> {

  Optional<IntakeAnswer> findByPartyId(UUID partyId);
}

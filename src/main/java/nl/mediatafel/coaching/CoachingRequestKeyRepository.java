package nl.mediatafel.coaching;

import org.springframework.data.jpa.repository.JpaRepository;

interface CoachingRequestKeyRepository extends JpaRepository<CoachingRequestKey, String> {}

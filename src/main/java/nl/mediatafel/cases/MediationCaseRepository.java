package nl.mediatafel.cases;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MediationCaseRepository extends JpaRepository<MediationCase, String> {}

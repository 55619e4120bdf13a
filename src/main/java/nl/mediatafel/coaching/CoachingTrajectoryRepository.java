package nl.mediatafel.coaching;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CoachingTrajectoryRepository extends JpaRepository<CoachingTrajectory, String> {}

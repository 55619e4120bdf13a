package nl.mediatafel.coaching;

import org.springframework.data.jpa.repository.JpaRepository;

interface CoachingTrajectoryRepository extends JpaRepository<CoachingTrajectory, String> {}

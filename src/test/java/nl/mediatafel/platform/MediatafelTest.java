package nl.mediatafel.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The whole application on a random port with H2 in memory, the job executor off, and mail sent through SMTP to a
 * real GreenMail server ({@link TestMailServer}). Every test class using it shares one Spring context. The engine
 * records process test coverage (camunda-process-test-coverage: one report per test class, gated over the whole run by
 * {@link ProcessCoverageGate}). The application's clock and the engine's are one {@link TestClock}: every test starts on
 * the same Tuesday morning.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestMailServer.class)
@Import({ProcessEngineCoverageConfiguration.class, TestClock.Configuration.class})
@TestExecutionListeners(listeners = TestClock.Reset.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface MediatafelTest {}

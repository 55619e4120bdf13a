package nl.mediatafel.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * A real SMTP server (GreenMail) for the shared test context: the application sends mail through SMTP to it, by way
 * of {@link SmtpFaults}, which can make it refuse an address, hang or be down. The port
 * is chosen once per JVM, so a test can stop the server (mail server down) and start it again on the same port.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final int PORT = freePort();
  private static GreenMail server = start();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + SmtpFaults.port(),
        "mediatafel.mail.delivery=SMTP");
  }

  /** GreenMail's own port; the application sends to {@link SmtpFaults#port()}, which relays here. */
  static int port() {
    return PORT;
  }

  public static synchronized GreenMail server() {
    return server;
  }

  /** Delivers what earlier steps queued, then empties every mailbox: a test starts with its own mail only. */
  public static void purge() {
    MailJobs.deliverQueued();
    try {
      server().purgeEmailFromAllMailboxes();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException("GreenMail's mailboxes could not be emptied", e);
    }
  }

  /**
   * Every mail the server received, after the queued ones were delivered: with the job executor off, the tests run
   * the waiting {@code mail-delivery} jobs here, as the executor would right after the commit that queued them.
   */
  public static jakarta.mail.internet.MimeMessage[] received() {
    MailJobs.deliverQueued();
    return server().getReceivedMessages();
  }

  public static synchronized void stop() {
    server.stop();
  }

  public static synchronized void restart() {
    server = start();
  }

  private static GreenMail start() {
    GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return greenMail;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

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
 * A real SMTP server (GreenMail) for the shared test context: the application sends mail through SMTP to it. The port
 * is chosen once per JVM, so a test can stop the server (mail server down) and start it again on the same port.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final int PORT = freePort();
  private static GreenMail server = start();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + PORT,
        "mediatafel.mail.delivery=SMTP");
  }

  public static synchronized GreenMail server() {
    return server;
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

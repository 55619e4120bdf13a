package nl.mediatafel.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback SMTP relay in front of the test's GreenMail server that can misbehave as real mail servers do: refuse
 * one recipient address ({@code 550} on {@code RCPT TO}), accept connections and never answer (a hung server), or
 * refuse connections (a server that is down). The application always sends through it; in {@link Mode#PASS} it is
 * transparent.
 */
public final class SmtpFaults {

  /** PASS: transparent; HANG: accepts and never answers; DOWN: closes every connection; SLOW: each answer late. */
  public enum Mode { PASS, HANG, DOWN, SLOW }

  private static volatile long slowMillis = 200;

  private static volatile Mode mode = Mode.PASS;
  private static final Set<String> refused = ConcurrentHashMap.newKeySet();
  private static final ServerSocket listener = listen();

  private SmtpFaults() {}

  public static int port() {
    return listener.getLocalPort();
  }

  public static void mode(Mode newMode) {
    mode = newMode;
  }

  /** Every answer of the server reaches the client this much later (a slow or distant server). */
  public static void slow(long millisPerAnswer) {
    slowMillis = millisPerAnswer;
    mode = Mode.SLOW;
  }

  /** The server answers 550 for this address (case-insensitive) until {@link #reset()}. */
  public static void refuse(String address) {
    refused.add(address.toLowerCase(Locale.ROOT));
  }

  public static void reset() {
    mode = Mode.PASS;
    refused.clear();
  }

  private static ServerSocket listen() {
    try {
      ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket client = socket.accept();
            daemon(() -> serve(client));
          } catch (IOException e) {
            return;
          }
        }
      }, "smtp-faults");
      acceptor.setDaemon(true);
      acceptor.start();
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void serve(Socket client) {
    try (client) {
      if (mode == Mode.DOWN) {
        return; // closed at once: the client's greeting read fails
      }
      if (mode == Mode.HANG) {
        client.getInputStream().read(); // never answers; the client's read time-out ends it
        return;
      }
      try (Socket server = new Socket(InetAddress.getLoopbackAddress(), TestMailServer.port())) {
        OutputStream toClient = client.getOutputStream();
        Thread back = daemon(() -> pipe(server, toClient));
        BufferedReader fromClient = new BufferedReader(new InputStreamReader(client.getInputStream(),
            StandardCharsets.ISO_8859_1));
        OutputStream toServer = server.getOutputStream();
        boolean data = false;
        String line;
        while ((line = fromClient.readLine()) != null) {
          if (!data && isRefusedRecipient(line)) {
            synchronized (toClient) {
              toClient.write("550 5.1.1 Mailbox unavailable\r\n".getBytes(StandardCharsets.US_ASCII));
              toClient.flush();
            }
            continue;
          }
          if (!data && line.equalsIgnoreCase("DATA")) {
            data = true;
          } else if (data && line.equals(".")) {
            data = false;
          }
          toServer.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          toServer.flush();
        }
        back.join(1000);
      }
    } catch (IOException | InterruptedException e) {
      // the connection ends; the client sees what a real server's end would show it
    }
  }

  private static Thread daemon(Runnable work) {
    Thread thread = new Thread(work, "smtp-faults-connection");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static boolean isRefusedRecipient(String line) {
    String upper = line.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("RCPT TO:")) {
      return false;
    }
    String address = line.substring(line.indexOf('<') + 1, Math.max(line.indexOf('>'), line.indexOf('<') + 1))
        .toLowerCase(Locale.ROOT);
    return refused.contains(address);
  }

  private static void pipe(Socket server, OutputStream toClient) {
    try (InputStream in = server.getInputStream()) {
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (mode == Mode.SLOW) {
          try {
            Thread.sleep(slowMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        synchronized (toClient) {
          toClient.write(buffer, 0, read);
          toClient.flush();
        }
      }
    } catch (IOException e) {
      // one side closed
    }
  }
}

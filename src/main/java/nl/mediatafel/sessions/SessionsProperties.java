package nl.mediatafel.sessions;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mediatafel.sessions.*}.
 *
 * @param rooms the practice's meeting rooms the secretariat picks from when planning; a session can also be held at
 *     any other address. Defaults: a few example rooms.
 */
@ConfigurationProperties("mediatafel.sessions")
public record SessionsProperties(List<Room> rooms) {

  /** A room: its name as the secretariat knows it and the address parties get in their invitation. */
  public record Room(String name, String address) {

    /** What the invitation says: name and address. */
    public String location() {
      return address == null || address.isBlank() ? name : name + ", " + address;
    }
  }

  public SessionsProperties {
    rooms = rooms == null || rooms.isEmpty() ? List.of(
        new Room("Spreekkamer De Linde", "Maliebaan 12, 3581 CN Utrecht"),
        new Room("Spreekkamer Het Plein", "Lange Voorhout 8, 2514 ED Den Haag"),
        new Room("Vergaderzaal Amstel", "Weesperstraat 61, 1018 VN Amsterdam"))
        : List.copyOf(rooms);
  }
}

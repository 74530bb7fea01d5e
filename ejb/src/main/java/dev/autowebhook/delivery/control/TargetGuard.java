package dev.autowebhook.delivery.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SSRF guard: refuses outbound requests whose host resolves to a loopback, private, link-local,
 * unique-local, carrier-grade NAT, multicast or unspecified address (cloud metadata included),
 * unless an operator allowed that range in {@code AUTOWEBHOOK_ALLOWED_TARGETS} (CIDR list,
 * e.g. {@code 127.0.0.0/8,10.1.0.0/16}).
 */
public final class TargetGuard {

  /** A CIDR block. */
  record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
      String t = text.trim();
      int slash = t.indexOf('/');
      String host = slash < 0 ? t : t.substring(0, slash);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
      boolean v6 = host.contains(":") && host.matches("[0-9a-fA-F:.]+");
      if (!v4 && !v6) {
        throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
      }
      try {
        byte[] addr = InetAddress.getByName(host).getAddress();
        int prefix = slash < 0 ? addr.length * 8 : Integer.parseInt(t.substring(slash + 1));
        if (prefix < 0 || prefix > addr.length * 8) {
          throw new IllegalArgumentException("bad prefix length in " + text);
        }
        return new Cidr(addr, prefix);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not an IP address or CIDR block: " + text, e);
      }
    }

    boolean contains(byte[] addr) {
      if (addr.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (addr[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (addr[full] & mask) == (network[full] & mask);
    }
  }

  private static final List<Cidr> FORBIDDEN = List.of(
      Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
      Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"),
      Cidr.parse("192.0.0.0/24"), Cidr.parse("192.168.0.0/16"), Cidr.parse("198.18.0.0/15"),
      Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"),
      Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"),
      Cidr.parse("ff00::/8"));

  /** How host names become addresses: the system resolver, or a fake one in tests. */
  interface Lookup {
    InetAddress[] all(String host) throws UnknownHostException;
  }

  private final List<Cidr> allowed;
  private final Lookup lookup;

  public TargetGuard(String allowedCsv) {
    this(allowedCsv, InetAddress::getAllByName);
  }

  TargetGuard(String allowedCsv, Lookup lookup) {
    this.lookup = lookup;
    List<Cidr> list = new ArrayList<>();
    if (allowedCsv != null) {
      for (String part : allowedCsv.split(",")) {
        if (!part.isBlank()) {
          list.add(Cidr.parse(part));
        }
      }
    }
    this.allowed = List.copyOf(list);
  }

  /** Validates an allow-list setting; throws IllegalArgumentException naming the bad entry. */
  public static void validate(String allowedCsv) {
    new TargetGuard(allowedCsv);
  }

  /** How a refusal because the host does not resolve begins. */
  public static final String DNS_FAILURE = "DNS lookup failed for ";

  /** A host that resolves to an address outside the allowed targets. */
  public static final class Refused extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * Resolves a host name (or IP literal, with or without brackets) and returns its addresses if
   * every one of them may be contacted. The HTTP client connects to exactly these addresses, so
   * a name that resolves differently at connect time (DNS rebinding) cannot slip through.
   *
   * @throws Refused if one address is private, loopback, link-local, … and not allowed
   * @throws UnknownHostException if the name does not resolve
   */
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
        : host;
    InetAddress[] addresses;
    try {
      addresses = lookup.all(h);
    } catch (UnknownHostException e) {
      throw new UnknownHostException(DNS_FAILURE + h);
    }
    for (InetAddress a : addresses) {
      String why = refusal(a);
      if (why != null) {
        throw new Refused(host + " resolves to " + a.getHostAddress() + ", " + why);
      }
    }
    return addresses;
  }

  /**
   * Resolves the URL's host and returns null when every address may be contacted, or the reason
   * why not (a check for forms; sending checks again at connect time, see {@link #resolve}).
   */
  public String refusal(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return "the URL has no host";
    }
    try {
      resolve(host);
      return null;
    } catch (UnknownHostException e) {
      return e.getMessage();
    }
  }

  String refusal(InetAddress address) {
    byte[] raw = address.getAddress();
    byte[] v4 = embeddedV4(address);
    for (Cidr c : allowed) {
      if (c.contains(raw) || (v4 != null && c.contains(v4))) {
        return null;
      }
    }
    for (Cidr c : FORBIDDEN) {
      if (c.contains(raw) || (v4 != null && c.contains(v4))) {
        return "a private, loopback or link-local address; allow it with AUTOWEBHOOK_ALLOWED_TARGETS";
      }
    }
    return null;
  }

  /**
   * The IPv4 address inside an IPv6 address that reaches it: IPv4-mapped (::ffff:a.b.c.d),
   * IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
   */
  private static byte[] embeddedV4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return null;
    }
    byte[] b = address.getAddress();
    if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xff
        && (b[3] & 0xFF) == 0x9b;
    for (int i = nat64 ? 4 : 0; i < 10; i++) {
      if (b[i] != 0) {
        return null;
      }
    }
    boolean mapped = (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    boolean zero = b[10] == 0 && b[11] == 0;
    if (!(nat64 ? zero : mapped || zero)) {
      return null;
    }
    return new byte[] {b[12], b[13], b[14], b[15]};
  }

  /** Lower-cased scheme check: only http and https are ever called. */
  public static boolean isHttp(URI uri) {
    String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return s.equals("http") || s.equals("https");
  }
}

package io.migrationmanager.domain.placement;

/** IPv4 addresses and subnets in dotted-quad and CIDR notation, without a library. */
final class Ipv4 {
  private Ipv4() {}

  /** The address as an unsigned 32-bit number, or -1 when {@code text} is not a dotted-quad IPv4 address. */
  static long parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return -1;
      }
      if (part.length() > 1 && part.charAt(0) == '0') {
        return -1;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return -1;
      }
      value = value << 8 | octet;
    }
    return value;
  }

  /**
   * Whether {@code address} lies in {@code cidr} ({@code 10.0.0.1/24} is the subnet {@code 10.0.0.0/24}).
   *
   * @throws IllegalArgumentException {@code invalid CIDR address: <cidr>} when {@code cidr} is not IPv4 CIDR
   *     notation
   */
  static boolean contains(String cidr, long address) {
    int slash = cidr.indexOf('/');
    long base = slash < 0 ? -1 : parse(cidr.substring(0, slash));
    int bits = slash < 0 ? -1 : prefixLength(cidr.substring(slash + 1));
    if (base < 0 || bits < 0) {
      throw new IllegalArgumentException("invalid CIDR address: " + cidr);
    }
    long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    return (base & mask) == (address & mask);
  }

  private static int prefixLength(String text) {
    if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    int bits = Integer.parseInt(text);
    return bits > 32 ? -1 : bits;
  }
}

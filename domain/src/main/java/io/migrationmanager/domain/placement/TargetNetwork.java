package io.migrationmanager.domain.placement;

/**
 * A network of a target project, as placement validation needs it.
 *
 * @param type the Incus network type ({@code bridge}, {@code ovn}, {@code physical}, {@code macvlan}, ...)
 * @param managed whether Incus manages the network
 * @param ipv4Address the network's {@code ipv4.address} config (a CIDR such as {@code 10.0.0.1/24}, or
 *     {@code none}, {@code auto} or empty)
 */
public record TargetNetwork(String name, String type, boolean managed, String ipv4Address) {

  public TargetNetwork {
    type = type == null ? "" : type;
    ipv4Address = ipv4Address == null ? "" : ipv4Address;
  }
}

package io.migrationmanager.domain.network;

import io.migrationmanager.api.Network;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.domain.Names;
import io.migrationmanager.domain.error.ValidationException;
import java.util.List;

/** The API view of networks, their default placement and override validation (spec §2.5). */
public final class NetworkViews {
  public static final List<String> NIC_TYPES = List.of("managed", "bridged", "physical");

  private NetworkViews() {}

  public static Network toApi(NetworkRecord n) {
    return new Network(
        n.uuid(), n.sourceSpecificId(), n.source(), n.type(), n.location(), n.properties(), defaultPlacement(n),
        n.overrides());
  }

  /**
   * The computed placement: an Incus network named after the source network (spaces become {@code -}),
   * {@code managed}; a distributed port group defaults to {@code physical} with its VLANs.
   */
  public static NetworkPlacement defaultPlacement(NetworkRecord n) {
    String location = n.location();
    String base = location.substring(location.lastIndexOf('/') + 1).replace(' ', '-');
    if (n.type() == NetworkType.DISTRIBUTED) {
      String vlans = n.properties().vlanRanges().isEmpty() ? n.properties().vlanId() : n.properties().vlanRanges();
      return new NetworkPlacement(base, "physical", vlans);
    }
    return new NetworkPlacement(base, "managed", "");
  }

  /**
   * Validates an override against the network's default. Unlike the original, an override that sets only the
   * network name (empty NIC type) is accepted and keeps the default NIC type.
   */
  public static void validateOverride(NetworkRecord n, NetworkPlacement o) {
    if (!o.network().isEmpty()) {
      Names.apiNameProblem(o.network())
          .ifPresent(
              p -> {
                throw new ValidationException("Invalid network name \"" + o.network() + "\": " + p);
              });
    }
    if (!o.nictype().isEmpty() && !NIC_TYPES.contains(o.nictype())) {
      throw new ValidationException("Unknown NIC type \"" + o.nictype() + "\"");
    }
    NetworkPlacement effective = defaultPlacement(n).apply(o);
    if (!o.vlanId().isEmpty()) {
      if (effective.nictype().equals("managed")) {
        throw new ValidationException("Cannot set VLAN ID with NIC type \"" + effective.nictype() + "\"");
      }
      validateVlans(o.vlanId());
    }
  }

  /** A VLAN id or a comma-separated list of ids and ranges ({@code 10}, {@code 10,20}, {@code 100-200}). */
  public static void validateVlans(String vlans) {
    for (String part : vlans.split(",")) {
      String[] range = part.trim().split("-", -1);
      if (range.length > 2) {
        throw invalidVlan(vlans);
      }
      for (String v : range) {
        try {
          int id = Integer.parseInt(v.trim());
          if (id < 1 || id > 4094) {
            throw invalidVlan(vlans);
          }
        } catch (NumberFormatException e) {
          throw invalidVlan(vlans);
        }
      }
    }
  }

  private static ValidationException invalidVlan(String vlans) {
    return new ValidationException(
        "Invalid VLAN ID \"" + vlans + "\": expected VLAN ids (1-4094) or ranges, separated by commas");
  }
}

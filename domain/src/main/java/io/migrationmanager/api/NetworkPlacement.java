package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a source network's NICs go on the target (spec §2.5): the Incus network, the NIC type
 * ({@code managed}, {@code bridged}, {@code physical}) and, for bridged/physical, a VLAN id or list. As an
 * override, empty fields mean "keep the default".
 */
@JsonPropertyOrder({"network", "nictype", "vlan_id"})
public record NetworkPlacement(
    @JsonProperty("network") String network,
    @JsonProperty("nictype") String nictype,
    @JsonProperty("vlan_id") String vlanId) {

  public static final NetworkPlacement EMPTY = new NetworkPlacement("", "", "");

  public NetworkPlacement {
    network = network == null ? "" : network;
    nictype = nictype == null ? "" : nictype;
    vlanId = vlanId == null ? "" : vlanId;
  }

  @JsonIgnore
  public boolean isEmpty() {
    return network.isEmpty() && nictype.isEmpty() && vlanId.isEmpty();
  }

  /** This placement with every non-empty field of {@code override} taking precedence. */
  public NetworkPlacement apply(NetworkPlacement override) {
    if (override == null) {
      return this;
    }
    return new NetworkPlacement(
        override.network.isEmpty() ? network : override.network,
        override.nictype.isEmpty() ? nictype : override.nictype,
        override.vlanId.isEmpty() ? vlanId : override.vlanId);
  }
}

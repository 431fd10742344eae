package io.migrationmanager.domain.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * One network adapter of a VM.
 *
 * @param uuid the UUID of the Migration Manager network record the NIC is attached to (set during sync)
 * @param sourceSpecificId the network's id on the source ({@code network-40007}, a port group key, or an
 *     opaque network id), spaces replaced by {@code _}
 * @param hardwareAddress the MAC address
 * @param location the network's inventory path
 * @param ipv4Address the first non-link-local IPv4 address the guest reports on that network, or empty
 * @param ipv6Address the first non-link-local IPv6 address, or empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceNic(
    @JsonProperty("uuid") UUID uuid,
    @JsonProperty("source_specific_id") String sourceSpecificId,
    @JsonProperty("hardware_address") String hardwareAddress,
    @JsonProperty("location") String location,
    @JsonProperty("ipv4_address") String ipv4Address,
    @JsonProperty("ipv6_address") String ipv6Address) {

  public InstanceNic {
    sourceSpecificId = InstanceProperties.nullToEmpty(sourceSpecificId);
    hardwareAddress = InstanceProperties.nullToEmpty(hardwareAddress);
    location = InstanceProperties.nullToEmpty(location);
    ipv4Address = InstanceProperties.nullToEmpty(ipv4Address);
    ipv6Address = InstanceProperties.nullToEmpty(ipv6Address);
  }

  public InstanceNic withUuid(UUID networkUuid) {
    return new InstanceNic(networkUuid, sourceSpecificId, hardwareAddress, location, ipv4Address, ipv6Address);
  }
}

package io.migrationmanager.domain.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What vCenter says about a standard or distributed network (spec §2.5); every field is omitted when empty.
 *
 * @param vlanId the VLAN id of a VLAN-id port group spec, e.g. {@code 10}
 * @param vlanRanges the trunk ranges of a trunk spec, e.g. {@code 100-200,300-400}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NetworkProperties(
    @JsonProperty("segment_id") String segmentId,
    @JsonProperty("transport_zone_uuid") String transportZoneUuid,
    @JsonProperty("vlan_id") String vlanId,
    @JsonProperty("vlan_ranges") String vlanRanges) {

  public static final NetworkProperties EMPTY = new NetworkProperties("", "", "", "");

  public NetworkProperties {
    segmentId = segmentId == null ? "" : segmentId;
    transportZoneUuid = transportZoneUuid == null ? "" : transportZoneUuid;
    vlanId = vlanId == null ? "" : vlanId;
    vlanRanges = vlanRanges == null ? "" : vlanRanges;
  }
}

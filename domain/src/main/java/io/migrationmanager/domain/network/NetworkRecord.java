package io.migrationmanager.domain.network;

import io.migrationmanager.api.NetworkPlacement;
import java.util.UUID;

/** A stored source network and the user's placement override. */
public record NetworkRecord(
    UUID uuid,
    String source,
    NetworkType type,
    String sourceSpecificId,
    String location,
    NetworkProperties properties,
    NetworkPlacement overrides) {

  public NetworkRecord {
    properties = properties == null ? NetworkProperties.EMPTY : properties;
    overrides = overrides == null ? NetworkPlacement.EMPTY : overrides;
  }
}

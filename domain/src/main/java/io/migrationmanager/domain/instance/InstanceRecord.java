package io.migrationmanager.domain.instance;

import io.migrationmanager.api.InstanceOverride;
import java.time.Instant;
import java.util.UUID;

/**
 * An imported instance as stored: what its source reported, and the user's override.
 *
 * @param source the source's name
 * @param lastUpdateFromSource when a sync last changed the properties
 */
public record InstanceRecord(
    UUID uuid,
    String source,
    String sourceType,
    Instant lastUpdateFromSource,
    InstanceOverride overrides,
    InstanceProperties properties) {

  public InstanceRecord {
    overrides = overrides == null ? InstanceOverride.EMPTY : overrides;
  }

  public InstanceRecord withOverrides(InstanceOverride o) {
    return new InstanceRecord(uuid, source, sourceType, lastUpdateFromSource, o, properties);
  }

  public InstanceRecord withProperties(InstanceProperties p, Instant updated) {
    return new InstanceRecord(uuid, source, sourceType, updated, overrides, p);
  }
}

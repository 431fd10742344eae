package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.migrationmanager.domain.instance.RestrictionOverrides;

/**
 * How a batch migrates (spec §2.6 {@code config}).
 *
 * @param rerunScriptlets run the placement scriptlet again on every import pass of a waiting entry
 * @param placementScriptlet Starlark defining {@code placement(instance, batch)}, or empty
 * @param postMigrationRetries how often reconfiguring the target VM is retried after cutover
 * @param instanceRestrictionOverrides the restrictions (spec §6.5) this batch relaxes
 * @param backgroundSyncInterval how often background imports are topped up
 * @param finalBackgroundSyncLimit no top-up starts this close to the window start
 */
@JsonPropertyOrder({
  "rerun_scriptlets", "placement_scriptlet", "post_migration_retries", "instance_restriction_overrides",
  "background_sync_interval", "final_background_sync_limit"
})
public record BatchConfig(
    @JsonProperty("rerun_scriptlets") @JsonSetter(nulls = Nulls.AS_EMPTY) boolean rerunScriptlets,
    @JsonProperty("placement_scriptlet") String placementScriptlet,
    @JsonProperty("post_migration_retries") @JsonSetter(nulls = Nulls.AS_EMPTY) int postMigrationRetries,
    @JsonProperty("instance_restriction_overrides") RestrictionOverrides instanceRestrictionOverrides,
    @JsonProperty("background_sync_interval") GoDuration backgroundSyncInterval,
    @JsonProperty("final_background_sync_limit") GoDuration finalBackgroundSyncLimit) {

  /** Everything zero or empty (the API fills in the sync defaults). */
  public static final BatchConfig UNSET =
      new BatchConfig(false, "", 0, RestrictionOverrides.NONE, GoDuration.ZERO, GoDuration.ZERO);

  public BatchConfig {
    placementScriptlet = placementScriptlet == null ? "" : placementScriptlet;
    instanceRestrictionOverrides =
        instanceRestrictionOverrides == null ? RestrictionOverrides.NONE : instanceRestrictionOverrides;
    backgroundSyncInterval = backgroundSyncInterval == null ? GoDuration.ZERO : backgroundSyncInterval;
    finalBackgroundSyncLimit = finalBackgroundSyncLimit == null ? GoDuration.ZERO : finalBackgroundSyncLimit;
  }
}

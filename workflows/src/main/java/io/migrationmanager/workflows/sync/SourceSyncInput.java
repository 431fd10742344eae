package io.migrationmanager.workflows.sync;

import io.migrationmanager.api.GoDuration;

/**
 * The per-source sync workflow's configuration.
 *
 * @param interval time between periodic syncs
 * @param autoSync false = sync only on demand
 * @param syncsSoFar syncs done by earlier runs of this workflow (carried over continue-as-new)
 */
public record SourceSyncInput(String source, GoDuration interval, boolean autoSync, int syncsSoFar) {}

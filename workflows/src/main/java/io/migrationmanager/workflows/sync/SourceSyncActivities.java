package io.migrationmanager.workflows.sync;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The work of a source sync. */
@ActivityInterface
public interface SourceSyncActivities {
  /** Reads the source and merges its inventory into MySQL; heartbeats its phase. */
  @ActivityMethod
  SyncOutcome syncSource(String source);
}

package io.migrationmanager.activities.sync;

import io.migrationmanager.activities.Failures;
import io.migrationmanager.workflows.sync.SourceSyncActivities;
import io.migrationmanager.workflows.sync.SyncOutcome;
import io.temporal.activity.Activity;

/** Runs {@link InventorySync} as an activity, heartbeating each phase. */
public class SourceSyncActivitiesImpl implements SourceSyncActivities {
  private final InventorySync sync;

  public SourceSyncActivitiesImpl(InventorySync sync) {
    this.sync = sync;
  }

  @Override
  public SyncOutcome syncSource(String source) {
    var context = Activity.getExecutionContext();
    return Failures.translate(() -> sync.sync(source, context::heartbeat));
  }
}

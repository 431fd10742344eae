package io.migrationmanager.domain.placement;

import io.migrationmanager.api.Batch;
import io.migrationmanager.domain.instance.InstanceRecord;

/** Batch placement scriptlets (spec §7): checked when a batch is saved, run per instance when it is placed. */
public interface PlacementScripts {
  /**
   * Checks that {@code script} compiles and defines {@code placement(instance, batch)}.
   *
   * @throws io.migrationmanager.domain.error.ValidationException with the file, line and column of the problem
   */
  void validate(String batchName, String script);

  /**
   * Runs the batch's scriptlet for one instance; an empty scriptlet changes nothing.
   *
   * @throws io.migrationmanager.domain.error.ValidationException when the scriptlet fails or sets something
   *     invalid (the message says which line)
   */
  PlacementOverrides run(Batch batch, InstanceRecord instance);
}

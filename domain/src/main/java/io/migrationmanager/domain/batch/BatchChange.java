package io.migrationmanager.domain.batch;

/** A part of a batch's editable configuration that an update changes (see {@link BatchEdits}). */
public enum BatchChange {
  /** The name; never once started. */
  NAME,
  /** The include expression; never once started. */
  INCLUDE_EXPRESSION,
  /** The default target, project, storage pool or migration networks; never once started. */
  PLACEMENT,
  /** The placement scriptlet; once started, only while no queue entry still waits for its placement. */
  PLACEMENT_SCRIPTLET,
  /** The migration windows; once started, within the limits on windows held by queue entries. */
  MIGRATION_WINDOWS,
  /** The constraints; once started, only those matching no committed queue entry. */
  CONSTRAINTS,
  /** The relaxed restrictions; live. */
  RESTRICTION_OVERRIDES,
  /** The post-migration retry count; live. */
  POST_MIGRATION_RETRIES,
  /** The background sync interval or final sync limit; live. */
  BACKGROUND_SYNC,
  /** Whether scriptlets rerun for waiting entries; live. */
  RERUN_SCRIPTLETS,
  /** Whether conflicts are resolved by force; live. */
  FORCE_CONFLICT_RESOLUTION
}

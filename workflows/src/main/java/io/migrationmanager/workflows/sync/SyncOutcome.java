package io.migrationmanager.workflows.sync;

/**
 * What one inventory sync did.
 *
 * @param ok false when the sync failed; {@code error} then says why
 */
public record SyncOutcome(
    boolean ok, String error, int created, int updated, int deleted, int networks, int warnings) {

  public static SyncOutcome failed(String error) {
    return new SyncOutcome(false, error, 0, 0, 0, 0, 0);
  }
}

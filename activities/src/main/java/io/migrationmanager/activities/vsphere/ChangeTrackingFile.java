package io.migrationmanager.activities.vsphere;

/** Whether a disk's change-tracking file ({@code -ctk.vmdk}) exists on its datastore. */
public enum ChangeTrackingFile {
  /** The file exists: change block tracking is active for the disk. */
  FOUND,
  /** The datastore was searched and the file is not there. */
  MISSING,
  /** The lookup failed or timed out; ask again later. */
  UNKNOWN
}

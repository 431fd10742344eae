package io.migrationmanager.activities.vsphere;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * vCenter tags of VMs (spec §2.4: {@code tag.<category>} = comma-joined tag names). vCenter serves
 * tags only through its REST API, not through the SOAP API that yavijava speaks.
 */
interface VsphereTags extends AutoCloseable {

  /**
   * The tags attached to each of the VMs, read in bulk.
   *
   * @param vmIds VM managed object ids, e.g. {@code vm-123}
   * @return by VM id: category name to the tag names of that category, sorted
   */
  Map<String, Map<String, List<String>>> attachedTags(List<String> vmIds) throws IOException;

  @Override
  void close();

  /** Opens a tag reader for a logged-in vCenter connection. */
  @FunctionalInterface
  interface Factory {
    VsphereTags open(VsphereConnection connection, String username, String password)
        throws IOException;
  }
}

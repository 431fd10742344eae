package io.migrationmanager.domain.source;

import io.migrationmanager.domain.instance.InstanceProperties;
import java.util.List;

/** Reads a VMware source (implemented on yavijava by {@code VsphereInventoryReader}). */
public interface InventoryReader {
  /** The outcome of a connectivity check, with the server certificate when it was not trusted. */
  record Check(ConnectivityStatus status, byte[] untrustedCertificate, String detail) {}

  Check check(VmwareEndpoint endpoint);

  /** Opens one session (one login) on the source for a sync. */
  Session open(VmwareEndpoint endpoint);

  /** A logged-in session; not thread-safe. */
  interface Session extends AutoCloseable {
    /** Everything to import from the source (may take minutes for large inventories). */
    SourceInventory read();

    /**
     * Marks each change-tracked disk whose {@code -ctk.vmdk} file exists on its datastore as verified
     * (spec §6.7.1); instances whose tracking files are missing come back with {@code background_import} off.
     */
    List<InstanceProperties> verifyBackgroundImport(List<InstanceProperties> instances);

    @Override
    void close();
  }
}

package io.migrationmanager.activities.vsphere;

import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.domain.source.InventoryReader;
import io.migrationmanager.domain.source.SourceInventory;
import io.migrationmanager.domain.source.VmwareEndpoint;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link InventoryReader} on yavijava: one {@link VsphereSource} session per call. */
public class VsphereInventoryReader implements InventoryReader {
  @Override
  public Check check(VmwareEndpoint endpoint) {
    try (VsphereSource source = new VsphereSource(endpoint)) {
      VsphereConnectivity c = source.checkConnectivity();
      byte[] cert = null;
      if (c.serverCertificate() != null) {
        try {
          cert = c.serverCertificate().getEncoded();
        } catch (CertificateEncodingException e) {
          return new Check(ConnectivityStatus.TLS_ERROR, null, e.getMessage());
        }
      }
      return new Check(c.status(), cert, c.message());
    }
  }

  @Override
  public Session open(VmwareEndpoint endpoint) {
    VsphereSource source = new VsphereSource(endpoint);
    return new Session() {
      @Override
      public SourceInventory read() {
        return source.fetchInventory();
      }

      @Override
      public List<InstanceProperties> verifyBackgroundImport(List<InstanceProperties> instances) {
        return verify(source, instances);
      }

      @Override
      public void close() {
        source.close();
      }
    };
  }

  /**
   * Looks up each change-tracked disk's {@code -ctk.vmdk}: all found → the disks are verified; one
   * missing → change tracking is not really active and the instance reports {@code
   * background_import} off; a lookup that failed leaves the disk unverified for the next sync.
   */
  private static List<InstanceProperties> verify(VsphereSource source, List<InstanceProperties> instances) {
    List<String> disks = new ArrayList<>();
    instances.forEach(
        i -> i.disks().stream().filter(InstanceDisk::supported).forEach(d -> disks.add(d.name())));
    Map<String, ChangeTrackingFile> found = source.findChangeTrackingFiles(disks);
    List<InstanceProperties> out = new ArrayList<>();
    for (InstanceProperties i : instances) {
      boolean missing =
          i.disks().stream()
              .filter(InstanceDisk::supported)
              .anyMatch(d -> found.get(d.name()) == ChangeTrackingFile.MISSING);
      List<InstanceDisk> verified =
          i.disks().stream()
              .map(
                  d ->
                      d.supported() && found.get(d.name()) == ChangeTrackingFile.FOUND
                          ? d.withBackgroundImportVerified(true)
                          : d)
              .toList();
      out.add(
          new InstanceProperties(
              i.name(),
              i.cpus(),
              i.memory(),
              i.config(),
              i.architecture(),
              i.uuid(),
              i.sourceSpecificId(),
              i.location(),
              i.description(),
              i.os(),
              i.osVersion(),
              i.osTemplate(),
              i.secureBoot(),
              i.legacyBoot(),
              i.tpm(),
              i.running(),
              i.backgroundImport() && !missing,
              i.nics(),
              verified,
              i.snapshots()));
    }
    return out;
  }
}

package io.migrationmanager.activities.vsphere;

import io.migrationmanager.domain.source.SourceVmControl;
import io.migrationmanager.domain.source.VmwareEndpoint;

/** {@link SourceVmControl} on yavijava: one {@link VsphereSource} session per call. */
public class VsphereVmControl implements SourceVmControl {
  @Override
  public void powerOn(VmwareEndpoint endpoint, String sourceSpecificId) {
    try (VsphereSource source = new VsphereSource(endpoint)) {
      source.powerOn(sourceSpecificId);
    }
  }

  @Override
  public void powerOff(VmwareEndpoint endpoint, String sourceSpecificId) {
    try (VsphereSource source = new VsphereSource(endpoint)) {
      source.powerOff(sourceSpecificId);
    }
  }

  @Override
  public boolean changeTrackingEnabled(VmwareEndpoint endpoint, String sourceSpecificId) {
    try (VsphereSource source = new VsphereSource(endpoint)) {
      return source.changeTrackingEnabled(sourceSpecificId);
    }
  }

  /**
   * Powers the VM off when it runs, removes its snapshots and reconfigures change tracking; a VM
   * that was running is powered on again, also when a step failed.
   */
  @Override
  public void enableChangeTracking(VmwareEndpoint endpoint, String sourceSpecificId) {
    try (VsphereSource source = new VsphereSource(endpoint)) {
      boolean wasRunning = source.poweredOn(sourceSpecificId);
      source.powerOff(sourceSpecificId);
      try {
        source.removeAllSnapshots(sourceSpecificId);
        source.reconfigureChangeTracking(sourceSpecificId);
      } catch (RuntimeException e) {
        if (wasRunning) {
          try {
            source.powerOn(sourceSpecificId);
          } catch (RuntimeException again) {
            e.addSuppressed(again);
          }
        }
        throw e;
      }
      if (wasRunning) {
        source.powerOn(sourceSpecificId);
      }
    }
  }
}

package io.migrationmanager.domain.source;

/**
 * Acts on one VM of a VMware source (implemented on yavijava by {@code VsphereVmControl}). VMs are named by their
 * source-specific id, the managed object reference such as {@code VirtualMachine:vm-123}.
 *
 * <p>Failures are domain errors: {@code NotFoundException} when the VM no longer exists, {@code
 * TransientException} when the source cannot be reached, {@code OperationFailedException} when the source refused
 * or broke an operation.
 */
public interface SourceVmControl {
  /** Powers the VM on; nothing happens when it runs already. */
  void powerOn(VmwareEndpoint endpoint, String sourceSpecificId);

  /** Shuts the VM down (through its guest agent when one runs) and waits until it is off. */
  void powerOff(VmwareEndpoint endpoint, String sourceSpecificId);

  /** Whether change block tracking is on ({@code config.changeTrackingEnabled}). */
  boolean changeTrackingEnabled(VmwareEndpoint endpoint, String sourceSpecificId);

  /**
   * Turns change block tracking on (spec §3.3 {@code :enable-background-import}): powers the VM off when it runs,
   * removes all its snapshots, switches tracking off and on again for the VM and every supported disk, and powers
   * the VM back on when it was running.
   */
  void enableChangeTracking(VmwareEndpoint endpoint, String sourceSpecificId);
}

package io.migrationmanager.activities.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.TaskInfoState;
import com.vmware.vim25.mo.Task;
import com.vmware.vim25.mo.VirtualMachine;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.source.VmwareEndpoint;
import io.migrationmanager.testsupport.VcsimPeer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reading and turning on change block tracking ({@link VsphereSource}, {@link VsphereVmControl})
 * against the vcsim launcher with the user's vCenter, which creates a disk's {@code -ctk.vmdk} when
 * a VM with change tracking on powers on.
 */
@Tag("vcsim")
@ExtendWith(VcsimPeer.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VsphereChangeTrackingVcsimTest {
  private static final String DEBIAN = "/vc01/vm/Incus migrations/Debian Bookworm";
  private static final String DEBIAN_DISK = "[datastore-01] Debian/Debian.vmdk";
  private static final String CENTOS = "/vc01/vm/other/CentOS9";
  private static final String UBUNTU = "/vc01/vm/Incus migrations/Ubuntu 2404";

  private VcsimPeer vcenter;
  private VmwareEndpoint endpoint;
  private VsphereConnection connection;
  private Map<String, String> ids;

  @BeforeAll
  void startPeer() throws IOException {
    vcenter = VcsimPeer.start(Duration.ofSeconds(60));
    endpoint = vcenter.trustedEndpoint();
    connection =
        VsphereConnection.open(
            URI.create(vcenter.sdkUrl),
            VcsimPeer.USERNAME,
            VcsimPeer.PASSWORD,
            VsphereTls.trustManager(VsphereTls.pinnedFingerprint(endpoint)),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30));
    try (VsphereSource source = new VsphereSource(endpoint)) {
      ids =
          source.fetchInventory().instances().stream()
              .collect(
                  Collectors.toMap(
                      InstanceProperties::location, InstanceProperties::sourceSpecificId));
    }
  }

  @AfterAll
  void stopPeer() throws IOException {
    if (connection != null) {
      connection.close();
    }
    if (vcenter != null) {
      vcenter.close();
    }
  }

  /**
   * The VM as yavijava sees it, to check what the source did independently of the code under test.
   */
  private VirtualMachine vm(String location) {
    String id = ids.get(location);
    ManagedObjectReference ref = new ManagedObjectReference();
    ref.setType("VirtualMachine");
    ref.setVal(id.substring(id.indexOf(':') + 1));
    return new VirtualMachine(connection.serverConnection(), ref);
  }

  private static List<String> extraConfig(VirtualMachine vm) {
    List<String> out = new ArrayList<>();
    for (OptionValue o : vm.getConfig().getExtraConfig()) {
      if (o.getKey().endsWith("ctkEnabled")) {
        out.add(o.getKey() + "=" + o.getValue());
      }
    }
    return out;
  }

  private static Calendar bootTime(VirtualMachine vm) {
    return (Calendar) vm.getPropertyByPath("summary.runtime.bootTime");
  }

  private static void await(Task task) throws Exception {
    task.waitForTask(50, 50);
    assertThat(task.getTaskInfo().getState()).isEqualTo(TaskInfoState.success);
  }

  @Test
  void changeTrackingAndPowerStateAreReadPerVm() {
    try (VsphereSource source = new VsphereSource(endpoint)) {
      assertThat(source.changeTrackingEnabled(ids.get(CENTOS))).isTrue();
      assertThat(source.changeTrackingEnabled(ids.get(UBUNTU))).isTrue();
      assertThat(new VsphereVmControl().changeTrackingEnabled(endpoint, ids.get(UBUNTU))).isTrue();
      assertThat(source.poweredOn(ids.get(UBUNTU))).isTrue();
    }
  }

  @Test
  void missingVmsAreNotFoundAndOthersAreNoVmIds() {
    try (VsphereSource source = new VsphereSource(endpoint)) {
      assertThatThrownBy(() -> source.changeTrackingEnabled("VirtualMachine:vm-999999"))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("VM VirtualMachine:vm-999999 not found on \"" + endpoint.endpoint() + "\"");
      assertThatThrownBy(() -> source.removeAllSnapshots("VirtualMachine:vm-999999"))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> source.poweredOn("Network:network-40007"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Not a VMware VM id: \"Network:network-40007\"");
    }
  }

  @Test
  void enablingPowerCyclesTheVmRemovesItsSnapshotsAndTracksEveryDisk() throws Exception {
    VirtualMachine debian = vm(DEBIAN);
    await(debian.createSnapshot_Task("before-cbt", "", false, false));
    assertThat(debian.getSnapshot()).isNotNull();
    Calendar bootedBefore = bootTime(debian);
    try (VsphereSource source = new VsphereSource(endpoint)) {
      assertThat(source.changeTrackingEnabled(ids.get(DEBIAN))).isFalse();
      assertThat(source.findChangeTrackingFiles(List.of(DEBIAN_DISK)))
          .containsEntry(DEBIAN_DISK, ChangeTrackingFile.MISSING);
    }

    new VsphereVmControl().enableChangeTracking(endpoint, ids.get(DEBIAN));

    assertThat(debian.getSnapshot()).isNull();
    assertThat(debian.getRuntime().getPowerState().toString()).isEqualTo("poweredOn");
    assertThat(bootTime(debian)).isGreaterThan(bootedBefore);
    assertThat(debian.getConfig().getChangeTrackingEnabled()).isTrue();
    assertThat(extraConfig(debian)).containsExactly("ctkEnabled=TRUE", "scsi0:0.ctkEnabled=TRUE");
    try (VsphereSource source = new VsphereSource(endpoint)) {
      assertThat(source.changeTrackingEnabled(ids.get(DEBIAN))).isTrue();
      assertThat(source.findChangeTrackingFiles(List.of(DEBIAN_DISK)))
          .containsEntry(DEBIAN_DISK, ChangeTrackingFile.FOUND);

      // Again: the existing keys are switched off on their own first, then on.
      source.powerOff(ids.get(DEBIAN));
      source.reconfigureChangeTracking(ids.get(DEBIAN));
      assertThat(source.poweredOn(ids.get(DEBIAN))).isFalse();
    }
    // vcsim appends every extraConfig change, so the list shows the sequence of reconfigurations.
    assertThat(extraConfig(debian))
        .containsExactly(
            "ctkEnabled=TRUE",
            "scsi0:0.ctkEnabled=TRUE",
            "ctkEnabled=FALSE",
            "scsi0:0.ctkEnabled=FALSE",
            "ctkEnabled=TRUE",
            "scsi0:0.ctkEnabled=TRUE");
  }

  @Test
  void aVmThatWasOffStaysOff() throws Exception {
    VirtualMachine centos = vm(CENTOS);
    try (VsphereSource source = new VsphereSource(endpoint)) {
      source.powerOff(ids.get(CENTOS));
      source.removeAllSnapshots(ids.get(CENTOS));
    }

    new VsphereVmControl().enableChangeTracking(endpoint, ids.get(CENTOS));

    assertThat(centos.getRuntime().getPowerState().toString()).isEqualTo("poweredOff");
    assertThat(centos.getConfig().getChangeTrackingEnabled()).isTrue();
    assertThat(extraConfig(centos)).containsExactly("ctkEnabled=TRUE", "scsi0:0.ctkEnabled=TRUE");
    new VsphereVmControl().powerOn(endpoint, ids.get(CENTOS));
    assertThat(centos.getRuntime().getPowerState().toString()).isEqualTo("poweredOn");
  }
}

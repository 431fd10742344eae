package io.migrationmanager.activities.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.OptionValue;
import com.vmware.vim25.ParaVirtualSCSIController;
import com.vmware.vim25.VirtualAHCIController;
import com.vmware.vim25.VirtualController;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDeviceBackingInfo;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualDiskFlatVer2BackingInfo;
import com.vmware.vim25.VirtualDiskRawDiskMappingVer1BackingInfo;
import com.vmware.vim25.VirtualIDEController;
import com.vmware.vim25.VirtualLsiLogicController;
import com.vmware.vim25.VirtualUSBController;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code ctkEnabled} keys of the VM and its disks. */
class ChangeTrackingKeysTest {
  private static final int CONTROLLER_KEY = 1000;

  private static VirtualController controller(String kind, int bus) {
    VirtualController c =
        switch (kind) {
          case "lsilogic" -> new VirtualLsiLogicController();
          case "pvscsi" -> new ParaVirtualSCSIController();
          case "ahci" -> new VirtualAHCIController();
          case "ide" -> new VirtualIDEController();
          case "usb" -> new VirtualUSBController();
          default -> throw new IllegalArgumentException(kind);
        };
    c.setKey(CONTROLLER_KEY + bus);
    c.setBusNumber(bus);
    return c;
  }

  private static VirtualDisk disk(int controllerKey, Integer unit, String backing) {
    VirtualDisk disk = new VirtualDisk();
    disk.setKey(2000 + (unit == null ? 99 : unit));
    disk.setControllerKey(controllerKey);
    disk.setUnitNumber(unit);
    disk.setCapacityInBytes(1L << 30);
    VirtualDeviceBackingInfo info;
    if (backing.equals("rdm")) {
      VirtualDiskRawDiskMappingVer1BackingInfo rdm = new VirtualDiskRawDiskMappingVer1BackingInfo();
      rdm.setFileName("[datastore-01] vm/vm_rdm.vmdk");
      info = rdm;
    } else {
      VirtualDiskFlatVer2BackingInfo flat = new VirtualDiskFlatVer2BackingInfo();
      flat.setFileName("[datastore-01] vm/vm.vmdk");
      flat.setDiskMode(backing.equals("independent") ? "independent_persistent" : "persistent");
      flat.setSharing(backing.equals("shared") ? "sharingMultiWriter" : "sharingNone");
      info = flat;
    }
    disk.setBacking(info);
    return disk;
  }

  @ParameterizedTest(name = "{0} bus {1} unit {2} {3}")
  @CsvSource({
    "lsilogic,0,0,persistent,scsi0:0.ctkEnabled",
    "pvscsi,1,3,persistent,scsi1:3.ctkEnabled",
    "ahci,0,2,persistent,sata0:2.ctkEnabled",
    "ide,1,0,persistent,ide1:0.ctkEnabled",
    "usb,0,0,persistent,-",
    "lsilogic,0,1,independent,-",
    "lsilogic,0,1,shared,-",
    "lsilogic,0,1,rdm,-",
    "lsilogic,0,,persistent,-",
  })
  void oneKeyPerSupportedDisk(
      String controller, int bus, Integer unit, String backing, String key) {
    List<VirtualDevice> devices =
        List.of(controller(controller, bus), disk(CONTROLLER_KEY + bus, unit, backing));
    assertThat(ChangeTrackingKeys.supportedDiskKeys(devices))
        .isEqualTo(key.equals("-") ? List.of() : List.of(key));
  }

  @Test
  void disksKeepTheirDeviceOrderAndUnknownControllersAreSkipped() {
    List<VirtualDevice> devices =
        List.of(
            disk(CONTROLLER_KEY + 1, 0, "persistent"),
            controller("lsilogic", 0),
            disk(CONTROLLER_KEY, 1, "persistent"),
            controller("pvscsi", 1),
            disk(CONTROLLER_KEY, 0, "independent"),
            disk(CONTROLLER_KEY + 7, 0, "persistent"));
    assertThat(ChangeTrackingKeys.supportedDiskKeys(devices))
        .containsExactly("scsi1:0.ctkEnabled", "scsi0:1.ctkEnabled");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "guestinfo.detailed.data govcsim|-",
        "ctkEnabled scsi0:0.ctkEnabled guestinfo.x|ctkEnabled scsi0:0.ctkEnabled",
        "SCSI0:1.CTKENABLED ctkEnabled ctkEnabled|SCSI0:1.CTKENABLED ctkEnabled",
        "ctkEnabledOld sata0:0.ctkEnabled|sata0:0.ctkEnabled",
      })
  void existingKeysEndInCtkEnabled(String keys, String expected) {
    List<OptionValue> options =
        Arrays.stream(keys.split(" "))
            .map(k -> ChangeTrackingKeys.options(List.of(k), "TRUE")[0])
            .toList();
    assertThat(ChangeTrackingKeys.existing(options))
        .isEqualTo(expected.equals("-") ? List.of() : Arrays.asList(expected.split(" ")));
  }

  @Test
  void optionsCarryTheValue() {
    OptionValue[] options =
        ChangeTrackingKeys.options(List.of("ctkEnabled", "scsi0:0.ctkEnabled"), "FALSE");
    assertThat(options)
        .extracting(OptionValue::getKey)
        .containsExactly("ctkEnabled", "scsi0:0.ctkEnabled");
    assertThat(options).extracting(OptionValue::getValue).containsOnly("FALSE");
  }
}

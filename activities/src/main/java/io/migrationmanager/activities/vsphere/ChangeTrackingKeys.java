package io.migrationmanager.activities.vsphere;

import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualController;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualIDEController;
import com.vmware.vim25.VirtualSATAController;
import com.vmware.vim25.VirtualSCSIController;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code extraConfig} keys that switch change block tracking: {@code ctkEnabled} for the VM and
 * {@code <controller><bus>:<unit>.ctkEnabled} (e.g. {@code scsi0:0.ctkEnabled}) for each disk.
 */
final class ChangeTrackingKeys {
  /** The VM's own key. */
  static final String VM_KEY = "ctkEnabled";

  private ChangeTrackingKeys() {}

  /**
   * The key of every disk that supports change tracking (not raw, not independent, not shared, a
   * known backing; see {@link VmMapper#disk}) and sits on a SCSI, SATA or IDE controller, in device
   * order.
   */
  static List<String> supportedDiskKeys(List<VirtualDevice> devices) {
    Map<Integer, String> controllers = new HashMap<>();
    for (VirtualDevice device : devices) {
      if (device instanceof VirtualController controller) {
        String prefix = prefix(controller);
        if (prefix != null) {
          controllers.put(controller.getKey(), prefix + controller.getBusNumber());
        }
      }
    }
    List<String> keys = new ArrayList<>();
    for (VirtualDevice device : devices) {
      if (device instanceof VirtualDisk disk
          && VmMapper.disk(disk).supported()
          && disk.getControllerKey() != null
          && disk.getUnitNumber() != null
          && controllers.containsKey(disk.getControllerKey())) {
        keys.add(
            controllers.get(disk.getControllerKey()) + ":" + disk.getUnitNumber() + "." + VM_KEY);
      }
    }
    return keys;
  }

  private static String prefix(VirtualController controller) {
    if (controller instanceof VirtualSCSIController) {
      return "scsi";
    }
    if (controller instanceof VirtualSATAController) {
      return "sata";
    }
    if (controller instanceof VirtualIDEController) {
      return "ide";
    }
    return null;
  }

  /**
   * The keys of {@code extraConfig} that switch change tracking (the VM's and the disks'), in
   * order.
   */
  static List<String> existing(List<OptionValue> extraConfig) {
    String suffix = VM_KEY.toLowerCase(Locale.ROOT);
    List<String> keys = new ArrayList<>();
    for (OptionValue option : extraConfig) {
      String key = option.getKey();
      if (key != null && key.toLowerCase(Locale.ROOT).endsWith(suffix) && !keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** One option per key, each with {@code value} ({@code TRUE} or {@code FALSE}). */
  static OptionValue[] options(List<String> keys, String value) {
    OptionValue[] options = new OptionValue[keys.size()];
    for (int i = 0; i < options.length; i++) {
      options[i] = new OptionValue();
      options[i].setKey(keys.get(i));
      options[i].setValue(value);
    }
    return options;
  }
}

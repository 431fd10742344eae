package io.migrationmanager.activities.vsphere;

import com.vmware.vim25.CustomFieldDef;
import com.vmware.vim25.CustomFieldStringValue;
import com.vmware.vim25.CustomFieldValue;
import com.vmware.vim25.GuestNicInfo;
import com.vmware.vim25.NetIpConfigInfoIpAddress;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDeviceBackingInfo;
import com.vmware.vim25.VirtualDeviceDeviceBackingInfo;
import com.vmware.vim25.VirtualDeviceFileBackingInfo;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualDiskFlatVer1BackingInfo;
import com.vmware.vim25.VirtualDiskFlatVer2BackingInfo;
import com.vmware.vim25.VirtualDiskRawDiskMappingVer1BackingInfo;
import com.vmware.vim25.VirtualDiskRawDiskVer2BackingInfo;
import com.vmware.vim25.VirtualDiskSeSparseBackingInfo;
import com.vmware.vim25.VirtualDiskSparseVer1BackingInfo;
import com.vmware.vim25.VirtualDiskSparseVer2BackingInfo;
import com.vmware.vim25.VirtualEthernetCard;
import com.vmware.vim25.VirtualEthernetCardDistributedVirtualPortBackingInfo;
import com.vmware.vim25.VirtualEthernetCardNetworkBackingInfo;
import com.vmware.vim25.VirtualEthernetCardOpaqueNetworkBackingInfo;
import com.vmware.vim25.VirtualMachineSnapshotTree;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceSnapshot;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maps the bulk-read properties of one VM to {@link InstanceProperties} (spec §2.4, VMware 8.0
 * mapping).
 */
final class VmMapper {
  private static final long MIB = 1024L * 1024L;
  private static final Pattern NOT_NAME_CHARACTER = Pattern.compile("[^-a-zA-Z0-9]+");
  private static final String MULTI_WRITER = "sharingMultiWriter";

  private final Map<String, String> networkLocations;
  private final Map<Integer, CustomFieldDef> customFields;

  /**
   * @param networkLocations network id (as NICs refer to it) to the network's inventory path
   * @param customFields the custom attribute definitions, by key
   */
  VmMapper(Map<String, String> networkLocations, Map<Integer, CustomFieldDef> customFields) {
    this.networkLocations = networkLocations;
    this.customFields = customFields;
  }

  /**
   * The VM property paths to read for a server that has secure boot (API 6.5) and TPM (6.7)
   * properties.
   */
  static List<String> propertyPaths(boolean secureBoot, boolean tpm) {
    List<String> paths =
        new ArrayList<>(
            List.of(
                "name",
                "parent",
                "parentVApp",
                "resourcePool",
                "customValue",
                "config.name",
                "config.template",
                "config.annotation",
                "config.guestFullName",
                "config.firmware",
                "config.changeTrackingEnabled",
                "config.extraConfig",
                "config.hardware.numCPU",
                "config.hardware.device",
                "summary.config.memorySizeMB",
                "summary.config.instanceUuid",
                "runtime.powerState",
                "guest.net",
                "snapshot.rootSnapshotList"));
    if (secureBoot) {
      paths.add("config.bootOptions.efiSecureBootEnabled");
    }
    if (tpm) {
      paths.add("summary.config.tpmPresent");
    }
    return paths;
  }

  /** A VM name reduced to the characters {@code [-a-zA-Z0-9]}. */
  static String sanitizeName(String name) {
    return NOT_NAME_CHARACTER.matcher(name).replaceAll("");
  }

  /**
   * Maps a VM that has a configuration.
   *
   * @param config extra config entries (tags, resource pool) merged over the custom attributes
   * @throws IllegalArgumentException when a property cannot be interpreted
   */
  InstanceProperties map(PropertyValues vm, String location, Map<String, String> config) {
    String instanceUuid = vm.string("summary.config.instanceUuid");
    if (instanceUuid.isEmpty()) {
      throw new IllegalArgumentException("the VM has no instance UUID");
    }
    UUID uuid = UUID.fromString(instanceUuid);
    GuestDetails guest = GuestDetails.parse(detailedData(vm));
    Map<String, String> merged = new TreeMap<>(attributes(vm));
    merged.putAll(config);
    List<VirtualDevice> devices = vm.list("config.hardware.device", VirtualDevice.class);
    return new InstanceProperties(
        sanitizeName(vm.string("config.name")),
        vm.number("config.hardware.numCPU"),
        vm.number("summary.config.memorySizeMB") * MIB,
        merged,
        guest.architecture(),
        uuid,
        vm.id(),
        location,
        vm.string("config.annotation"),
        guest.distroName(),
        guest.prettyName(),
        vm.string("config.guestFullName"),
        vm.bool("config.bootOptions.efiSecureBootEnabled"),
        "bios".equals(vm.string("config.firmware")),
        vm.bool("summary.config.tpmPresent"),
        "poweredOn".equals(vm.string("runtime.powerState")),
        vm.bool("config.changeTrackingEnabled"),
        nics(devices, vm.list("guest.net", GuestNicInfo.class)),
        disks(devices),
        vm.list("snapshot.rootSnapshotList", VirtualMachineSnapshotTree.class).stream()
            .map(s -> new InstanceSnapshot(s.getName()))
            .toList());
  }

  private static String detailedData(PropertyValues vm) {
    for (OptionValue o : vm.list("config.extraConfig", OptionValue.class)) {
      if (GuestDetails.EXTRA_CONFIG_KEY.equals(o.getKey()) && o.getValue() != null) {
        return o.getValue().toString();
      }
    }
    return "";
  }

  /** Custom attributes as {@code attribute.<managed object type or "global">.<field name>}. */
  private Map<String, String> attributes(PropertyValues vm) {
    Map<String, String> out = new TreeMap<>();
    for (CustomFieldValue value : vm.list("customValue", CustomFieldValue.class)) {
      CustomFieldDef field = customFields.get(value.getKey());
      if (field != null && value instanceof CustomFieldStringValue s) {
        String type =
            field.getManagedObjectType() == null || field.getManagedObjectType().isEmpty()
                ? "global"
                : field.getManagedObjectType();
        out.put(
            "attribute." + type + "." + field.getName(), s.getValue() == null ? "" : s.getValue());
      }
    }
    return out;
  }

  private List<InstanceNic> nics(List<VirtualDevice> devices, List<GuestNicInfo> guestNics) {
    List<InstanceNic> out = new ArrayList<>();
    for (VirtualDevice device : devices) {
      if (!(device instanceof VirtualEthernetCard card)) {
        continue;
      }
      String id = networkId(card.getBacking()).replace(' ', '_');
      String location = networkLocations.getOrDefault(id, "");
      GuestNicInfo guest = guestNic(card, location, guestNics);
      List<String> addresses = guest == null ? List.of() : addresses(guest);
      out.add(
          new InstanceNic(
              null,
              id,
              card.getMacAddress(),
              location,
              firstAddress(addresses, Inet4Address.class),
              firstAddress(addresses, Inet6Address.class)));
    }
    return out;
  }

  private static String networkId(VirtualDeviceBackingInfo backing) {
    if (backing instanceof VirtualEthernetCardNetworkBackingInfo b) {
      return b.getNetwork() == null ? "" : b.getNetwork().getVal();
    }
    if (backing instanceof VirtualEthernetCardDistributedVirtualPortBackingInfo b) {
      return b.getPort() == null || b.getPort().getPortgroupKey() == null
          ? ""
          : b.getPort().getPortgroupKey();
    }
    if (backing instanceof VirtualEthernetCardOpaqueNetworkBackingInfo b) {
      return b.getOpaqueNetworkId() == null ? "" : b.getOpaqueNetworkId();
    }
    return "";
  }

  /**
   * The guest agent's entry for a NIC: an entry whose network is the NIC's network name (the one
   * with the NIC's MAC address when several are), or else the entry with the NIC's MAC address.
   */
  private static GuestNicInfo guestNic(
      VirtualEthernetCard card, String location, List<GuestNicInfo> guestNics) {
    String network = location.isEmpty() ? null : location.substring(location.lastIndexOf('/') + 1);
    GuestNicInfo byNetwork = null;
    for (GuestNicInfo g : guestNics) {
      boolean sameMac =
          g.getMacAddress() != null && g.getMacAddress().equalsIgnoreCase(card.getMacAddress());
      boolean sameNetwork = network != null && network.equals(g.getNetwork());
      if (sameNetwork && sameMac) {
        return g;
      }
      if (sameNetwork && byNetwork == null) {
        byNetwork = g;
      }
    }
    if (byNetwork != null) {
      return byNetwork;
    }
    for (GuestNicInfo g : guestNics) {
      if (g.getMacAddress() != null && g.getMacAddress().equalsIgnoreCase(card.getMacAddress())) {
        return g;
      }
    }
    return null;
  }

  /**
   * The addresses of a guest NIC, from its IP configuration or else its address list, in reported
   * order.
   */
  private static List<String> addresses(GuestNicInfo nic) {
    List<String> out = new ArrayList<>();
    if (nic.getIpConfig() != null && nic.getIpConfig().getIpAddress() != null) {
      for (NetIpConfigInfoIpAddress a : nic.getIpConfig().getIpAddress()) {
        if (a.getIpAddress() != null) {
          out.add(a.getIpAddress());
        }
      }
    }
    if (out.isEmpty() && nic.getIpAddress() != null) {
      out.addAll(List.of(nic.getIpAddress()));
    }
    return out;
  }

  /** The first address of the family that is neither link-local nor unparseable. */
  private static String firstAddress(List<String> addresses, Class<? extends InetAddress> family) {
    for (String text : addresses) {
      String literal = text.trim();
      int zone = literal.indexOf('%');
      if (zone >= 0) {
        literal = literal.substring(0, zone);
      }
      if (!isIpLiteral(literal)) {
        continue;
      }
      try {
        InetAddress address = InetAddress.getByName(literal);
        if (family.isInstance(address) && !address.isLinkLocalAddress()) {
          return literal;
        }
      } catch (UnknownHostException e) {
        // Not an address literal after all; skip it.
      }
    }
    return "";
  }

  /** Only IP literals: host names must never reach a DNS lookup. */
  private static boolean isIpLiteral(String s) {
    return !s.isEmpty()
        && (s.contains(":") || s.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
  }

  private static List<InstanceDisk> disks(List<VirtualDevice> devices) {
    List<InstanceDisk> out = new ArrayList<>();
    for (VirtualDevice device : devices) {
      if (device instanceof VirtualDisk disk) {
        out.add(disk(disk));
      }
    }
    return out;
  }

  /**
   * A disk: the base file of its snapshot chain, whether multi-writer sharing is on (flat and raw
   * version 2 backings only) and whether it can be migrated (not raw, not independent, not shared,
   * a known backing).
   */
  static InstanceDisk disk(VirtualDisk disk) {
    long capacity =
        disk.getCapacityInBytes() != null && disk.getCapacityInBytes() > 0
            ? disk.getCapacityInBytes()
            : disk.getCapacityInKB() * 1024L;
    VirtualDeviceBackingInfo backing = disk.getBacking();
    if (backing instanceof VirtualDiskFlatVer2BackingInfo b) {
      VirtualDiskFlatVer2BackingInfo root = b;
      while (root.getParent() != null) {
        root = root.getParent();
      }
      boolean shared = MULTI_WRITER.equals(b.getSharing());
      boolean sharing =
          b.getSharing() != null
              && !b.getSharing().isEmpty()
              && !"sharingNone".equals(b.getSharing());
      return new InstanceDisk(
          capacity, root.getFileName(), shared, !independent(b.getDiskMode()) && !sharing, false);
    }
    if (backing instanceof VirtualDiskRawDiskVer2BackingInfo b) {
      return new InstanceDisk(
          capacity, b.getDeviceName(), MULTI_WRITER.equals(b.getSharing()), false, false);
    }
    if (backing instanceof VirtualDiskRawDiskMappingVer1BackingInfo b) {
      VirtualDiskRawDiskMappingVer1BackingInfo root = b;
      while (root.getParent() != null) {
        root = root.getParent();
      }
      return new InstanceDisk(capacity, root.getFileName(), false, false, false);
    }
    String mode = diskMode(backing);
    if (mode != null) {
      return new InstanceDisk(capacity, rootFileName(backing), false, !independent(mode), false);
    }
    String name =
        backing instanceof VirtualDeviceFileBackingInfo f
            ? f.getFileName()
            : backing instanceof VirtualDeviceDeviceBackingInfo d ? d.getDeviceName() : "";
    return new InstanceDisk(capacity, name, false, false, false);
  }

  /** The disk mode of the other snapshot-capable backings, or null for an unknown backing. */
  private static String diskMode(VirtualDeviceBackingInfo backing) {
    if (backing instanceof VirtualDiskFlatVer1BackingInfo b) {
      return String.valueOf(b.getDiskMode());
    }
    if (backing instanceof VirtualDiskSparseVer1BackingInfo b) {
      return String.valueOf(b.getDiskMode());
    }
    if (backing instanceof VirtualDiskSparseVer2BackingInfo b) {
      return String.valueOf(b.getDiskMode());
    }
    if (backing instanceof VirtualDiskSeSparseBackingInfo b) {
      return String.valueOf(b.getDiskMode());
    }
    return null;
  }

  private static String rootFileName(VirtualDeviceBackingInfo backing) {
    VirtualDeviceFileBackingInfo current = (VirtualDeviceFileBackingInfo) backing;
    for (VirtualDeviceFileBackingInfo parent = parent(current);
        parent != null;
        parent = parent(parent)) {
      current = parent;
    }
    return current.getFileName();
  }

  private static VirtualDeviceFileBackingInfo parent(VirtualDeviceFileBackingInfo backing) {
    if (backing instanceof VirtualDiskFlatVer1BackingInfo b) {
      return b.getParent();
    }
    if (backing instanceof VirtualDiskSparseVer1BackingInfo b) {
      return b.getParent();
    }
    if (backing instanceof VirtualDiskSparseVer2BackingInfo b) {
      return b.getParent();
    }
    if (backing instanceof VirtualDiskSeSparseBackingInfo b) {
      return b.getParent();
    }
    return null;
  }

  private static boolean independent(String diskMode) {
    return "independent_persistent".equals(diskMode)
        || "independent_nonpersistent".equals(diskMode);
  }
}

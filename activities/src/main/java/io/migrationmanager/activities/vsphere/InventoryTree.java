package io.migrationmanager.activities.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.PropertySpec;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every inventory object except VMs, read in one bulk retrieval: names and parents (for inventory
 * paths), resource pool names, datastores, and the networks with the properties spec §2.5 needs.
 */
final class InventoryTree {
  private static final List<String> VIEW_TYPES =
      List.of(
          "Folder",
          "Datacenter",
          "ComputeResource",
          "ResourcePool",
          "Datastore",
          "Network",
          "DistributedVirtualSwitch");

  private final Map<String, PropertyValues> entities = new HashMap<>();
  private final Map<String, String> paths = new HashMap<>();

  private InventoryTree() {}

  static InventoryTree read(VsphereConnection connection, Runnable beforePage)
      throws RemoteException {
    List<PropertySpec> specs = new ArrayList<>();
    specs.add(BulkRetriever.spec("ManagedEntity", List.of("name", "parent")));
    specs.add(BulkRetriever.spec("VirtualApp", List.of("parentFolder", "parentVApp")));
    List<String> portgroup = new ArrayList<>(List.of("key", "config.defaultPortConfig"));
    List<String> opaque = new ArrayList<>(List.of("summary"));
    if (connection.apiAtLeast(7, 0)) {
      portgroup.addAll(
          List.of("config.backingType", "config.segmentId", "config.transportZoneUuid"));
      opaque.add("extraConfig");
    }
    specs.add(BulkRetriever.spec("DistributedVirtualPortgroup", portgroup));
    specs.add(BulkRetriever.spec("OpaqueNetwork", opaque));
    InventoryTree tree = new InventoryTree();
    BulkRetriever.retrieve(
        connection, VIEW_TYPES, specs, beforePage, e -> tree.entities.put(e.id(), e));
    return tree;
  }

  /** The objects of one managed object type (exact type, subtypes excluded). */
  List<PropertyValues> ofType(String type) {
    List<PropertyValues> out = new ArrayList<>();
    for (PropertyValues e : entities.values()) {
      if (e.ref().getType().equals(type)) {
        out.add(e);
      }
    }
    return out;
  }

  String name(ManagedObjectReference ref) {
    PropertyValues e = ref == null ? null : entities.get(PropertyValues.key(ref));
    return e == null ? "" : e.string("name");
  }

  /** The inventory path of a known object, e.g. {@code /vc01/network/VMNET}. */
  String path(ManagedObjectReference ref) {
    String key = PropertyValues.key(ref);
    String cached = paths.get(key);
    if (cached != null) {
      return cached;
    }
    PropertyValues e = entities.get(key);
    String path = e == null ? "" : childPath(e.string("name"), e.reference("parent"), null, e);
    paths.put(key, path);
    return path;
  }

  /**
   * The inventory path of an object named {@code name} below {@code parent}. VMs of a vApp have no
   * parent but a {@code parentVApp}; vApps hang below their {@code parentFolder} as govc's finder
   * shows them.
   */
  String childPath(String name, ManagedObjectReference parent, ManagedObjectReference parentVApp) {
    return childPath(name, parent, parentVApp, null);
  }

  private String childPath(
      String name,
      ManagedObjectReference parent,
      ManagedObjectReference parentVApp,
      PropertyValues self) {
    ManagedObjectReference up = parent;
    if (self != null && self.ref().getType().equals("VirtualApp")) {
      up =
          self.reference("parentFolder") != null
              ? self.reference("parentFolder")
              : self.reference("parentVApp");
      up = up == null ? parent : up;
    }
    if (up == null) {
      up = parentVApp;
    }
    if (up == null || !entities.containsKey(PropertyValues.key(up))) {
      // The root folder ("Datacenters") is not part of inventory paths.
      return "/" + name;
    }
    return path(up) + "/" + name;
  }
}

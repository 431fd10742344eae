package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/simulator/esx"
	"github.com/vmware/govmomi/vapi/rest"
	"github.com/vmware/govmomi/vapi/tags"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

const (
	gib = int64(1) << 30
	mib = int64(1) << 20

	datastoreName      = "datastore-01"
	esxNetworkName     = "VMWARE"
	vcenterDatacenter  = "vc01"
	vcenterNetworkName = "VMNET"
	vcenterNetworkID   = "network-40007"

	// detailedDataKey is the VM extraConfig entry in which VMware Tools (vSphere 8) publish the guest OS
	// details: architecture, bitness, distroName, prettyName, ...
	detailedDataKey = "guestInfo.detailed.data"
)

// diskSpec is one virtual disk of a fixture VM.
type diskSpec struct {
	file        string // datastore path, e.g. "[datastore-01] Win2016/Win2016.vmdk"
	capacity    int64  // bytes; the -flat.vmdk file is sparse
	existing    bool   // attach an existing disk file instead of creating one
	independent bool   // independent_persistent: excluded from snapshots
}

// nicSpec is one network adapter of a fixture VM.
type nicSpec struct {
	network string // network or distributed port group name
	mac     string
	ips     []string // guest.net[].ipAddress as the guest agent reports them, in its order
}

// guestSpec is what a running VMware Tools agent reports about the guest.
type guestSpec struct {
	fullName string // guest.guestFullName
	family   string // guest.guestFamily
	detailed string // extraConfig guestInfo.detailed.data
	hostName string // guest.hostName
}

// vmSpec describes one fixture VM.
type vmSpec struct {
	name          string
	folder        string // below the datacenter's VM folder; "" for the folder itself
	dir           string // datastore folder of the .vmx file
	instanceUUID  string
	cpus          int32
	memoryMiB     int64
	guestID       string // config.guestId
	guestFullName string // config.guestFullName, as vSphere names the guest ID
	firmware      string // "bios" or "efi"
	secureBoot    bool
	tpm           bool
	cbt           bool
	scsi          string // SCSI controller type
	nicType       string
	nics          []nicSpec
	disks         []diskSpec
	guest         *guestSpec // nil: no guest agent running
	annotation    string
	poweredOn     bool
	template      bool
	emptyConfig   bool // inaccessible VM: vCenter reports no config
}

// tagSpec attaches tag names of one category to a VM (vCenter only).
type tagSpec struct {
	vm       string
	category string
	tags     []string
}

// fixture is a built inventory: its datastore folders and the work left for after the server starts.
type fixture struct {
	dirs    []string
	vms     map[string]types.ManagedObjectReference
	tagging []tagSpec
}

func (f *fixture) remove() {
	for _, dir := range f.dirs {
		_ = os.RemoveAll(dir)
	}
}

// site is the datacenter, compute and storage that fixture VMs are created on.
type site struct {
	client     *vim25.Client
	dc         *object.Datacenter
	folders    *object.DatacenterFolders
	pool       *object.ResourcePool
	host       *object.HostSystem
	datastore  types.ManagedObjectReference
	dsDir      string
	network    string // the datacenter's standard network
	portgroups map[string]*object.DistributedVirtualPortgroup
	vmFolders  map[string]*object.Folder
}

func buildFixture(ctx context.Context, model *simulator.Model, o options) (*fixture, error) {
	// An in-process client: fixtures are built through the vSphere API before the HTTP server starts.
	c, err := vim25.NewClient(ctx, model.Service)
	if err != nil {
		return nil, err
	}
	fx := &fixture{vms: map[string]types.ManagedObjectReference{}}
	var s *site
	if o.esx {
		s, err = esxSite(ctx, c, fx)
	} else {
		s, err = vcenterSite(ctx, c, fx)
	}
	if err != nil {
		fx.remove()
		return nil, err
	}

	var specs []vmSpec
	switch {
	case o.fixture == "seed-esxi01":
		specs = seedESXiVMs()
	case o.fixture == "seed-vcenter01":
		specs = seedVCenterVMs()
	default:
		n, _ := strconv.Atoi(strings.TrimPrefix(o.fixture, "scale:"))
		specs, err = scaleVMs(s, n)
		if err != nil {
			fx.remove()
			return nil, err
		}
	}
	if o.extras {
		specs = append(specs, extraVMs(o.esx)...)
		if !o.esx {
			if err := addDistributedSwitch(ctx, s); err != nil {
				fx.remove()
				return nil, err
			}
			specs = append(specs, multiNICVM(), duplicateVM(), unknownWindowsVM())
		}
	}
	for _, spec := range specs {
		ref, err := createVM(ctx, s, spec)
		if err != nil {
			fx.remove()
			return nil, fmt.Errorf("creating VM %q: %w", spec.name, err)
		}
		fx.vms[spec.name] = ref
	}
	if o.extras && !o.esx {
		if err := addCustomAttributes(ctx, c, fx); err != nil {
			fx.remove()
			return nil, err
		}
		fx.tagging = extraTags()
	}
	return fx, nil
}

// afterStart applies what needs the running HTTP server: vCenter tags live in the vAPI REST endpoint.
func (f *fixture) afterStart(ctx context.Context, server *url.URL, o options) error {
	if len(f.tagging) == 0 {
		return nil
	}
	sc := soap.NewClient(server, true)
	vc, err := vim25.NewClient(ctx, sc)
	if err != nil {
		return err
	}
	rc := rest.NewClient(vc)
	if err := rc.Login(ctx, url.UserPassword(o.username, o.password)); err != nil {
		return fmt.Errorf("vAPI login: %w", err)
	}
	defer func() { _ = rc.Logout(ctx) }()
	m := tags.NewManager(rc)
	categories := map[string]string{}
	tagIDs := map[string]string{}
	for _, t := range f.tagging {
		catID, ok := categories[t.category]
		if !ok {
			catID, err = m.CreateCategory(ctx, &tags.Category{
				Name:            t.category,
				Cardinality:     "MULTIPLE",
				AssociableTypes: []string{"VirtualMachine"},
			})
			if err != nil {
				return fmt.Errorf("creating tag category %q: %w", t.category, err)
			}
			categories[t.category] = catID
		}
		for _, name := range t.tags {
			key := t.category + "/" + name
			tagID, ok := tagIDs[key]
			if !ok {
				tagID, err = m.CreateTag(ctx, &tags.Tag{Name: name, CategoryID: catID})
				if err != nil {
					return fmt.Errorf("creating tag %q: %w", key, err)
				}
				tagIDs[key] = tagID
			}
			if err := m.AttachTag(ctx, tagID, f.vms[t.vm]); err != nil {
				return fmt.Errorf("attaching tag %q to %q: %w", key, t.vm, err)
			}
		}
	}
	return nil
}

// esxSite uses the standalone host of the ESX model and adds the datastore.
func esxSite(ctx context.Context, c *vim25.Client, fx *fixture) (*site, error) {
	s := &site{client: c, network: esxNetworkName, vmFolders: map[string]*object.Folder{}}
	s.portgroups = map[string]*object.DistributedVirtualPortgroup{}
	s.dc = object.NewDatacenter(c, esx.Datacenter.Reference())
	var err error
	if s.folders, err = s.dc.Folders(ctx); err != nil {
		return nil, err
	}
	s.host = object.NewHostSystem(c, esx.HostSystem.Reference())
	if s.pool, err = s.host.ResourcePool(ctx); err != nil {
		return nil, err
	}
	return s, addDatastore(ctx, s, fx, "esxi01")
}

// vcenterSite creates datacenter vc01 with network VMNET (network-40007), a one-host cluster and the datastore.
func vcenterSite(ctx context.Context, c *vim25.Client, fx *fixture) (*site, error) {
	s := &site{client: c, network: vcenterNetworkName, vmFolders: map[string]*object.Folder{}}
	s.portgroups = map[string]*object.DistributedVirtualPortgroup{}
	// Every new datacenter gets the networks of this template, renamed per datacenter.
	esx.Datacenter.Network = []types.ManagedObjectReference{{Type: "Network", Value: "HaNetwork-" + vcenterNetworkName}}
	var err error
	if s.dc, err = object.NewRootFolder(c).CreateDatacenter(ctx, vcenterDatacenter); err != nil {
		return nil, err
	}
	if s.folders, err = s.dc.Folders(ctx); err != nil {
		return nil, err
	}
	if err := rekeyNetwork(s, vcenterNetworkName, vcenterNetworkID); err != nil {
		return nil, err
	}
	cluster, err := s.folders.HostFolder.CreateCluster(ctx, "cluster-01", types.ClusterConfigSpecEx{})
	if err != nil {
		return nil, err
	}
	task, err := cluster.AddHost(ctx, types.HostConnectSpec{HostName: "esxi-01.vc01.example"}, true, nil, nil)
	if err != nil {
		return nil, err
	}
	info, err := task.WaitForResult(ctx, nil)
	if err != nil {
		return nil, err
	}
	s.host = object.NewHostSystem(c, info.Result.(types.ManagedObjectReference))
	if s.pool, err = cluster.ResourcePool(ctx); err != nil {
		return nil, err
	}
	return s, addDatastore(ctx, s, fx, "vcenter01")
}

// rekeyNetwork gives the datacenter's network its vCenter managed object id. vcsim numbers new networks
// itself; the seed's network is network-40007. Nothing refers to the network yet besides its folder and
// datacenter.
func rekeyNetwork(s *site, name, id string) error {
	folder := simulator.Map.Get(s.folders.NetworkFolder.Reference()).(*simulator.Folder)
	dc := simulator.Map.Get(s.dc.Reference()).(*simulator.Datacenter)
	for i, ref := range folder.ChildEntity {
		network, ok := simulator.Map.Get(ref).(*mo.Network)
		if !ok || network.Name != name {
			continue
		}
		simulator.Map.Remove(ref)
		network.Self.Value = id
		simulator.Map.Put(network)
		folder.ChildEntity[i] = network.Self
		for j := range dc.Network {
			if dc.Network[j] == ref {
				dc.Network[j] = network.Self
			}
		}
		return nil
	}
	return fmt.Errorf("network %q not found in datacenter %q", name, s.dc.Name())
}

func addDatastore(ctx context.Context, s *site, fx *fixture, label string) error {
	dir, err := os.MkdirTemp("", "mm-vcsim-"+label+"-")
	if err != nil {
		return err
	}
	fx.dirs = append(fx.dirs, dir)
	dss, err := s.host.ConfigManager().DatastoreSystem(ctx)
	if err != nil {
		return err
	}
	ds, err := dss.CreateLocalDatastore(ctx, datastoreName, dir)
	if err != nil {
		return err
	}
	s.datastore = ds.Reference()
	s.dsDir = dir
	return nil
}

// folder returns the VM folder at path p below the datacenter's VM folder, creating missing folders.
func (s *site) folder(ctx context.Context, p string) (*object.Folder, error) {
	if p == "" {
		return s.folders.VmFolder, nil
	}
	if f, ok := s.vmFolders[p]; ok {
		return f, nil
	}
	parentPath, name := "", p
	if i := strings.LastIndex(p, "/"); i >= 0 {
		parentPath, name = p[:i], p[i+1:]
	}
	parent, err := s.folder(ctx, parentPath)
	if err != nil {
		return nil, err
	}
	f, err := parent.CreateFolder(ctx, name)
	if err != nil {
		return nil, err
	}
	s.vmFolders[p] = f
	return f, nil
}

// createVM creates the VM through CreateVM_Task, then sets what a real vSphere reports but vcsim cannot be told
// through the API: the guest ID's full name, the guest agent's view and the disk files' real sizes.
func createVM(ctx context.Context, s *site, spec vmSpec) (types.ManagedObjectReference, error) {
	folder, err := s.folder(ctx, spec.folder)
	if err != nil {
		return types.ManagedObjectReference{}, err
	}
	config := types.VirtualMachineConfigSpec{
		Name:                  spec.name,
		GuestId:               string(types.VirtualMachineGuestOsIdentifierOtherGuest64),
		NumCPUs:               spec.cpus,
		NumCoresPerSocket:     1,
		MemoryMB:              spec.memoryMiB,
		InstanceUuid:          spec.instanceUUID,
		Uuid:                  biosUUID(spec.instanceUUID),
		Firmware:              spec.firmware,
		Annotation:            spec.annotation,
		ChangeTrackingEnabled: types.NewBool(spec.cbt),
		Files:                 &types.VirtualMachineFileInfo{VmPathName: fmt.Sprintf("[%s] %s/%s.vmx", datastoreName, spec.dir, spec.name)},
	}
	if spec.firmware == string(types.GuestOsDescriptorFirmwareTypeEfi) {
		config.BootOptions = &types.VirtualMachineBootOptions{EfiSecureBootEnabled: types.NewBool(spec.secureBoot)}
	}
	if spec.guest != nil && spec.guest.detailed != "" {
		config.ExtraConfig = []types.BaseOptionValue{&types.OptionValue{Key: detailedDataKey, Value: spec.guest.detailed}}
	}
	devices, err := spec.devices(ctx, s)
	if err != nil {
		return types.ManagedObjectReference{}, err
	}
	if config.DeviceChange, err = devices.ConfigSpec(types.VirtualDeviceConfigSpecOperationAdd); err != nil {
		return types.ManagedObjectReference{}, err
	}
	for _, change := range config.DeviceChange {
		if spec.existingDisk(change.GetVirtualDeviceConfigSpec().Device) {
			change.GetVirtualDeviceConfigSpec().FileOperation = ""
		}
	}
	task, err := folder.CreateVM(ctx, config, s.pool, s.host)
	if err != nil {
		return types.ManagedObjectReference{}, err
	}
	info, err := task.WaitForResult(ctx, nil)
	if err != nil {
		return types.ManagedObjectReference{}, err
	}
	ref := info.Result.(types.ManagedObjectReference)
	vm := object.NewVirtualMachine(s.client, ref)

	for _, d := range spec.disks {
		if !d.existing {
			if err := writeDiskFiles(s.dsDir, d, spec.cbt); err != nil {
				return ref, err
			}
		}
	}
	if spec.poweredOn {
		if err := waitTask(ctx, vm.PowerOn); err != nil {
			return ref, err
		}
	}
	if spec.template {
		if err := vm.MarkAsTemplate(ctx); err != nil {
			return ref, err
		}
	}
	simVM := simulator.Map.Get(ref).(*simulator.VirtualMachine)
	simVM.Config.GuestId = spec.guestID
	simVM.Config.GuestFullName = spec.guestFullName
	simVM.Summary.Config.GuestId = spec.guestID
	simVM.Summary.Config.GuestFullName = spec.guestFullName
	simVM.Summary.Config.TpmPresent = types.NewBool(spec.tpm)
	simVM.Guest = spec.guestInfo(simVM)
	simVM.Summary.Guest = &types.VirtualMachineGuestSummary{
		GuestId:            simVM.Guest.GuestId,
		GuestFullName:      simVM.Guest.GuestFullName,
		ToolsStatus:        simVM.Guest.ToolsStatus,
		ToolsRunningStatus: simVM.Guest.ToolsRunningStatus,
		HostName:           simVM.Guest.HostName,
		IpAddress:          simVM.Guest.IpAddress,
	}
	if spec.emptyConfig {
		simVM.Config = nil
	}
	return ref, nil
}

func waitTask(ctx context.Context, start func(context.Context) (*object.Task, error)) error {
	task, err := start(ctx)
	if err != nil {
		return err
	}
	return task.Wait(ctx)
}

// devices returns the VM's SCSI controller, disks and NICs.
func (spec vmSpec) devices(ctx context.Context, s *site) (object.VirtualDeviceList, error) {
	var devices object.VirtualDeviceList
	scsi, err := devices.CreateSCSIController(spec.scsi)
	if err != nil {
		return nil, err
	}
	devices = append(devices, scsi)
	for i, d := range spec.disks {
		disk := devices.CreateDisk(scsi.(types.BaseVirtualController), s.datastore, d.file)
		disk.CapacityInBytes = d.capacity
		disk.CapacityInKB = d.capacity / 1024
		backing := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo)
		backing.Uuid = diskUUID(spec.instanceUUID, i)
		if d.independent {
			backing.DiskMode = string(types.VirtualDiskModeIndependent_persistent)
		}
		devices = append(devices, disk)
	}
	for _, n := range spec.nics {
		var backing types.BaseVirtualDeviceBackingInfo = &types.VirtualEthernetCardNetworkBackingInfo{
			VirtualDeviceDeviceBackingInfo: types.VirtualDeviceDeviceBackingInfo{DeviceName: n.network},
		}
		if pg, ok := s.portgroups[n.network]; ok {
			if backing, err = pg.EthernetCardBackingInfo(ctx); err != nil {
				return nil, err
			}
		}
		nic, err := devices.CreateEthernetCard(spec.nicType, backing)
		if err != nil {
			return nil, err
		}
		card := nic.(types.BaseVirtualEthernetCard).GetVirtualEthernetCard()
		card.AddressType = string(types.VirtualEthernetCardMacTypeAssigned)
		card.MacAddress = n.mac
		devices = append(devices, nic)
	}
	return devices, nil
}

// existingDisk tells whether the device is a disk that attaches an existing file.
func (spec vmSpec) existingDisk(device types.BaseVirtualDevice) bool {
	disk, ok := device.(*types.VirtualDisk)
	if !ok {
		return false
	}
	name := disk.Backing.(types.BaseVirtualDeviceFileBackingInfo).GetVirtualDeviceFileBackingInfo().FileName
	for _, d := range spec.disks {
		if d.file == name {
			return d.existing
		}
	}
	return false
}

// guestInfo is the VM's guest property: what the tools report, or an idle agent.
func (spec vmSpec) guestInfo(vm *simulator.VirtualMachine) *types.GuestInfo {
	if spec.guest == nil {
		return &types.GuestInfo{
			ToolsStatus:        types.VirtualMachineToolsStatusToolsNotInstalled,
			ToolsVersion:       "0",
			ToolsRunningStatus: string(types.VirtualMachineToolsRunningStatusGuestToolsNotRunning),
			GuestState:         "notRunning",
		}
	}
	g := spec.guest
	info := &types.GuestInfo{
		ToolsStatus:         types.VirtualMachineToolsStatusToolsOk,
		ToolsVersion:        "12352",
		ToolsVersionStatus2: string(types.VirtualMachineToolsVersionStatusGuestToolsCurrent),
		ToolsRunningStatus:  string(types.VirtualMachineToolsRunningStatusGuestToolsRunning),
		GuestId:             spec.guestID,
		GuestFamily:         g.family,
		GuestFullName:       g.fullName,
		HostName:            g.hostName,
		GuestState:          "running",
	}
	for _, d := range vm.Config.Hardware.Device {
		card, ok := d.(types.BaseVirtualEthernetCard)
		if !ok {
			continue
		}
		c := card.GetVirtualEthernetCard()
		for _, n := range spec.nics {
			if n.mac == c.MacAddress {
				info.Net = append(info.Net, guestNIC(n, c.Key))
				if info.IpAddress == "" {
					info.IpAddress = firstIPv4(n.ips)
				}
			}
		}
	}
	return info
}

// guestNIC is a guest.net entry: the network name, the MAC and the addresses with their prefixes.
func guestNIC(n nicSpec, key int32) types.GuestNicInfo {
	nic := types.GuestNicInfo{
		Network:        n.network,
		MacAddress:     n.mac,
		Connected:      true,
		DeviceConfigId: key,
		IpAddress:      n.ips,
		IpConfig:       &types.NetIpConfigInfo{},
	}
	for _, ip := range n.ips {
		prefix := int32(24)
		if strings.Contains(ip, ":") {
			prefix = 64
		}
		nic.IpConfig.IpAddress = append(nic.IpConfig.IpAddress, types.NetIpConfigInfoIpAddress{
			IpAddress:    ip,
			PrefixLength: prefix,
			State:        string(types.NetIpConfigInfoIpAddressStatusPreferred),
		})
	}
	return nic
}

func firstIPv4(ips []string) string {
	for _, ip := range ips {
		if !strings.Contains(ip, ":") && !strings.HasPrefix(ip, "169.254.") {
			return ip
		}
	}
	return ""
}

// addDistributedSwitch adds a distributed switch with the cluster's host and two port groups: one on VLAN 10,
// one trunking VLANs 100-200 and 300-400.
func addDistributedSwitch(ctx context.Context, s *site) error {
	var spec types.DVSCreateSpec
	spec.ConfigSpec = &types.VMwareDVSConfigSpec{DVSConfigSpec: types.DVSConfigSpec{Name: "DSwitch"}}
	task, err := s.folders.NetworkFolder.CreateDVS(ctx, spec)
	if err != nil {
		return err
	}
	info, err := task.WaitForResult(ctx, nil)
	if err != nil {
		return err
	}
	dvs := object.NewDistributedVirtualSwitch(s.client, info.Result.(types.ManagedObjectReference))
	if err := waitTask(ctx, func(ctx context.Context) (*object.Task, error) {
		return dvs.Reconfigure(ctx, &types.DVSConfigSpec{Host: []types.DistributedVirtualSwitchHostMemberConfigSpec{{
			Operation: string(types.ConfigSpecOperationAdd),
			Host:      s.host.Reference(),
		}}})
	}); err != nil {
		return err
	}
	portgroups := []types.DVPortgroupConfigSpec{
		{Name: "DPG-VLAN10", Type: "earlyBinding", NumPorts: 8, DefaultPortConfig: &types.VMwareDVSPortSetting{
			Vlan: &types.VmwareDistributedVirtualSwitchVlanIdSpec{VlanId: 10},
		}},
		{Name: "DPG-Trunk", Type: "earlyBinding", NumPorts: 8, DefaultPortConfig: &types.VMwareDVSPortSetting{
			Vlan: &types.VmwareDistributedVirtualSwitchTrunkVlanSpec{
				VlanId: []types.NumericRange{{Start: 100, End: 200}, {Start: 300, End: 400}},
			},
		}},
	}
	if err := waitTask(ctx, func(ctx context.Context) (*object.Task, error) {
		return dvs.AddPortgroup(ctx, portgroups)
	}); err != nil {
		return err
	}
	folder := simulator.Map.Get(s.folders.NetworkFolder.Reference()).(*simulator.Folder)
	for _, pg := range portgroups {
		entity := simulator.Map.FindByName(pg.Name, folder.ChildEntity)
		s.portgroups[pg.Name] = object.NewDistributedVirtualPortgroup(s.client, entity.Reference())
	}
	return nil
}

// writeDiskFiles makes the disk look like an ESXi thin disk: a descriptor, a sparse -flat.vmdk of the full
// capacity and, with change tracking on, the -ctk.vmdk change-tracking file.
func writeDiskFiles(dsDir string, d diskSpec, cbt bool) error {
	var p object.DatastorePath
	if !p.FromString(d.file) {
		return fmt.Errorf("bad datastore path %q", d.file)
	}
	base := strings.TrimSuffix(filepath.Join(dsDir, p.Path), ".vmdk")
	f, err := os.OpenFile(base+"-flat.vmdk", os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	err = f.Truncate(d.capacity)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	sectors := d.capacity / 512
	name := path.Base(strings.TrimSuffix(p.Path, ".vmdk"))
	descriptor := fmt.Sprintf(`# Disk DescriptorFile
version=1
CID=fffffffe
parentCID=ffffffff
createType="vmfs"

# Extent description
RW %d VMFS "%s-flat.vmdk"

# The Disk Data Base
#DDB

ddb.adapterType = "lsilogic"
ddb.thinProvisioned = "1"
ddb.virtualHWVersion = "19"
`, sectors, name)
	if cbt {
		descriptor += fmt.Sprintf("changeTrackPath=\"%s-ctk.vmdk\"\n", name)
		if err := os.WriteFile(base+"-ctk.vmdk", []byte("change tracking file of "+name+"\n"), 0o600); err != nil {
			return err
		}
	}
	return os.WriteFile(base+".vmdk", []byte(descriptor), 0o600)
}

// biosUUID derives the VM's BIOS UUID (config.uuid) from its instance UUID, as vCenter keeps them distinct.
func biosUUID(instanceUUID string) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, []byte("bios/"+instanceUUID)).String()
}

// diskUUID is the VMDK's own UUID in the 6000C29x form ESXi uses.
func diskUUID(instanceUUID string, i int) string {
	id := uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprintf("disk/%s/%d", instanceUUID, i)))
	return "6000C29" + strings.ReplaceAll(id.String(), "-", "")[7:]
}

// addCustomAttributes defines a VirtualMachine and a global custom attribute and sets both on one VM.
func addCustomAttributes(ctx context.Context, c *vim25.Client, fx *fixture) error {
	m, err := object.GetCustomFieldsManager(c)
	if err != nil {
		return err
	}
	owner, err := m.Add(ctx, "Owner", "VirtualMachine", nil, nil)
	if err != nil {
		return err
	}
	cost, err := m.Add(ctx, "CostCenter", "", nil, nil)
	if err != nil {
		return err
	}
	vm := fx.vms["Debian Bookworm"]
	if err := m.Set(ctx, vm, owner.Key, "platform-team"); err != nil {
		return err
	}
	return m.Set(ctx, vm, cost.Key, "cc-4711")
}

// detailed formats guestInfo.detailed.data as VMware Tools 12 write it for a 64-bit x86 guest.
func detailed(distroName, distroVersion, family, kernel, prettyName string) string {
	return fmt.Sprintf("architecture='X86' bitness='64' distroName='%s' distroVersion='%s' familyName='%s' "+
		"kernelVersion='%s' prettyName='%s'", distroName, distroVersion, family, kernel, prettyName)
}

// seedESXiVMs are the VMs of "esxi01" in the user's document.
func seedESXiVMs() []vmSpec {
	return []vmSpec{
		{
			name: "Win2016", dir: "Win2016", instanceUUID: "52cfcb6b-20ee-add3-adc9-68c63ca9adfd",
			cpus: 2, memoryMiB: 4096,
			guestID: "windows9Server64Guest", guestFullName: "Microsoft Windows Server 2016 or later (64-bit)",
			firmware: "bios", cbt: true, scsi: "lsilogic-sas", nicType: "e1000e",
			nics:  []nicSpec{{network: esxNetworkName, mac: "00:50:56:8a:10:01", ips: []string{"fe80::5c1d:4bff:fe3a:1001", "192.0.2.11"}}},
			disks: []diskSpec{{file: "[datastore-01] Win2016/Win2016.vmdk", capacity: 40 * gib}},
			guest: &guestSpec{
				fullName: "Microsoft Windows Server 2016 or later (64-bit)", family: "windowsGuest",
				detailed: detailed("Windows", "10.0", "Windows", "14393.693", "Windows Server 2016, 64-bit (Build 14393.693)"),
				hostName: "win2016",
			},
			poweredOn: true,
		},
		{
			name: "SuseUEFI", dir: "Suse", instanceUUID: "5298cc11-96ea-4f50-b018-6d80bfdaa7d9",
			cpus: 3, memoryMiB: 6144,
			guestID: "opensuse64Guest", guestFullName: "SUSE openSUSE (64-bit)",
			firmware: "efi", cbt: true, scsi: "pvscsi", nicType: "vmxnet3",
			nics: []nicSpec{{network: esxNetworkName, mac: "00:50:56:8a:10:02", ips: []string{"192.0.2.12", "fe80::250:56ff:fe8a:1002", "2001:db8::12"}}},
			// The seed's only disk of at least 100 GiB, for the "disks >= 100 GiB -> pool02" scriptlet.
			disks: []diskSpec{{file: "[datastore-01] Suse/Suse.vmdk", capacity: 128 * gib}},
			guest: &guestSpec{
				fullName: "SUSE openSUSE (64-bit)", family: "linuxGuest",
				detailed: detailed("openSUSE Leap", "15.6", "Linux", "6.4.0-150600.23.25-default", "openSUSE Leap 15.6"),
				hostName: "suse-uefi",
			},
			poweredOn: true,
		},
	}
}

// seedVCenterVMs are the VMs of "vcenter01" in the user's document. The document names the disk of both
// CentOS VMs "[datastore-01] CentOS9/CentOS9.vmdk"; two VMs cannot share one flat file, so "other/CentOS9"
// keeps its disk in CentOS9-other/.
func seedVCenterVMs() []vmSpec {
	return []vmSpec{
		{
			name: "Ubuntu 2404", folder: "Incus migrations", dir: "Ubuntu",
			instanceUUID: "52d5cfe0-d341-82d9-3f23-4149687b4e3e", cpus: 2, memoryMiB: 4096,
			guestID: "ubuntu64Guest", guestFullName: "Ubuntu Linux (64-bit)",
			firmware: "bios", cbt: true, scsi: "pvscsi", nicType: "vmxnet3",
			nics:      []nicSpec{{network: vcenterNetworkName, mac: "00:50:56:8a:20:01"}},
			disks:     []diskSpec{{file: "[datastore-01] Ubuntu/Ubuntu.vmdk", capacity: 20 * gib}},
			poweredOn: true,
		},
		{
			name: "Debian Bookworm", folder: "Incus migrations", dir: "Debian",
			instanceUUID: "52d89a93-ff8f-9dea-4d74-ec99beb1d2d4", cpus: 3, memoryMiB: 6144,
			guestID: "debian12_64Guest", guestFullName: "Debian GNU/Linux 12 (64-bit)",
			firmware: "bios", cbt: false, scsi: "pvscsi", nicType: "vmxnet3",
			nics:  []nicSpec{{network: vcenterNetworkName, mac: "00:50:56:8a:20:02", ips: []string{"192.0.2.21"}}},
			disks: []diskSpec{{file: "[datastore-01] Debian/Debian.vmdk", capacity: 16 * gib}},
			guest: &guestSpec{
				fullName: "Debian GNU/Linux 12 (64-bit)", family: "linuxGuest",
				detailed: detailed("Debian GNU/Linux", "12", "Linux", "6.1.0-28-amd64", "Debian GNU/Linux 12 (bookworm)"),
				hostName: "debian-bookworm",
			},
			poweredOn: true,
		},
		{
			name: "Cent OS 9 UEFI", folder: "Incus migrations", dir: "CentOS9",
			instanceUUID: "5263adbf-dbca-eb36-3019-b09743f40b6d", cpus: 6, memoryMiB: 6144,
			guestID: "centos9_64Guest", guestFullName: "CentOS Stream 9 (64-bit)",
			firmware: "efi", cbt: true, scsi: "pvscsi", nicType: "vmxnet3",
			nics:  []nicSpec{{network: vcenterNetworkName, mac: "00:50:56:8a:20:03", ips: []string{"192.0.2.22"}}},
			disks: []diskSpec{{file: "[datastore-01] CentOS9/CentOS9.vmdk", capacity: 24 * gib}},
			guest: &guestSpec{
				fullName: "CentOS Stream 9 (64-bit)", family: "linuxGuest",
				detailed: detailed("CentOS Stream", "9", "Linux", "5.14.0-522.el9.x86_64", "CentOS Stream 9"),
				hostName: "centos9-uefi",
			},
			poweredOn: true,
		},
		{
			name: "CentOS9", folder: "other", dir: "CentOS9-other",
			instanceUUID: "2f83c3b1-7966-4ff7-a671-79f163f28b3e", cpus: 6, memoryMiB: 6144,
			guestID: "centos9_64Guest", guestFullName: "CentOS Stream 9 (64-bit)",
			firmware: "bios", cbt: true, scsi: "pvscsi", nicType: "vmxnet3",
			nics:  []nicSpec{{network: vcenterNetworkName, mac: "00:50:56:8a:20:04", ips: []string{"192.0.2.23"}}},
			disks: []diskSpec{{file: "[datastore-01] CentOS9-other/CentOS9.vmdk", capacity: 24 * gib}},
			guest: &guestSpec{
				fullName: "CentOS Stream 9 (64-bit)", family: "linuxGuest",
				detailed: detailed("CentOS Stream", "9", "Linux", "5.14.0-522.el9.x86_64", "CentOS Stream 9"),
				hostName: "centos9",
			},
			poweredOn: true,
		},
	}
}

// extraVMs are VMs a sync must ignore: a vSphere Cluster Services agent VM, a template, an inaccessible VM
// and (vCenter only) the vCenter Server Appliance itself.
func extraVMs(esxMode bool) []vmSpec {
	network := vcenterNetworkName
	if esxMode {
		network = esxNetworkName
	}
	vcls := vmSpec{
		name: "vCLS-4c4c4544-0044-3510-8058-b4c04f4e4d32", dir: "vCLS-4c4c4544",
		instanceUUID: "50123e4d-6b1f-41a1-9c2e-7e0c6a9a0001", cpus: 1, memoryMiB: 128,
		guestID: "vmwarePhoton64Guest", guestFullName: "VMware Photon OS (64-bit)",
		firmware: "efi", scsi: "pvscsi", nicType: "vmxnet3",
		nics:      []nicSpec{{network: network, mac: "00:50:56:8a:30:01"}},
		disks:     []diskSpec{{file: "[datastore-01] vCLS-4c4c4544/vCLS.vmdk", capacity: 2 * gib}},
		poweredOn: true,
	}
	template := vmSpec{
		name: "debian12-template", dir: "debian12-template",
		instanceUUID: "50123e4d-6b1f-41a1-9c2e-7e0c6a9a0002", cpus: 2, memoryMiB: 2048,
		guestID: "debian12_64Guest", guestFullName: "Debian GNU/Linux 12 (64-bit)",
		firmware: "bios", scsi: "pvscsi", nicType: "vmxnet3",
		nics:     []nicSpec{{network: network, mac: "00:50:56:8a:30:02"}},
		disks:    []diskSpec{{file: "[datastore-01] debian12-template/debian12-template.vmdk", capacity: 8 * gib}},
		template: true,
	}
	inaccessible := vmSpec{
		name: "inaccessible-vm", dir: "inaccessible-vm",
		instanceUUID: "50123e4d-6b1f-41a1-9c2e-7e0c6a9a0003", cpus: 1, memoryMiB: 1024,
		guestID: "otherLinux64Guest", guestFullName: "Other Linux (64-bit)",
		firmware: "bios", scsi: "pvscsi", nicType: "vmxnet3",
		nics:        []nicSpec{{network: network, mac: "00:50:56:8a:30:03"}},
		disks:       []diskSpec{{file: "[datastore-01] inaccessible-vm/inaccessible-vm.vmdk", capacity: gib}},
		emptyConfig: true,
	}
	if esxMode {
		return []vmSpec{vcls, template, inaccessible}
	}
	vcls.folder = "vCLS"
	template.folder = "Templates"
	vcsa := vmSpec{
		name: "vcsa01", dir: "vcsa01",
		instanceUUID: "50123e4d-6b1f-41a1-9c2e-7e0c6a9a0004", cpus: 2, memoryMiB: 14336,
		guestID: "vmwarePhoton64Guest", guestFullName: "VMware Photon OS (64-bit)",
		firmware: "bios", scsi: "pvscsi", nicType: "vmxnet3",
		nics:  []nicSpec{{network: network, mac: "00:50:56:8a:30:04", ips: []string{"192.0.2.5"}}},
		disks: []diskSpec{{file: "[datastore-01] vcsa01/vcsa01.vmdk", capacity: 48 * gib}},
		guest: &guestSpec{
			fullName: "VMware Photon OS (64-bit)", family: "linuxGuest",
			detailed: detailed("VMware Photon OS", "4.0", "Linux", "5.10.216-1.ph4-esx", "VMware Photon OS/Linux"),
			hostName: "vcsa01",
		},
		annotation: "VMware vCenter Server Appliance",
		poweredOn:  true,
	}
	return []vmSpec{vcls, template, inaccessible, vcsa}
}

// multiNICVM is an extra vCenter VM with NICs on both distributed port groups and on the standard network.
func multiNICVM() vmSpec {
	return vmSpec{
		name: "Multi NIC", folder: "other/dvs", dir: "MultiNIC",
		instanceUUID: "50123e4d-6b1f-41a1-9c2e-7e0c6a9a0005", cpus: 4, memoryMiB: 8192,
		guestID: "rhel9_64Guest", guestFullName: "Red Hat Enterprise Linux 9 (64-bit)",
		firmware: "efi", secureBoot: true, tpm: true, cbt: true, scsi: "pvscsi", nicType: "vmxnet3",
		nics: []nicSpec{
			{network: "DPG-VLAN10", mac: "00:50:56:8a:40:01", ips: []string{"fe80::250:56ff:fe8a:4001", "192.0.2.41"}},
			{network: "DPG-Trunk", mac: "00:50:56:8a:40:02"},
			{network: vcenterNetworkName, mac: "00:50:56:8a:40:03", ips: []string{"192.0.2.43", "2001:db8::43"}},
		},
		disks: []diskSpec{
			{file: "[datastore-01] MultiNIC/MultiNIC.vmdk", capacity: 32 * gib},
			{file: "[datastore-01] MultiNIC/MultiNIC_1.vmdk", capacity: 8 * gib, independent: true},
		},
		guest: &guestSpec{
			fullName: "Red Hat Enterprise Linux 9 (64-bit)", family: "linuxGuest",
			detailed: detailed("Red Hat Enterprise Linux", "9.4", "Linux", "5.14.0-427.13.1.el9_4.x86_64",
				"Red Hat Enterprise Linux 9.4 (Plow)"),
			hostName: "multi-nic",
		},
		poweredOn: true,
	}
}

// duplicateVM is an extra vCenter VM that claims the instance UUID of "Debian Bookworm".
func duplicateVM() vmSpec {
	return vmSpec{
		name: "Debian Bookworm clone", folder: "other", dir: "DebianClone",
		instanceUUID: "52d89a93-ff8f-9dea-4d74-ec99beb1d2d4", cpus: 1, memoryMiB: 2048,
		guestID: "debian12_64Guest", guestFullName: "Debian GNU/Linux 12 (64-bit)",
		firmware: "bios", scsi: "pvscsi", nicType: "vmxnet3",
		nics:  []nicSpec{{network: vcenterNetworkName, mac: "00:50:56:8a:40:11"}},
		disks: []diskSpec{{file: "[datastore-01] DebianClone/DebianClone.vmdk", capacity: 16 * gib}},
	}
}

// unknownWindowsVM is an extra vCenter VM running a Windows version Migration Manager cannot convert.
func unknownWindowsVM() vmSpec {
	return vmSpec{
		name: "Win7", folder: "other", dir: "Win7",
		instanceUUID: "50123e4d-6b1f-41a1-9c2e-7e0c6a9a0007", cpus: 2, memoryMiB: 4096,
		guestID: "windows7_64Guest", guestFullName: "Microsoft Windows 7 (64-bit)",
		firmware: "bios", scsi: "lsilogic-sas", nicType: "e1000e",
		nics:  []nicSpec{{network: vcenterNetworkName, mac: "00:50:56:8a:40:21", ips: []string{"192.0.2.47"}}},
		disks: []diskSpec{{file: "[datastore-01] Win7/Win7.vmdk", capacity: 32 * gib}},
		guest: &guestSpec{
			fullName: "Microsoft Windows 7 (64-bit)", family: "windowsGuest",
			detailed: detailed("Windows", "6.1", "Windows", "7601.24544", "Windows 7 Professional, 64-bit (Build 7601)"),
			hostName: "win7",
		},
		poweredOn: true,
	}
}

// extraTags are the vCenter tags of the extras fixture (two categories, one with two tags).
func extraTags() []tagSpec {
	return []tagSpec{
		{vm: "Debian Bookworm", category: "Environment", tags: []string{"production"}},
		{vm: "Debian Bookworm", category: "Team", tags: []string{"green", "blue"}},
		{vm: "CentOS9", category: "Environment", tags: []string{"staging"}},
	}
}

// scaleGuests are the guest OS variants the synthetic VMs cycle through.
var scaleGuests = []struct {
	guestID, guestFullName, family, detailed string
}{
	{"debian12_64Guest", "Debian GNU/Linux 12 (64-bit)", "linuxGuest",
		detailed("Debian GNU/Linux", "12", "Linux", "6.1.0-28-amd64", "Debian GNU/Linux 12 (bookworm)")},
	{"centos9_64Guest", "CentOS Stream 9 (64-bit)", "linuxGuest",
		detailed("CentOS Stream", "9", "Linux", "5.14.0-522.el9.x86_64", "CentOS Stream 9")},
	{"ubuntu64Guest", "Ubuntu Linux (64-bit)", "linuxGuest",
		detailed("Ubuntu", "24.04", "Linux", "6.8.0-45-generic", "Ubuntu 24.04.1 LTS")},
	{"windows2019srv_64Guest", "Microsoft Windows Server 2019 (64-bit)", "windowsGuest",
		detailed("Windows", "10.0", "Windows", "17763.6414", "Windows Server 2019, 64-bit (Build 17763.6414)")},
}

// scaleVMs are n synthetic VMs, 100 per folder, all attached to one shared base disk so that the datastore
// holds only the per-VM configuration files.
func scaleVMs(s *site, n int) ([]vmSpec, error) {
	base := diskSpec{file: "[datastore-01] scale/base.vmdk", capacity: 16 * gib}
	if err := os.MkdirAll(filepath.Join(s.dsDir, "scale"), 0o700); err != nil {
		return nil, err
	}
	if err := writeDiskFiles(s.dsDir, base, true); err != nil {
		return nil, err
	}
	base.existing = true
	specs := make([]vmSpec, 0, n)
	for i := 0; i < n; i++ {
		g := scaleGuests[i%len(scaleGuests)]
		name := fmt.Sprintf("scale-vm-%05d", i)
		specs = append(specs, vmSpec{
			name:          name,
			folder:        fmt.Sprintf("scale-%03d", i/100),
			dir:           name,
			instanceUUID:  uuid.NewSHA1(uuid.NameSpaceOID, []byte("scale/"+name)).String(),
			cpus:          int32(1 + i%8),
			memoryMiB:     int64(1024 * (1 + i%16)),
			guestID:       g.guestID,
			guestFullName: g.guestFullName,
			firmware:      []string{"bios", "efi"}[i%2],
			cbt:           i%5 != 0,
			scsi:          "pvscsi",
			nicType:       "vmxnet3",
			nics: []nicSpec{{
				network: s.network,
				mac:     fmt.Sprintf("00:50:56:%02x:%02x:%02x", 0x80|(i>>16)&0x3f, (i>>8)&0xff, i&0xff),
				ips:     []string{fmt.Sprintf("198.18.%d.%d", (i/250)%256, 1+i%250)},
			}},
			disks: []diskSpec{base},
			guest: &guestSpec{
				fullName: g.guestFullName, family: g.family, detailed: g.detailed, hostName: name,
			},
			poweredOn: true,
		})
	}
	return specs, nil
}

package main

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/property"
	"github.com/vmware/govmomi/vapi/rest"
	"github.com/vmware/govmomi/vapi/tags"
	"github.com/vmware/govmomi/view"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// startTestPeer runs the launcher in-process (the simulator is global state: one peer at a time) and logs in.
func startTestPeer(t *testing.T, args ...string) (*peer, *govmomi.Client) {
	t.Helper()
	o, err := parseOptions(append([]string{"-l", "127.0.0.1:0"}, args...))
	if err != nil {
		t.Fatal(err)
	}
	p, err := startPeer(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.close)
	u := *p.sdkURL
	u.User = url.UserPassword(o.username, o.password)
	c, err := govmomi.NewClient(context.Background(), &u, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Logout(context.Background()) })
	return p, c
}

func vmPaths(t *testing.T, c *govmomi.Client) []string {
	t.Helper()
	vms, err := find.NewFinder(c.Client).VirtualMachineList(context.Background(), "/...")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, vm := range vms {
		paths = append(paths, vm.InventoryPath)
	}
	sort.Strings(paths)
	return paths
}

func vmProperties(t *testing.T, c *govmomi.Client, path string) mo.VirtualMachine {
	t.Helper()
	ctx := context.Background()
	vm, err := find.NewFinder(c.Client).VirtualMachine(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var props mo.VirtualMachine
	if err := vm.Properties(ctx, vm.Reference(), []string{"config", "guest", "summary", "runtime"}, &props); err != nil {
		t.Fatal(err)
	}
	return props
}

func detailedData(vm mo.VirtualMachine) string {
	for _, o := range vm.Config.ExtraConfig {
		if v := o.GetOptionValue(); v.Key == detailedDataKey {
			return v.Value.(string)
		}
	}
	return ""
}

func firstDisk(vm mo.VirtualMachine) *types.VirtualDisk {
	for _, d := range vm.Config.Hardware.Device {
		if disk, ok := d.(*types.VirtualDisk); ok {
			return disk
		}
	}
	return nil
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

func TestSeedVCenter(t *testing.T) {
	p, c := startTestPeer(t)
	want := []string{
		"/vc01/vm/Incus migrations/Cent OS 9 UEFI",
		"/vc01/vm/Incus migrations/Debian Bookworm",
		"/vc01/vm/Incus migrations/Ubuntu 2404",
		"/vc01/vm/other/CentOS9",
	}
	if got := vmPaths(t, c); !equalStrings(got, want) {
		t.Fatalf("VMs = %q, want %q", got, want)
	}
	ctx := context.Background()
	nets, err := find.NewFinder(c.Client).NetworkList(ctx, "/...")
	if err != nil {
		t.Fatal(err)
	}
	if len(nets) != 1 || nets[0].GetInventoryPath() != "/vc01/network/VMNET" || nets[0].Reference().Value != vcenterNetworkID {
		t.Fatalf("networks = %v", nets)
	}

	ubuntu := vmProperties(t, c, "/vc01/vm/Incus migrations/Ubuntu 2404")
	if ubuntu.Config.InstanceUuid != "52d5cfe0-d341-82d9-3f23-4149687b4e3e" || len(ubuntu.Guest.Net) != 0 ||
		detailedData(ubuntu) != "" || !*ubuntu.Config.ChangeTrackingEnabled {
		t.Errorf("Ubuntu 2404: uuid %s, guest.net %v, detailed %q", ubuntu.Config.InstanceUuid, ubuntu.Guest.Net, detailedData(ubuntu))
	}
	debian := vmProperties(t, c, "/vc01/vm/Incus migrations/Debian Bookworm")
	if *debian.Config.ChangeTrackingEnabled || debian.Config.Hardware.NumCPU != 3 || debian.Summary.Config.MemorySizeMB != 6144 ||
		!strings.Contains(detailedData(debian), "prettyName='Debian GNU/Linux 12 (bookworm)'") ||
		debian.Guest.Net[0].Network != "VMNET" || debian.Guest.Net[0].IpAddress[0] != "192.0.2.21" {
		t.Errorf("Debian Bookworm: %+v", debian.Config)
	}
	centos := vmProperties(t, c, "/vc01/vm/Incus migrations/Cent OS 9 UEFI")
	disk := firstDisk(centos)
	backing := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo)
	if backing.FileName != "[datastore-01] CentOS9/CentOS9.vmdk" || centos.Config.Firmware != "efi" ||
		centos.Runtime.PowerState != types.VirtualMachinePowerStatePoweredOn || centos.Config.GuestFullName != "CentOS Stream 9 (64-bit)" {
		t.Errorf("Cent OS 9 UEFI: disk %s, firmware %s, power %s", backing.FileName, centos.Config.Firmware, centos.Runtime.PowerState)
	}

	dir := p.fixture.dirs[0]
	for file, want := range map[string]bool{
		"CentOS9/CentOS9-ctk.vmdk":       true,
		"CentOS9-other/CentOS9-ctk.vmdk": true,
		"Ubuntu/Ubuntu-ctk.vmdk":         true,
		"Debian/Debian-ctk.vmdk":         false,
		"Debian/Debian-flat.vmdk":        true,
	} {
		if _, err := os.Stat(filepath.Join(dir, file)); (err == nil) != want {
			t.Errorf("%s exists = %t, want %t", file, err == nil, want)
		}
	}
}

func TestSeedESXi(t *testing.T) {
	p, c := startTestPeer(t, "-esx")
	want := []string{"/ha-datacenter/vm/SuseUEFI", "/ha-datacenter/vm/Win2016"}
	if got := vmPaths(t, c); !equalStrings(got, want) {
		t.Fatalf("VMs = %q, want %q", got, want)
	}
	if c.ServiceContent.About.ApiType != "HostAgent" {
		t.Errorf("apiType = %s", c.ServiceContent.About.ApiType)
	}
	nets, err := find.NewFinder(c.Client).NetworkList(context.Background(), "/...")
	if err != nil {
		t.Fatal(err)
	}
	if len(nets) != 1 || nets[0].GetInventoryPath() != "/ha-datacenter/network/VMWARE" || nets[0].Reference().Value != "HaNetwork-VMWARE" {
		t.Fatalf("networks = %v", nets)
	}
	suse := vmProperties(t, c, "/ha-datacenter/vm/SuseUEFI")
	if firstDisk(suse).CapacityInBytes != 128*gib || suse.Config.Firmware != "efi" || suse.Guest.Net[0].IpAddress[2] != "2001:db8::12" {
		t.Errorf("SuseUEFI: %+v", suse.Config.Hardware)
	}
	info, err := os.Stat(filepath.Join(p.fixture.dirs[0], "Suse", "Suse-flat.vmdk"))
	if err != nil || info.Size() != 128*gib {
		t.Errorf("Suse-flat.vmdk: %v %v", info, err)
	}
	win := vmProperties(t, c, "/ha-datacenter/vm/Win2016")
	if !strings.Contains(detailedData(win), "prettyName='Windows Server 2016, 64-bit (Build 14393.693)'") || win.Config.Hardware.NumCPU != 2 {
		t.Errorf("Win2016 detailed data %q", detailedData(win))
	}
}

func TestWrongPasswordIsRejected(t *testing.T) {
	p, _ := startTestPeer(t)
	u := *p.sdkURL
	u.User = url.UserPassword("user", "wrong")
	if _, err := govmomi.NewClient(context.Background(), &u, true); err == nil || !strings.Contains(err.Error(), "Login failure") {
		t.Fatalf("login with a wrong password: %v", err)
	}
}

func TestExtrasVCenter(t *testing.T) {
	p, c := startTestPeer(t, "-extras")
	paths := strings.Join(vmPaths(t, c), "\n")
	for _, want := range []string{
		"/vc01/vm/vCLS/vCLS-4c4c4544-0044-3510-8058-b4c04f4e4d32", "/vc01/vm/Templates/debian12-template",
		"/vc01/vm/vcsa01", "/vc01/vm/inaccessible-vm", "/vc01/vm/other/dvs/Multi NIC",
		"/vc01/vm/other/Debian Bookworm clone", "/vc01/vm/other/Win7",
	} {
		if !strings.Contains(paths, want) {
			t.Errorf("missing %s in %s", want, paths)
		}
	}
	ctx := context.Background()
	vm, err := find.NewFinder(c.Client).VirtualMachine(ctx, "/vc01/vm/inaccessible-vm")
	if err != nil {
		t.Fatal(err)
	}
	var inaccessible mo.VirtualMachine
	if err := vm.Properties(ctx, vm.Reference(), []string{"config"}, &inaccessible); err != nil || inaccessible.Config != nil {
		t.Errorf("inaccessible-vm config = %v (%v)", inaccessible.Config, err)
	}
	if tmpl := vmProperties(t, c, "/vc01/vm/Templates/debian12-template"); !tmpl.Config.Template {
		t.Error("debian12-template is not a template")
	}
	if vcsa := vmProperties(t, c, "/vc01/vm/vcsa01"); vcsa.Config.Annotation != "VMware vCenter Server Appliance" {
		t.Errorf("vcsa01 annotation %q", vcsa.Config.Annotation)
	}

	rc := rest.NewClient(c.Client)
	if err := rc.Login(ctx, url.UserPassword("user", "pass")); err != nil {
		t.Fatal(err)
	}
	attached, err := tags.NewManager(rc).GetAttachedTags(ctx, p.fixture.vms["Debian Bookworm"])
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tag := range attached {
		names = append(names, tag.Name)
	}
	sort.Strings(names)
	if !equalStrings(names, []string{"blue", "green", "production"}) {
		t.Errorf("Debian Bookworm tags = %q", names)
	}
	debian := vmProperties(t, c, "/vc01/vm/Incus migrations/Debian Bookworm")
	var me mo.ManagedEntity
	if err := property.DefaultCollector(c.Client).RetrieveOne(ctx, debian.Self, []string{"customValue"}, &me); err != nil || len(me.CustomValue) != 2 {
		t.Errorf("Debian Bookworm custom values = %v (%v)", me.CustomValue, err)
	}
}

func TestExtrasESXi(t *testing.T) {
	_, c := startTestPeer(t, "-esx", "-extras")
	want := []string{
		"/ha-datacenter/vm/SuseUEFI", "/ha-datacenter/vm/Win2016", "/ha-datacenter/vm/debian12-template",
		"/ha-datacenter/vm/inaccessible-vm", "/ha-datacenter/vm/vCLS-4c4c4544-0044-3510-8058-b4c04f4e4d32",
	}
	if got := vmPaths(t, c); !equalStrings(got, want) {
		t.Fatalf("VMs = %q, want %q", got, want)
	}
}

func TestScaleFixture(t *testing.T) {
	_, c := startTestPeer(t, "-fixture", "scale:250")
	if got := len(vmPaths(t, c)); got != 250 {
		t.Fatalf("%d VMs, want 250", got)
	}
}

func TestRetrievePropertiesExIsPaged(t *testing.T) {
	_, c := startTestPeer(t)
	ctx := context.Background()
	v, err := view.NewManager(c.Client).CreateContainerView(ctx, c.ServiceContent.RootFolder, []string{"VirtualMachine"}, true)
	if err != nil {
		t.Fatal(err)
	}
	req := types.RetrievePropertiesEx{
		This: c.ServiceContent.PropertyCollector,
		SpecSet: []types.PropertyFilterSpec{{
			ObjectSet: []types.ObjectSpec{{
				Obj:  v.Reference(),
				Skip: types.NewBool(true),
				SelectSet: []types.BaseSelectionSpec{&types.TraversalSpec{
					Type: "ContainerView", Path: "view",
				}},
			}},
			PropSet: []types.PropertySpec{{Type: "VirtualMachine", PathSet: []string{"name"}}},
		}},
		Options: types.RetrieveOptions{MaxObjects: 3},
	}
	res, err := methods.RetrievePropertiesEx(ctx, c.Client, &req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Returnval.Objects) != 3 || res.Returnval.Token == "" {
		t.Fatalf("first page: %d objects, token %q", len(res.Returnval.Objects), res.Returnval.Token)
	}
	next, err := methods.ContinueRetrievePropertiesEx(ctx, c.Client, &types.ContinueRetrievePropertiesEx{
		This: c.ServiceContent.PropertyCollector, Token: res.Returnval.Token,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(next.Returnval.Objects) != 1 || next.Returnval.Token != "" {
		t.Fatalf("second page: %d objects, token %q", len(next.Returnval.Objects), next.Returnval.Token)
	}
	if _, err := methods.ContinueRetrievePropertiesEx(ctx, c.Client, &types.ContinueRetrievePropertiesEx{
		This: c.ServiceContent.PropertyCollector, Token: res.Returnval.Token,
	}); err == nil {
		t.Fatal("a used token was accepted again")
	}
}

func queryChangedAreas(t *testing.T, c *govmomi.Client, vm types.ManagedObjectReference, snapshot *types.ManagedObjectReference,
	key int32, changeID string) ([]types.DiskChangeExtent, error) {
	t.Helper()
	res, err := methods.QueryChangedDiskAreas(context.Background(), c.Client, &types.QueryChangedDiskAreas{
		This: vm, Snapshot: snapshot, DeviceKey: key, StartOffset: 0, ChangeId: changeID,
	})
	if err != nil {
		return nil, err
	}
	return res.Returnval.ChangedArea, nil
}

func writeAt(t *testing.T, file string, off int64, data string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte(data), off); err != nil {
		t.Fatal(err)
	}
}

func snapshotChangeID(t *testing.T, c *govmomi.Client, snapshot types.ManagedObjectReference) string {
	t.Helper()
	var s mo.VirtualMachineSnapshot
	if err := property.DefaultCollector(c.Client).RetrieveOne(context.Background(), snapshot, []string{"config"}, &s); err != nil {
		t.Fatal(err)
	}
	for _, d := range s.Config.Hardware.Device {
		if disk, ok := d.(*types.VirtualDisk); ok {
			return disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo).ChangeId
		}
	}
	t.Fatal("snapshot has no disk")
	return ""
}

func TestQueryChangedDiskAreas(t *testing.T) {
	p, c := startTestPeer(t)
	ctx := context.Background()
	finder := find.NewFinder(c.Client)
	vm, err := finder.VirtualMachine(ctx, "/vc01/vm/Incus migrations/Ubuntu 2404")
	if err != nil {
		t.Fatal(err)
	}
	props := vmProperties(t, c, vm.InventoryPath)
	key := firstDisk(props).Key
	flat := filepath.Join(p.fixture.dirs[0], "Ubuntu", "Ubuntu-flat.vmdk")
	writeAt(t, flat, 100, "boot sector")
	writeAt(t, flat, 10*mib+5, "data")

	all, err := queryChangedAreas(t, c, vm.Reference(), nil, key, "*")
	if err != nil {
		t.Fatal(err)
	}
	want := []types.DiskChangeExtent{{Start: 0, Length: cbtBlockSize}, {Start: 10 * mib, Length: cbtBlockSize}}
	if !equalExtents(all, want) {
		t.Fatalf("allocated areas = %v, want %v", all, want)
	}

	snapshot := func(name string) types.ManagedObjectReference {
		task, err := vm.CreateSnapshot(ctx, name, "", false, false)
		if err != nil {
			t.Fatal(err)
		}
		info, err := task.WaitForResult(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		return info.Result.(types.ManagedObjectReference)
	}
	s1 := snapshot("first")
	c1 := snapshotChangeID(t, c, s1)
	if !strings.HasSuffix(c1, "/1") {
		t.Fatalf("first change ID %q", c1)
	}
	writeAt(t, flat, 20*mib, "new data")
	writeAt(t, flat, 100, "BOOT SECTOR")
	s2 := snapshot("second")
	c2 := snapshotChangeID(t, c, s2)
	if c2 == c1 || snapshotChangeID(t, c, s1) != c1 {
		t.Fatalf("change IDs after the second snapshot: %q, %q", c1, c2)
	}
	writeAt(t, flat, 30*mib, "written after the second snapshot")

	changed, err := queryChangedAreas(t, c, vm.Reference(), &s2, key, c1)
	if err != nil {
		t.Fatal(err)
	}
	want = []types.DiskChangeExtent{{Start: 0, Length: cbtBlockSize}, {Start: 20 * mib, Length: cbtBlockSize}}
	if !equalExtents(changed, want) {
		t.Fatalf("changed since %s = %v, want %v", c1, changed, want)
	}
	if changed, err := queryChangedAreas(t, c, vm.Reference(), &s2, key, c2); err != nil || len(changed) != 0 {
		t.Fatalf("changed since %s at the same snapshot = %v (%v)", c2, changed, err)
	}
	if _, err := queryChangedAreas(t, c, vm.Reference(), &s2, key, "52a0d2c2-0000-0000-0000-000000000000/7"); err == nil {
		t.Fatal("an unknown change ID was accepted")
	}

	debian, err := finder.VirtualMachine(ctx, "/vc01/vm/Incus migrations/Debian Bookworm")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := queryChangedAreas(t, c, debian.Reference(), nil, firstDisk(vmProperties(t, c, debian.InventoryPath)).Key, "*"); err == nil {
		t.Fatal("QueryChangedDiskAreas succeeded without change tracking")
	}
	if _, err := object.NewVirtualMachine(c.Client, vm.Reference()).RemoveAllSnapshot(ctx, nil); err != nil {
		t.Fatal(err)
	}
}

func TestChangeTrackingFilesFollowPowerOn(t *testing.T) {
	p, c := startTestPeer(t)
	ctx := context.Background()
	vm, err := find.NewFinder(c.Client).VirtualMachine(ctx, "/vc01/vm/Incus migrations/Debian Bookworm")
	if err != nil {
		t.Fatal(err)
	}
	ctk := filepath.Join(p.fixture.dirs[0], "Debian", "Debian-ctk.vmdk")
	exists := func() bool {
		_, err := os.Stat(ctk)
		return err == nil
	}
	setTracking := func(on bool) {
		task, err := vm.Reconfigure(ctx, types.VirtualMachineConfigSpec{ChangeTrackingEnabled: types.NewBool(on)})
		if err != nil {
			t.Fatal(err)
		}
		if err := task.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	powerCycle := func() {
		for _, power := range []func(context.Context) (*object.Task, error){vm.PowerOff, vm.PowerOn} {
			if err := waitTask(ctx, power); err != nil {
				t.Fatal(err)
			}
		}
	}

	setTracking(true)
	if exists() {
		t.Fatal("the tracking file exists before the VM was power-cycled")
	}
	powerCycle()
	if !exists() {
		t.Fatal("no tracking file after powering on with change tracking on")
	}
	setTracking(false)
	powerCycle()
	if exists() {
		t.Fatal("the tracking file stayed after powering on with change tracking off")
	}
}

func equalExtents(a, b []types.DiskChangeExtent) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRewriteForYavijava(t *testing.T) {
	m := newSDKMiddleware(nil, defaultStrippedElements, newChangeTracker())
	in := `<returnval><cryptoManager type="CryptoManager">CryptoManager</cryptoManager>` +
		`<val xsi:type="ManagedObjectReference" type="Folder">group-d1</val><scsiDiskType>native512</scsiDiskType>` +
		`<val xmlns:XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance" ` +
		`XMLSchema-instance:type="ManagedObjectReference" type="Datacenter">datacenter-2</val>` +
		`<ioFilterInfo><id>a</id></ioFilterInfo><ioFilterInfo/><graphicsConfigX>kept</graphicsConfigX></returnval>`
	want := `<returnval><val type="Folder" xsi:type="ManagedObjectReference">group-d1</val>` +
		`<val xmlns:XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance" ` +
		`type="Datacenter" XMLSchema-instance:type="ManagedObjectReference">datacenter-2</val>` +
		`<graphicsConfigX>kept</graphicsConfigX></returnval>`
	if got := string(m.rewrite([]byte(in))); got != want {
		t.Fatalf("rewrite:\n got %s\nwant %s", got, want)
	}
}

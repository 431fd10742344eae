package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/google/uuid"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// cbtBlockSize is the granularity of the simulated change tracking.
const cbtBlockSize = 64 * 1024

// Linux lseek whence values for sparse files.
const (
	seekData = 3
	seekHole = 4
)

// changeTracker simulates changed block tracking, which vcsim lacks. When a snapshot of a VM with change
// tracking on is taken, it records a digest of every allocated block of each disk and gives the disk (and the
// snapshot's copy of it) the change ID "<disk uuid>/<n>". QueryChangedDiskAreas with change ID "*" reports
// the allocated extents; with a recorded change ID it reports the blocks whose content differs since then.
type changeTracker struct {
	mu    sync.Mutex
	disks map[string]*trackedDisk // by flat file path
}

type trackedDisk struct {
	id      string
	seq     int
	digests map[string]blockDigests // by change ID
}

// blockDigests maps a block index to the digest of its content; all-zero blocks are absent.
type blockDigests map[int64][sha256.Size]byte

func newChangeTracker() *changeTracker {
	return &changeTracker{disks: map[string]*trackedDisk{}}
}

// Reference, PutObject, UpdateObject and RemoveObject make the tracker a simulator.RegisterObject, so it sees
// snapshots as they are created.
func (t *changeTracker) Reference() types.ManagedObjectReference {
	return types.ManagedObjectReference{Type: "MigrationManagerChangeTracker", Value: "cbt"}
}

// PutObject runs inside CreateSnapshot_Task, while the VM is locked.
func (t *changeTracker) PutObject(o mo.Reference) {
	snapshot, ok := o.(*simulator.VirtualMachineSnapshot)
	if !ok {
		return
	}
	vm, ok := simulator.Map.Get(snapshot.Vm).(*simulator.VirtualMachine)
	if !ok || vm.Config == nil || vm.Config.ChangeTrackingEnabled == nil || !*vm.Config.ChangeTrackingEnabled {
		return
	}
	// The snapshot's configuration shares the VM's device objects; give it its own disk copies.
	devices := make([]types.BaseVirtualDevice, len(snapshot.Config.Hardware.Device))
	copy(devices, snapshot.Config.Hardware.Device)
	for i, d := range devices {
		disk, ok := d.(*types.VirtualDisk)
		if !ok {
			continue
		}
		backing, ok := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo)
		if !ok {
			continue
		}
		file, err := flatFile(vm, backing.FileName)
		if err != nil {
			log.Printf("change tracking: %s: %v", backing.FileName, err)
			continue
		}
		changeID, err := t.record(file)
		if err != nil {
			log.Printf("change tracking: %s: %v", file, err)
			continue
		}
		backing.ChangeId = changeID
		diskCopy, backingCopy := *disk, *backing
		diskCopy.Backing = &backingCopy
		devices[i] = &diskCopy
	}
	snapshot.Config.Hardware.Device = devices
}

// UpdateObject keeps the -ctk.vmdk files in step with change tracking, as ESXi does when a VM powers on and
// opens its disks: with change tracking on, each flat disk gets its tracking file; with it off, the file goes.
// So a VM whose change tracking was turned on while it was off (or before a power cycle) has its tracking files
// once it runs.
func (t *changeTracker) UpdateObject(o mo.Reference, changes []types.PropertyChange) {
	if !powersOn(changes) {
		return
	}
	vm, ok := simulator.Map.Get(o.Reference()).(*simulator.VirtualMachine)
	if !ok || vm.Config == nil {
		return
	}
	cbtOn := vm.Config.ChangeTrackingEnabled != nil && *vm.Config.ChangeTrackingEnabled
	for _, d := range vm.Config.Hardware.Device {
		disk, ok := d.(*types.VirtualDisk)
		if !ok {
			continue
		}
		backing, ok := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo)
		if !ok {
			continue
		}
		for backing.Parent != nil {
			backing = backing.Parent
		}
		flat, err := flatFile(vm, backing.FileName)
		if err != nil {
			log.Printf("change tracking: %s: %v", backing.FileName, err)
			continue
		}
		ctk := strings.TrimSuffix(flat, "-flat.vmdk") + "-ctk.vmdk"
		if cbtOn {
			err = writeIfMissing(ctk, "change tracking file of "+filepath.Base(strings.TrimSuffix(flat, "-flat.vmdk"))+"\n")
		} else if err = os.Remove(ctk); errors.Is(err, os.ErrNotExist) {
			err = nil
		}
		if err != nil {
			log.Printf("change tracking: %s: %v", ctk, err)
		}
	}
}

// powersOn tells whether the changes put a VM into the poweredOn state.
func powersOn(changes []types.PropertyChange) bool {
	for _, c := range changes {
		if c.Name == "runtime.powerState" && c.Val == types.VirtualMachinePowerStatePoweredOn {
			return true
		}
	}
	return false
}

// writeIfMissing creates the file with the content unless it exists.
func writeIfMissing(file, content string) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	_, err = f.WriteString(content)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// RemoveObject is not needed by the tracker: recorded digests stay valid as change IDs.
func (t *changeTracker) RemoveObject(types.ManagedObjectReference) {}

// record digests the file's blocks and returns the new change ID.
func (t *changeTracker) record(file string) (string, error) {
	digests, err := digestBlocks(file)
	if err != nil {
		return "", err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	d, ok := t.disks[file]
	if !ok {
		d = &trackedDisk{id: uuid.New().String(), digests: map[string]blockDigests{}}
		t.disks[file] = d
	}
	d.seq++
	changeID := d.id + "/" + strconv.Itoa(d.seq)
	d.digests[changeID] = digests
	return changeID, nil
}

// recorded returns the digests of a change ID of the file, if known.
func (t *changeTracker) recorded(file, changeID string) (blockDigests, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	d, ok := t.disks[file]
	if !ok {
		return nil, false
	}
	digests, ok := d.digests[changeID]
	return digests, ok
}

// qcdaRequest is the body of a QueryChangedDiskAreas call.
type qcdaRequest struct {
	Body struct {
		Query struct {
			This        moRef  `xml:"_this"`
			Snapshot    *moRef `xml:"snapshot"`
			DeviceKey   int32  `xml:"deviceKey"`
			StartOffset int64  `xml:"startOffset"`
			ChangeID    string `xml:"changeId"`
		} `xml:"QueryChangedDiskAreas"`
	} `xml:"Body"`
}

type moRef struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

func (r moRef) ref() types.ManagedObjectReference {
	return types.ManagedObjectReference{Type: r.Type, Value: strings.TrimSpace(r.Value)}
}

// area is a byte range of a disk.
type area struct {
	start, length int64
}

// serve answers a QueryChangedDiskAreas request; next is vcsim, used to check the caller's session.
func (t *changeTracker) serve(next http.Handler, r *http.Request, body []byte) (int, []byte) {
	probe := soapEnvelopeStart +
		`<CurrentTime xmlns="urn:vim25"><_this type="ServiceInstance">ServiceInstance</_this></CurrentTime>` +
		soapEnvelopeEnd
	if status, _, out := forward(next, r, []byte(probe)); status != http.StatusOK {
		return status, out
	}

	var req qcdaRequest
	if err := xml.Unmarshal(body, &req); err != nil {
		return soapFault("InvalidRequest", "", err.Error())
	}
	q := req.Body.Query
	vm, ok := simulator.Map.Get(q.This.ref()).(*simulator.VirtualMachine)
	if !ok {
		return soapFault("ManagedObjectNotFound", `<obj type="`+q.This.Type+`">`+q.This.ref().Value+`</obj>`,
			"managed object not found: "+q.This.ref().String())
	}

	var disk *types.VirtualDisk
	var file string
	var cbtOn bool
	var fault error
	simulator.Map.WithLock(vm, func() {
		if vm.Config == nil {
			fault = errors.New("the virtual machine has no configuration")
			return
		}
		cbtOn = vm.Config.ChangeTrackingEnabled != nil && *vm.Config.ChangeTrackingEnabled
		devices := vm.Config.Hardware.Device
		if q.Snapshot != nil {
			snapshot, ok := simulator.Map.Get(q.Snapshot.ref()).(*simulator.VirtualMachineSnapshot)
			if !ok || snapshot.Vm != vm.Self {
				fault = fmt.Errorf("snapshot %s not found", q.Snapshot.ref())
				return
			}
			devices = snapshot.Config.Hardware.Device
		}
		for _, d := range devices {
			if x, ok := d.(*types.VirtualDisk); ok && x.Key == q.DeviceKey {
				diskCopy := *x
				disk = &diskCopy
			}
		}
		if disk == nil {
			fault = fmt.Errorf("no disk with device key %d", q.DeviceKey)
			return
		}
		backing, ok := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo)
		if !ok {
			fault = fmt.Errorf("disk %d has no flat backing", q.DeviceKey)
			return
		}
		file, fault = flatFile(vm, backing.FileName)
	})
	if fault != nil {
		return soapFault("InvalidArgument", "<invalidProperty>deviceKey</invalidProperty>", fault.Error())
	}
	if !cbtOn {
		return soapFault("FileFault", "<file>"+escape(file)+"</file>", "change tracking is not enabled for the virtual machine")
	}
	capacity := disk.CapacityInBytes
	if capacity == 0 {
		capacity = disk.CapacityInKB * 1024
	}
	if q.StartOffset < 0 || q.StartOffset > capacity {
		return soapFault("InvalidArgument", "<invalidProperty>startOffset</invalidProperty>",
			fmt.Sprintf("start offset %d is outside the disk (%d bytes)", q.StartOffset, capacity))
	}

	var areas []area
	var err error
	if q.ChangeID == "*" {
		areas, err = allocatedAreas(file, q.StartOffset, capacity)
	} else {
		areas, err = t.changedAreas(file, disk, q.ChangeID, q.StartOffset, capacity)
	}
	if err != nil {
		return soapFault("InvalidArgument", "<invalidProperty>changeId</invalidProperty>", err.Error())
	}

	var out bytes.Buffer
	out.WriteString(soapEnvelopeStart + `<QueryChangedDiskAreasResponse xmlns="urn:vim25"><returnval>`)
	fmt.Fprintf(&out, "<startOffset>%d</startOffset><length>%d</length>", q.StartOffset, capacity-q.StartOffset)
	for _, a := range areas {
		fmt.Fprintf(&out, "<changedArea><start>%d</start><length>%d</length></changedArea>", a.start, a.length)
	}
	out.WriteString(`</returnval></QueryChangedDiskAreasResponse>` + soapEnvelopeEnd)
	return http.StatusOK, out.Bytes()
}

// changedAreas compares the blocks recorded for changeID with the disk's state at the queried snapshot (its
// recorded change ID), or with the file's current content when that is unknown.
func (t *changeTracker) changedAreas(file string, disk *types.VirtualDisk, changeID string, from, capacity int64) ([]area, error) {
	if !strings.Contains(changeID, "/") {
		return nil, fmt.Errorf("malformed change ID %q", changeID)
	}
	old, ok := t.recorded(file, changeID)
	if !ok {
		return nil, fmt.Errorf("unknown change ID %q for %s", changeID, filepath.Base(file))
	}
	backing := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo)
	current, ok := t.recorded(file, backing.ChangeId)
	if !ok {
		var err error
		if current, err = digestBlocks(file); err != nil {
			return nil, err
		}
	}
	var changed []int64
	for block, digest := range current {
		if old[block] != digest {
			changed = append(changed, block)
		}
	}
	for block := range old {
		if _, ok := current[block]; !ok {
			changed = append(changed, block)
		}
	}
	sort.Slice(changed, func(i, j int) bool { return changed[i] < changed[j] })
	var areas []area
	for _, block := range changed {
		areas = appendArea(areas, block*cbtBlockSize, cbtBlockSize, from, capacity)
	}
	return areas, nil
}

// appendArea adds [start, start+length) clipped to [from, capacity), merging with the previous area.
func appendArea(areas []area, start, length, from, capacity int64) []area {
	end := start + length
	if start < from {
		start = from
	}
	if end > capacity {
		end = capacity
	}
	if end <= start {
		return areas
	}
	if n := len(areas); n > 0 && areas[n-1].start+areas[n-1].length >= start {
		if last := &areas[n-1]; end > last.start+last.length {
			last.length = end - last.start
		}
		return areas
	}
	return append(areas, area{start: start, length: end - start})
}

// allocatedAreas reports the file's data extents in [from, capacity), widened to whole blocks.
func allocatedAreas(file string, from, capacity int64) ([]area, error) {
	var areas []area
	err := forEachExtent(file, func(start, end int64) error {
		first := start / cbtBlockSize * cbtBlockSize
		last := (end + cbtBlockSize - 1) / cbtBlockSize * cbtBlockSize
		areas = appendArea(areas, first, last-first, from, capacity)
		return nil
	})
	return areas, err
}

// digestBlocks hashes every allocated, non-zero block of the file.
func digestBlocks(file string) (blockDigests, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	digests := blockDigests{}
	buf := make([]byte, cbtBlockSize)
	var zero [cbtBlockSize]byte
	err = forEachExtent(file, func(start, end int64) error {
		for block := start / cbtBlockSize; block*cbtBlockSize < end; block++ {
			n, err := f.ReadAt(buf, block*cbtBlockSize)
			if err != nil && err != io.EOF {
				return err
			}
			if bytes.Equal(buf[:n], zero[:n]) {
				continue
			}
			digests[block] = sha256.Sum256(buf[:n])
		}
		return nil
	})
	return digests, err
}

// forEachExtent calls fn for each data extent [start, end) of the sparse file, found with SEEK_DATA/SEEK_HOLE.
func forEachExtent(file string, fn func(start, end int64) error) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	fd := int(f.Fd())
	var pos int64
	for {
		start, err := syscall.Seek(fd, pos, seekData)
		if err != nil {
			if errors.Is(err, syscall.ENXIO) {
				return nil
			}
			return err
		}
		end, err := syscall.Seek(fd, start, seekHole)
		if err != nil {
			return err
		}
		if err := fn(start, end); err != nil {
			return err
		}
		pos = end
	}
}

// flatFile maps a disk's datastore path to the -flat.vmdk file in the datastore folder.
func flatFile(vm *simulator.VirtualMachine, fileName string) (string, error) {
	var p object.DatastorePath
	if !p.FromString(fileName) {
		return "", fmt.Errorf("bad datastore path %q", fileName)
	}
	for _, ref := range vm.Datastore {
		ds, ok := simulator.Map.Get(ref).(*simulator.Datastore)
		if ok && ds.Name == p.Datastore {
			return filepath.Join(ds.Info.GetDatastoreInfo().Url, strings.TrimSuffix(p.Path, ".vmdk")+"-flat.vmdk"), nil
		}
	}
	return "", fmt.Errorf("datastore %q not found", p.Datastore)
}

func escape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

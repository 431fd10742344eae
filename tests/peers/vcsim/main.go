// Command vcsim is Migration Manager's vSphere test peer: govmomi's simulator (vcsim) loaded with the
// inventory of the user's document (an ESXi "esxi01" and a vCenter "vcenter01"), or with N synthetic VMs for
// the inventory benchmark.
//
// In front of the simulator's /sdk endpoint sits an HTTP middleware that keeps yavijava 6.0 able to parse
// vcsim's answers, pages RetrievePropertiesEx results like a real vCenter and answers
// QueryChangedDiskAreas, which vcsim lacks.
//
// The SDK URL is printed on stdout once the server answers. SIGTERM or SIGINT stops the server and removes
// the datastore folders.
package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"flag"
	"fmt"
	"log"
	"math/big"
	"net"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/simulator/esx"
	"github.com/vmware/govmomi/vim25/types"

	// Registers the vAPI REST endpoints (sessions, tagging) served in vCenter mode.
	_ "github.com/vmware/govmomi/vapi/simulator"
)

// options are the launcher's command-line settings.
type options struct {
	listen   string
	esx      bool
	username string
	password string
	fixture  string
	extras   bool
	strip    string
	certOut  string
}

func parseOptions(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("vcsim", flag.ContinueOnError)
	fs.StringVar(&o.listen, "l", "127.0.0.1:8989", "listen address host:port (port 0 picks a free port)")
	fs.BoolVar(&o.esx, "esx", false, "simulate a standalone ESXi host instead of a vCenter")
	fs.StringVar(&o.username, "username", "user", "the only accepted login user")
	fs.StringVar(&o.password, "password", "pass", "the only accepted login password")
	fs.StringVar(&o.fixture, "fixture", "", "seed-esxi01, seed-vcenter01 or scale:N (default: the seed of the mode)")
	fs.BoolVar(&o.extras, "extras", false, "add VMs the importer must ignore, custom attributes and tags")
	fs.StringVar(&o.strip, "strip", strings.Join(defaultStrippedElements, ","),
		"comma-separated response elements unknown to vim25 6.0 that are removed for yavijava")
	fs.StringVar(&o.certOut, "cert-out", "", "write the server certificate (PEM) to this file")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.fixture == "" {
		o.fixture = "seed-vcenter01"
		if o.esx {
			o.fixture = "seed-esxi01"
		}
	}
	switch {
	case o.fixture == "seed-esxi01" && !o.esx:
		return o, fmt.Errorf("fixture seed-esxi01 needs -esx")
	case o.fixture == "seed-vcenter01" && o.esx:
		return o, fmt.Errorf("fixture seed-vcenter01 cannot run with -esx")
	case o.fixture == "seed-esxi01" || o.fixture == "seed-vcenter01":
	case strings.HasPrefix(o.fixture, "scale:"):
		n, err := strconv.Atoi(strings.TrimPrefix(o.fixture, "scale:"))
		if err != nil || n < 1 {
			return o, fmt.Errorf("fixture %q: want scale:N with N >= 1", o.fixture)
		}
	default:
		return o, fmt.Errorf("unknown fixture %q", o.fixture)
	}
	if o.username == "" || o.password == "" {
		return o, fmt.Errorf("username and password must not be empty")
	}
	return o, nil
}

// peer is a running simulator with its fixture.
type peer struct {
	model   *simulator.Model
	server  *simulator.Server
	sdkURL  *url.URL
	fixture *fixture
	sdk     *sdkMiddleware
}

// startPeer builds the model and fixture, starts the HTTPS server and installs the /sdk middleware.
func startPeer(o options) (*peer, error) {
	var model *simulator.Model
	if o.esx {
		// Every ESX datacenter gets the networks of this template; the seed's only network is "VMWARE".
		esx.Datacenter.Network = []types.ManagedObjectReference{{Type: "Network", Value: "HaNetwork-" + esxNetworkName}}
		model = simulator.ESX()
	} else {
		model = simulator.VPX()
		model.Datacenter = 0
		model.Portgroup = 0
		model.Host = 0
		model.Cluster = 0
		model.ClusterHost = 0
	}
	model.Datastore = 0
	model.Machine = 0
	model.Autostart = false
	if err := model.Create(); err != nil {
		return nil, fmt.Errorf("creating the model: %w", err)
	}

	p := &peer{model: model}
	fx, err := buildFixture(context.Background(), model, o)
	if err != nil {
		p.close()
		return nil, err
	}
	p.fixture = fx

	// A distinct Userinfo (not simulator.DefaultLogin itself) makes the session manager accept only this pair.
	login := url.UserPassword(o.username, o.password)
	simulator.DefaultLogin = url.UserPassword(o.username, o.password)
	model.Service.Listen = &url.URL{Host: o.listen, User: login}
	cert, err := selfSignedCertificate(o.fixture)
	if err != nil {
		p.close()
		return nil, err
	}
	model.Service.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	model.Service.RegisterEndpoints = true
	p.server = model.Service.NewServer()

	p.sdk = newSDKMiddleware(p.server.Config.Handler, strings.Split(o.strip, ","), newChangeTracker())
	p.server.Config.Handler = p.sdk
	simulator.Map.AddHandler(p.sdk.cbt)

	u := *p.server.URL
	u.User = nil
	p.sdkURL = &u

	if err := fx.afterStart(context.Background(), p.server.URL, o); err != nil {
		p.close()
		return nil, err
	}
	return p, nil
}

// close stops the server and removes the datastore folders.
func (p *peer) close() {
	if p.server != nil {
		p.server.Close()
	}
	p.model.Remove()
	if p.fixture != nil {
		p.fixture.remove()
	}
}

// selfSignedCertificate makes a fresh certificate for the loopback addresses, so that every simulator has its
// own fingerprint, as distinct ESXi hosts and vCenters do.
func selfSignedCertificate(name string) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		return tls.Certificate{}, err
	}
	now := time.Now()
	template := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "localhost", Organization: []string{"Migration Manager vcsim " + name}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(1, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}

func writeCertificate(s *simulator.Server, file string) error {
	block := &pem.Block{Type: "CERTIFICATE", Bytes: s.Certificate().Raw}
	return os.WriteFile(file, pem.EncodeToMemory(block), 0o644)
}

func main() {
	o, err := parseOptions(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "vcsim:", err)
		os.Exit(2)
	}
	log.SetPrefix("vcsim: ")

	p, err := startPeer(o)
	if err != nil {
		log.Fatal(err)
	}
	if o.certOut != "" {
		if err := writeCertificate(p.server, o.certOut); err != nil {
			p.close()
			log.Fatal(err)
		}
	}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)

	fmt.Println(p.sdkURL.String())
	log.Printf("fixture %s (extras %t) ready at %s, datastores under %s",
		o.fixture, o.extras, p.sdkURL, strings.Join(p.fixture.dirs, ", "))

	sig := <-stop
	log.Printf("%s: stopping", sig)
	p.close()
}

package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// defaultStrippedElements are response elements of vSphere APIs newer than 6.0 that vcsim 0.24 writes and
// yavijava 6.0's parser rejects.
var defaultStrippedElements = []string{"scsiDiskType", "graphicsConfig", "ioFilterInfo"}

// blankedMembers are the ServiceContent members unknown to vim25 6.0, and HostConfigInfo.deploymentInfo.
var blankedMembers = []string{
	"vStorageObjectManager", "hostSpecManager", "cryptoManager", "healthUpdateManager",
	"failoverClusterConfigurator", "failoverClusterManager", "deploymentInfo",
}

const soapEnvelopeStart = `<?xml version="1.0" encoding="UTF-8"?>` +
	`<soapenv:Envelope xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" ` +
	`xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" ` +
	`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>`

const soapEnvelopeEnd = `</soapenv:Body></soapenv:Envelope>`

var (
	soapMethodPattern = regexp.MustCompile(`<(?:[\w-]+:)?Body[^>]*>\s*<(?:[\w-]+:)?(\w+)`)
	maxObjectsPattern = regexp.MustCompile(`<maxObjects>(\d+)</maxObjects>`)
	tokenPattern      = regexp.MustCompile(`<token>([^<]*)</token>`)
	// vcsim writes the XML-schema-instance type (as "xsi:type" or "XMLSchema-instance:type") before the
	// reference's own type attribute; yavijava reads the first attribute named "type".
	morAttributes = regexp.MustCompile(`([\w.-]+:type="ManagedObjectReference") type="([^"]*)"`)
)

// sdkMiddleware sits in front of vcsim's HTTP handler. On /sdk it rewrites responses for yavijava, pages
// RetrievePropertiesEx results and answers QueryChangedDiskAreas; everything else passes through.
type sdkMiddleware struct {
	next  http.Handler
	strip []string
	cbt   *changeTracker
	pages *pager
}

func newSDKMiddleware(next http.Handler, strip []string, cbt *changeTracker) *sdkMiddleware {
	m := &sdkMiddleware{next: next, cbt: cbt, pages: &pager{results: map[string]*pendingResult{}}}
	for _, name := range append(append([]string{}, blankedMembers...), strip...) {
		if name = strings.TrimSpace(name); name != "" {
			m.strip = append(m.strip, name)
		}
	}
	return m
}

func (m *sdkMiddleware) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/sdk" || r.Method != http.MethodPost {
		m.next.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(r.Body)
	_ = r.Body.Close()
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	method := soapMethod(body)
	switch method {
	case "QueryChangedDiskAreas":
		status, out := m.cbt.serve(m.next, r, body)
		writeSOAP(w, status, out)
		return
	case "ContinueRetrievePropertiesEx":
		status, out := m.pages.continueResult(tokenOf(body))
		writeSOAP(w, status, out)
		return
	case "CancelRetrievePropertiesEx":
		m.pages.cancel(tokenOf(body))
		writeSOAP(w, http.StatusOK, []byte(soapEnvelopeStart+
			`<CancelRetrievePropertiesExResponse xmlns="urn:vim25"></CancelRetrievePropertiesExResponse>`+soapEnvelopeEnd))
		return
	}

	status, header, out := forward(m.next, r, body)
	out = m.rewrite(out)
	if method == "RetrievePropertiesEx" && status == http.StatusOK {
		if match := maxObjectsPattern.FindSubmatch(body); match != nil {
			if limit, err := strconv.Atoi(string(match[1])); err == nil && limit > 0 {
				out = m.pages.firstPage(out, limit)
			}
		}
	}
	for k, v := range header {
		if k != "Content-Length" {
			w.Header()[k] = v
		}
	}
	writeSOAP(w, status, out)
}

// forward runs the request through vcsim and returns the buffered response.
func forward(next http.Handler, r *http.Request, body []byte) (int, http.Header, []byte) {
	req := r.Clone(r.Context())
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.ContentLength = int64(len(body))
	rec := httptest.NewRecorder()
	next.ServeHTTP(rec, req)
	return rec.Code, rec.Header(), rec.Body.Bytes()
}

func writeSOAP(w http.ResponseWriter, status int, body []byte) {
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func soapMethod(body []byte) string {
	head := body
	if len(head) > 4096 {
		head = head[:4096]
	}
	if match := soapMethodPattern.FindSubmatch(head); match != nil {
		return string(match[1])
	}
	return ""
}

func tokenOf(body []byte) string {
	if match := tokenPattern.FindSubmatch(body); match != nil {
		return string(match[1])
	}
	return ""
}

// rewrite removes the elements yavijava cannot parse and puts "type" first on ManagedObjectReference values.
func (m *sdkMiddleware) rewrite(body []byte) []byte {
	for _, name := range m.strip {
		body = stripElement(body, name)
	}
	if bytes.Contains(body, []byte(`:type="ManagedObjectReference" type=`)) {
		body = morAttributes.ReplaceAll(body, []byte(`type="$2" $1`))
	}
	return body
}

// stripElement removes every <name ...>...</name> and <name .../> from an XML document. The element must not
// nest within itself, which holds for the vSphere elements stripped here.
func stripElement(body []byte, name string) []byte {
	open := []byte("<" + name)
	if !bytes.Contains(body, open) {
		return body
	}
	closing := []byte("</" + name + ">")
	var out bytes.Buffer
	out.Grow(len(body))
	for {
		i := bytes.Index(body, open)
		if i < 0 {
			break
		}
		after := i + len(open)
		if after >= len(body) || !isNameEnd(body[after]) {
			// A longer element name with this prefix: keep it.
			out.Write(body[:after])
			body = body[after:]
			continue
		}
		gt := bytes.IndexByte(body[after:], '>')
		if gt < 0 {
			break
		}
		end := after + gt + 1
		if body[end-2] != '/' {
			c := bytes.Index(body[end:], closing)
			if c < 0 {
				break
			}
			end += c + len(closing)
		}
		out.Write(body[:i])
		body = body[end:]
	}
	out.Write(body)
	return out.Bytes()
}

func isNameEnd(b byte) bool {
	return b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\n' || b == '\r'
}

// pager emulates vCenter's paging of RetrievePropertiesEx results (vcsim 0.24 ignores maxObjects and has no
// ContinueRetrievePropertiesEx): the first page goes out with a token, the rest waits here.
type pager struct {
	mu      sync.Mutex
	results map[string]*pendingResult
}

type pendingResult struct {
	objects [][]byte
	limit   int
	created time.Time
}

// pendingResultTTL bounds how long unread pages are kept.
const pendingResultTTL = 10 * time.Minute

// firstPage cuts a RetrievePropertiesEx response down to limit objects and keeps the rest under a token.
func (p *pager) firstPage(body []byte, limit int) []byte {
	objects, start, end := splitObjects(body)
	if len(objects) <= limit {
		return body
	}
	token := p.keep(objects[limit:], limit)
	var out bytes.Buffer
	out.Write(body[:start])
	out.WriteString("<token>" + token + "</token>")
	for _, o := range objects[:limit] {
		out.Write(o)
	}
	out.Write(body[end:])
	return out.Bytes()
}

func (p *pager) keep(objects [][]byte, limit int) string {
	buf := make([]byte, 16)
	_, _ = rand.Read(buf)
	token := hex.EncodeToString(buf)
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	for t, r := range p.results {
		if now.Sub(r.created) > pendingResultTTL {
			delete(p.results, t)
		}
	}
	p.results[token] = &pendingResult{objects: objects, limit: limit, created: now}
	return token
}

func (p *pager) continueResult(token string) (int, []byte) {
	p.mu.Lock()
	r, ok := p.results[token]
	delete(p.results, token)
	p.mu.Unlock()
	if !ok {
		return soapFault("InvalidArgument", "<invalidProperty>token</invalidProperty>",
			fmt.Sprintf("unknown or expired token %q", token))
	}
	var out bytes.Buffer
	out.WriteString(soapEnvelopeStart + `<ContinueRetrievePropertiesExResponse xmlns="urn:vim25"><returnval>`)
	page := r.objects
	if len(page) > r.limit {
		page = r.objects[:r.limit]
		out.WriteString("<token>" + p.keep(r.objects[r.limit:], r.limit) + "</token>")
	}
	for _, o := range page {
		out.Write(o)
	}
	out.WriteString(`</returnval></ContinueRetrievePropertiesExResponse>` + soapEnvelopeEnd)
	return http.StatusOK, out.Bytes()
}

func (p *pager) cancel(token string) {
	p.mu.Lock()
	delete(p.results, token)
	p.mu.Unlock()
}

// splitObjects returns the top-level <objects> elements of a RetrieveResult and the byte range they span.
func splitObjects(body []byte) ([][]byte, int, int) {
	open, closing := []byte("<objects>"), []byte("</objects>")
	var objects [][]byte
	first, last := -1, -1
	pos := 0
	for {
		i := bytes.Index(body[pos:], open)
		if i < 0 {
			break
		}
		start := pos + i
		depth, cur := 1, start+len(open)
		for depth > 0 {
			o := bytes.Index(body[cur:], open)
			c := bytes.Index(body[cur:], closing)
			if c < 0 {
				return objects, first, last
			}
			if o >= 0 && o < c {
				depth++
				cur += o + len(open)
			} else {
				depth--
				cur += c + len(closing)
			}
		}
		if first < 0 {
			first = start
		}
		last = cur
		objects = append(objects, body[start:cur])
		pos = cur
	}
	return objects, first, last
}

// soapFault builds a vSphere fault response of the given fault type with detail elements.
func soapFault(kind, detail, message string) (int, []byte) {
	var msg bytes.Buffer
	_ = xml.EscapeText(&msg, []byte(message))
	return http.StatusInternalServerError, []byte(soapEnvelopeStart +
		`<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>` + msg.String() + `</faultstring>` +
		`<detail><` + kind + `Fault xmlns="urn:vim25" xsi:type="` + kind + `">` + detail + `</` + kind + `Fault>` +
		`</detail></soapenv:Fault>` + soapEnvelopeEnd)
}

package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
)

var _ providers.DuplicateFinder = (*Journal)(nil)

// RecentDuplicate finds the newest attempt at the same order (OrderKey) within the window that
// succeeded or whose outcome is unknown — a pending intent included: both may have bought it.
// Rejected and not-sent attempts bought nothing and do not count. A history that cannot be
// read cannot rule a duplicate out: it is reported as found, with Recent.Err.
func (j *Journal) RecentDuplicate(o flows.Order, within time.Duration) (providers.Recent, bool) {
	h, err := Load(j.path)
	if err != nil {
		return providers.Recent{Err: err}, true
	}
	t := j.inner.Target(o.API, o.Region)
	key := orderKey(Record{API: o.API, Region: o.Region, ProjectID: o.ProjectID, Endpoint: t.Endpoint, Mode: t.Mode,
		Body: o.CompactBody()})
	j.mu.Lock()
	j.seen[key] = countEntries(h.Entries, key)
	j.mu.Unlock()
	since := j.now().Add(-within)
	for i := len(h.Entries) - 1; i >= 0; i-- {
		e := h.Entries[i]
		at := e.Finished
		if e.Outcome == OutcomePending {
			at = e.Intent.At
		}
		if at.Before(since) || (e.Outcome != OutcomeOK && e.Outcome != OutcomeUnknown && e.Outcome != OutcomePending) {
			continue
		}
		k := e.Intent.OrderKey
		if k == "" {
			k = orderKey(e.Intent)
		}
		if k != key {
			continue
		}
		r := providers.Recent{ID: e.Intent.ID, Outcome: OutcomeUnknown, At: at}
		if e.Outcome == OutcomeOK {
			r.Outcome, r.OrderID, r.RequestID = OutcomeOK, e.Result.OrderID, e.Result.RequestID
		}
		return r, true
	}
	return providers.Recent{}, false
}

// countEntries is how many attempts at the order key the history holds, whatever their outcome.
func countEntries(entries []Entry, key string) int {
	n := 0
	for _, e := range entries {
		k := e.Intent.OrderKey
		if k == "" {
			k = orderKey(e.Intent)
		}
		if k == key {
			n++
		}
	}
	return n
}

// orderKey is the hex SHA-256 of an order's meaning: API, mode, target, region, project and
// the body in canonical JSON (keys sorted, no white space), so a copy with its keys reordered
// or re-indented is the same order. The in-process sandbox listens on a new port every run,
// so its target is the word "sandbox".
func orderKey(r Record) string {
	target := canonicalEndpoint(r.Endpoint)
	if r.Mode == providers.Sandbox {
		target = "sandbox"
	}
	key, _ := json.Marshal(map[string]any{
		"api": r.API, "mode": r.Mode, "target": target, "region": r.Region, "project_id": r.ProjectID,
		"body": json.RawMessage(CanonicalJSON(r.Body)),
	})
	sum := sha256.Sum256(key)
	return hex.EncodeToString(sum[:])
}

// CanonicalJSON re-encodes a JSON document with object keys sorted and no white space; numbers
// keep their spelling. A document that does not decode is returned compacted as is (it can
// still only match itself).
func CanonicalJSON(doc []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var b bytes.Buffer
		if json.Compact(&b, doc) != nil {
			return doc
		}
		return b.Bytes()
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil { // maps encode with sorted keys
		return doc
	}
	return bytes.TrimSuffix(b.Bytes(), []byte{'\n'})
}

// canonicalEndpoint spells an endpoint one way: lower-case scheme and host, no default port.
func canonicalEndpoint(s string) string {
	ep, err := config.ParseEndpoint(s)
	if err != nil {
		return strings.ToLower(s)
	}
	ep.Host = strings.ToLower(ep.Host)
	if (ep.Scheme == "https" && ep.Port == "443") || (ep.Scheme == "http" && ep.Port == "80") {
		ep.Port = ""
	}
	return ep.String()
}

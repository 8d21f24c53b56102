package placement

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
)

// The order's identity: what the duplicate guard compares and what the review's digest names.
// It is the order, not how it was spelled or how the endpoint was probed:
//
//   - the target is the endpoint in one spelling (scheme, lower-case host without a trailing
//     dot, port without its default; config.ParseEndpoint admits no path), or the word "sandbox" for
//     the in-process sandbox, which listens on a new port every run;
//   - the API, region and project as written;
//   - the body in canonical JSON (keys sorted, no white space, numbers as written), with the
//     documented sets — Alibaba's InstanceProperties, a list of {Code, Value, Name} whose order
//     means nothing — sorted, so a copy listing them in another order is the same order.
//
// The mode (live, sandbox, local endpoint) is deliberately left out: it is the answer of a
// probe (providers/cloud/probe.go), which can come late under load; an order must not become a
// new one because a probe was slow.

// SandboxTarget is the canonical target of the in-process sandbox (`--sandbox`).
const SandboxTarget = "sandbox"

// Digest is the hex SHA-256 of the canonical order going to t: the review's digest, the value
// `submit --expect-digest` compares, and the duplicate guard's key. Two orders have the same
// digest exactly when they are the same order to the same place. api is o's flow (its
// documented sets are sorted), nil for what is not an order of a flow (a payment).
func Digest(api *flows.API, t providers.Target, o flows.Order) string {
	return digestOf(api, CanonicalTarget(t), o.API, o.Region, o.ProjectID, o.CompactBody())
}

// RecordDigests are the digests under which an order recorded in the history is found: its
// Digest, and for a record written before the digest left the mode out (mode "sandbox" on a
// loopback endpoint: the in-process sandbox and a probed one could not be told apart), the
// in-process sandbox's too. Erring towards a match only ever asks again; it never sends twice.
// flow is the flow of the record's API (nil when none is known).
func RecordDigests(flow *flows.API, api flows.APIID, region, projectID, endpoint string, mode providers.Mode, body []byte) []string {
	own := digestOf(flow, canonicalEndpoint(endpoint), api, region, projectID, body)
	if mode != providers.Sandbox {
		return []string{own}
	}
	sb := digestOf(flow, SandboxTarget, api, region, projectID, body)
	if ep, err := config.ParseEndpoint(endpoint); err == nil && config.IsLoopback(ep.Host) {
		return []string{own, sb}
	}
	return []string{sb}
}

func digestOf(flow *flows.API, target string, api flows.APIID, region, projectID string, body []byte) string {
	key, _ := json.Marshal(map[string]any{
		"v": 2, "api": api, "target": target, "region": region, "project_id": projectID,
		"body": json.RawMessage(CanonicalBody(flow, body)),
	})
	sum := sha256.Sum256(key)
	return hex.EncodeToString(sum[:])
}

// CanonicalTarget spells where an order goes one way (see the comment at the top).
func CanonicalTarget(t providers.Target) string {
	if t.InProcess {
		return SandboxTarget
	}
	return canonicalEndpoint(t.Endpoint)
}

// canonicalEndpoint spells an endpoint one way: lower-case scheme and host, no trailing dot
// on the host, no default port, no trailing slash on the path. An endpoint that does not parse
// is lower-cased as is (it can only match itself).
func canonicalEndpoint(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	ep, err := config.ParseEndpoint(s)
	if err != nil {
		return strings.ToLower(s)
	}
	ep.Scheme = strings.ToLower(ep.Scheme)
	ep.Host = strings.TrimSuffix(strings.ToLower(ep.Host), ".")
	if (ep.Scheme == "https" && ep.Port == "443") || (ep.Scheme == "http" && ep.Port == "80") {
		ep.Port = ""
	}
	return ep.String()
}

// CanonicalBody is body re-encoded with object keys sorted, no white space, numbers as
// written, and the API's documented sets (fields of kind flows.Properties) sorted. A body that
// does not decode is returned compacted as is (it can still only match itself).
func CanonicalBody(api *flows.API, body []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var b bytes.Buffer
		if json.Compact(&b, body) != nil {
			return body
		}
		return b.Bytes()
	}
	if api != nil {
		v = sortSets(api, "body", v)
	}
	return encodeCanonical(v)
}

// sortSets sorts, inside v (the value at path), every array the API declares a set.
func sortSets(api *flows.API, path string, v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, sub := range x {
			x[k] = sortSets(api, path+"."+k, sub)
		}
	case []any:
		for i, sub := range x {
			x[i] = sortSets(api, path+"[0]", sub)
		}
		if f := api.FieldAt(path); f != nil && f.Kind == flows.Properties {
			slices.SortStableFunc(x, func(a, b any) int { return bytes.Compare(encodeCanonical(a), encodeCanonical(b)) })
		}
	}
	return v
}

// encodeCanonical encodes v with sorted keys (encoding/json sorts map keys) and no escaping
// of <, > and &.
func encodeCanonical(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return nil
	}
	return bytes.TrimSuffix(b.Bytes(), []byte{'\n'})
}

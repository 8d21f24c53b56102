package flows

import (
	"slices"
	"strings"
)

// Registry is an ordered list of APIs: the ones a person may pick, in the order offered, and
// the ones an order file may name. flows declares each API as a value (PAI, DSC, WorkspaceApp)
// and keeps no list of them: cloudorder's is package catalog's (catalog.Flows()), and a test
// names its own.
type Registry []*API

// Find returns the API with id, or nil.
func (r Registry) Find(id APIID) *API {
	for _, a := range r {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// Clouds returns the clouds of the APIs ("alibaba", "huawei"), each once, in the list's order.
func (r Registry) Clouds() []string {
	var out []string
	for _, a := range r {
		if !slices.Contains(out, a.Cloud) {
			out = append(out, a.Cloud)
		}
	}
	return out
}

// ids names the APIs for a message: "id, id, id".
func (r Registry) ids() string {
	ids := make([]string, len(r))
	for i, a := range r {
		ids[i] = string(a.ID)
	}
	return strings.Join(ids, ", ")
}

package sandbox

import (
	"net/http"
	"strings"

	"cloudorder/flows"
)

// emulation is how the sandbox answers one API's order request. Each API's file (pai.go,
// dsc.go, workspaceapp.go) registers its own; the route — method and path — is the API's
// declaration in flows (docs/adding-an-api.md).
type emulation struct {
	api *flows.API
	// order answers a request whose path matched api.Path; pid is the path's {project_id}.
	order func(s *Server, w http.ResponseWriter, r *http.Request, pid string)
	// account finds what the real service refuses because of the account's own resources
	// (consistency.go); nil = nothing beyond the documented rules.
	account func(body []byte) []string
	// regionPath is where the sandbox read the order's region from, when not "region" (it
	// names validation problems of the region).
	regionPath string
	// billing is how the API's orders appear in its cloud's billing centre (orderbook.go);
	// nil: they do not.
	billing *billingOf
}

var emulations = map[flows.APIID]emulation{}

// emulate registers e; API files call it from init.
func emulate(e emulation) { emulations[e.api.ID] = e }

// route finds the emulated API whose method and path match r, and the path's {project_id}.
func route(r *http.Request) (emulation, string, bool) {
	for _, a := range flows.APIs() {
		e, ok := emulations[a.ID]
		if !ok || r.Method != a.Method {
			continue
		}
		if pid, ok := matchPath(a.Path, r.URL.Path); ok {
			return e, pid, true
		}
	}
	return emulation{}, "", false
}

// matchPath matches path against a documented template like "/v1/{project_id}/period/order";
// pid is the {project_id} segment ("" when the template has none).
func matchPath(template, path string) (pid string, ok bool) {
	ts, ps := strings.Split(template, "/"), strings.Split(path, "/")
	if len(ts) != len(ps) {
		return "", false
	}
	for i, t := range ts {
		switch {
		case t == "{project_id}":
			if ps[i] == "" {
				return "", false
			}
			pid = ps[i]
		case t != ps[i]:
			return "", false
		}
	}
	return pid, true
}

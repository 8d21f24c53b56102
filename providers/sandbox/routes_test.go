package sandbox

import (
	"net/http/httptest"
	"strings"
	"testing"

	"cloudorder/catalog"
)

// Every declared route is reachable by its own method and path, and nothing else of it is.
func TestEveryDeclaredRouteRoutesToItself(t *testing.T) {
	for _, e := range emulations() {
		for _, rt := range e.routes {
			path := strings.NewReplacer("{project_id}", ProjectID, "{order_id}", "CS2601010000ABCDE").Replace(rt.path)
			if rt.action != "" {
				path += "?Action=" + rt.action
			}
			got, _, ok := findRoute(httptest.NewRequest(rt.method, path, nil))
			if !ok || got.path != rt.path || got.method != rt.method || got.action != rt.action {
				t.Errorf("%s: %s %s routed to %+v (ok %v)", e.name, rt.method, path, got, ok)
			}
			if _, _, ok := findRoute(httptest.NewRequest(rt.method, strings.TrimSuffix(path, "?Action="+rt.action)+"/more", nil)); ok {
				t.Errorf("%s: %s/more routes", e.name, path)
			}
		}
	}
}

// Each of cloudorder's APIs is emulated at the method and path its declaration names: the
// sandbox's own declarations, checked against the client's, not taken from them.
func TestEveryClientAPIHasAnEmulation(t *testing.T) {
	for _, a := range catalog.Flows() {
		found := false
		for _, e := range emulations() {
			for _, rt := range e.routes {
				found = found || (string(e.api) == string(a.ID) && rt.method == a.Method && rt.path == a.Path)
			}
		}
		if !found {
			t.Errorf("%s (%s %s) has no emulation", a.ID, a.Method, a.Path)
		}
	}
}

func TestMatchPath(t *testing.T) {
	for _, tc := range []struct {
		template, path, pid string
		ok                  bool
	}{
		{"/api/v1/productorders", "/api/v1/productorders", "", true},
		{"/api/v1/productorders", "/api/v1/productorders/", "", false},
		{"/v1/{project_id}/period/order", "/v1/p1/period/order", "p1", true},
		{"/v1/{project_id}/period/order", "/v1/{project_id}/period/order", "{project_id}", true},
		{"/v1/{project_id}/period/order", "/v1//period/order", "", false},
		{"/v1/{project_id}/period/order", "/v1/p1/bundles/subscribe/order", "", false},
	} {
		params, ok := matchPath(tc.template, tc.path)
		if ok != tc.ok || (ok && params["project_id"] != tc.pid) {
			t.Errorf("matchPath(%q, %q) = %v, %v; want %q, %v", tc.template, tc.path, params, ok, tc.pid, tc.ok)
		}
	}
}

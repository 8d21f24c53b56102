package sandbox

import (
	"net/http/httptest"
	"strings"
	"testing"

	"cloudorder/flows"
)

// Every API of the registry is emulated, and its declared method and path — nothing else —
// route to its emulation, with the path's project id.
func TestEveryRegisteredAPIRoutesToItsEmulation(t *testing.T) {
	for _, a := range flows.APIs() {
		if _, ok := emulations[a.ID]; !ok {
			t.Errorf("%s has no emulation file", a.ID)
			continue
		}
		path := a.Path
		wantPID := ""
		if pid := "0123456789abcdef0123456789abcdef"; a.Cloud == "huawei" {
			path = replaceProjectID(a.Path, pid)
			wantPID = pid
		}
		e, pid, ok := route(httptest.NewRequest(a.Method, path, nil))
		if !ok || e.api.ID != a.ID || pid != wantPID {
			t.Errorf("%s %s: routed to %v (pid %q, ok %v), want %s", a.Method, path, e.api, pid, ok, a.ID)
		}
		if _, _, ok := route(httptest.NewRequest("GET", path, nil)); ok && a.Method != "GET" {
			t.Errorf("GET %s routes to an order emulation; only %s does", path, a.Method)
		}
		if _, _, ok := route(httptest.NewRequest(a.Method, path+"/more", nil)); ok {
			t.Errorf("%s/more routes to an order emulation", path)
		}
	}
}

func replaceProjectID(template, pid string) string {
	return strings.ReplaceAll(template, "{project_id}", pid)
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
		pid, ok := matchPath(tc.template, tc.path)
		if ok != tc.ok || (ok && pid != tc.pid) {
			t.Errorf("matchPath(%q, %q) = %q, %v; want %q, %v", tc.template, tc.path, pid, ok, tc.pid, tc.ok)
		}
	}
}

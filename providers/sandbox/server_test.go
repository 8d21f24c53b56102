package sandbox

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestStartRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.10:0", "example.com:0"} {
		s := New(Options{})
		err := s.Start(addr)
		if !errors.Is(err, ErrNotLoopback) {
			t.Errorf("Start(%q) = %v, want ErrNotLoopback", addr, err)
		}
		_ = s.Close()
	}
	s := New(Options{})
	if err := s.Start("localhost:0"); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") {
		t.Errorf("URL %q", s.URL())
	}
	if err := s.Start("127.0.0.1:0"); err == nil {
		t.Error("a second Start should fail")
	}
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil {
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatal(err)
		}
	}
	return resp.StatusCode
}

func TestSandboxControls(t *testing.T) {
	s := startSandbox(t, Options{})
	var health map[string]string
	if getJSON(t, s.URL()+"/_sandbox/health", &health) != 200 || health["status"] != "ok" {
		t.Errorf("health %v", health)
	}
	resp, err := http.Get(s.URL() + "/_sandbox/orders")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.TrimSpace(string(raw)) != "[]" {
		t.Errorf("no orders yet: got %s, want []", raw)
	}
	if _, err := dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), dscBody); err != nil {
		t.Fatal(err)
	}
	var orders []Order
	getJSON(t, s.URL()+"/_sandbox/orders", &orders)
	if len(orders) != 1 || orders[0].API != DSCOrders || orders[0].ProjectID != ProjectID || orders[0].OrderID == "" {
		t.Errorf("orders %+v", orders)
	}

	postFault(t, s, `{"kind":"hang","api":"alibaba/pai/CreateProductOrders","count":3}`)
	var faults []Fault
	getJSON(t, s.URL()+"/_sandbox/faults", &faults)
	if len(faults) != 1 || faults[0].Count != 3 {
		t.Errorf("faults %+v", faults)
	}
	resp, err = http.Post(s.URL()+"/_sandbox/faults", "application/json", strings.NewReader(`{"kind":"meteor"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("bad fault: status %d", resp.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodDelete, s.URL()+"/_sandbox/faults", nil)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 204 || len(s.faultList()) != 0 {
		t.Errorf("DELETE: status %d, faults left %d", resp.StatusCode, len(s.faultList()))
	}
	if getJSON(t, s.URL()+"/_sandbox/nothing", nil) != 404 {
		t.Error("unknown control should be 404")
	}
}

func TestControlsRefuseRemoteCallers(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	req := httptest.NewRequest(http.MethodGet, "/_sandbox/orders", nil)
	req.RemoteAddr = "192.0.2.7:40000"
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("status %d", rec.Code)
	}
}

func TestUnknownPathsInEachCloudsShape(t *testing.T) {
	s := startSandbox(t, Options{})
	for _, tc := range []struct{ method, path, code string }{
		{"GET", "/v1/" + ProjectID + "/nothing", "APIGW.0101"},
		{"GET", "/v1/" + ProjectID + "/period/order", "APIGW.0101"},
		{"GET", "/v1", ""},
		{"GET", "/api/v2/things", "InvalidAction.NotFound"},
		{"GET", "/api/v1/productorders", "InvalidAction.NotFound"},
		{"GET", "/elsewhere", ""},
	} {
		req, _ := http.NewRequest(tc.method, s.URL()+tc.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		code, _ := body["error_code"].(string)
		if c, ok := body["Code"].(string); ok {
			code = c
		}
		if resp.StatusCode != 404 || code != tc.code {
			t.Errorf("%s %s: %d %v", tc.method, tc.path, resp.StatusCode, body)
		}
	}
	if s.Hits(PAIOrders) != 0 || s.Hits(DSCOrders) != 0 {
		t.Error("a GET is not an order")
	}
}

func TestClosedHandlerAnswers503(t *testing.T) {
	s := New(Options{})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/_sandbox/health", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("status %d", rec.Code)
	}
}

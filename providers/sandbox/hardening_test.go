package sandbox

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Fault control needs Content-Type application/json (a web page cannot send that cross-origin
// without a preflight the sandbox never grants) and a loopback Host (no DNS rebinding).
func TestFaultControlNeedsJSONAndALoopbackHost(t *testing.T) {
	s := startSandbox(t, Options{})
	post := func(contentType, host string) int {
		req, _ := http.NewRequest(http.MethodPost, s.URL()+"/_sandbox/faults", strings.NewReader(`{"kind":"hang"}`))
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		if host != "" {
			req.Host = host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, tc := range []struct {
		contentType, host string
		want              int
	}{
		{"application/x-www-form-urlencoded", "", http.StatusUnsupportedMediaType},
		{"text/plain", "", http.StatusUnsupportedMediaType},
		{"", "", http.StatusUnsupportedMediaType},
		{"application/json", "evil.example.com", http.StatusForbidden},
		{"application/json", "rebind.example.com:" + port(t, s), http.StatusForbidden},
		{"application/json; charset=utf-8", "localhost:" + port(t, s), http.StatusCreated},
		{"application/json", "[::1]:" + port(t, s), http.StatusCreated},
	} {
		if got := post(tc.contentType, tc.host); got != tc.want {
			t.Errorf("Content-Type %q Host %q: status %d, want %d", tc.contentType, tc.host, got, tc.want)
		}
	}
	if n := len(s.faultList()); n != 2 {
		t.Errorf("%d faults set, want only the 2 allowed posts", n)
	}
}

// A fault is taken only by an order it applies to: a request the gateway turns away (wrong
// signature) leaves it for the real order.
func TestFaultIsNotUsedUpByARejectedRequest(t *testing.T) {
	s := startSandbox(t, Options{})
	s.SetFault(Fault{Kind: FaultHTTP500, Count: 1})
	if _, err := alibabaOrder(t, s, "WrongSecret000000000000000000000", alibabaBody, 0); err == nil {
		t.Fatal("a wrong secret was accepted")
	}
	if _, err := dscOrder(t, dscClient(t, s, "WrongHuaweiSecretKey00000000000000000000", ProjectID, 0), dscBody); err == nil {
		t.Fatal("a wrong Huawei secret was accepted")
	}
	if f := s.faultList(); len(f) != 1 || f[0].Count != 1 {
		t.Fatalf("faults after rejected requests: %+v", f)
	}
	_, err := alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 0)
	if err == nil || !strings.Contains(err.Error(), "InternalError") {
		t.Fatalf("the signed order should take the fault: %v", err)
	}
	if len(s.faultList()) != 0 || len(s.Orders()) != 0 || s.Hits(PAIOrders) != 2 {
		t.Errorf("faults %+v orders %d hits %d", s.faultList(), len(s.Orders()), s.Hits(PAIOrders))
	}
}

// A client that never finishes its request headers is cut off by the read timeouts.
func TestSlowHeadersAreCutOff(t *testing.T) {
	defer func(d time.Duration) { readHeaderTimeout = d }(readHeaderTimeout)
	readHeaderTimeout = 200 * time.Millisecond // the test's own bound; the real one is 10s
	s := startSandbox(t, Options{})
	if s.httpSrv.ReadTimeout <= 0 {
		t.Fatal("no read timeout")
	}
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, _ = conn.Write([]byte("GET /_sandbox/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")) // never ends its headers
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.Copy(io.Discard, conn) // returns when the server closes the connection
	if took := time.Since(start); err != nil || took > 2*time.Second {
		t.Fatalf("connection ended after %v: %v", took, err)
	}
}

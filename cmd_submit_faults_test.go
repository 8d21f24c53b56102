package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers/journal"
	"cloudorder/providers/sandbox"
)

// Money safety under faults: each test drives the real SDKs against the sandbox (or a
// misbehaving server in front of it) with a temporary HOME.

// historyFile is where the command run with env keeps its history (config.HistoryPath).
func historyFile(env map[string]string) string {
	return config.HistoryPath(func(k string) string { return env[k] })
}

// reordered writes file's order with every object's keys in another order and other spacing.
func reordered(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	out, _ := json.MarshalIndent(v, "", "\t") // sorted keys: not the file's order
	if string(out) == string(data) {
		t.Fatal("the copy must differ in bytes")
	}
	path := filepath.Join(t.TempDir(), "copy.json")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// 1. A torn last line, then two orders: both are in history, and the repeat is refused.
func TestTornHistoryThenTwoOrders(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	path := historyFile(env)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"kind":"intent","id":"20261201T000000.000Z-aa","api":"huawei/ds`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"testdata/orders/huawei-dsc.json", "testdata/orders/huawei-workspaceapp.json"} {
		if _, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes"); code != exitOK {
			t.Fatalf("%s: exit %d: %s", file, code, errOut)
		}
	}
	out, errOut, code := runForTest(t, env, "", "history")
	if code != exitOK || strings.Count(out, " ok ") != 2 || !strings.Contains(errOut, "line 1 is not a whole record") {
		t.Fatalf("history: exit %d\n%s\n%s", code, out, errOut)
	}
	_, errOut, code = runForTest(t, env, "", "submit", "testdata/orders/huawei-workspaceapp.json", "--endpoint", s.URL(), "--yes")
	if code != exitUsage || !strings.Contains(errOut, "an identical order succeeded at") {
		t.Fatalf("repeat: exit %d: %s", code, errOut)
	}
	if s.Hits(sandbox.DSCOrders) != 1 || s.Hits(sandbox.WorkspaceAppOrders) != 1 {
		t.Fatal("the repeat reached the API")
	}
}

// 2–3. The guard compares meaning (a reordered copy is the same order) and counts an unknown
// outcome: after a 500, --yes refuses the same order, naming the attempt and its time.
func TestDuplicateGuardOnMeaningAndUnknown(t *testing.T) {
	for _, tc := range submitCases {
		t.Run(string(tc.api), func(t *testing.T) {
			s := startSandbox(t)
			env := withSandboxKeys(submitEnv(t))
			if _, errOut, code := runForTest(t, env, "", "submit", tc.file, "--endpoint", s.URL(), "--yes"); code != exitOK {
				t.Fatalf("first: exit %d: %s", code, errOut)
			}
			_, errOut, code := runForTest(t, env, "", "submit", reordered(t, tc.file), "--endpoint", s.URL(), "--yes")
			if code != exitUsage || !strings.Contains(errOut, "an identical order succeeded at") || !strings.Contains(errOut, "--allow-duplicate") {
				t.Fatalf("reordered copy: exit %d: %s", code, errOut)
			}
			if s.Hits(sandbox.API(tc.api)) != 1 {
				t.Fatal("the reordered copy was sent")
			}
		})
	}

	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	file := "testdata/orders/alibaba-oss.json"
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Count: 1})
	if _, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes"); code != exitUnknown {
		t.Fatalf("500: exit %d: %s", code, errOut)
	}
	entries, _ := journal.Read(historyFile(env))
	_, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes")
	if code != exitUsage || !strings.Contains(errOut, "outcome is unknown: it may have been placed") ||
		!strings.Contains(errOut, entries[0].Intent.ID) || !strings.Contains(errOut, entries[0].Finished.Local().Format(time.DateTime)) {
		t.Fatalf("after a 500: exit %d: %s", code, errOut)
	}
	if s.Hits(sandbox.PAIOrders) != 1 {
		t.Fatal("the repeat after a 500 was sent")
	}
	if _, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes", "--allow-duplicate"); code != exitOK {
		t.Fatalf("--allow-duplicate: exit %d: %s", code, errOut)
	}
}

// An unreadable history cannot rule out a duplicate: --yes refuses unless --allow-duplicate;
// a history that is not a regular file is refused with nothing sent in any case.
func TestUnreadableHistoryRefuses(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	path := historyFile(env)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs:", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--endpoint", s.URL(), "--yes")
		if code != exitUsage || !strings.Contains(errOut, "history could not be read") {
			t.Errorf("FIFO history: exit %d: %s", code, errOut)
		}
		_, errOut, code = runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--endpoint", s.URL(), "--yes", "--allow-duplicate")
		if code != exitInvalid || !strings.Contains(errOut, "regular file") {
			t.Errorf("FIFO history, --allow-duplicate: exit %d: %s", code, errOut)
		}
		if _, errOut, code := runForTest(t, env, "", "history"); code != exitUsage || !strings.Contains(errOut, "regular file") {
			t.Errorf("history of a FIFO: exit %d: %s", code, errOut)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a FIFO history hangs")
	}
	if s.Hits(sandbox.DSCOrders) != 0 {
		t.Fatal("an order left without a history")
	}
}

// 4. "Not sent" only when provable: connection refused, a self-signed TLS endpoint, an unknown
// host and a timeout that ends before anything connects exit 5, journaled not_sent.
func TestProvablyNotSentIsExit5(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	s := sandbox.New(sandbox.Options{})
	tlsSrv := httptest.NewTLSServer(s.Handler())
	t.Cleanup(tlsSrv.Close)
	plain := startSandbox(t)

	for _, tc := range []struct {
		name     string
		endpoint string
		timeout  string
	}{
		{"refused", closed, "5s"},
		{"self-signed", tlsSrv.URL, "5s"},
		{"no such host", "https://no-such-host.invalid", "5s"},
		{"timeout before connecting", plain.URL(), "1ns"},
	} {
		for _, sc := range submitCases {
			t.Run(tc.name+"/"+string(sc.api), func(t *testing.T) {
				env := withSandboxKeys(submitEnv(t))
				out, errOut, code := runForTest(t, env, "", "submit", sc.file, "--endpoint", tc.endpoint, "--yes", "--timeout", tc.timeout, "--output", "json")
				if code != exitNotSent || !strings.Contains(errOut, "nothing left this machine") || !strings.Contains(errOut, "safe to try again") ||
					strings.Contains(errOut, "MAY HAVE BEEN PLACED") {
					t.Fatalf("exit %d, want %d:\n%s", code, exitNotSent, errOut)
				}
				if strings.Contains(errOut, "not sent: not sent") || strings.Contains(strings.ToLower(errOut), "not sent: not sent") {
					t.Errorf("framing repeated:\n%s", errOut)
				}
				var got map[string]any
				if json.Unmarshal([]byte(out), &got) != nil || got["outcome"] != "not_sent" {
					t.Errorf("json: %s", out)
				}
				entries, _ := journal.Read(historyFile(env))
				if len(entries) != 1 || entries[0].Outcome != journal.OutcomeNotSent {
					t.Errorf("history %+v, want one not_sent entry", entries)
				}
			})
		}
	}
	if s.Hits(sandbox.PAIOrders)+s.Hits(sandbox.DSCOrders)+s.Hits(sandbox.WorkspaceAppOrders) != 0 ||
		plain.Hits(sandbox.PAIOrders)+plain.Hits(sandbox.DSCOrders)+plain.Hits(sandbox.WorkspaceAppOrders) != 0 {
		t.Error("a request reached a server")
	}
}

// 5. SIGINT or SIGTERM while the order is in flight ends it, journals it, warns and exits 4.
func TestSignalInFlightIsUnknown(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			s := startSandbox(t)
			s.SetFault(sandbox.Fault{Kind: sandbox.FaultHang})
			env := withSandboxKeys(submitEnv(t))
			cmd, _, errOut := command(t, env, "submit", "testdata/orders/huawei-dsc.json", "--endpoint", s.URL(), "--yes", "--timeout", "30s")
			startUntilOrdered(t, cmd, s, flows.HuaweiDSC)
			start := time.Now()
			_ = cmd.Process.Signal(sig)
			code := exitCode(t, cmd.Wait())
			if code != exitUnknown || !strings.Contains(errOut.String(), "MAY HAVE BEEN PLACED") ||
				!strings.Contains(errOut.String(), "interrupted by "+signalName(sig)) {
				t.Fatalf("exit %d after %v:\n%s", code, time.Since(start), errOut)
			}
			entries, _ := journal.Read(historyFile(env))
			if len(entries) != 1 || entries[0].Outcome != journal.OutcomeUnknown || !strings.Contains(entries[0].Result.Error, "interrupted") {
				t.Fatalf("history %+v, want the outcome recorded as unknown", entries)
			}
		})
	}
}

// 6. Every endpoint passes one gate: plain http from the Huawei SDK's region overrides
// (environment or regions.yaml) is refused with exit 2 before any connection. HTTP_PROXY
// points at a listener that counts what would otherwise have been sent.
func TestRegionOverrideHTTPIsRefused(t *testing.T) {
	ln, conns := countingListener(t)
	for _, tc := range []struct {
		name, file string
		env        map[string]string
		regions    string
	}{
		{"env", "testdata/orders/huawei-dsc.json", map[string]string{"HUAWEICLOUD_SDK_REGION_DSC_CN_NORTH_4": "http://10.0.0.1"}, ""},
		{"regions.yaml", "testdata/orders/huawei-workspaceapp.json", nil, "WORKSPACEAPP:\n  - id: cn-north-4\n    endpoint: http://10.0.0.1\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := withSandboxKeys(submitEnv(t))
			env["HTTP_PROXY"], env["http_proxy"] = "http://"+ln.Addr().String(), "http://"+ln.Addr().String()
			for k, v := range tc.env {
				env[k] = v
			}
			if tc.regions != "" {
				p := filepath.Join(env["HOME"], ".huaweicloud", "regions.yaml")
				if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(tc.regions), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			_, errOut, code := runMain(t, env, "submit", tc.file, "--yes")
			if code != exitUsage || !strings.Contains(errOut, "plain http is allowed only for loopback") || !strings.Contains(errOut, "nothing was sent") {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if conns.Load() != 0 {
				t.Fatal("a connection was made")
			}
		})
	}
}

// 7. An endless 200 answer is read only up to 1 MiB and the whole call stays inside
// --timeout; a slow endless one ends at --timeout. Memory stays far below 100 MiB.
func TestEndlessAnswerIsBounded(t *testing.T) {
	t.Parallel() // each case waits out its --timeout: they wait together
	for _, slow := range []bool{false, true} {
		for _, sc := range submitCases {
			t.Run(fmt.Sprintf("%s/slow=%v", sc.api, slow), func(t *testing.T) {
				t.Parallel()
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(http.StatusOK)
					_, _ = w.Write([]byte(`{"order_id":"`))
					chunk := []byte(strings.Repeat("x", 64<<10))
					if slow {
						chunk = chunk[:16]
					}
					for r.Context().Err() == nil {
						if _, err := w.Write(chunk); err != nil {
							return
						}
						w.(http.Flusher).Flush()
						if slow {
							time.Sleep(50 * time.Millisecond)
						}
					}
				}))
				defer srv.Close()
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				start := time.Now()
				_, errOut, code := runForTest(t, withSandboxKeys(submitEnv(t)), "", "submit", sc.file, "--endpoint", srv.URL, "--yes", "--timeout", "2s")
				took := time.Since(start)
				runtime.ReadMemStats(&after)
				if code != exitUnknown || took > 3*time.Second {
					t.Fatalf("exit %d after %v: %s", code, took, errOut)
				}
				if !slow && !strings.Contains(errOut, "larger than 1 MiB") {
					t.Errorf("the reason is not told: %s", errOut)
				}
				if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
					t.Errorf("allocated %d MiB", alloc>>20)
				}
			})
		}
	}
}

// 8. Text from the server is printed inert: no escape sequence reaches the terminal and no
// newline forges an output line.
func TestHostileAnswerTextIsInert(t *testing.T) {
	const hostile = "\x1b[2J\x1b]0;pwned\x07\nrequest_id: FORGED\u202e"
	answer := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.HasPrefix(r.URL.Path, "/api/") { // Alibaba: a rejection
			w.WriteHeader(http.StatusBadRequest)
			_ = json.NewEncoder(w).Encode(map[string]string{"RequestId": "R" + hostile, "Code": "Bad" + hostile,
				"Message": "m" + hostile, "HostId": "h"})
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]string{"order_id": "CS" + hostile}) // Huawei: success
	}
	srv := httptest.NewServer(http.HandlerFunc(answer))
	defer srv.Close()
	for _, sc := range submitCases {
		for _, output := range []string{"text", "json"} {
			env := withSandboxKeys(submitEnv(t))
			out, errOut, code := runForTest(t, env, "", "submit", sc.file, "--endpoint", srv.URL, "--yes", "--output", output)
			hout, herr, _ := runForTest(t, env, "", "history")
			jout, _, _ := runForTest(t, env, "", "history", "--output", "json")
			all := out + errOut + hout + herr + jout
			if code != exitOK && code != exitRejected {
				t.Fatalf("%s: exit %d: %s", sc.api, code, errOut)
			}
			if strings.ContainsAny(all, "\x1b\x07\u202e") {
				t.Errorf("%s %s: a control character reached the terminal: %q", sc.api, output, all)
			}
			for _, line := range strings.Split(all, "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "request_id: FORGED") {
					t.Errorf("%s %s: forged line %q", sc.api, output, line)
				}
			}
			if output == "json" {
				var v map[string]any
				if err := json.Unmarshal([]byte(out), &v); err != nil {
					t.Errorf("json output: %v: %q", err, out)
				}
			}
		}
	}
}

// 9. DEBUG=sdk makes the Alibaba SDK print request headers (access key id, STS token) to
// stdout; cloudorder switches that off, so nothing leaks and --output json stays one object.
func TestDebugSDKLeaksNothing(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	const token = "LeakStsTokenUnderDebug000000000"
	env["ALIBABA_CLOUD_SECURITY_TOKEN"] = token
	env["DEBUG"] = "sdk"
	for _, file := range []string{"testdata/orders/alibaba-oss.json", "testdata/orders/huawei-dsc.json"} {
		out, errOut, _ := runMain(t, env, "submit", file, "--endpoint", s.URL(), "--yes", "--output", "json")
		for _, secret := range []string{token, sandbox.AlibabaAccessKeyID, sandbox.AlibabaAccessKeySecret, sandbox.HuaweiSK, "> POST", "Authorization"} {
			if strings.Contains(out+errOut, secret) {
				t.Errorf("%s: output contains %q:\n%s\n%s", file, secret, out, errOut)
			}
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil || strings.Count(strings.TrimSpace(out), "\n") != 0 {
			t.Errorf("%s: stdout is not one JSON object: %v\n%s", file, err, out)
		}
	}
	if s.Hits(sandbox.PAIOrders) != 1 {
		t.Errorf("the Alibaba order was not sent (hits %d): the test proves nothing", s.Hits(sandbox.PAIOrders))
	}
}

// 6 (config.toml) and 11. An endpoint from config.toml passes the same gate: refused with exit
// 2 before anything connects — not dropped with the order going to the default endpoint — and
// no message repeats the value (it may hold a password).
func TestConfigEndpointGateNoEcho(t *testing.T) {
	const secret = "ConfigUrlPassword000"
	for _, value := range []string{"http://10.0.0.1:" + secret[:4], "https://user:" + secret + "@example.com", "http://" + secret + ".example.com"} {
		env := withSandboxKeys(submitEnv(t))
		// A settings file that cannot be used at all stops a live order, without its values.
		writeSettings(t, env, "lang = \""+secret+"\"\n[endpoints]\n\"huawei/dsc/CreateProductOrder\" = \""+value+"\"\n")
		_, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--yes")
		if code != exitUsage || !strings.Contains(errOut, "config.toml:1:1: lang must be") || strings.Contains(errOut, secret) {
			t.Errorf("%s: exit %d: %s", value, code, errOut)
		}
		writeSettings(t, env, "lang = \"en\"\n[endpoints]\n\"huawei/dsc/CreateProductOrder\" = \""+value+"\"\n")
		_, errOut, code = runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--yes")
		if code != exitUsage || !strings.Contains(errOut, "config.toml [endpoints] huawei/dsc/CreateProductOrder") {
			t.Errorf("%s: exit %d: %s", value, code, errOut)
		}
		if strings.Contains(errOut, secret) {
			t.Errorf("%s: the value is repeated:\n%s", value, errOut)
		}
		_, errOut, code = runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--yes", "--endpoint", value)
		if code != exitUsage || strings.Contains(errOut, secret) {
			t.Errorf("--endpoint %s: exit %d: %s", value, code, errOut)
		}
		if entries, _ := journal.Read(historyFile(env)); len(entries) != 0 {
			t.Errorf("%s: an order got as far as the history: %+v", value, entries)
		}
	}
}

// A redirect answer is not followed (alibaba-cloud-sdk-go would re-send the POST): the order
// reaches the redirect's target never, and the outcome is unknown.
func TestRedirectIsNotFollowed(t *testing.T) {
	s := startSandbox(t)
	var hits atomic.Int32
	redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/_sandbox/health" { // the identity probe is not an order
			hits.Add(1)
		}
		http.Redirect(w, r, s.URL()+r.URL.RequestURI(), http.StatusTemporaryRedirect)
	}))
	defer redirect.Close()
	for _, sc := range submitCases {
		_, errOut, code := runForTest(t, withSandboxKeys(submitEnv(t)), "", "submit", sc.file, "--endpoint", redirect.URL, "--yes")
		if code != exitUnknown {
			t.Errorf("%s: exit %d: %s", sc.api, code, errOut)
		}
		if s.Hits(sandbox.API(sc.api)) != 0 {
			t.Errorf("%s: the redirect was followed", sc.api)
		}
	}
	if hits.Load() != int32(len(submitCases)) {
		t.Errorf("%d requests, want one per order", hits.Load())
	}
}

// A plain-http endpoint is loopback only (the gate); with HTTP_PROXY set, the signed order must
// still go straight to it, never to the proxy — even when the host is written "LOCALHOST",
// which http.ProxyFromEnvironment alone would send through the proxy.
func TestSubmitLoopbackEndpointNeverGoesThroughAProxy(t *testing.T) {
	proxy, proxied := countingListener(t)
	s := startSandbox(t)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(s.URL(), "http://"))
	env := withSandboxKeys(submitEnv(t))
	proxyURL := "http://" + proxy.Addr().String()
	env["HTTP_PROXY"], env["HTTPS_PROXY"], env["http_proxy"] = proxyURL, proxyURL, proxyURL
	for _, tc := range submitCases {
		out, errOut, code := runMain(t, env, "submit", tc.file, "--endpoint", "http://LOCALHOST:"+port, "--yes", "--allow-duplicate")
		if code != exitOK {
			t.Errorf("%s: exit %d\n%s%s", tc.api, code, out, errOut)
		}
	}
	if n := proxied.Load(); n != 0 {
		t.Errorf("%d connections went to the proxy", n)
	}
	if len(s.Orders()) != len(submitCases) {
		t.Errorf("the sandbox got %d orders, want %d", len(s.Orders()), len(submitCases))
	}
}

// Plain mode prints the order's ids from the server inert too.
func TestPlainModeShowsHostileIDsInert(t *testing.T) {
	const hostile = "\x1b[2J\nrequest_id: FORGED\u202e"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"RequestId": "R" + hostile, "OrderId": "O" + hostile,
			"Message": "ok", "BuyProductRequestId": "B", "ProductIds": []string{"p"}})
	}))
	defer srv.Close()
	env := withSandboxKeys(submitEnv(t))
	out, errOut, code := runForTest(t, env, string(flows.AlibabaPAI)+"\n"+strings.Repeat("\n", 10)+"yes\n", "--plain", "--lang", "en", "--endpoint", srv.URL)
	if code != exitOK || !strings.Contains(out, "order_id: O") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if strings.ContainsAny(out+errOut, "\x1b\u202e") {
		t.Errorf("a control character reached the terminal: %q", out+errOut)
	}
	for _, line := range strings.Split(out+errOut, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "request_id: FORGED") {
			t.Errorf("forged line %q", line)
		}
	}
}

// SIGTERM while plain mode's order is in flight does not end the process without a word: the
// session waits for the answer (bounded by --timeout) and says the order may have been placed.
func TestPlainModeSIGTERMInFlightIsTold(t *testing.T) {
	s := startSandbox(t)
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHang})
	env := withSandboxKeys(submitEnv(t))
	cmd, out, _ := command(t, env, "--plain", "--lang", "en", "--endpoint", s.URL(), "--timeout", "2s")
	cmd.Stdin = strings.NewReader(string(flows.AlibabaPAI) + "\n" + strings.Repeat("\n", 10) + "yes\n")
	startUntilOrdered(t, cmd, s, flows.AlibabaPAI)
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if code := exitCode(t, cmd.Wait()); code != exitUnknown || !strings.Contains(out.String(), "MAY HAVE BEEN PLACED") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

// startUntilOrdered starts cmd and returns once the sandbox has received api's order.
func startUntilOrdered(t *testing.T, cmd *exec.Cmd, s *sandbox.Server, api flows.APIID) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); s.Hits(sandbox.API(api)) == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("the order never arrived")
		}
	}
}

// Plain mode's look-ups show the cloud's text inert: a failure's message and the options'
// names (VPC, server group) come from the account.
func TestPlainModeLookupTextIsInert(t *testing.T) {
	const hostile = "\x1b[2J\u202eX"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		_ = json.NewEncoder(w).Encode(map[string]string{"error_code": "E" + hostile, "error_msg": "m" + hostile})
	}))
	defer srv.Close()
	env := withSandboxKeys(submitEnv(t))
	out, errOut, _ := runForTest(t, env, string(flows.HuaweiDSC)+"\n"+strings.Repeat("\n", 30), "--plain", "--lang", "en", "--endpoint", srv.URL)
	if !strings.Contains(out, "Looking up") || !strings.Contains(out, "failed: ") {
		t.Fatalf("no look-up was tried:\n%s%s", out, errOut)
	}
	if strings.ContainsAny(out+errOut, "\x1b\u202e") {
		t.Errorf("a control character reached the terminal: %q", out+errOut)
	}
}

// countingListener is a loopback listener that counts the connections made to it (and closes
// them): a stand-in proxy or host that proves nothing was sent there.
func countingListener(t *testing.T) (net.Listener, *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	conns := new(atomic.Int32)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			c.Close()
		}
	}()
	return ln, conns
}

//go:build unix

package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"cloudorder/providers/sandbox"
)

// A sandbox whose identity probe answers late every second time: the same endpoint is SANDBOX
// for one run and LOCAL ENDPOINT for the next. The mode is not part of what makes an order the
// same (placement.Digest), so the repeat with --yes is refused as a duplicate and the sandbox
// receives the order once.
func TestLateProbeDoesNotMakeTheSameOrderNew(t *testing.T) {
	s := startSandbox(t)
	var probes atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/_sandbox/health" && probes.Add(1)%2 == 0 {
			time.Sleep(time.Second) // past the probe's 0.5 s
		}
		s.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	env := withSandboxKeys(submitEnv(t))
	out, errOut, code := runMain(t, env, "submit", "testdata/orders/huawei-dsc.json", "--endpoint", srv.URL, "--yes")
	if code != exitOK || !strings.Contains(out+errOut, "sandbox: nothing was bought") {
		t.Fatalf("first: exit %d: %s%s", code, out, errOut)
	}
	out, errOut, code = runMain(t, env, "submit", "testdata/orders/huawei-dsc.json", "--endpoint", srv.URL, "--yes")
	if code == exitOK || !strings.Contains(errOut, "an identical order succeeded") {
		t.Fatalf("second (probe late): exit %d: %s%s", code, out, errOut)
	}
	if n := s.Hits(sandbox.DSCOrders); n != 1 {
		t.Fatalf("the sandbox received %d orders", n)
	}
	if probes.Load() != 2 {
		t.Errorf("%d probes, want one per run", probes.Load())
	}
}

// ctrl+c while another process holds the history's lock, through the real binary: nothing was
// sent or journaled, the command says so, exit 130 — not "MAY HAVE BEEN PLACED".
func TestInterruptWhileAnotherProcessHoldsTheLock(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	lockPath := historyFile(env) + ".lock"
	if err := os.MkdirAll(filepath.Dir(lockPath), 0o700); err != nil {
		t.Fatal(err)
	}
	lock, err := os.OpenFile(lockPath, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Skip("no flock:", err)
	}
	cmd, out, errOut := command(t, env, "submit", "testdata/orders/huawei-dsc.json", "--endpoint", s.URL(), "--yes")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond) // probe, checks, then the wait for the lock (10 s at most)
	_ = cmd.Process.Signal(syscall.SIGINT)
	code := exitCode(t, cmd.Wait())
	if code != 130 || !strings.Contains(errOut.String(), "nothing was sent") || strings.Contains(errOut.String()+out.String(), "MAY HAVE BEEN PLACED") {
		t.Fatalf("exit %d:\n%s%s", code, out, errOut)
	}
	if n := s.Hits(sandbox.DSCOrders); n != 0 {
		t.Fatalf("%d orders sent", n)
	}
	if data, _ := os.ReadFile(historyFile(env)); len(data) != 0 {
		t.Fatalf("history written: %s", data)
	}
}

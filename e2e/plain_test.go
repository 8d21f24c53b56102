package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/placement"
)

// On a dumb terminal the wizard runs as plain lines by itself: every default accepted with
// Enter, "yes" places the order, the IDs are printed as submit prints them, and not one escape
// sequence reaches the terminal (the pane's raw output is recorded with pipe-pane).
func TestPlainWizardOnDumbTerminal(t *testing.T) {
	needTmux(t)
	dir := t.TempDir()
	bin := cloudorderBinary(t)
	home := filepath.Join(dir, "home")
	for _, d := range []string{home, filepath.Join(dir, "config"), filepath.Join(dir, "state")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	x := tmux{t: t, socket: fmt.Sprintf("cloudorder-e2e-plain-%d", os.Getpid())}
	t.Cleanup(func() { endTmux(x.socket) })

	raw := filepath.Join(dir, "raw.out")
	// The shell survives ctrl+c (trap) to print the exit code; the program gets the signal too.
	script := fmt.Sprintf(`trap : INT; sleep 0.5; env -i PATH=%q HOME=%q XDG_CONFIG_HOME=%q XDG_STATE_HOME=%q TERM=dumb LANG=C.UTF-8 %q --sandbox --lang en; echo "EXIT=$?"; exec sleep 600`,
		os.Getenv("PATH"), home, filepath.Join(dir, "config"), filepath.Join(dir, "state"), bin)
	x.run("new-session", "-d", "-x", "200", "-y", "50", "-s", "wiz", "sh", "-c", script)
	x.run("set-option", "-t", "wiz", "history-limit", "5000")
	x.run("pipe-pane", "-t", "wiz", "-o", "cat >> "+raw)

	x.waitFor("API (default: ", true, 30*time.Second)
	// PAI by its id (not by its place in the list), then its ten defaults. Cooked input: the
	// terminal's line discipline keeps typed-ahead lines for the one reader.
	x.run("send-keys", "-t", "wiz", "-l", string(flows.AlibabaPAI))
	for i := 0; i < 11; i++ {
		x.run("send-keys", "-t", "wiz", "Enter")
	}
	x.waitFor("Place this order? Type yes to place it (default: no):", true, 30*time.Second)
	// A person reads the question first: a line typed within placement.Debounce of it is
	// taken as typed ahead and ignored.
	time.Sleep(placement.Debounce + 250*time.Millisecond)
	x.run("send-keys", "-t", "wiz", "yes", "Enter")
	s := x.waitFor("EXIT=", true, 30*time.Second)
	if !strings.Contains(s, "EXIT=0") || !regexp.MustCompile(`order_id: \S+\nrequest_id: \S+`).MatchString(s) {
		t.Fatalf("no order placed on the dumb terminal:\n%s", s)
	}
	if !strings.Contains(s, "== Request body (exactly what is sent) ==") || !strings.Contains(s, "aliyun aiworkspace CreateProductOrders") {
		t.Fatalf("review sections missing:\n%s", s)
	}
	x.run("pipe-pane", "-t", "wiz") // stop recording
	out, err := os.ReadFile(raw)
	if err != nil || len(out) == 0 {
		t.Fatalf("raw pane output: %v", err)
	}
	if i := bytes.IndexByte(out, 0x1b); i >= 0 {
		t.Fatalf("an escape sequence reached the dumb terminal at byte %d: %q", i, out[max(0, i-40):min(len(out), i+40)])
	}

	// ctrl+c at a prompt cancels: nothing placed, exit 130.
	x.run("respawn-pane", "-k", "-t", "wiz", "sh", "-c", "clear; "+script)
	x.run("clear-history", "-t", "wiz")
	x.waitFor("API (default: ", true, 30*time.Second)
	x.run("send-keys", "-t", "wiz", "-l", string(flows.AlibabaPAI))
	x.run("send-keys", "-t", "wiz", "Enter")
	x.waitFor("Region (default: cn-hangzhou):", true, 30*time.Second)
	x.run("send-keys", "-t", "wiz", "C-c")
	s = x.waitFor("EXIT=", true, 30*time.Second)
	if !strings.Contains(s, "EXIT=130") || !strings.Contains(s, "cancelled — nothing was sent") {
		t.Fatalf("ctrl+c did not cancel:\n%s", s)
	}
	history, _ := os.ReadFile(filepath.Join(dir, "state", "cloudorder", "orders.jsonl"))
	if n := bytes.Count(history, []byte("\n")); n != 2 {
		t.Errorf("history has %d lines, want the first order's intent and outcome only:\n%s", n, history)
	}
}

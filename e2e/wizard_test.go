// Package e2e drives the built cloudorder binary in a real terminal (tmux): launch the wizard
// against the in-process sandbox, accept every documented default, place the order, and find
// the order ID on screen and in the scrollback after the program exits.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// tmux runs one tmux command on the test's private server.
type tmux struct {
	t      *testing.T
	socket string
}

func (x tmux) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", x.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// screen returns the visible pane, or with history the scrollback too.
func (x tmux) screen(history bool) string {
	args := []string{"capture-pane", "-p", "-t", "wiz"}
	if history {
		args = append(args, "-S", "-2000")
	}
	return x.run(args...)
}

// waitFor polls the pane until it contains want.
func (x tmux) waitFor(want string, history bool, within time.Duration) string {
	x.t.Helper()
	deadline := time.Now().Add(within)
	var s string
	for time.Now().Before(deadline) {
		if s = x.screen(history); strings.Contains(s, want) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	x.t.Fatalf("timed out waiting for %q; the pane shows:\n%s", want, s)
	return ""
}

func TestWizardPlacesDefaultOrderInSandbox(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end terminal test (install tmux to run it)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "cloudorder")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	home := filepath.Join(dir, "home")
	for _, d := range []string{home, filepath.Join(dir, "config"), filepath.Join(dir, "state")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	x := tmux{t: t, socket: fmt.Sprintf("cloudorder-e2e-%d", os.Getpid())}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", x.socket, "kill-server").Run() })

	// The shell stays after the wizard exits so the scrollback can be read.
	script := fmt.Sprintf(`env -i PATH=%q HOME=%q XDG_CONFIG_HOME=%q XDG_STATE_HOME=%q TERM=xterm-256color LANG=C.UTF-8 %q --sandbox --lang en; echo "EXIT=$?"; exec sleep 600`,
		os.Getenv("PATH"), home, filepath.Join(dir, "config"), filepath.Join(dir, "state"), bin)
	x.run("new-session", "-d", "-x", "120", "-y", "40", "-s", "wiz", "sh", "-c", script)
	x.run("set-option", "-t", "wiz", "history-limit", "5000")

	// Keys typed before the program puts the terminal in raw mode would be cooked by the
	// line discipline: wait for the first screen.
	x.waitFor("SANDBOX", false, 20*time.Second)
	x.waitFor("enter next", false, 5*time.Second)

	// Enter accepts each documented default, field by field, step by step, up to review.
	var s string
	for i := 0; i < 30; i++ {
		s = x.screen(false)
		if strings.Contains(s, "Request body (exactly what is sent)") {
			break
		}
		before := s
		x.run("send-keys", "-t", "wiz", "Enter")
		for j := 0; j < 40 && x.screen(false) == before; j++ {
			time.Sleep(25 * time.Millisecond)
		}
	}
	if !strings.Contains(s, "Request body (exactly what is sent)") {
		t.Fatalf("did not reach review:\n%s", s)
	}
	for _, want := range []string{`"ProductCode": "DataWorks_share"`, "y place order"} {
		if !strings.Contains(s, want) {
			t.Fatalf("review lacks %q:\n%s", want, s)
		}
	}

	x.run("send-keys", "-t", "wiz", "y")
	s = x.waitFor("Order placed", false, 20*time.Second)
	id := regexp.MustCompile(`order id:\s+(\S+)`).FindStringSubmatch(s)
	if id == nil {
		t.Fatalf("no order id on the result screen:\n%s", s)
	}

	x.run("send-keys", "-t", "wiz", "q")
	s = x.waitFor("EXIT=0", true, 10*time.Second)
	if !strings.Contains(s, "order_id: "+id[1]) || !strings.Contains(s, "request_id: ") {
		t.Fatalf("order_id %s not in the scrollback after exit:\n%s", id[1], s)
	}
	history, err := os.ReadFile(filepath.Join(dir, "state", "cloudorder", "orders.jsonl"))
	if err != nil || !strings.Contains(string(history), id[1]) {
		t.Fatalf("history does not record %s: %v\n%s", id[1], err, history)
	}
}

func TestWizardRefusesWithoutTerminalAndBadFlags(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "cloudorder")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "needs a terminal"},
		{[]string{"--sandbox"}, "needs a terminal"},
		{[]string{"--bogus"}, "flag provided but not defined"},
		{[]string{"--sandbox", "--dry-run"}, "exclude each other"},
		{[]string{"--lang", "fr"}, "--lang must be en or zh"},
		{[]string{"--timeout", "0s"}, "--timeout must be positive"},
		{[]string{"--from", "/does/not/exist.json"}, "exist.json"},
	} {
		cmd := exec.Command(bin, tc.args...)
		cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
		out, err := cmd.CombinedOutput()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), tc.want) {
			t.Errorf("cloudorder %v: err %v, output %q; want exit 2 saying %q", tc.args, err, out, tc.want)
		}
	}
}

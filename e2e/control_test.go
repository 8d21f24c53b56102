package e2e

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// control is one tmux control-mode client (tmux -C, https://github.com/tmux/tmux/wiki/Control-Mode)
// on a private server. Commands go down one pipe and their output comes back between %begin and
// %end, so polling capture-pane costs a round trip to the server, not a process start each time.
type control struct {
	tb     testing.TB
	socket string
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
}

var controlN atomic.Int64

// newControl starts a tmux server with a control client attached to a holding session; the
// sessions under test are created detached, each at its own size.
func newControl(tb testing.TB) *control {
	tb.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		tb.Skip("tmux is not installed: skipping (install tmux to run it)")
	}
	c := &control{tb: tb, socket: fmt.Sprintf("cloudorder-ff-%d-%d", os.Getpid(), controlN.Add(1))}
	c.cmd = exec.Command("tmux", "-L", c.socket, "-f", "/dev/null", "-C", "new-session", "-s", "hold", "-x", "80", "-y", "24")
	// The server's environment is every pane's (tmux's global environment): without the
	// settings that would change the wizard's colours, which wizardShell also removes.
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); !slices.Contains(colourSettings, name) {
			c.cmd.Env = append(c.cmd.Env, kv)
		}
	}
	var err error
	if c.in, err = c.cmd.StdinPipe(); err != nil {
		tb.Fatal(err)
	}
	stdout, err := c.cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	c.out = bufio.NewReaderSize(stdout, 1<<16)
	if err := c.cmd.Start(); err != nil {
		tb.Fatalf("tmux -C: %v", err)
	}
	tb.Cleanup(func() {
		endTmux(c.socket)
		_ = c.in.Close()
		_ = c.cmd.Wait()
	})
	if _, err := c.block(); err != nil { // the reply to new-session
		tb.Fatalf("tmux -C: %v", err)
	}
	return c
}

// do runs one tmux command and returns its output lines.
func (c *control) do(format string, args ...any) []string {
	c.tb.Helper()
	line := fmt.Sprintf(format, args...)
	if _, err := io.WriteString(c.in, line+"\n"); err != nil {
		c.tb.Fatalf("tmux -C %s: %v", line, err)
	}
	out, err := c.block()
	if err != nil {
		c.tb.Fatalf("tmux -C %s: %v", line, err)
	}
	return out
}

// block reads up to the next %end or %error, skipping notifications between blocks.
func (c *control) block() ([]string, error) {
	var out []string
	in := false
	for {
		s, err := c.out.ReadString('\n')
		if err != nil {
			return nil, err
		}
		s = strings.TrimSuffix(s, "\n")
		switch {
		case !in && strings.HasPrefix(s, "%begin "):
			in = true
		case in && strings.HasPrefix(s, "%end "):
			return out, nil
		case in && strings.HasPrefix(s, "%error "):
			return nil, fmt.Errorf("%s", strings.Join(out, "\n"))
		case in:
			out = append(out, s)
		}
	}
}

// launch starts a detached session of the given size running a shell command, with env
// (NAME=value) added to the pane's environment.
func (c *control) launch(name string, w, h int, shell string, env ...string) {
	c.tb.Helper()
	c.do("new-session -d -s %s -x %d -y %d%s %s", name, w, h, envFlags(env), quote(shell))
}

// envFlags is new-session's -e for each NAME=value.
func envFlags(env []string) string {
	s := ""
	for _, kv := range env {
		s += " -e " + quote(kv)
	}
	return s
}

// capture returns the visible pane; with escapes, its colours and attributes too.
func (c *control) capture(name string, escapes bool) string {
	c.tb.Helper()
	if escapes {
		return strings.Join(c.do("capture-pane -p -e -t %s", name), "\n")
	}
	return strings.Join(c.do("capture-pane -p -t %s", name), "\n")
}

// kill ends a session; its programs get SIGHUP.
func (c *control) kill(name string) { c.do("kill-session -t %s", name) }

// pollGap is the pause between captures. Polling flat out keeps the tmux server and this
// process busy on a core the program under test needs (on a 2-core machine the wizard's first
// frame measured 15–18 ms flat out, 14.3 ms with the gap); the gap adds at most its own length
// to a measurement, to the floor and the wizard alike.
const pollGap = 250 * time.Microsecond

// until polls the pane until done accepts it, and returns how long that took from t0 and the
// accepted screen.
func (c *control) until(name string, t0 time.Time, within time.Duration, escapes bool, done func(string) bool) (time.Duration, string) {
	c.tb.Helper()
	var s string
	for time.Since(t0) < within {
		s = c.capture(name, escapes)
		if done(s) {
			return time.Since(t0), s
		}
		time.Sleep(pollGap)
	}
	c.tb.Fatalf("%s: timed out after %v; the pane shows:\n%s", name, within, s)
	return 0, ""
}

// quote makes s one single-quoted tmux (and shell) word.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// colourSettings are the environment variables that would change the wizard's colours.
var colourSettings = []string{"NO_COLOR", "COLORTERM", "CLICOLOR_FORCE"}

// privateHome is the settings that give the wizard a home of its own, for a test or benchmark.
func privateHome(tb testing.TB) []string {
	dir := tb.TempDir()
	return []string{"HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_STATE_HOME=" + filepath.Join(dir, "state"), "LANG=C.UTF-8", "LC_ALL="}
}

// wizardCommand is the pane command that starts the wizard as a person's shell starts it, the
// binary alone, for a session given its environment by tmux (launch's env, e.g. privateHome):
// the benchmark's, so that an `env` process (0.8 ms on the Go VM) is not counted as the
// wizard's, as it is with wizardShell.
func wizardCommand(bin, lang string) string { return "exec " + bin + " --sandbox --lang " + lang }

// wizardShell is the pane command that starts the wizard with a private home, in the pane's
// own environment (tmux's TERM and TMUX, as a person would have it); extra are NAME=value
// settings, or -NAME to remove one.
func wizardShell(tb testing.TB, bin, lang string, extra ...string) string {
	tb.Helper()
	unset := slices.Clone(colourSettings)
	set := privateHome(tb)
	for _, e := range extra {
		if name, ok := strings.CutPrefix(e, "-"); ok {
			unset = append(unset, name)
		} else {
			set = append(set, e)
		}
	}
	cmd := "exec env"
	for _, name := range unset {
		cmd += " -u " + name
	}
	return cmd + " " + strings.Join(set, " ") + " " + bin + " --sandbox --lang " + lang
}

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeTmux puts a `tmux` first on PATH for the program under test that counts its calls and,
// with rgb, reports a 24-bit-colour terminal the way `tmux info` does. The harness itself
// keeps using the real tmux.
func fakeTmux(t *testing.T, rgb bool) (path, calls string) {
	t.Helper()
	dir := t.TempDir()
	calls = filepath.Join(dir, "calls")
	script := "#!/bin/sh\necho \"$*\" >> " + calls + "\n"
	if rgb {
		script += "echo ' 228: Tc: (flag) true'\n"
	}
	if err := os.WriteFile(filepath.Join(dir, "tmux"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return "PATH=" + dir + ":" + os.Getenv("PATH"), calls
}

func countCalls(calls string) int {
	b, _ := os.ReadFile(calls)
	return strings.Count(string(b), "\n")
}

// TestTmuxInfoOnlyForTheWizard: inside tmux, with stdout a terminal, non-interactive commands
// run no `tmux info` at all and the wizard runs it once (lipgloss's init and Bubble Tea's Run
// each ran it before).
func TestTmuxInfoOnlyForTheWizard(t *testing.T) {
	c := newControl(t)
	bin := cloudorderBinary(t)
	order := filepath.Join("..", "testdata", "orders")
	files, _ := filepath.Glob(filepath.Join(order, "*.json"))
	if len(files) == 0 {
		t.Fatal("no order files in testdata")
	}
	file, _ := filepath.Abs(files[0])
	home := t.TempDir()
	for i, args := range []string{"version", "validate " + file, "history", "--help",
		"submit " + file + " --sandbox --yes", "sandbox --addr 127.0.0.1:0 & sleep 0.5; kill $!"} {
		path, calls := fakeTmux(t, false)
		name := fmt.Sprintf("cmd%d", i)
		c.launch(name, 120, 40, fmt.Sprintf("env HOME=%s XDG_STATE_HOME=%s %s %s %s; echo DONE; exec sleep 600", home, home, path, bin, args))
		// (the sandbox serves until killed: half a second is well past its start-up)
		c.until(name, time.Now(), 30*time.Second, false, func(s string) bool { return strings.Contains(s, "DONE") })
		c.kill(name)
		if n := countCalls(calls); n != 0 {
			t.Errorf("cloudorder %s ran tmux %d times, want none", args, n)
		}
	}
	path, calls := fakeTmux(t, false)
	f := watchWizard(t, c, "wiz", "en", 120, 40, path)
	f.quitAndCheck(t, func() { c.do("send-keys -t wiz C-c") })
	if n := countCalls(calls); n != 1 {
		t.Errorf("the wizard ran tmux %d times, want once", n)
	}
}

// TestFirstFrameColours: the painted frame and the renderer's are the same in every colour
// setting, and the setting is honoured: tmux with and without 24-bit colour, a 256-colour and a
// true-colour terminal outside tmux, and NO_COLOR.
func TestFirstFrameColours(t *testing.T) {
	c := newControl(t)
	rgbPath, _ := fakeTmux(t, true)
	plainPath, _ := fakeTmux(t, false)
	for _, tc := range []struct {
		name       string
		env        []string
		want, deny []string // SGR colour forms that must and must not appear
	}{
		{"tmux-rgb", []string{rgbPath}, []string{"48;2;"}, []string{"48;5;"}},
		{"tmux-256", []string{plainPath}, []string{"48;5;"}, []string{"48;2;"}},
		{"xterm-256", []string{"-TMUX", "TERM=xterm-256color"}, []string{"48;5;"}, []string{"48;2;"}},
		{"truecolor", []string{"-TMUX", "TERM=xterm-256color", "COLORTERM=truecolor"}, []string{"48;2;"}, []string{"48;5;"}},
		{"no-color", []string{"NO_COLOR=1"}, []string{"\x1b[7m"}, []string{"38;5;", "48;5;", "38;2;", "48;2;"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := watchWizard(t, c, tc.name, "en", 120, 40, tc.env...)
			f.checkNoFlicker(t)
			for _, w := range tc.want {
				if !strings.Contains(f.settled, w) {
					t.Errorf("%s: no %q in the first screen:\n%q", tc.name, w, f.settled)
				}
			}
			for _, d := range tc.deny {
				if strings.Contains(f.settled, d) {
					t.Errorf("%s: %q in the first screen:\n%q", tc.name, d, f.settled)
				}
			}
			f.quitAndCheck(t, func() { c.do("send-keys -t %s C-c", tc.name) })
		})
	}
}

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"cloudorder/catalog"
)

// The wizard paints its first frame before Bubble Tea runs (firstframe); the renderer's first
// tick then redraws the screen. These tests watch the pane from launch to exit, capture after
// capture, in both languages at 80×24 and 120×40.

// frameWatch is one launch of the wizard in a shell that leaves a mark on the main screen
// first and records the terminal modes before and after.
type frameWatch struct {
	c          *control
	name, dir  string
	settled    string   // the screen (with colours) once everything has landed
	shots      []string // every distinct capture from launch, with colours
	mark, exit string
}

// banner is the sandbox banner's first word in each language.
var banner = map[string]string{"en": "SANDBOX", "zh": "沙箱"}

func watchWizard(t *testing.T, c *control, name, lang string, w, h int, extra ...string) *frameWatch {
	t.Helper()
	f := &frameWatch{c: c, name: name, dir: t.TempDir(), mark: "MARK-" + name}
	shell := fmt.Sprintf(`stty -g > %[1]s/before; echo %[2]s; (%[3]s); echo EXIT=$? > %[1]s/exit; stty -g > %[1]s/after; echo EXITED; exec sleep 600`,
		f.dir, f.mark, wizardShell(t, cloudorderBinary(t), lang, extra...))
	t0 := time.Now()
	c.launch(name, w, h, shell)
	var firstFull, changed time.Duration
	// Generous: on a loaded machine the first frame can take seconds; the checks below are on
	// what the screen shows, never on how long it took.
	for time.Since(t0) < 30*time.Second {
		s := c.capture(name, true)
		if n := len(f.shots); n == 0 || f.shots[n-1] != s {
			f.shots = append(f.shots, s)
			changed = time.Since(t0)
		}
		if firstFull == 0 && strings.Contains(s, banner[lang]) && strings.Count(ansi.Strip(s), "\n") == h-1 && lastLine(s) != "" {
			firstFull = time.Since(t0)
		}
		// Well past the renderer's first ticks (16.7 ms each) and the answers to its queries,
		// and the screen unchanged for a while (a loaded machine delays both).
		if firstFull > 0 && time.Since(t0) > firstFull+400*time.Millisecond && time.Since(t0) > changed+300*time.Millisecond {
			break
		}
	}
	f.settled = c.capture(name, true)
	if !strings.Contains(f.settled, banner[lang]) {
		t.Fatalf("%s: no first screen; the pane shows:\n%s", name, f.settled)
	}
	return f
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(ansi.Strip(s), "\n"), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// checkNoFlicker: every capture is the main screen before launch, the first frame being drawn
// (rows complete from the top, one row part-way, the rest blank — how a terminal shows one
// frame arriving), or the settled frame itself, colours included. A capture with the settled
// text in other colours, or any other text, is a flicker.
func (f *frameWatch) checkNoFlicker(t *testing.T) {
	t.Helper()
	want := strings.Split(ansi.Strip(f.settled), "\n")
	redraws := 0
	for i, s := range f.shots {
		plain := ansi.Strip(s)
		switch {
		case s == f.settled:
		case plain == ansi.Strip(f.settled):
			t.Errorf("%s: capture %d has the first frame's text in other colours:\n%q\nsettled:\n%q", f.name, i, s, f.settled)
		case strings.TrimSpace(plain) == f.mark || strings.TrimSpace(plain) == "":
		case drawing(strings.Split(plain, "\n"), want):
			if i > 0 && f.shots[i-1] == f.settled {
				redraws++ // the renderer repainting the same frame, seen mid-write
			}
		default:
			t.Errorf("%s: capture %d is not the first frame:\n%s\nsettled:\n%s", f.name, i, plain, ansi.Strip(f.settled))
		}
	}
	t.Logf("%s: %d distinct captures; the renderer's repaint of the same frame seen mid-write %d times", f.name, len(f.shots), redraws)
}

// drawing tells whether got is want part-way drawn from the top.
func drawing(got, want []string) bool {
	k := 0
	for k < len(got) && k < len(want) && got[k] == want[k] {
		k++
	}
	if k == len(got) {
		return true
	}
	if k >= len(want) || !strings.HasPrefix(want[k], strings.TrimRight(got[k], " ")) {
		return false
	}
	for _, l := range got[k+1:] {
		if strings.TrimSpace(l) != "" {
			return false
		}
	}
	return true
}

// quitAndCheck ends the wizard with send (keys, or a signal to the wizard's process) and
// checks the main screen is back as it was: the mark, no trace of the wizard, the terminal's
// modes as before.
func (f *frameWatch) quitAndCheck(t *testing.T, send func()) {
	t.Helper()
	send()
	t0 := time.Now()
	f.c.until(f.name, t0, 30*time.Second, false, func(s string) bool { return strings.Contains(s, "EXITED") })
	s := f.c.capture(f.name, false)
	if !strings.Contains(s, f.mark) || strings.Contains(s, banner["en"]) || strings.Contains(s, banner["zh"]) {
		t.Errorf("%s: the main screen is not back after exit:\n%s", f.name, s)
	}
	if alt := strings.Join(f.c.do("display-message -p -t %s '#{alternate_on}'", f.name), ""); alt != "0" {
		t.Errorf("%s: still on the alternate screen after exit (alternate_on=%s)", f.name, alt)
	}
	before, _ := os.ReadFile(filepath.Join(f.dir, "before"))
	after, _ := os.ReadFile(filepath.Join(f.dir, "after"))
	if len(before) == 0 || string(before) != string(after) {
		t.Errorf("%s: terminal modes not restored: before %q, after %q", f.name, before, after)
	}
	exit, _ := os.ReadFile(filepath.Join(f.dir, "exit"))
	f.exit = strings.TrimSpace(string(exit))
}

func TestFirstFrameSameAsRendererAndQuitRestores(t *testing.T) {
	c := newControl(t)
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			name := fmt.Sprintf("%s-%dx%d", lang, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				f := watchWizard(t, c, name, lang, size[0], size[1])
				f.checkNoFlicker(t)
				f.quitAndCheck(t, func() { c.do("send-keys -t %s C-c", name) })
				if f.exit != "EXIT=0" {
					t.Errorf("%s: ctrl+c: %s, want EXIT=0", name, f.exit)
				}
			})
		}
	}
}

// TestFirstFrameSignalRestores stops the wizard by a signal as soon as its first frame is on
// the screen — before or just after Bubble Tea's renderer has drawn — and finds the terminal as
// it was.
func TestFirstFrameSignalRestores(t *testing.T) {
	c := newControl(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		name := "sig" + fmt.Sprint(int(sig))
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			pidFile := filepath.Join(dir, "pid")
			shell := fmt.Sprintf(`stty -g > %[1]s/before; echo MARK-%[2]s; sh -c %[3]s; echo EXIT=$? > %[1]s/exit; stty -g > %[1]s/after; echo EXITED; exec sleep 600`,
				dir, name, quote("echo $$ > "+pidFile+"; "+wizardShell(t, cloudorderBinary(t), "en")))
			t0 := time.Now()
			c.launch(name, 120, 40, shell)
			c.until(name, t0, 30*time.Second, false, func(s string) bool { return strings.Contains(s, "SANDBOX") })
			pid := 0
			if b, err := os.ReadFile(pidFile); err == nil {
				_, _ = fmt.Sscan(string(b), &pid)
			}
			f := &frameWatch{c: c, name: name, dir: dir, mark: "MARK-" + name}
			f.quitAndCheck(t, func() {
				// That sh execs env, which execs the wizard: the pid is the wizard's.
				p, err := os.FindProcess(pid)
				if pid == 0 || err != nil || p.Signal(sig) != nil {
					t.Fatalf("cannot signal the wizard (pid %d)", pid)
				}
			})
		})
	}
}

// TestTypedAheadReachesTheWizard types a key the moment the wizard is launched, before its
// first frame (and usually before the process has even started): the key must not be lost to
// the start-up's own reading of the terminal (ui/firstframe, readReply) but reach the wizard.
// Right on the first screen picks the catalog's second API, whichever it is.
func TestTypedAheadReachesTheWizard(t *testing.T) {
	c := newControl(t)
	shell, env := wizardCommand(cloudorderBinary(t), "en"), privateHome(t)
	second := "‹ " + catalog.Flows()[1].Title.EN + " ›"
	for i := range 6 {
		name := fmt.Sprintf("ahead%d", i)
		t0 := time.Now()
		c.launch(name, 120, 40, shell, env...)
		c.do("send-keys -t %s Right", name)
		c.until(name, t0, 30*time.Second, false, func(s string) bool {
			return strings.Contains(s, second)
		})
		c.kill(name)
	}
}

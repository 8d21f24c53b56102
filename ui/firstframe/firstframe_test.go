package firstframe_test

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/ui"
	"cloudorder/ui/firstframe"
)

// The test binary doubles as the program under test: with FIRSTFRAME_HELPER set it runs the
// wizard's model in the terminal it was started in, one way or the other, and stays.
func TestMain(m *testing.M) {
	if mode, lang, ok := strings.Cut(os.Getenv("FIRSTFRAME_HELPER"), ":"); ok {
		helper(mode, i18n.Lang(lang))
		return
	}
	os.Exit(m.Run())
}

func helper(mode string, lang i18n.Lang) {
	var model tea.Model = ui.New(ui.Options{Mode: providers.Sandbox, Lang: lang, APIs: flows.Registry{flows.PAI, flows.DSC, flows.WorkspaceApp}})
	switch mode {
	case "painted": // the pre-painted frame alone: no Bubble Tea
		ff, err := firstframe.Open(os.Stdin, os.Stdout, os.Environ(), nil)
		if err != nil {
			panic(err)
		}
		ff.Paint(model)
		readLikeAProgram()
	case "renderer": // Bubble Tea alone, as before firstframe
		go func() { _, _ = tea.NewProgram(model).Run() }()
	case "guessed-wrong": // painted for 256 colours while the detection, slower, finds 24-bit
		ff, err := firstframe.Open(os.Stdin, os.Stdout, os.Environ(), func() colorprofile.Profile {
			time.Sleep(50 * time.Millisecond)
			return colorprofile.TrueColor
		})
		if err != nil {
			panic(err)
		}
		ff.Expect(colorprofile.ANSI256)
		ff.Paint(model)
		readLikeAProgram()
	case "renderer-truecolor": // Bubble Tea alone, told 24-bit colour
		go func() { _, _ = tea.NewProgram(model, tea.WithColorProfile(colorprofile.TrueColor)).Run() }()
	case "both": // the pre-painted frame, then Bubble Tea drawing over it
		ff, err := firstframe.Open(os.Stdin, os.Stdout, os.Environ(), nil)
		if err != nil {
			panic(err)
		}
		go func() { _, _ = ff.Program(ff.Paint(model)).Run() }()
	}
	select {} // until tmux kills the session
}

// readLikeAProgram takes the terminal's input after Paint as the program that follows Paint
// does (Bubble Tea: raw mode, every byte read). Without it, an answer to the start-up query
// that arrives after Paint stopped waiting (a loaded machine) is echoed by the cooked terminal
// into the painted-alone pane ("^[[?1;2c"), where no program would ever leave it.
func readLikeAProgram() {
	if _, err := term.MakeRaw(os.Stdin.Fd()); err == nil {
		go func() { _, _ = io.Copy(io.Discard, os.Stdin) }()
	}
}

// TestPaintedFrameIsTheRenderersFrame puts the painted frame alone, Bubble Tea's own frame
// alone, and the painted frame with Bubble Tea's drawn over it into three tmux panes, and
// finds the same cells — characters, colours and attributes — in both languages at 80×24 and
// 120×40.
func TestPaintedFrameIsTheRenderersFrame(t *testing.T) {
	tmux := privateTmux(t, "cloudorder-firstframe")

	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			shots := map[string]string{}
			for _, mode := range []string{"painted", "renderer", "both"} {
				name := fmt.Sprintf("%s-%s-%dx%d", mode, lang, size[0], size[1])
				cmd := fmt.Sprintf("exec env FIRSTFRAME_HELPER=%s:%s LANG=C.UTF-8 %s", mode, lang, os.Args[0])
				tmux("new-session", "-d", "-s", name, "-x", fmt.Sprint(size[0]), "-y", fmt.Sprint(size[1]), cmd)
				shots[mode] = settle(t, func() string { return tmux("capture-pane", "-p", "-e", "-t", name) })
				if alt := strings.TrimSpace(tmux("display-message", "-p", "-t", name, "#{alternate_on}")); alt != "1" {
					t.Errorf("%s: not on the alternate screen (alternate_on=%s)", name, alt)
				}
				tmux("kill-session", "-t", name)
			}
			id := fmt.Sprintf("%s %d×%d", lang, size[0], size[1])
			if strings.TrimSpace(shots["painted"]) == "" {
				t.Fatalf("%s: nothing painted", id)
			}
			if shots["painted"] != shots["renderer"] {
				t.Errorf("%s: the painted frame differs from Bubble Tea's:\npainted:\n%q\nrenderer:\n%q", id, shots["painted"], shots["renderer"])
			}
			if shots["both"] != shots["renderer"] {
				t.Errorf("%s: Bubble Tea over the painted frame differs from Bubble Tea alone:\n%q\n%q", id, shots["both"], shots["renderer"])
			}
		}
	}
}

// TestWrongGuessIsDrawnAgain: a frame drawn for the expected profile while the detection is
// still working is not the one written when the detection finds another: the painted frame
// has the 24-bit colours Bubble Tea draws when told 24-bit colour.
func TestWrongGuessIsDrawnAgain(t *testing.T) {
	tmux := privateTmux(t, "cloudorder-firstframe-guess")
	shots := map[string]string{}
	for _, mode := range []string{"guessed-wrong", "renderer-truecolor"} {
		cmd := fmt.Sprintf("exec env FIRSTFRAME_HELPER=%s:en LANG=C.UTF-8 %s", mode, os.Args[0])
		tmux("new-session", "-d", "-s", mode, "-x", "120", "-y", "40", cmd)
		shots[mode] = settle(t, func() string { return tmux("capture-pane", "-p", "-e", "-t", mode) })
		tmux("kill-session", "-t", mode)
	}
	if !strings.Contains(shots["guessed-wrong"], "48;2;") || strings.Contains(shots["guessed-wrong"], "48;5;") {
		t.Errorf("the painted frame is not in 24-bit colour:\n%q", shots["guessed-wrong"])
	}
	if shots["guessed-wrong"] != shots["renderer-truecolor"] {
		t.Errorf("the painted frame differs from Bubble Tea's in 24-bit colour:\npainted:\n%q\nrenderer:\n%q", shots["guessed-wrong"], shots["renderer-truecolor"])
	}
}

// settle polls until the screen is non-empty and has not changed for 300 ms: past the
// renderer's first ticks and the answers to its queries. The deadline is generous: a loaded
// machine makes the frame late, not different.
func settle(t *testing.T, capture func() string) string {
	t.Helper()
	var last string
	since := time.Now()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		s := sgrAfterNewlines(capture())
		if s != last {
			last, since = s, time.Now()
			continue
		}
		if strings.TrimSpace(s) != "" && time.Since(since) > 300*time.Millisecond {
			return s
		}
	}
	t.Fatalf("the screen did not settle:\n%s", last)
	return ""
}

// sgrAfterNewlines moves the colour and attribute changes that end a captured line to the
// start of the next. tmux's capture-pane -e writes a change before the line's trailing blank
// cells it leaves out or after them depending on how those cells were last written (by a
// full paint, or by the renderer's update of the line); either way it applies to no cell of
// that line, so the same cells capture the same.
func sgrAfterNewlines(s string) string {
	return trailingSGR.ReplaceAllString(s, "\n$1")
}

var trailingSGR = regexp.MustCompile("((?:\x1b\\[[0-9;:]*m)+)\n")

// privateTmux starts a tmux server of the test's own (skipping the test without tmux), kept up
// between the sessions under test by a "hold" session, and returns a runner of its commands.
func privateTmux(t *testing.T, name string) func(args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping (install tmux to run it)")
	}
	socket := fmt.Sprintf("%s-%d", name, os.Getpid())
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-L", socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	t.Cleanup(func() {
		_ = exec.Command("tmux", "-L", socket, "kill-server").Run()
		// tmux 3.3a leaves the socket file behind (e2e/main_test.go, endTmux).
		dir := os.Getenv("TMUX_TMPDIR")
		if dir == "" {
			dir = "/tmp"
		}
		_ = os.Remove(filepath.Join(dir, fmt.Sprintf("tmux-%d", os.Getuid()), socket))
	})
	tmux("new-session", "-d", "-s", "hold")
	return tmux
}

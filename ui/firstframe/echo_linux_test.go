package firstframe

import (
	"bytes"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"golang.org/x/sys/unix"
)

// pty opens a pseudo-terminal of 80×24: the program's side (the terminal it runs in) and the
// terminal's side, whose output the test collects (what a person would see).
func pty(t *testing.T) (tty *os.File, seen func() []byte, answer func(string)) {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(ptm.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(ptm.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var out bytes.Buffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptm.Read(buf)
			mu.Lock()
			out.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { tty.Close(); ptm.Close() })
	seen = func() []byte { mu.Lock(); defer mu.Unlock(); return bytes.Clone(out.Bytes()) }
	answer = func(s string) {
		if _, err := ptm.WriteString(s); err != nil {
			t.Fatal(err)
		}
	}
	return tty, seen, answer
}

// frameModel is a model whose View asks for the alternate screen, as the wizard's does.
type frameModel struct{}

func (frameModel) Init() tea.Cmd                         { return nil }
func (m frameModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }
func (frameModel) View() tea.View {
	v := tea.NewView("first frame")
	v.AltScreen = true
	return v
}

func echoOn(t *testing.T, f *os.File) bool {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio.Lflag&unix.ECHO != 0
}

// Between Paint and Bubble Tea taking the terminal, what the terminal sends (an answer that
// came after the wait, a key) is not echoed onto the frame; Restore gives echo back.
func TestNothingIsEchoedBetweenPaintAndTheProgram(t *testing.T) {
	tty, seen, answer := pty(t)
	if !echoOn(t, tty) {
		t.Fatal("a fresh pseudo-terminal should echo")
	}
	ff, err := Open(tty, tty, []string{"TERM=xterm-256color"}, func() colorprofile.Profile { return colorprofile.ANSI256 })
	if err != nil {
		t.Fatal(err)
	}
	defer ff.Restore()
	ff.Paint(frameModel{}) // no answer comes: Paint waits its budget, then stops reading
	deadline := time.Now().Add(5 * time.Second)
	for !bytes.Contains(seen(), []byte("first frame")) {
		if time.Now().After(deadline) {
			t.Fatalf("the frame never reached the terminal: %q", seen())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if echoOn(t, tty) {
		t.Error("echo is on after Paint, before the program has the terminal")
	}
	answer("\x1b[?1;2cq") // the terminal's late answer to the query, then a key
	time.Sleep(200 * time.Millisecond)
	if out := seen(); bytes.Contains(out, []byte("[?1;2c")) || bytes.HasSuffix(out, []byte("q")) {
		t.Errorf("the late answer or the key was echoed onto the frame: %q", out)
	}
	ff.Restore()
	if !echoOn(t, tty) {
		t.Error("Restore did not give echo back")
	}
}

package firstframe

import (
	"image/color"
	"os"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// replyReader is a Terminal whose reply reader is reading what the test writes to w, as it
// would read what the terminal sends back.
func replyReader(t *testing.T) (term *Terminal, w *os.File) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	rd, err := uv.NewCancelReader(r)
	if err != nil {
		t.Fatal(err)
	}
	term = &Terminal{in: r, rd: rd, bg: make(chan color.Color, 1)}
	go term.readReply()
	return term, w
}

// replyFrom runs the reply reader over what a terminal would send back, then ends the wait as
// Paint does.
func replyFrom(t *testing.T, answer string, wait time.Duration) color.Color {
	t.Helper()
	term, w := replyReader(t)
	if _, err := w.WriteString(answer); err != nil {
		t.Fatal(err)
	}
	term.endReply(wait)
	return term.bgColor
}

func TestReplyBackgroundThenDA1(t *testing.T) {
	c := replyFrom(t, "\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c", time.Second)
	r, g, b, _ := c.RGBA()
	if c == nil || r != 0xffff || g != 0xffff || b != 0xffff {
		t.Fatalf("background %v, want white", c)
	}
}

func TestReplyDA1OnlyMeansNoBackground(t *testing.T) {
	start := time.Now()
	if c := replyFrom(t, "\x1b[?1;2c", time.Second); c != nil {
		t.Fatalf("background %v from a terminal that did not say", c)
	}
	if time.Since(start) > 500*time.Millisecond {
		t.Fatalf("DA1 did not end the wait")
	}
}

func TestReplySilentTerminalEndsAtTheBudget(t *testing.T) {
	start := time.Now()
	if c := replyFrom(t, "", 20*time.Millisecond); c != nil {
		t.Fatalf("background %v from silence", c)
	}
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Fatalf("the wait took %v", d)
	}
}

// An answer that arrives after DA1 is not read here: it is left for Bubble Tea.
func TestReplyStopsAtDA1(t *testing.T) {
	term, w := replyReader(t)
	_, _ = w.WriteString("\x1b[?1;2c")
	term.endReply(time.Second)
	_, _ = w.WriteString("x")
	buf := make([]byte, 1)
	if n, err := term.in.Read(buf); n != 1 || buf[0] != 'x' {
		t.Fatalf("input after DA1 was taken: %q %v", buf[:n], err)
	}
}

// TestRestoreBeforeTheModesChanged: a signal can reach the guard after Open started it and
// before Open changed the terminal's modes; its Restore must give back nothing rather than
// panic on the modes that were never saved.
func TestRestoreBeforeTheModesChanged(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	term := &Terminal{in: r, out: w}
	term.Restore()
	term.Restore() // and again, as Restore may be called more than once
}

// Keys typed before the frame, or while the answer is on its way, are kept for the program in
// the order they came, with the answer taken out; so are keys read together with DA1.
func TestReplyKeepsWhatWasTyped(t *testing.T) {
	term, w := replyReader(t)
	_, _ = w.WriteString("j\x1b[C\x1b]11;rgb:0000/0000/0000\x1b\\k\x1b[?62;22c\x03")
	term.endReply(time.Second)
	if term.bgColor == nil {
		t.Fatal("the background was not read")
	}
	if got, want := string(term.typed), "j\x1b[Ck\x03"; got != want {
		t.Fatalf("kept %q, want %q", got, want)
	}
	var got []string
	for _, msg := range typedAhead(term.typed, "xterm-256color") {
		k, ok := msg.(tea.KeyPressMsg)
		if !ok {
			t.Fatalf("%T (%v) from typed keys", msg, msg)
		}
		got = append(got, k.String())
	}
	if want := []string{"j", "right", "k", "ctrl+c"}; !slices.Equal(got, want) {
		t.Fatalf("typed ahead %q, want %q", got, want)
	}
}

// A lone Esc typed ahead is the Escape key, not the start of a sequence that never ends.
func TestTypedAheadEscape(t *testing.T) {
	msgs := typedAhead([]byte("\x1b"), "xterm-256color")
	if len(msgs) != 1 {
		t.Fatalf("%d messages from one Esc: %v", len(msgs), msgs)
	}
	if k, ok := msgs[0].(tea.KeyPressMsg); !ok || k.String() != "esc" {
		t.Fatalf("%v, want esc", msgs[0])
	}
	if msgs := typedAhead(nil, "xterm"); msgs != nil {
		t.Fatalf("messages from nothing typed: %v", msgs)
	}
}

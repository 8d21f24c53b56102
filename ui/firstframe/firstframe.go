// Package firstframe puts a Bubble Tea program's first frame on the screen before
// tea.Program.Run, so the screen is there at once instead of on the renderer's first tick.
//
// Bubble Tea computes the first View as soon as Run starts but flushes it only on the first
// tick of its 60 fps ticker (charm.land/bubbletea/v2 tea.go, startRenderer), and it detects the
// colour profile again unless it is given one (tea.WithColorProfile). Open works the profile
// out once and asks the terminal for its background; Paint draws the root model's View onto the
// alternate screen with the same cell renderer Bubble Tea uses (github.com/charmbracelet/
// ultraviolet); the renderer's first frame then repaints identical cells. Nothing here knows
// the model: it is sized and coloured with the same messages Bubble Tea sends it.
package firstframe

import (
	"bytes"
	"context"
	"image/color"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/cancelreader"
)

// replyBudget bounds the wait for the terminal's answer about its background: one frame of
// Bubble Tea's renderer (60 fps), so the first frame is never later than Bubble Tea alone would
// draw it, and a terminal that answers within it — local terminals and tmux answer within a
// millisecond, and DA1 ends the wait — has its background right from the first frame. Past it
// (a slow remote link) the frame is painted with the model's default background, as Bubble
// Tea's first tick would be, and the late answer reaches the program as an ordinary message.
const replyBudget = time.Second / 60

// Terminal is the terminal from Open until Restore.
type Terminal struct {
	in, out *os.File
	environ []string
	cooked  *term.State // the modes to give back
	opened  time.Time

	profile  chan colorprofile.Profile
	profOnce sync.Once
	prof     colorprofile.Profile
	likely   colorprofile.Profile // Expect's guess, if guessed
	guessed  bool

	canvas chan *canvas // made in Open, on a goroutine of its own

	rd      cancelreader.CancelReader
	bg      chan color.Color // the background, nil if the terminal did not say; closed when the reader ends
	bgColor color.Color
	// typed is what the reply reader read that is not the answer: keys typed before the
	// program could read them, which Program hands to it. Written by the reader before it
	// sends on bg or closes it.
	typed []byte

	sigs    chan os.Signal
	sigDone chan struct{}
	prog    *tea.Program
	// ending is set when a signal came before the program existed: the process is about to
	// end by it, and Program must not let Bubble Tea start (it would put the terminal back in
	// raw mode in the moment before the signal ends the process).
	ending bool

	mu      sync.Mutex
	painted bool
	done    bool
}

// Open takes the terminal for the start-up: raw mode until Restore (the answer to the query is
// read, not echoed, and so is one that comes late; see Paint), a signal guard until Bubble
// Tea has its own, the colour profile worked out in the background by detect (nil:
// colorprofile.Detect(out, environ), which is what Bubble Tea would do), and the
// background-colour query sent. in and out must be the terminal; the caller defers Restore.
func Open(in, out *os.File, environ []string, detect func() colorprofile.Profile) (*Terminal, error) {
	if !term.IsTerminal(in.Fd()) || !term.IsTerminal(out.Fd()) {
		return nil, os.ErrInvalid
	}
	t := &Terminal{in: in, out: out, environ: environ, opened: time.Now(),
		profile: make(chan colorprofile.Profile, 1), bg: make(chan color.Color, 1)}

	// A signal before Bubble Tea listens would end the process on the alternate screen.
	t.sigs, t.sigDone = make(chan os.Signal, 1), make(chan struct{})
	signal.Notify(t.sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	go t.guard(t.sigDone)

	// Under t.mu: a signal the guard takes meanwhile restores these modes, not none (Restore);
	// one it took already is ending the process, which must not change them now.
	t.mu.Lock()
	if t.ending {
		t.mu.Unlock()
		select {}
	}
	cooked, err := term.MakeRaw(in.Fd())
	t.cooked = cooked
	t.mu.Unlock()
	if err != nil {
		t.stopGuard()
		return nil, err
	}
	if detect == nil {
		detect = func() colorprofile.Profile { return colorprofile.Detect(out, environ) }
	}
	go func() { t.profile <- detect() }() // it may wait on tmux: let that overlap the query
	t.canvas = make(chan *canvas, 1)
	go func() {
		if w, h, err := term.GetSize(out.Fd()); err == nil && w > 0 && h > 0 {
			t.canvas <- newCanvas(w, h, environ)
		} else {
			t.canvas <- nil
		}
	}()

	if t.rd, err = uv.NewCancelReader(in); err == nil {
		if _, err = out.WriteString(ansi.RequestBackgroundColor + ansi.RequestPrimaryDeviceAttributes); err == nil {
			go t.readReply()
			return t, nil
		}
		_ = t.rd.Close()
		t.rd = nil
	}
	close(t.bg)
	return t, nil
}

// guard covers signals from Open until Restore. Before the program exists a signal restores
// the terminal and then ends the process as it would have. Once it exists, SIGINT and SIGTERM
// become the messages Bubble Tea's own handler sends (tea.go, handleSignals) — its handler is
// set up on a goroutine of its own, after Run starts, so a signal can come before it listens;
// when both see one, the program takes the first and the second finds it gone. SIGHUP, which
// Bubble Tea leaves alone, still ends the process, after the terminal is restored.
func (t *Terminal) guard(done <-chan struct{}) { // done: stopGuard sets t.sigDone to nil under t.mu
	for {
		select {
		case s := <-t.sigs:
			t.mu.Lock()
			p := t.prog
			if p == nil || (s != syscall.SIGINT && s != syscall.SIGTERM) {
				t.ending = true
			}
			t.mu.Unlock()
			switch {
			case p != nil && s == syscall.SIGINT:
				go p.Send(tea.InterruptMsg{})
			case p != nil && s == syscall.SIGTERM:
				go p.Send(tea.QuitMsg{})
			default:
				t.Restore()
				signal.Reset(s)
				if proc, err := os.FindProcess(os.Getpid()); err == nil {
					_ = proc.Signal(s)
				}
				// The signal ends the process; where it was ignored when the process started
				// (Reset puts that back), end it as the signal would have.
				time.Sleep(time.Second)
				if n, ok := s.(syscall.Signal); ok {
					os.Exit(128 + int(n))
				}
				os.Exit(1)
			}
		case <-done:
			return
		}
	}
}

func (t *Terminal) stopGuard() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.sigDone != nil {
		signal.Stop(t.sigs)
		close(t.sigDone)
		t.sigDone = nil
	}
}

// readReply reads the answers to the query: OSC 11 (the background), then DA1, which every
// terminal answers and so ends the wait. Everything else it reads — keys typed before the
// frame, or while the answer was on its way — is kept, whole sequences only, for the program
// (Program): a person who types ahead loses nothing. A sequence still incomplete when the
// wait is cut short is dropped: it is most likely the late answer itself.
func (t *Terminal) readReply() {
	defer close(t.bg)
	pa := ansi.GetParser()
	defer ansi.PutParser(pa)
	var (
		bg    color.Color
		acc   []byte
		buf   [256]byte
		state byte
	)
	for {
		n, err := t.rd.Read(buf[:])
		if err != nil {
			break
		}
		for p := buf[:n]; len(p) > 0; {
			seq, _, read, next := ansi.DecodeSequence(p, state, pa)
			acc = append(acc, seq...)
			state, p = next, p[read:]
			if next != ansi.NormalState {
				continue
			}
			switch {
			case ansi.HasOscPrefix(acc) && pa.Command() == 11:
				if _, c, ok := strings.Cut(string(pa.Data()), ";"); ok {
					bg = ansi.XParseColor(c)
				}
			case ansi.HasCsiPrefix(acc) && pa.Command() == ansi.Command('?', 0, 'c'):
				t.typed = append(t.typed, p...) // typed after the answer, read with it
				t.bg <- bg
				return
			default:
				t.typed = append(t.typed, acc...)
			}
			acc = acc[:0]
		}
	}
	if bg != nil {
		t.bg <- bg
	}
}

// Expect names the profile the detection given to Open will most likely find. While it is
// still working (it may wait on a subprocess), Paint draws the frame for this profile, and
// draws it again only if the detection then finds another: a guess costs time when wrong,
// never colours.
func (t *Terminal) Expect(p colorprofile.Profile) { t.likely, t.guessed = p, true }

// Paint sizes the model to the window and gives it the colour profile and, if the terminal
// said, its background — the messages Bubble Tea sends it first, which it sends again once
// running — then draws its View onto the alternate screen. A View that does not ask for the
// alternate screen is not painted: inline frames belong to the renderer. Commands the model
// returns here are dropped; it returns them again when Bubble Tea repeats the messages.
//
// Paint leaves the terminal raw. Were the modes given back here, a terminal answer arriving
// after the wait (a late DA1 reply) or a key typed before Bubble Tea takes the terminal would
// be echoed onto the frame by the cooked terminal. Bubble Tea makes it raw again (a no-op),
// puts back that raw state when Run ends, and Restore, called right after Run, gives back the
// modes Open found. Its output flags (tabs, backspace) are the ones Bubble Tea reads either
// way: raw mode changes neither (x/term's MakeRaw).
func (t *Terminal) Paint(m tea.Model) tea.Model {
	replied := func() {
		t.mu.Lock()
		t.endReply(time.Until(t.opened.Add(replyBudget)))
		t.mu.Unlock()
	}

	w, h, err := term.GetSize(t.out.Fd())
	if err != nil || w <= 0 || h <= 0 {
		replied()
		return m
	}
	prof, known := t.profileNow()
	if !known && t.guessed {
		prof = t.likely
	} else if !known {
		prof = t.colorProfile()
	}
	m, _ = m.Update(tea.ColorProfileMsg{Profile: prof})
	m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	// The first View, the slowest step in a fresh process (0.5–2 ms: code and memory touched
	// for the first time), is computed while the answer about the background is on its way;
	// with the answer it is computed again, warm (a tenth of that), as Bubble Tea would.
	v := m.View()
	if replied(); t.bgColor != nil {
		m, _ = m.Update(tea.BackgroundColorMsg{Color: t.bgColor})
		v = m.View()
	}
	if !v.AltScreen {
		return m
	}
	c := <-t.canvas
	if c == nil || c.w != w || c.h != h {
		c = newCanvas(w, h, t.environ)
	}
	out := c.frame(v.Content, prof)
	if actual := t.colorProfile(); actual != prof { // the guess was wrong: draw it again
		m, _ = m.Update(tea.ColorProfileMsg{Profile: actual})
		if v = m.View(); !v.AltScreen {
			return m
		}
		out = newCanvas(w, h, t.environ).frame(v.Content, actual)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		return m
	}
	t.painted = true
	_, _ = t.out.Write(out)
	return m
}

// colorProfile waits for the detection started in Open.
func (t *Terminal) colorProfile() colorprofile.Profile {
	t.profOnce.Do(func() { t.prof = <-t.profile })
	return t.prof
}

// profileNow is the detected profile if the detection is done, without waiting.
func (t *Terminal) profileNow() (colorprofile.Profile, bool) {
	select {
	case p := <-t.profile:
		t.profOnce.Do(func() { t.prof = p })
		return t.prof, true
	default:
		return 0, false
	}
}

// endReply waits up to wait for the answer to the query, then stops reading so that Bubble
// Tea's reader gets everything after it. t.mu is held.
func (t *Terminal) endReply(wait time.Duration) {
	if t.rd == nil {
		return
	}
	select {
	case t.bgColor = <-t.bg:
	case <-time.After(wait):
		t.rd.Cancel()
		t.bgColor = <-t.bg
	}
	_ = t.rd.Close()
	t.rd = nil
}

// canvas is Bubble Tea's renderer as it starts on a fresh alternate screen (cursed_renderer.go:
// a screen buffer of the window's size, erased, rendered full-screen with absolute moves; the
// erase is rendered with the frame, as in Bubble Tea's first flush). Making it (two cell
// buffers, at 120×40 about 0.8 MB of fresh memory at start-up) took 0.6–0.9 ms in the wizard's
// start-up, so Open has it made on another goroutine while the model is built and computes its
// View.
//
// It measures cells by grapheme cluster (ansi.GraphemeWidth) where Bubble Tea's renderer, in a
// terminal without mode 2027 such as tmux, measures by code point (ansi.WcWidth, go-runewidth).
// The two agree on every cell cloudorder draws — ASCII, CJK, box drawing, arrows and bullets;
// TestScreensMeasureTheSameEitherWay holds every golden screen to it — and so the renderer
// draws the same cells. What the code-point count costs is go-runewidth's width table: two
// 1.1 MB arrays built on the first rune above U+02FF, 0.8–1.5 ms in a quiet process and 2–4 ms
// on a busy one, the largest single cost of the first frame (`perf record` over 40 start-ups,
// docs/performance.md, "First frame"). Bubble Tea builds it for its own first frame, after
// this one is up.
// A cell the two measured differently would be drawn where grapheme clusters put it, and
// moved by the renderer's first frame.
type canvas struct {
	w, h  int
	out   bytes.Buffer
	cells uv.ScreenBuffer
	r     *uv.TerminalRenderer
}

func newCanvas(w, h int, environ []string) *canvas {
	c := &canvas{w: w, h: h, cells: uv.NewScreenBuffer(w, h)}
	c.cells.Method = ansi.GraphemeWidth
	c.out.WriteString(ansi.SetModeAltScreenSaveCursor + ansi.ResetModeTextCursorEnable)
	c.r = uv.NewTerminalRenderer(&c.out, environ)
	c.r.SetWidthMethod(ansi.GraphemeWidth)
	c.r.SetFullscreen(true)
	c.r.SetRelativeCursor(false)
	c.r.Resize(w, h)
	c.r.Erase() // rendered with the frame, as Bubble Tea's first flush renders its erase
	return c
}

// frame is what Paint writes: enter the alternate screen, hide the cursor, erase it, and draw
// content's cells in the profile's colours.
func (c *canvas) frame(content string, profile colorprofile.Profile) []byte {
	uv.NewStyledString(content).Draw(c.cells, c.cells.Bounds())
	c.r.SetColorProfile(profile)
	c.r.Render(c.cells.RenderBuffer)
	_ = c.r.Flush()
	return c.out.Bytes()
}

// Program is the Bubble Tea program for m (the model Paint returned) that carries on from the
// painted frame: it is given the profile detected in Open, so Run does not detect it again,
// the signals that come before its own handler listens, and the keys typed before it could
// read them, first and in order. Call it after Paint.
func (t *Terminal) Program(m tea.Model, opts ...tea.ProgramOption) *tea.Program {
	p := tea.NewProgram(m, append(opts, tea.WithColorProfile(t.colorProfile()))...)
	t.mu.Lock()
	if t.ending {
		t.mu.Unlock()
		select {} // a signal is ending the process (guard): Bubble Tea must not take the terminal
	}
	t.prog = p
	t.endReply(0) // as Paint left it, unless Paint was not called
	typed := typedAhead(t.typed, uv.Environ(t.environ).Getenv("TERM"))
	t.mu.Unlock()
	if len(typed) > 0 {
		// Send waits for Run's event loop (the channel is unbuffered, its senders served in
		// turn): the first message it takes is this one, before anything Bubble Tea reads
		// itself, and the rest follow at once — only a key typed in that very instant could
		// come between them.
		go func() {
			for _, msg := range typed {
				p.Send(msg)
			}
		}()
	}
	return p
}

// typedAhead is what Bubble Tea makes of input b: read with the decoder it reads the terminal
// with (uv.NewTerminalReader, as in bubbletea tty.go), its events turned into the messages
// Bubble Tea makes of them (bubbletea input.go, translateInputEvent) for what can come before
// it turns any input mode on — keys; a paste is keys then. Other events go as they are, as
// Bubble Tea sends those it does not know.
func typedAhead(b []byte, termName string) []tea.Msg {
	if len(b) == 0 {
		return nil
	}
	events := make(chan uv.Event)
	go func() {
		_ = uv.NewTerminalReader(bytes.NewReader(b), termName).StreamEvents(context.Background(), events)
		close(events)
	}()
	var msgs []tea.Msg
	for e := range events {
		switch e := e.(type) {
		case uv.KeyPressEvent:
			msgs = append(msgs, tea.KeyPressMsg(e))
		case uv.KeyReleaseEvent:
			msgs = append(msgs, tea.KeyReleaseMsg(e))
		default:
			msgs = append(msgs, e)
		}
	}
	return msgs
}

// Restore ends the signal cover, leaves the alternate screen if Paint entered it, shows the
// cursor and puts the terminal's modes back, whether or not Bubble Tea ever ran or drew. After
// Bubble Tea has left the alternate screen itself, leaving it again changes nothing on the
// screen (the cursor goes back to the same saved place). Safe to call more than once and from
// any goroutine; call it before printing anything after Run.
func (t *Terminal) Restore() {
	t.stopGuard()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		return
	}
	t.done = true
	t.endReply(0)
	if t.painted {
		_, _ = t.out.WriteString(ansi.ResetModeAltScreenSaveCursor + ansi.SetModeTextCursorEnable)
	}
	if t.cooked != nil { // nil: a signal came before Open changed the modes
		_ = term.Restore(t.in.Fd(), t.cooked)
	}
}

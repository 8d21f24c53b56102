// Package start starts the wizard's terminal: the first frame painted before Bubble Tea runs
// (ui/firstframe), with the colour profile lipgloss and the early `tmux info` (ui/earlyenv)
// already found, so the profile is detected once and tmux asked once.
package start

import (
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/term"

	"cloudorder/ui/earlyenv"
	"cloudorder/ui/firstframe"
)

// Startup is the terminal from the moment the wizard knows it will draw until Bubble Tea
// has it: taken (firstframe.Open) before the model is built, so that the terminal's answer
// about its background and the first frame's canvas are on their way while ui.New runs
// (0.3–1.5 ms in a fresh process), and given back by Restore.
type Startup struct {
	ff      *firstframe.Terminal // nil where the terminal could not be taken early
	opts    []tea.ProgramOption
	restore func()
}

// Terminal takes in and out, the terminal, for the first frame. Nothing may be printed
// between it and Restore. Where the terminal cannot be taken early, the program starts as
// Bubble Tea starts it alone.
func Terminal(in, out *os.File) *Startup {
	s := &Startup{opts: []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out)}, restore: func() {}}
	environ := os.Environ()
	ff, err := firstframe.Open(in, out, environ, func() colorprofile.Profile { return colourProfile(out, environ) })
	if err != nil {
		return s
	}
	if p, tmuxCounts, ok := stdoutProfile(out, environ); ok && tmuxCounts {
		// The frame is drawn for a tmux without 24-bit colour while `tmux info` is still
		// answering; drawn again if it says otherwise.
		ff.Expect(max(p, colorprofile.ANSI256))
	}
	s.ff, s.restore = ff, ff.Restore
	return s
}

// Restore gives the terminal back as it was (firstframe.Terminal.Restore); safe to call more
// than once.
func (s *Startup) Restore() { s.restore() }

// Program is the wizard's Bubble Tea program for m with its first frame already on the
// screen (see firstframe). Call Restore as soon as Run returns, before printing anything.
func (s *Startup) Program(m tea.Model) *tea.Program {
	if s.ff == nil {
		return tea.NewProgram(m, s.opts...)
	}
	return s.ff.Program(s.ff.Paint(m), s.opts...)
}

// colourProfile is colorprofile.Detect(out, environ) without running `tmux info` again: for
// stdout, lipgloss detected everything but tmux's part while initialising (ui/earlyenv
// kept TMUX from it) and earlyenv asked tmux in parallel.
func colourProfile(out *os.File, environ []string) colorprofile.Profile {
	p, tmuxCounts, ok := stdoutProfile(out, environ)
	switch {
	case !ok:
		return colorprofile.Detect(out, environ)
	case !tmuxCounts:
		return p
	}
	tmuxp := colorprofile.ANSI256
	if rgb, _ := earlyenv.TmuxRGB(); rgb {
		tmuxp = colorprofile.TrueColor
	}
	return max(p, tmuxp)
}

// stdoutProfile is lipgloss's profile for stdout and whether tmux's answer counts on top of
// it, by Detect's rule (colorprofile env.go): tmux counts for a terminal that is not dumb,
// unless the environment already means 24-bit colour or NO_COLOR; the profile is then the
// larger of the two. ok is false for another file, or when tmux was not asked early.
func stdoutProfile(out *os.File, environ []string) (p colorprofile.Profile, tmuxCounts, ok bool) {
	if out != os.Stdout || !earlyenv.TmuxAsked() {
		return 0, false, false
	}
	p = lipgloss.Writer.Profile
	tmuxCounts = term.IsTerminal(out.Fd()) && p != colorprofile.TrueColor && earlyenv.TmuxCanCount(uv.Environ(environ).LookupEnv)
	return p, tmuxCounts, true
}

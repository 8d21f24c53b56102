// Package earlyenv keeps TMUX out of sight of the colour-profile detection that lipgloss runs
// while the program's packages are initialised, and asks tmux itself, early and only for the
// wizard.
//
// lipgloss (charm.land/lipgloss/v2, writer.go) builds its package-level Writer with
// colorprofile.NewWriter(os.Stdout, os.Environ()); inside tmux, with stdout a terminal, that
// runs `tmux info` (github.com/charmbracelet/colorprofile, env.go) — a subprocess of 3–8 ms
// on every command, even `cloudorder version`, and then Bubble Tea ran it again. Nothing in
// cloudorder prints through that Writer; the wizard uses its profile only together with what
// tmux says (TmuxRGB), which gives exactly colorprofile.Detect's answer. The wizard draws its
// first frame while tmux answers and waits for the answer only before writing it
// (ui/firstframe, Expect). Not asking tmux at all would spare the subprocess's CPU (it shares
// the machine's cores with the start-up) but draw 256 colours inside a tmux that passes 24-bit
// colour on: not done. tmux 3.3a does not answer an XTGETTCAP query for Tc or RGB through the
// terminal (tried), so there is no asking it without a process.
//
// Order: Go initialises packages in import-path order among those whose imports are done
// (https://go.dev/ref/spec#Package_initialization). This package imports only packages that
// colorprofile imports too, and "cloudorder/…" sorts before "github.com/…", so it is always
// initialised before colorprofile, and so before lipgloss. Keep its imports within
// colorprofile's. e2e/colour_test.go checks the effect on the built binary.
package earlyenv

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"
)

var (
	tmux, held = os.LookupEnv("TMUX")
	answer     chan bool // tmux's answer, nil when tmux was not asked
	answerOnce sync.Once
	tmuxRGB    bool
)

func init() {
	if !held {
		return
	}
	_ = os.Unsetenv("TMUX")
	if tmux != "" && wizardArgs(os.Args[1:]) && term.IsTerminal(os.Stdout.Fd()) && TmuxCanCount(os.LookupEnv) {
		answer = make(chan bool, 1)
		go func() { answer <- askTmux(append(os.Environ(), "TMUX="+tmux)) }()
	}
}

// wizardArgs tells from the command line alone whether main will start the wizard: no
// arguments, or flags first (sub-commands are words; -h and --help print the usage). A wrong
// guess costs one unused subprocess, never a wrong answer.
func wizardArgs(args []string) bool {
	if len(args) == 0 {
		return true
	}
	return strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help"
}

// TmuxCanCount is colorprofile.Detect's rule for whether tmux's answer can raise the colour
// profile (colorprofile env.go, Detect): TERM is set and not dumb, and NO_COLOR is not set
// true. It decides both whether tmux is asked early (init) and whether its answer is used
// (ui/start); the rest of Detect's rule — a terminal, a profile not already 24-bit — is
// ui/start's.
func TmuxCanCount(lookup func(string) (string, bool)) bool {
	termName, hasTerm := lookup("TERM")
	noColorValue, _ := lookup("NO_COLOR")
	noColor, _ := strconv.ParseBool(noColorValue)
	return hasTerm && termName != "dumb" && !noColor
}

// askTmux is colorprofile's tmux check (env.go, func tmux) started before colorprofile can be
// used: any `tmux info` line reporting Tc or RGB as true means 24-bit colour. It runs during
// package initialisation, in parallel with it, where colorprofile.Tmux could only start after
// lipgloss's init — from a process environment that must not show TMUX until then. A tmux
// that does not answer within a second counts as a failed `tmux info`, as there.
func askTmux(env []string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "tmux", "info")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return false
	}
	for line := range bytes.SplitSeq(out, []byte("\n")) {
		if (bytes.Contains(line, []byte("Tc")) || bytes.Contains(line, []byte("RGB"))) &&
			bytes.Contains(line, []byte("true")) {
			return true
		}
	}
	return false
}

// Restore puts TMUX back as it was; main calls it before anything else reads the environment.
func Restore() {
	if held {
		_ = os.Setenv("TMUX", tmux)
		held = false
	}
}

// TmuxAsked tells whether tmux was asked early, without waiting for its answer.
func TmuxAsked() bool { return answer != nil }

// TmuxRGB waits for tmux's answer to the early `tmux info`: rgb is whether it reports 24-bit
// colour; asked is false when it was not asked (not inside tmux, stdout not a terminal, or not
// the wizard).
func TmuxRGB() (rgb, asked bool) {
	if answer == nil {
		return false, false
	}
	answerOnce.Do(func() { tmuxRGB = <-answer })
	return tmuxRGB, true
}

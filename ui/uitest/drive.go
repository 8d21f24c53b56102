// Package uitest runs a Bubble Tea model synchronously for tests, as a program would: the
// wizard's own tests (ui) and the command's (the root package) drive ui.Model through it. Only
// tests import it.
package uitest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// CommandWait is how long one command may take before the test fails: a command still
// running then is stuck, not slow (the sandbox answers in milliseconds; a loaded 2-core
// machine stretches that, not to seconds).
const CommandWait = 20 * time.Second

// Send gives msg to m's Update, draws the new model (a program draws after every update) and
// runs the commands it returns (Run). It answers the model after.
func Send[M tea.Model](t testing.TB, m M, msg tea.Msg) M {
	t.Helper()
	next, cmd := m.Update(msg)
	m = next.(M)
	_ = m.View()
	return Run(t, m, cmd)
}

// Run executes cmd and feeds the messages it yields back to m's Update, breadth first, until
// no command is left. Messages a synchronous driver cannot act on or must not loop on are
// dropped (Noise).
func Run[M tea.Model](t testing.TB, m M, cmd tea.Cmd) M {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := finish(t, c).(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			if Noise(msg) {
				continue
			}
			next, more := m.Update(msg)
			m = next.(M)
			queue = append(queue, more)
		}
	}
	return m
}

// finish runs c to its message; a command that does not finish within CommandWait fails the
// test.
func finish(t testing.TB, c tea.Cmd) tea.Msg {
	t.Helper()
	done := make(chan tea.Msg, 1)
	go func() { done <- c() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(CommandWait):
		t.Fatalf("a command did not finish within %s", CommandWait)
		return nil
	}
}

// Noise reports the messages a synchronous driver drops: quits, spinner and timer ticks (a
// tick's command re-arms the tick: fed back, it would loop), clipboard writes and terminal
// colour answers (no terminal here).
func Noise(msg tea.Msg) bool {
	if _, quit := msg.(tea.QuitMsg); quit {
		return true
	}
	name := strings.ToLower(fmt.Sprintf("%T", msg))
	return strings.Contains(name, "tick") || strings.Contains(name, "clipboard") || strings.Contains(name, "backgroundcolor")
}

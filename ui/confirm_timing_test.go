package ui

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
)

// The second y of a double press — a bounce, a held key, an impatient person, 0 to 500 ms after
// the first — never buys the order again, on the real clock: not after an identical order
// succeeded (the first y raises "place it AGAIN?", which takes the word again), and not after
// an unknown outcome (sandbox fault http500).
var doublePressGaps = []time.Duration{0, 20 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond,
	300 * time.Millisecond, 500 * time.Millisecond}

// startReal runs the wizard on the real clock against prov.
func startReal(t *testing.T, prov providers.Provider, srv *sandbox.Server) *program {
	m := New(Options{Provider: prov, APIs: testRegistry, Mode: providers.Sandbox, Clock: time.Now})
	st := &probeState{snap: snap(m, 0)}
	tm := teatest.NewTestModel(t, probe{st: st, m: m}, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	return &program{t: t, tm: tm, st: st, srv: srv}
}

func TestDoubleYAfterASuccessBuysOnce(t *testing.T) {
	t.Parallel()
	for _, gap := range doublePressGaps {
		t.Run(fmt.Sprint(gap), func(t *testing.T) {
			t.Parallel()
			prov, srv := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
			first := startReal(t, prov, srv)
			first.walk(fillAlibaba)
			time.Sleep(placement.Debounce + 100*time.Millisecond) // the review was read
			first.press("y")
			first.waitFor("the first order", func(m snapshot, _ string) bool { return m.where == "result" })
			first.quit()

			p := startReal(t, prov, srv)
			p.walk(fillAlibaba)
			time.Sleep(placement.Debounce + 100*time.Millisecond)
			p.press("y")
			time.Sleep(gap)
			p.press("y")
			p.waitFor("the duplicate question", func(m snapshot, _ string) bool { return m.ask == askDuplicate && m.keys >= p.sent })
			time.Sleep(placement.Debounce + 200*time.Millisecond) // anything in flight would have arrived
			if n := srv.Hits(sandbox.PAIOrders); n != 1 {
				t.Fatalf("y, then y %v later: the sandbox received %d orders, want 1", gap, n)
			}
			p.quit()
		})
	}
}

func TestDoubleYAfterAnUnknownOutcomeBuysOnce(t *testing.T) {
	t.Parallel()
	for _, gap := range doublePressGaps {
		t.Run(fmt.Sprint(gap), func(t *testing.T) {
			t.Parallel()
			prov, srv := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
			srv.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Count: 1})
			p := startReal(t, prov, srv)
			p.walk(fillAlibaba)
			time.Sleep(placement.Debounce + 100*time.Millisecond)
			p.press("y")
			p.waitFor("the unknown outcome", func(m snapshot, _ string) bool { return m.where == "review" && m.failed })
			// y y at once, as the person who saw the error and tries again.
			p.press("y")
			time.Sleep(gap)
			p.press("y")
			p.settle()
			time.Sleep(placement.Debounce + 200*time.Millisecond)
			if n := srv.Hits(sandbox.PAIOrders); n != 1 {
				t.Fatalf("y, then y %v later, after an unknown outcome: the sandbox received %d orders, want 1", gap, n)
			}
			// And once the question is on screen, read, y y still does not answer it.
			p.press("y")
			p.waitFor("the again question", func(m snapshot, _ string) bool { return m.ask == askUnknown && m.keys >= p.sent })
			time.Sleep(placement.Debounce + 100*time.Millisecond)
			p.press("y", "y")
			p.settle()
			if n := srv.Hits(sandbox.PAIOrders); n != 1 {
				t.Fatalf("y y on the again question: %d orders", n)
			}
			// Typing again places it: the protocol is not a wall.
			p.press("a", "g", "a", "i", "n")
			p.waitFor("the second order", func(m snapshot, _ string) bool { return m.where == "result" })
			if n := srv.Hits(sandbox.PAIOrders); n != 2 {
				t.Fatalf("again: %d orders, want 2", n)
			}
			p.quit()
		})
	}
}

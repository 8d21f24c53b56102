package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkFirstFrame measures launch → first frame of `cloudorder --sandbox` at 120×40 inside
// tmux, side by side with the harness's floor: the same new-session running a shell that echoes
// one word. Runs alternate (floor, wizard, floor, …) so both see the same machine load; the
// wizard's run ends when the pane shows the complete first screen, exactly as it looks once
// settled. Medians of at least 10 runs of each; -benchtime Nx asks for N.
//
//	go test ./e2e -run '^$' -bench FirstFrame -benchtime 20x
//
// It reports ms per first frame (wizard-ms), the floor (floor-ms) and their ratio (x-floor).
// A benchmark, not a test: nothing here fails on a slow or busy machine.
func BenchmarkFirstFrame(b *testing.B) {
	bin := cloudorderBinary(b)
	c := newControl(b)
	const w, h = 120, 40
	const word = "FLOOR-WORD"
	floorShell := "echo " + word + "; exec sleep 600"
	wizShell := wizardShell(b, bin, "en")

	// The settled first screen, taken once after everything the start-up does has landed.
	c.launch("settle", w, h, wizShell)
	time.Sleep(time.Second)
	settled := c.capture("settle", false)
	c.kill("settle")
	if !strings.Contains(settled, "SANDBOX") {
		b.Fatalf("the wizard's first screen lacks the SANDBOX banner:\n%s", settled)
	}

	runs := max(b.N, 10)
	floor := make([]time.Duration, 0, runs)
	wiz := make([]time.Duration, 0, runs)
	for i := range runs {
		name := fmt.Sprintf("f%d", i)
		t0 := time.Now()
		c.launch(name, w, h, floorShell)
		d, _ := c.until(name, t0, 10*time.Second, false, func(s string) bool { return strings.Contains(s, word) })
		floor = append(floor, d)
		c.kill(name)

		name = fmt.Sprintf("w%d", i)
		t0 = time.Now()
		c.launch(name, w, h, wizShell)
		d, _ = c.until(name, t0, 10*time.Second, false, func(s string) bool { return s == settled })
		wiz = append(wiz, d)
		c.kill(name)
	}
	mf, mw := median(floor), median(wiz)
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(ms(mw), "wizard-ms")
	b.ReportMetric(ms(mf), "floor-ms")
	b.ReportMetric(ms(mw)/ms(mf), "x-floor")
	b.Logf("%d runs each at %d×%d: floor median %.1f ms (min %.1f, max %.1f); wizard median %.1f ms (min %.1f, max %.1f); %.2f× the floor",
		runs, w, h, ms(mf), ms(slices.Min(floor)), ms(slices.Max(floor)), ms(mw), ms(slices.Min(wiz)), ms(slices.Max(wiz)), ms(mw)/ms(mf))
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

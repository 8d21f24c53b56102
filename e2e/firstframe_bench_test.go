package e2e

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkFirstFrame measures launch → first frame of `cloudorder --sandbox` at 120×40 inside
// tmux, side by side with the harness's floor: the same new-session running a shell that echoes
// one word. A control-mode client (control_test.go) polls capture-pane, so a capture costs a
// round trip to the server, not a process. Runs alternate (floor, wizard, version, floor, …) so
// all see the same machine load; the wizard's run ends when the pane shows the complete first
// screen exactly as it looks once settled; `cloudorder version` (until its line shows) is the
// cost of starting this binary at all. Medians of at least 10 runs of each; -benchtime Nx asks
// for N.
//
//	go test ./e2e -run '^$' -bench FirstFrame -benchtime 20x
//
// It reports the medians in ms (wizard-ms, floor-ms, version-ms) and the wizard's ratio to the
// floor (x-floor). CLOUDORDER_BENCH_BIN measures another build instead (an older commit, for a
// before/after). A benchmark, not a test: nothing here fails on a slow or busy machine.
func BenchmarkFirstFrame(b *testing.B) {
	bin := os.Getenv("CLOUDORDER_BENCH_BIN")
	if bin == "" {
		bin = cloudorderBinary(b)
	}
	c := newControl(b)
	const w, h = 120, 40
	const word = "FLOOR-WORD"
	floorShell := "echo " + word + "; exec sleep 600"
	versionShell := bin + " version; exec sleep 600"
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
	var floor, wiz, ver []time.Duration
	measure := func(name, shell string, done func(string) bool) time.Duration {
		t0 := time.Now()
		c.launch(name, w, h, shell)
		d, _ := c.until(name, t0, 10*time.Second, false, done)
		c.kill(name)
		return d
	}
	for i := range runs {
		floor = append(floor, measure(fmt.Sprintf("f%d", i), floorShell, func(s string) bool { return strings.Contains(s, word) }))
		wiz = append(wiz, measure(fmt.Sprintf("w%d", i), wizShell, func(s string) bool { return s == settled }))
		ver = append(ver, measure(fmt.Sprintf("v%d", i), versionShell, func(s string) bool { return strings.Contains(s, "cloudorder ") }))
	}
	mf, mw, mv := median(floor), median(wiz), median(ver)
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(ms(mw), "wizard-ms")
	b.ReportMetric(ms(mf), "floor-ms")
	b.ReportMetric(ms(mv), "version-ms")
	b.ReportMetric(ms(mw)/ms(mf), "x-floor")
	b.Logf("%d runs each at %d×%d, medians: floor %.1f ms (%.1f–%.1f), wizard %.1f ms (%.1f–%.1f), version %.1f ms (%.1f–%.1f); wizard %.2f× the floor, %.2f× version",
		runs, w, h, ms(mf), ms(slices.Min(floor)), ms(slices.Max(floor)), ms(mw), ms(slices.Min(wiz)), ms(slices.Max(wiz)),
		ms(mv), ms(slices.Min(ver)), ms(slices.Max(ver)), ms(mw)/ms(mf), ms(mw)/ms(mv))
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

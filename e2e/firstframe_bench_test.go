package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkFirstFrame measures launch → first frame of `cloudorder --sandbox` at 120×40 inside
// tmux, side by side with the floor of two harnesses, in the same rounds so all see the same
// machine load:
//
//   - control mode (control_test.go): a tmux control client starts the session and polls
//     capture-pane over its pipe, so a poll costs a round trip to the server;
//   - processes, the harness a person writes first: a `tmux new-session` process starts the
//     session and every poll is a `tmux capture-pane` process, timed from starting new-session.
//
// In each harness the floor is the same new-session running a shell that echoes one word.
// The wizard's run ends when the pane shows the complete first screen exactly as it looks once
// settled; `cloudorder version` (until its line shows, control mode) is the cost of starting
// this binary at all, and go-hello, a Go program that only prints a word, the Go runtime's.
// Medians of at least 10 runs of each; -benchtime Nx asks for N.
//
//	go test ./e2e -run '^$' -bench FirstFrame -benchtime 20x
//
// It reports the medians in ms and the wizard's ratio to each harness's floor (x-floor for
// control mode, x-floor-proc for processes). CLOUDORDER_BENCH_BIN measures another build
// instead; CLOUDORDER_BENCH_BEFORE adds a second build to the same rounds (wizard only, both
// harnesses), for a before/after under the same load. A benchmark, not a test: nothing here
// fails on a slow or busy machine.
func BenchmarkFirstFrame(b *testing.B) {
	bin := os.Getenv("CLOUDORDER_BENCH_BIN")
	if bin == "" {
		bin = cloudorderBinary(b)
	}
	before := os.Getenv("CLOUDORDER_BENCH_BEFORE")
	c := newControl(b)
	const w, h = 120, 40
	const word = "FLOOR-WORD"
	floorShell := "echo " + word + "; exec sleep 600"
	versionShell := bin + " version; exec sleep 600"
	const helloWord = "GO-HELLO"
	helloShell := goHelloBinary(b, helloWord) + "; exec sleep 600"
	// Every session gets the same environment, the wizard's private home; the wizard's shell
	// runs the binary alone, as a person's does.
	env := privateHome(b)
	wizShell := wizardCommand(bin, "en")
	beforeShell := ""
	if before != "" {
		beforeShell = wizardCommand(before, "en")
	}

	// The settled first screen, taken once after everything the start-up does has landed.
	c.launch("settle", w, h, wizShell, env...)
	time.Sleep(time.Second)
	settled := c.capture("settle", false)
	c.kill("settle")
	if !strings.Contains(settled, "SANDBOX") {
		b.Fatalf("the wizard's first screen lacks the SANDBOX banner:\n%s", settled)
	}
	isFloor := func(s string) bool { return strings.Contains(s, word) }
	isWizard := func(s string) bool { return s == settled }

	viaControl := func(name, shell string, done func(string) bool) time.Duration {
		t0 := time.Now()
		c.launch(name, w, h, shell, env...)
		d, _ := c.until(name, t0, 10*time.Second, false, done)
		c.kill(name)
		return d
	}
	viaProcesses := func(name, shell string, done func(string) bool) time.Duration {
		d := processesUntil(b, c.socket, name, w, h, shell, env, done)
		c.kill(name)
		return d
	}

	runs := max(b.N, 10)
	m := map[string][]time.Duration{}
	for i := range runs {
		m["floor"] = append(m["floor"], viaControl(fmt.Sprintf("f%d", i), floorShell, isFloor))
		m["wizard"] = append(m["wizard"], viaControl(fmt.Sprintf("w%d", i), wizShell, isWizard))
		m["version"] = append(m["version"], viaControl(fmt.Sprintf("v%d", i), versionShell, func(s string) bool { return strings.Contains(s, "cloudorder ") }))
		m["go-hello"] = append(m["go-hello"], viaControl(fmt.Sprintf("g%d", i), helloShell, func(s string) bool { return strings.Contains(s, helloWord) }))
		m["floor-proc"] = append(m["floor-proc"], viaProcesses(fmt.Sprintf("pf%d", i), floorShell, isFloor))
		m["wizard-proc"] = append(m["wizard-proc"], viaProcesses(fmt.Sprintf("pw%d", i), wizShell, isWizard))
		if before != "" {
			m["before"] = append(m["before"], viaControl(fmt.Sprintf("b%d", i), beforeShell, isWizard))
			m["before-proc"] = append(m["before-proc"], viaProcesses(fmt.Sprintf("pb%d", i), beforeShell, isWizard))
		}
	}
	med := func(k string) float64 { return ms(median(m[k])) }
	b.ReportMetric(0, "ns/op")
	for _, k := range []string{"floor", "wizard", "version", "go-hello", "floor-proc", "wizard-proc", "before", "before-proc"} {
		if len(m[k]) > 0 {
			b.ReportMetric(med(k), k+"-ms")
		}
	}
	b.ReportMetric(med("wizard")/med("floor"), "x-floor")
	b.ReportMetric(med("wizard-proc")/med("floor-proc"), "x-floor-proc")
	span := func(k string) string {
		return fmt.Sprintf("%s %.1f ms (%.1f–%.1f)", k, med(k), ms(slices.Min(m[k])), ms(slices.Max(m[k])))
	}
	b.Logf("%d runs each at %d×%d, medians: control mode: %s, %s, %s, %s — wizard %.2f×, version %.2f×, go-hello %.2f× the floor; processes: %s, %s — wizard %.2f× the floor",
		runs, w, h, span("floor"), span("wizard"), span("version"), span("go-hello"),
		med("wizard")/med("floor"), med("version")/med("floor"), med("go-hello")/med("floor"),
		span("floor-proc"), span("wizard-proc"), med("wizard-proc")/med("floor-proc"))
	if before != "" {
		b.Logf("before (%s): control mode %s (%.2f× the floor), processes %s (%.2f× the floor)",
			before, span("before"), med("before")/med("floor"), span("before-proc"), med("before-proc")/med("floor-proc"))
	}
}

// processesUntil is the processes harness: it starts the session with a `tmux new-session`
// process and polls with one `tmux capture-pane` process per poll, flat out, until done
// accepts the pane; the time counts from starting the new-session process.
func processesUntil(tb testing.TB, socket, name string, w, h int, shell string, env []string, done func(string) bool) time.Duration {
	tb.Helper()
	args := []string{"-L", socket, "new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}
	for _, kv := range env {
		args = append(args, "-e", kv)
	}
	t0 := time.Now()
	if out, err := exec.Command("tmux", append(args, shell)...).CombinedOutput(); err != nil {
		tb.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	var s string
	for time.Since(t0) < 10*time.Second {
		out, err := exec.Command("tmux", "-L", socket, "capture-pane", "-p", "-t", name).Output()
		if err != nil {
			tb.Fatalf("tmux capture-pane -t %s: %v", name, err)
		}
		// The control client's lines carry no trailing newline; keep the two comparable.
		if s = strings.TrimSuffix(string(out), "\n"); done(s) {
			return time.Since(t0)
		}
	}
	tb.Fatalf("%s: timed out; the pane shows:\n%s", name, s)
	return 0
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

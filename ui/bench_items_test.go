package ui

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
)

// dscWithItems is a DSC order of n product items on its products step, the focus on the
// first item's product id (a text field), at 120×40.
func dscWithItems(tb testing.TB, n int) *driver {
	d := newDriver(&testing.T{}, Options{Provider: &fakeProvider{}}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	s := d.m.s
	s.set("project_id", fillDSC["project_id"])
	for i := 1; i < n; i++ {
		s.api.AddItem(s.a(), "body.product_infos")
	}
	for i := range n { // straight into the answers: one validation, not n
		s.api.Set(s.a(), flows.ItemPath("body.product_infos", i)+".product_id", fillDSC["body.product_infos[0].product_id"])
	}
	s.validate()
	d.goStep(flows.StepProducts)
	d.focus("body.product_infos[0].product_id")
	if got := s.a().Count("body.product_infos"); got != n {
		tb.Fatalf("%d items, want %d", got, n)
	}
	return d
}

// BenchmarkItems measures one key press (Update and View) on a DSC order of 10, 100 and 1000
// items: moving between fields, and typing in one. The cost should follow what is on screen,
// not the size of the order.
func BenchmarkItems(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		for _, c := range []struct {
			name string
			keys []tea.KeyPressMsg
		}{
			{"move", []tea.KeyPressMsg{keyMsg("down"), keyMsg("up")}},
			{"type", []tea.KeyPressMsg{keyMsg("a"), keyMsg("backspace")}},
		} {
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				d := dscWithItems(b, n)
				var m tea.Model = d.m
				b.ReportAllocs()
				b.ResetTimer()
				cpu := cpuTime()
				for i := 0; b.Loop(); i++ {
					m, _ = m.Update(c.keys[i%2])
					_ = m.View()
				}
				reportCPU(b, cpu)
			})
		}
	}
}

// BenchmarkReviewItems measures opening the review of a DSC order of n items (building the
// order, its summary, body and command, and drawing it) and one scroll key on it.
func BenchmarkReviewItems(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("open/%d", n), func(b *testing.B) {
			d := dscWithItems(b, n)
			d.goStep(d.m.s.steps[len(d.m.s.steps)-1])
			b.ResetTimer()
			for b.Loop() {
				nm, _ := d.m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
				m := nm.(Model)
				for m.Where() != "review" {
					b.Fatalf("not at review: %s", m.Where())
				}
				_ = m.View()
				b.StopTimer()
				nm, _ = m.Update(keyMsg("esc"))
				d.m = nm.(Model)
				b.StartTimer()
			}
		})
		b.Run(fmt.Sprintf("scroll/%d", n), func(b *testing.B) {
			d := dscWithItems(b, n)
			d.walk(nil)
			var m tea.Model = d.m
			keys := []tea.KeyPressMsg{keyMsg("down"), keyMsg("up")}
			b.ResetTimer()
			cpu := cpuTime()
			for i := 0; b.Loop(); i++ {
				m, _ = m.Update(keys[i%2])
				_ = m.View()
			}
			reportCPU(b, cpu)
		})
	}
}

// cpuTime is the process's CPU time so far (user and system).
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// reportCPU adds cpu-ns/op: the CPU the process spent per key since start. On a shared
// machine ns/op also counts the time waiting for a core; cpu-ns/op does not (it does count
// the garbage collector's work, on every core).
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

package ui

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
	"cloudorder/measure"
)

// dscItems are the answers of a DSC order with n product items, made once per n. They are
// built in memory, not read from a file: an order file stops at flows.MaxValues values (about
// 800 items), while the wizard's add key grows an order without bound.
var dscItems = map[int]*flows.Answers{}

func dscAnswers(n int) *flows.Answers {
	if a, ok := dscItems[n]; ok {
		return a.Clone()
	}
	api := flows.DSC
	a := api.NewAnswers()
	api.Set(a, "region", "cn-north-4")
	api.Set(a, "project_id", fillDSC["project_id"])
	for i := 1; i < n; i++ {
		api.AddItem(a, "body.product_infos")
	}
	for i := range n {
		api.Set(a, flows.ItemPath("body.product_infos", i)+".product_id", fillDSC["body.product_infos[0].product_id"])
	}
	dscItems[n] = a
	return a.Clone()
}

// dscWithItems is the wizard opened (as --from opens it) on a DSC order of n product items,
// on its products step, the focus on the first item's product id (a text field), at 120×40.
func dscWithItems(tb testing.TB, n int) *driver {
	api, a := flows.DSC, dscAnswers(n)
	problems := api.Validate(a)
	if flows.Blocking(problems) {
		tb.Fatalf("order of %d items: %v", n, problems)
	}
	d := newDriver(&testing.T{}, Options{Provider: &fakeProvider{}, From: &Loaded{Name: "bench.json", API: api, Answers: a, Problems: problems}}, 120, 40)
	d.goStep(flows.StepProducts)
	d.focus("body.product_infos[0].product_id")
	if got := d.m.s.a().Count("body.product_infos"); got != n {
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
				pressInTurn(b, dscWithItems(b, n).m, c.keys...)
			})
		}
	}
}

// BenchmarkItemsAdd measures the add and remove keys on the products group of an order of n
// items, in turn: a change of the order's structure, after which flows keeps none of its
// per-item results (flows/incremental.go restructure).
func BenchmarkItemsAdd(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("add/%d", n), func(b *testing.B) {
			d := dscWithItems(b, n)
			d.focus("body.product_infos")
			pressInTurn(b, d.m, keyMsg("a"), keyMsg("x"))
		})
	}
}

// BenchmarkReviewItems measures opening the review of a DSC order of n items (building the
// order, its summary, body and command, and drawing it) and one scroll key on it.
func BenchmarkReviewItems(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		// open: the review again with nothing changed since it was last open; open-edited: an
		// answer changed since (an item's product id), so the order is built and summarised anew.
		for _, c := range []struct {
			name string
			edit bool
		}{{"open", false}, {"open-edited", true}} {
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				d := dscWithItems(b, n)
				d.goStep(d.m.s.steps[len(d.m.s.steps)-1])
				path := flows.ItemPath("body.product_infos", n/2) + ".product_id"
				id := d.m.s.a().Get(path)
				var cpu time.Duration
				for i := 0; b.Loop(); i++ {
					if c.edit {
						b.StopTimer()
						d.m.s.set(path, id+strconv.Itoa(i%2)) // as a typed key sets it,
						startLookups(d.m.s)                   // and lists the look-ups
						b.StartTimer()
					}
					start := measure.CPU()
					nm, _ := d.m.Update(keyMsg("enter"))
					m := nm.(Model)
					_ = m.View()
					cpu += measure.CPU() - start
					b.StopTimer()
					if m.Where() != "review" {
						b.Fatalf("not at review: %s", m.Where())
					}
					nm, _ = m.Update(keyMsg("esc"))
					d.m = nm.(Model)
					_ = d.m.View()
					b.StartTimer()
				}
				b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
			})
		}
		b.Run(fmt.Sprintf("scroll/%d", n), func(b *testing.B) {
			d := dscWithItems(b, n)
			d.walk(nil)
			pressInTurn(b, d.m, keyMsg("down"), keyMsg("up"))
		})
	}
}

// pressInTurn benchmarks m taking keys in turn, each update drawn as a program draws it, and
// reports allocations and cpu-ns/op.
func pressInTurn(b *testing.B, m tea.Model, keys ...tea.KeyPressMsg) {
	b.ReportAllocs()
	b.ResetTimer()
	cpu := measure.CPU()
	for i := 0; b.Loop(); i++ {
		m, _ = m.Update(keys[i%len(keys)])
		_ = m.View()
	}
	reportCPU(b, cpu)
}

// reportCPU adds cpu-ns/op: the CPU the process spent per key since start. On a shared
// machine ns/op also counts the time waiting for a core; cpu-ns/op does not (it does count
// the garbage collector's work, on every core).
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(measure.CPU()-start)/float64(b.N), "cpu-ns/op")
}

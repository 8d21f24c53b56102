package ui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cloudorder/measure"
)

// BenchmarkItemsUpdate is BenchmarkItems' typing without drawing: Model.Update of a typed key
// (a key, then backspace) on a DSC order of 10, 100 and 1000 items — the answers' side of a
// key (flows' Set and Validate, the rows, the look-ups). It should not grow with the order.
func BenchmarkItemsUpdate(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("type/%d", n), func(b *testing.B) {
			d := dscWithItems(b, n)
			var m tea.Model = d.m
			keys := []tea.KeyPressMsg{keyMsg("a"), keyMsg("backspace")}
			b.ReportAllocs()
			b.ResetTimer()
			cpu := measure.CPU()
			i := 0
			for ; b.Loop(); i++ {
				m, _ = m.Update(keys[i%2])
			}
			reportCPU(b, cpu)
			want := fillDSC["body.product_infos[0].product_id"]
			if i%2 == 1 {
				want += "a"
			}
			if got := m.(Model).s.a().Get("body.product_infos[0].product_id"); got != want {
				b.Fatalf("product id %q after %d keys, want %q", got, i, want)
			}
		})
	}
}

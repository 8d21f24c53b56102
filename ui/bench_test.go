package ui

import (
	"testing"

	"cloudorder/flows"
)

// benchStep measures one key press (Update plus View) on a screen at 120×40: the key moves
// the focus down and back up (or scrolls review), so the state stays the same across runs.
func benchStep(b *testing.B, fill map[string]string, where string) {
	d := newDriver(&testing.T{}, Options{Provider: &fakeProvider{}}, 120, 40)
	if where == "review" {
		d.walk(fill)
	} else {
		for i := 0; i < 400 && d.m.Where() != where; i++ {
			r := d.focused()
			if _, api := r.w.(apiWidget); api {
				for d.value(r) != fill["api"] {
					d.keys("right")
				}
			}
			if _, text := r.w.(textWidget); fill[r.path()] != "" && text && d.value(r) != fill[r.path()] {
				want := fill[r.path()]
				d.keys("ctrl+u")
				d.typ(want)
			}
			d.keys("enter")
		}
	}
	if d.m.Where() != where {
		b.Skipf("no %s step", where)
	}
	pressInTurn(b, d.m, keyMsg("down"), keyMsg("up"))
}

func BenchmarkKeystrokeAPI(b *testing.B)    { benchStep(b, fillAlibaba, string(flows.StepAPI)) }
func BenchmarkKeystrokeRegion(b *testing.B) { benchStep(b, fillDSC, string(flows.StepRegion)) }
func BenchmarkKeystrokeProducts(b *testing.B) {
	benchStep(b, fillWorkspace, string(flows.StepProducts))
}
func BenchmarkKeystrokeBilling(b *testing.B) { benchStep(b, fillAlibaba, string(flows.StepBilling)) }
func BenchmarkKeystrokeProperties(b *testing.B) {
	benchStep(b, fillWorkspace, string(flows.StepProperties))
}
func BenchmarkKeystrokeVolumes(b *testing.B) { benchStep(b, fillWorkspace, string(flows.StepVolumes)) }
func BenchmarkKeystrokeReview(b *testing.B)  { benchStep(b, fillWorkspace, "review") }

// BenchmarkKeystrokeTyping types into a text field: each key re-derives and re-validates.
func BenchmarkKeystrokeTyping(b *testing.B) {
	d := newDriver(&testing.T{}, Options{Provider: &fakeProvider{}}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	d.keys("enter")
	d.focus("project_id")
	pressInTurn(b, d.m, keyMsg("a"), keyMsg("backspace"))
}

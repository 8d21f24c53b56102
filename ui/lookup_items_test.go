package ui

import (
	"testing"

	"cloudorder/flows"
)

// An item added with the same spec as an earlier one gets its product id from the look-up
// already answered for that spec, as the earlier item did from the look-up itself.
func TestAddedItemWithTheSameSpecGetsItsProductID(t *testing.T) {
	p := &fakeProvider{lookups: map[string][]flows.Option{
		"dsc/product-id": {{Value: "OFFI740586375358963717"}},
	}}
	d := newDriver(t, Options{Provider: p, ProjectID: fillDSC["project_id"]}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	d.goStep(flows.StepProducts)
	d.focus("body.product_infos")
	a := d.m.Answers()
	for i := 1; i <= 3; i++ {
		d.keys("a")
		item := flows.ItemPath("body.product_infos", i)
		if a.Count("body.product_infos") != i+1 {
			t.Fatalf("a did not add item %d:\n%s", i, d.view())
		}
		if got := a.Get(item + ".product_id"); got != "OFFI740586375358963717" {
			t.Fatalf("item %d has product id %q, want the look-up's answer for its spec\n%s", i, got, d.view())
		}
		d.focus("body.product_infos")
	}
}

package flows

import (
	"reflect"
	"testing"
)

// LookupSlots must list exactly the look-up rows Slots lists, in the same order, also when
// arrays hold several items.
func TestLookupSlotsAreSlotsWithALookup(t *testing.T) {
	rows := 0
	for _, api := range testAPIs {
		a := api.NewAnswers()
		api.Set(a, "region", "cn-north-4")
		for _, f := range api.Fields {
			addItems(api, a, f, "")
		}
		for _, step := range AllSteps {
			var want []Slot
			for _, s := range api.Slots(a, step) {
				if !s.Heading && s.Field.Lookup != "" {
					want = append(want, s)
				}
			}
			rows += len(want)
			if got := api.LookupSlots(a, step); !reflect.DeepEqual(got, want) {
				t.Errorf("%s step %v: LookupSlots %+v, Slots' look-ups %+v", api.ID, step, got, want)
			}
		}
	}
	if rows < 10 {
		t.Fatalf("only %d look-up rows: the orders were not filled as meant", rows)
	}
}

// addItems gives every top-level or nested array two more items.
func addItems(api *API, a *Answers, f *Field, parent string) {
	path := join(parent, f.Name)
	if f.Kind == Array {
		api.AddItem(a, path)
		api.AddItem(a, path)
		for i := range a.Count(path) {
			for _, in := range f.Fields {
				addItems(api, a, in, ItemPath(path, i))
			}
		}
		return
	}
	for _, in := range f.Fields {
		addItems(api, a, in, path)
	}
}

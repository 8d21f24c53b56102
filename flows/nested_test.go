package flows

import (
	"math/rand/v2"
	"testing"
)

// An item whose nested array needs a first item (MinItems) changes the order's structure
// while reconcile records what the item reads: reads after that, outside the item, must not
// meet a dropped cache, and the result is the one computed from scratch.
func TestNestedMinimumInsideAnItem(t *testing.T) {
	region := func(c Ctx) bool { return c.Get("region") != "" }
	api := &API{ID: "nested-test", Fields: []*Field{
		{Name: "region", Kind: String, Step: StepRegion, Default: "r1"},
		{Name: "body", Kind: Object, Step: StepProducts, Fields: []*Field{
			{Name: "items", Kind: Array, Step: StepProducts, MinItems: 1, Fields: []*Field{
				{Name: "sub", Kind: Array, Step: StepProducts, MinItems: 1, Fields: []*Field{
					{Name: "x", Kind: String, Step: StepProducts, Applies: region, Default: "d"},
				}},
				{Name: "y", Kind: String, Step: StepProducts, Applies: region, Default: "e"},
			}},
		}},
	}}
	a := api.NewAnswers()
	api.AddItem(a, "body.items")
	api.Set(a, "region", "r2")
	ref := a.Clone()
	refReconcile(api, ref, "")
	if !sameAnswers(a, ref) {
		t.Errorf("answers %v, from scratch %v", a.Values(), ref.Values())
	}
	if got, want := api.Validate(a), refValidate(api, a); !sameProblems(got, want) {
		t.Errorf("problems %v, from scratch %v", got, want)
	}
	checkSequence(t, api, a, rand.New(rand.NewPCG(1, 7)), 200)
}

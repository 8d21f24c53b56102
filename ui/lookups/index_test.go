package lookups

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"cloudorder/flows"
	"cloudorder/providers"
)

// The index must always list what Of lists, and Take must name every field whose query or
// readiness changed since the last Take, after any sequence of changes.
func TestIndexFollowsOf(t *testing.T) {
	for _, api := range (flows.Registry{flows.PAI, flows.DSC, flows.WorkspaceApp}) {
		rng := rand.New(rand.NewPCG(1, 2))
		a := api.NewAnswers()
		var x Index
		x.Update(api, a)
		x.Take()
		prev := Of(api, a)
		for step := range 300 {
			var paths []string
			for _, st := range flows.AllSteps {
				for _, s := range api.Slots(a, st) {
					if !s.Heading && s.Field.Kind.IsScalar() {
						paths = append(paths, s.Path)
					}
					if !s.Heading && s.Field.Kind == flows.Array && rng.IntN(40) == 0 {
						api.AddItem(a, s.Path)
					}
				}
			}
			p := paths[rng.IntN(len(paths))]
			v := []string{"", "x", "cn-north-4", "vpc-1", "hws.resource.type.dsc.obs", "DB_standard", "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "3"}[rng.IntN(8)]
			api.Set(a, p, v)
			x.Update(api, a)
			changed, all := x.Take()
			want := Of(api, a)
			if !reflect.DeepEqual(x.Fields(), want) {
				t.Fatalf("%s step %d (%s=%q): index %+v, Of %+v", api.ID, step, p, v, x.Fields(), want)
			}
			for i, f := range want {
				if x.Key(i) != Key(providers.Target{}, f.Query) {
					t.Fatalf("%s step %d: key %d %q, want %q", api.ID, step, i, x.Key(i), Key(providers.Target{}, f.Query))
				}
				moved := len(prev) != len(want) || !reflect.DeepEqual(prev[i], f)
				if moved && !all && !contains(changed, i) {
					t.Fatalf("%s step %d (%s=%q): look-up %s changed (%+v → %+v) but Take did not name it",
						api.ID, step, p, v, f.Slot.Path, prev[i], f)
				}
			}
			prev = want
		}
	}
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

package lookups

import (
	"slices"

	"cloudorder/flows"
	"cloudorder/providers"
)

// Index is Of kept up to date by what changed, so that a typed key on a long order looks at
// the look-ups whose query could have changed, not at every item's (ui/bench_items_test.go):
// a field's query reads only the region, the project id and its declared inputs. The list is
// made again when the rows may have changed (flows.API.Shape) or the answers cannot say what
// changed (flows.Answers.ChangedSince).
type Index struct {
	api   *flows.API
	a     *flows.Answers
	shape uint64
	rev   uint64

	fields  []Field
	keys    []string         // Key(providers.Target{}, fields[i].Query)
	byPath  map[string]int   // slot path → index
	byInput map[string][]int // answer path → the fields whose query reads it

	changed []int // fields whose query may have changed since the last Take
	all     bool  // every field may have
}

// Update brings the index to the answers, noting which fields' query may have changed (Take).
func (x *Index) Update(api *flows.API, a *flows.Answers) {
	shape := api.Shape(a)
	paths, ok := a.ChangedSince(x.rev)
	if api != x.api || a != x.a || shape != x.shape || !ok {
		x.rebuild(api, a, shape)
		return
	}
	x.rev = a.Rev()
	hasProject := hasProjectField(api)
	for _, p := range paths {
		if p == "region" || p == "project_id" {
			x.rebuild(api, a, shape) // every query holds them
			return
		}
		for _, i := range x.byInput[p] {
			x.fields[i] = fieldOf(api, x.fields[i].Slot, a, hasProject)
			x.keys[i] = Key(providers.Target{}, x.fields[i].Query)
			x.changed = append(x.changed, i)
		}
	}
}

// Take returns the indexes of the fields whose query may have changed since the last Take,
// in wizard order, or all = true when every field must be taken as changed, and forgets them.
func (x *Index) Take() (changed []int, all bool) {
	changed, all = x.changed, x.all
	x.changed, x.all = nil, false
	slices.Sort(changed)
	return slices.Compact(changed), all
}

func (x *Index) rebuild(api *flows.API, a *flows.Answers, shape uint64) {
	x.api, x.a, x.shape, x.rev = api, a, shape, a.Rev()
	x.changed, x.all = nil, true
	x.fields = Of(api, a)
	x.keys = make([]string, len(x.fields))
	x.byPath = make(map[string]int, len(x.fields))
	x.byInput = map[string][]int{}
	for i, fl := range x.fields {
		x.keys[i] = Key(providers.Target{}, fl.Query)
		x.byPath[fl.Slot.Path] = i
		for _, in := range fl.Slot.Field.LookupInputs {
			p := InputPath(fl.Slot, in)
			x.byInput[p] = append(x.byInput[p], i)
		}
	}
}

// Forget makes the next Update list every field again.
func (x *Index) Forget() { x.a = nil }

// Fields are the look-ups as of the last Update (shared: not to be changed).
func (x *Index) Fields() []Field { return x.fields }

// Key is the query key (Key with no target) of field i as of the last Update.
func (x *Index) Key(i int) string { return x.keys[i] }

// KeyAt returns the query key of the look-up at path, when the index is current for a.
func (x *Index) KeyAt(a *flows.Answers, path string) (string, bool) {
	if x.a != a || x.rev != a.Rev() {
		return "", false
	}
	i, ok := x.byPath[path]
	if !ok {
		return "", false
	}
	return x.keys[i], true
}

// Readers are the indexes of the fields whose query reads the answer at path.
func (x *Index) Readers(path string) []int { return x.byInput[path] }

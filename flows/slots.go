package flows

import (
	"slices"
	"strconv"
	"sync"

	"cloudorder/i18n"
)

// Slot is one row of a wizard step: a field at a concrete path. Heading rows (objects,
// properties, array items) carry no answer; the UI shows them as section titles.
type Slot struct {
	Path    string
	Field   *Field
	Item    string // the enclosing array item, "" at top level
	Depth   int    // nesting level, for indentation
	Heading bool   // an Object/Properties title or an array item title (Index ≥ 0)
	Index   int    // item number for an array item heading, else -1
}

// Ctx returns the field context of the slot.
func (s Slot) Ctx(a *Answers) Ctx { return Ctx{A: a, Path: s.Path, Item: s.Item} }

// Slots lists the rows of one step for the current answers. Array fields appear as a row of
// their own (add/remove items) in their step; their items' fields appear in the fields' steps
// under an item heading.
func (api *API) Slots(a *Answers, step Step) []Slot {
	return slotsOf(a, api, api.Fields, "", "", 0, step, false)
}

// LookupSlots lists the rows of one step whose fields have a look-up (Field.Lookup), as Slots
// lists them, without walking the fields that hold none: the wizard lists every look-up
// again after each typed key.
func (api *API) LookupSlots(a *Answers, step Step) []Slot {
	var out []Slot
	for _, s := range slotsOf(a, api, api.Fields, "", "", 0, step, true) {
		if !s.Heading && s.Field.Lookup != "" {
			out = append(out, s)
		}
	}
	return out
}

// slotsOf lists the rows of fields under parent; api is set at the top level, where the rows
// of each outermost item are kept per step until the item changes (flows/incremental.go).
func slotsOf(a *Answers, api *API, fields []*Field, parent, item string, depth int, step Step, lookups bool) []Slot {
	var out []Slot
	for _, f := range ranked(fields) {
		if !holdsStep(f, step) || lookups && !holdsLookup(f) {
			continue // nothing of this step (or no look-up) inside: its items need not be walked
		}
		path := join(parent, f.Name)
		c := Ctx{A: a, Path: path, Item: item}
		if !f.AppliesAt(c) {
			continue
		}
		switch f.Kind {
		case Object, Properties:
			inner := slotsOf(a, api, f.Fields, path, item, depth+1, step, lookups)
			if len(inner) > 0 {
				if path != "body" {
					out = append(out, Slot{Path: path, Field: f, Item: item, Depth: depth, Heading: true, Index: -1})
				} else {
					inner = dedent(inner)
				}
				out = append(out, inner...)
			}
		case Array:
			if f.Step == step {
				out = append(out, Slot{Path: path, Field: f, Item: item, Depth: depth, Index: -1})
			}
			if api != nil {
				out = itemSlots(a, api, f, path, out, depth, step, lookups)
				continue
			}
			for i := range a.Count(path) {
				ip := ItemPath(path, i)
				inner := slotsOf(a, nil, f.Fields, ip, ip, depth+1, step, lookups)
				if len(inner) > 0 {
					out = append(out, Slot{Path: ip, Field: f, Item: ip, Depth: depth, Heading: true, Index: i})
					out = append(out, inner...)
				}
			}
		default:
			if f.Step == step {
				out = append(out, Slot{Path: path, Field: f, Item: item, Depth: depth, Index: -1})
			}
		}
	}
	return out
}

// itemSlots appends the rows of each item of the outermost Array f at path, as slotsOf
// would list them, reusing an item's rows while it is unchanged.
func itemSlots(a *Answers, api *API, f *Field, path string, out []Slot, depth int, step Step, lookups bool) []Slot {
	arr := a.incFor(api).array(a, path, f)
	key := slotKey{step: step, lookups: lookups, depth: depth}
	for i, e := range arr.items {
		inner, ok := e.slots[key]
		if !ok {
			a.recording(e, func() { inner = slotsOf(a, nil, f.Fields, e.path, e.path, depth+1, step, lookups) })
			if e.slots == nil {
				e.slots = map[slotKey][]Slot{}
			}
			e.slots[key] = inner
		}
		if len(inner) > 0 {
			out = append(out, Slot{Path: e.path, Field: f, Item: e.path, Depth: depth, Heading: true, Index: i})
			out = append(out, inner...)
		}
	}
	return out
}

// dedent lifts the body's rows to the top level: "body" itself is not worth a heading.
func dedent(s []Slot) []Slot {
	for i := range s {
		s[i].Depth--
	}
	return s
}

// ItemTitle titles an array item heading, e.g. "Products #1 · DataWorks_share".
func ItemTitle(a *Answers, s Slot) i18n.Text {
	n := strconv.Itoa(s.Index + 1)
	t := i18n.Text{EN: s.Field.Label.EN + " #" + n, ZH: s.Field.Label.ZH + " #" + n}
	if s.Field.SummaryKey != "" {
		if v := a.Get(s.Path + "." + s.Field.SummaryKey); v != "" {
			t.EN += " · " + v
			t.ZH += " · " + v
		}
	}
	return t
}

// ranked returns fields in wizard order: by Rank, then declaration order. The result is
// shared and must not be changed: Slots asks it for every group of every item on each key, and
// sorting each time was a tenth of a key's cost on a long order (ui/bench_items_test.go).
func ranked(fields []*Field) []*Field {
	if slices.IsSortedFunc(fields, byRank) {
		return fields
	}
	key := rankKey{first: &fields[0], n: len(fields)}
	if out, ok := rankedCache.Load(key); ok {
		return out.([]*Field)
	}
	out := slices.Clone(fields)
	slices.SortStableFunc(out, byRank)
	rankedCache.Store(key, out)
	return out
}

func byRank(x, y *Field) int { return x.Rank - y.Rank }

// rankKey names a declared list of fields by its storage (declarations do not change once
// made): two lists that merely start with the same field are different lists.
type rankKey struct {
	first **Field
	n     int
}

var rankedCache sync.Map // rankKey → []*Field

// holdsStep says whether f, or a field inside it at any depth, belongs to step: a field that
// does not gives no row on that step. Slots is asked for every step on each key (the look-ups
// of all steps are listed again), and walking every item of a long order's arrays for steps
// that show none of them was most of that listing (ui/bench_items_test.go).
func holdsStep(f *Field, step Step) bool {
	key := stepKey{f, step}
	if v, ok := stepCache.Load(key); ok {
		return v.(bool)
	}
	held := f.Step == step
	for _, in := range f.Fields {
		held = held || holdsStep(in, step)
	}
	stepCache.Store(key, held)
	return held
}

// holdsLookup says whether f, or a field inside it at any depth, has a look-up.
func holdsLookup(f *Field) bool {
	if v, ok := lookupCache.Load(f); ok {
		return v.(bool)
	}
	held := f.Lookup != ""
	for _, in := range f.Fields {
		held = held || holdsLookup(in)
	}
	lookupCache.Store(f, held)
	return held
}

var lookupCache sync.Map // *Field → bool (declarations do not change once made)

type stepKey struct {
	f    *Field
	step Step
}

var stepCache sync.Map // stepKey → bool (declarations do not change once made)

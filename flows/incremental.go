package flows

import (
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// Typing a key on a long order must cost what changed, not the size of the order
// (ui/bench_items_test.go, docs/performance.md). Reconcile, Validate, Slots, LookupSlots,
// Shape and Build therefore keep what they found inside each item of the outermost arrays (the
// products of an order) and reuse it while nothing it depends on changed.
//
// What an item's results depend on is recorded, not declared: the fields' functions read
// answers only through *Answers (Get, Has, Given, Count, Stuck, via Ctx), so while an item is
// computed every read of an answer outside the item is noted (say "region", or another
// item's resource_type). A write inside an item, or to an answer an item read, drops that
// item's results; a change of the order's structure (an item added or removed, a count, a
// file loaded) drops all of them. The top-level fields are recomputed every time (they are
// few), and each cross-field Rule is cached the same way with every read recorded.
// flows/incremental_test.go holds every result to a computation from scratch.

// incState is the cache of one Answers for one API. Clone never copies it.
type incState struct {
	api     *API
	arrays  map[string]*itemArray  // outermost arrays, by path
	readers map[string][]*cacheEnt // answer path → the entries that read it
	rules   []*cacheEnt            // per api.Rules entry
	dirty   []*cacheEnt            // items whose shape (Shape) is not checked since they changed
	topSig  []sigMark              // the shape of the top-level fields, last checked
	shape   uint64
	paths   map[*Field]string // top-level fields' paths, made once
}

// itemArray is one outermost Array's items, as built for the current structure, and which of
// them need work, so that a key looks at the items it changed rather than at every item.
type itemArray struct {
	path  string
	field *Field
	items []*cacheEnt
	// unsettled holds every item reconcile must walk, unchecked every item whose problems
	// are not known (both may also hold items done since, and repeats); withProblems lists,
	// in order, the items whose known problems are not empty.
	unsettled, unchecked, withProblems []int
}

// cacheEnt is what is known of one outermost array item (or of one rule, path "").
type cacheEnt struct {
	path  string              // the item's path, "body.product_infos[3]"; "" for a rule
	arr   *itemArray          // the array it is an item of; nil for a rule
	index int                 // its index there
	reads map[string]struct{} // answers outside the item it read (all of them for a rule)

	settled  bool      // reconcile walked it and found nothing to re-derive
	probsOK  bool      // problems holds Validate's problems of the item (or the rule's)
	problems []Problem // (shared: callers get copies)
	slots    map[slotKey][]Slot
	json     []byte // the item as Build writes it, when jsonOK
	jsonOK   bool
	sig      []sigMark // the applicable fields inside it, when sigOK
	sigOK    bool
	inDirty  bool
}

type slotKey struct {
	step    Step
	lookups bool
	depth   int
}

// sigMark is one applicable field in a shape: the field and whether it offers documented
// values there (the wizard draws a field with values as a pick, without as text).
type sigMark struct {
	f       *Field
	options bool
}

// shapes numbers shapes uniquely across all answers, so a number never comes back.
var shapes atomic.Uint64

func (e *cacheEnt) invalidate() {
	if e.settled && e.arr != nil {
		e.arr.unsettled = append(e.arr.unsettled, e.index)
	}
	if e.probsOK && e.arr != nil {
		e.arr.unchecked = append(e.arr.unchecked, e.index)
	}
	e.settled, e.probsOK, e.sigOK, e.jsonOK = false, false, false, false
	e.problems, e.json = nil, nil
	clear(e.slots)
}

// many reports whether list names so many of the array's items that going over all of them
// in order is cheaper than picking them out.
func (arr *itemArray) many(list []int) bool { return len(list) > len(arr.items)/4+8 }

// incFor returns the cache of a for api, made fresh when there is none or it is another API's.
func (a *Answers) incFor(api *API) *incState {
	if a.inc == nil || a.inc.api != api {
		a.inc = &incState{api: api, arrays: map[string]*itemArray{}, readers: map[string][]*cacheEnt{},
			shape: shapes.Add(1)}
	}
	return a.inc
}

// array returns the items of the outermost array at path for the current structure.
func (in *incState) array(a *Answers, path string, f *Field) *itemArray {
	arr := in.arrays[path]
	if arr == nil {
		// Only a structural change alters a count, and that drops the whole cache; the items
		// are built once per structure.
		n := a.counts[path]
		arr = &itemArray{path: path, field: f, items: make([]*cacheEnt, n)}
		for i := range arr.items {
			arr.items[i] = &cacheEnt{path: ItemPath(path, i), arr: arr, index: i}
			in.markDirty(arr.items[i])
			arr.unsettled = append(arr.unsettled, i)
			arr.unchecked = append(arr.unchecked, i)
		}
		in.arrays[path] = arr
	}
	return arr
}

func (in *incState) markDirty(e *cacheEnt) {
	if !e.inDirty {
		e.inDirty = true
		in.dirty = append(in.dirty, e)
	}
}

// wrote drops what depended on the answer at path: the item holding it and every entry that
// read it.
func (in *incState) wrote(path string) {
	if e := in.owner(path); e != nil {
		e.invalidate()
		in.markDirty(e)
	}
	for _, e := range in.readers[path] {
		e.invalidate()
		if e.path != "" {
			in.markDirty(e)
		}
	}
}

// owner returns the cached outermost item holding path, or nil.
func (in *incState) owner(path string) *cacheEnt {
	open := strings.IndexByte(path, '[')
	if open < 0 {
		return nil
	}
	arr := in.arrays[path[:open]]
	if arr == nil {
		return nil
	}
	end := strings.IndexByte(path[open:], ']')
	if end < 0 {
		return nil
	}
	i, err := strconv.Atoi(path[open+1 : open+end])
	if err != nil || i < 0 || i >= len(arr.items) {
		return nil
	}
	return arr.items[i]
}

// rule returns the cache of api.Rules[i].
func (in *incState) rule(i int) *cacheEnt {
	for len(in.rules) <= i {
		in.rules = append(in.rules, &cacheEnt{})
	}
	return in.rules[i]
}

// read notes that the entry being computed read the answer at path (Answers' accessors call
// it while one is recorded).
func (a *Answers) read(path string) {
	e := a.rec
	if a.inc == nil {
		return // the structure changed while e was computed (a nested array's minimum): e's cache is gone
	}
	if e.path != "" && within(path, e.path) {
		return // its own answers: a write there drops it anyway
	}
	if _, ok := e.reads[path]; ok {
		return
	}
	if e.reads == nil {
		e.reads = map[string]struct{}{}
	}
	e.reads[path] = struct{}{}
	a.inc.readers[path] = append(a.inc.readers[path], e)
}

// within reports whether path is item or inside it.
func within(path, item string) bool {
	return strings.HasPrefix(path, item) && (len(path) == len(item) || path[len(item)] == '.' || path[len(item)] == '#')
}

// recording computes fn while noting e's reads.
func (a *Answers) recording(e *cacheEnt, fn func()) {
	prev := a.rec
	a.rec = e
	defer func() { a.rec = prev }()
	fn()
}

// wrote records a write of the answer at path: the revision, the change log and the cache.
func (a *Answers) wrote(path string) {
	a.rev++
	if len(a.log) >= maxLog {
		// The older half goes: a reader that far behind sees "everything changed"; one that
		// keeps up (the wizard asks after every key) never does.
		half := len(a.log) / 2
		a.log = append(a.log[:0], a.log[half:]...)
		a.logFrom += uint64(half)
	}
	a.log = append(a.log, path)
	if a.inc != nil {
		a.inc.wrote(path)
	}
}

// maxLog bounds the change log; past it ChangedSince says everything changed.
const maxLog = 1024

// restructure records a change of the order's structure (an item added or removed, a count,
// values loaded): every cached result is dropped.
func (a *Answers) restructure() {
	a.rev++
	a.log, a.logFrom = a.log[:0], a.rev
	a.inc = nil
}

// Rev is the answers' revision: it changes with every change of an answer.
func (a *Answers) Rev() uint64 { return a.rev }

// ChangedSince returns the paths of the answers written since revision rev (in order, maybe
// repeated); ok is false when that is not known — the structure changed (items added or
// removed) or too much changed — and everything must be taken as changed.
func (a *Answers) ChangedSince(rev uint64) (paths []string, ok bool) {
	if rev < a.logFrom || rev > a.rev {
		return nil, false
	}
	return a.log[rev-a.logFrom:], true
}

// walkTop is walk over the top level of the order, handing each outermost Array's items to
// items instead of walking them.
func walkTop(a *Answers, api *API, fields []*Field, parent string, fn func(v visit) bool, items func(arr *itemArray)) {
	in := a.incFor(api)
	for _, f := range fields {
		path, ok := in.paths[f]
		if !ok {
			path = join(parent, f.Name)
			if in.paths == nil {
				in.paths = map[*Field]string{}
			}
			in.paths[f] = path
		}
		c := Ctx{A: a, Path: path}
		if !f.AppliesAt(c) {
			continue
		}
		if !fn(visit{f: f, path: path, ctx: c}) {
			continue
		}
		in = a.incFor(api) // fn may have changed the structure (a count)
		switch f.Kind {
		case Object, Properties:
			walkTop(a, api, f.Fields, path, fn, items)
			in = a.incFor(api)
		case Array:
			items(in.array(a, path, f))
			in = a.incFor(api)
		}
	}
}

// stuckItem reports whether the item at path is a loaded value that is not an object.
func (a *Answers) stuckItem(path string) bool {
	if len(a.stuck) == 0 {
		return false
	}
	_, ok := a.stuck[path]
	return ok
}

// Shape is a number that changes whenever Slots or LookupSlots of any step may list other
// rows, or a field starts or stops offering documented values (the wizard rebuilds its rows
// then, and only then): it follows what applies, not what is typed.
func (api *API) Shape(a *Answers) uint64 {
	in := a.incFor(api)
	var top []sigMark
	walkTop(a, api, api.Fields, "", func(v visit) bool {
		top = append(top, mark(v.f, v.ctx))
		return true
	}, func(*itemArray) {})
	if !slices.Equal(top, in.topSig) {
		in.topSig = top
		in.shape = shapes.Add(1)
	}
	for _, e := range in.dirty {
		e.inDirty = false
		if e.sigOK {
			continue
		}
		var sig []sigMark
		a.recording(e, func() { sig = shapeOf(a, e.arr.field.Fields, e.path, e.path, sig) })
		if !slices.Equal(sig, e.sig) {
			in.shape = shapes.Add(1)
		}
		e.sig, e.sigOK = sig, true
	}
	in.dirty = in.dirty[:0]
	return in.shape
}

func mark(f *Field, c Ctx) sigMark {
	return sigMark{f: f, options: f.Kind.IsScalar() && f.OptionsFor != nil && len(f.OptionsFor(c)) > 0}
}

// shapeOf lists the applicable fields inside an item as Slots descends into them: every
// object, property and item (a stuck item too).
func shapeOf(a *Answers, fields []*Field, parent, item string, out []sigMark) []sigMark {
	for _, f := range fields {
		path := join(parent, f.Name)
		c := Ctx{A: a, Path: path, Item: item}
		if !f.AppliesAt(c) {
			continue
		}
		out = append(out, mark(f, c))
		switch f.Kind {
		case Object, Properties:
			out = shapeOf(a, f.Fields, path, item, out)
		case Array:
			n := a.Count(path)
			out = append(out, sigMark{f: f, options: n > 0}) // the count is structure; marked for clarity
			for i := range n {
				ip := ItemPath(path, i)
				out = shapeOf(a, f.Fields, ip, ip, out)
			}
		}
	}
	return out
}

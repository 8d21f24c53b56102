package flows

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The cached results (flows/incremental.go) must equal a computation from scratch after any
// sequence of changes. Each API's answers take long random sequences of Set (documented
// values, wrong values, empty), AddItem and RemoveItem; after every step the answers are
// compared with the same steps applied by the uncached algorithm (ref* below, the code as it
// was before caching), and, at random moments so that caches age, Validate, Build, Slots and
// LookupSlots of every step and Shape are compared with it.
func TestIncrementalEqualsFromScratch(t *testing.T) {
	seeds := 4
	if testing.Short() {
		seeds = 1
	}
	for _, api := range testAPIs {
		for seed := range seeds {
			t.Run(fmt.Sprintf("%s/%d", api.ID, seed), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(uint64(seed), 7))
				for _, start := range startingAnswers(t, api) {
					checkSequence(t, api, start.Clone(), rng, 250)
				}
			})
		}
	}
}

// startingAnswers are a new order, one with several items, and every rule case file of the
// API as loaded (with its stuck values and explicit empties).
func startingAnswers(t *testing.T, api *API) []*Answers {
	a := api.NewAnswers()
	many := api.NewAnswers()
	for _, f := range api.Fields {
		addItems(api, many, f, "")
	}
	for range 3 {
		for _, s := range refSlotsAll(api, many) {
			if !s.Heading && s.Field.Kind == Array && s.Item == "" {
				api.AddItem(many, s.Path)
			}
		}
	}
	out := []*Answers{a, many}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "cases", "*.json"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		got, l, _, err := testAPIs.Load(data)
		if err == nil && got == api {
			out = append(out, l)
		}
	}
	return out
}

func checkSequence(t *testing.T, api *API, inc *Answers, rng *rand.Rand, n int) {
	t.Helper()
	ref := inc.Clone()
	pool := valuePool(api)
	var (
		lastShape uint64
		lastSig   string
		haveShape bool
		history   []string
	)
	for step := range n {
		op := randomOp(api, ref, rng, pool)
		history = append(history, op.String())
		op.apply(api, inc, false)
		op.apply(api, ref, true)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("after step %d (%s):\n"+format+"\nsteps: %s", append([]any{step, op}, append(args, strings.Join(history, "; "))...)...)
		}
		if !sameAnswers(inc, ref) {
			fail("answers differ:\n cached %v\n scratch %v", inc.Values(), ref.Values())
		}
		if rng.IntN(3) > 0 {
			if got, want := api.Validate(inc), refValidate(api, ref); !sameProblems(got, want) {
				fail("Validate:\n cached %v\n scratch %v", got, want)
			}
		}
		if rng.IntN(3) == 0 {
			if got, want := api.Build(inc), refBuild(api, ref); !bytes.Equal(got.Body, want.Body) || got.Region != want.Region || got.ProjectID != want.ProjectID {
				fail("Build:\n cached %s\n scratch %s", got.Body, want.Body)
			}
		}
		for _, st := range AllSteps {
			if rng.IntN(3) == 0 {
				continue
			}
			if got, want := api.Slots(inc, st), refSlots(api, ref, st); !sameSlots(got, want) {
				fail("Slots(%s):\n cached %v\n scratch %v", st, got, want)
			}
			if got, want := api.LookupSlots(inc, st), refLookupSlots(api, ref, st); !sameSlots(got, want) {
				fail("LookupSlots(%s):\n cached %v\n scratch %v", st, got, want)
			}
		}
		if rng.IntN(2) == 0 {
			shape, sig := api.Shape(inc), refShape(api, ref)
			if haveShape && sig != lastSig && shape == lastShape {
				fail("Shape stayed %d while the rows changed:\n was %s\n now %s", shape, lastSig, sig)
			}
			lastShape, lastSig, haveShape = shape, sig, true
		}
	}
}

// op is one change of the answers.
type op struct {
	kind  string // set, add, remove
	path  string
	value string
	index int
}

func (o op) String() string {
	switch o.kind {
	case "set":
		return fmt.Sprintf("Set(%s=%q)", o.path, o.value)
	case "add":
		return "AddItem(" + o.path + ")"
	}
	return fmt.Sprintf("RemoveItem(%s, %d)", o.path, o.index)
}

// apply changes a through the API (cached) or through the algorithm from scratch.
func (o op) apply(api *API, a *Answers, scratch bool) {
	switch {
	case o.kind == "set" && scratch:
		a.choose(o.path, o.value)
		refReconcile(api, a, o.path)
	case o.kind == "set":
		api.Set(a, o.path, o.value)
	case o.kind == "add" && scratch:
		if f := api.FieldAt(o.path); f != nil && (f.MaxItems == 0 || a.Count(o.path) < f.MaxItems) {
			a.counts[o.path]++
			delete(a.stuck, o.path)
			a.restructure()
			refReconcile(api, a, "")
		}
	case o.kind == "add":
		api.AddItem(a, o.path)
	case o.kind == "remove" && scratch:
		if f := api.FieldAt(o.path); o.index < a.Count(o.path) && a.Count(o.path) > f.MinItems {
			a.shiftItems(o.path, o.index)
			refReconcile(api, a, "")
		}
	default:
		api.RemoveItem(a, o.path, o.index)
	}
}

// randomOp picks a change among the rows the wizard shows for the current answers.
func randomOp(api *API, a *Answers, rng *rand.Rand, pool []string) op {
	var scalars, arrays []Slot
	for _, s := range refSlotsAll(api, a) {
		switch {
		case s.Heading:
		case s.Field.Kind == Array:
			arrays = append(arrays, s)
		case s.Field.Kind.IsScalar():
			scalars = append(scalars, s)
		}
	}
	if r := rng.IntN(10); len(arrays) > 0 && r < 2 {
		s := arrays[rng.IntN(len(arrays))]
		if r == 0 && a.Count(s.Path) < 6 {
			return op{kind: "add", path: s.Path}
		}
		return op{kind: "remove", path: s.Path, index: rng.IntN(a.Count(s.Path) + 1)}
	}
	s := scalars[rng.IntN(len(scalars))]
	var v string
	opts := s.Field.OptionsAt(s.Ctx(a))
	switch r := rng.IntN(10); {
	case r < 4 && len(opts) > 0:
		v = opts[rng.IntN(len(opts))].Value
	case r < 5:
		v = ""
	case r < 6:
		v = a.Get(s.Path) + "a"
	default:
		v = pool[rng.IntN(len(pool))]
	}
	return op{kind: "set", path: s.Path, value: v}
}

// valuePool is every documented value of the API and a few wrong ones, so values of one field
// land in another (an edition's spec code in a package, a region in a product id).
func valuePool(api *API) []string {
	pool := []string{"x", "0", "1", "2", "3", "-5", "100", "abc, def", `["a,b", "c"]`, "true", "cn-north-4", "cn-east-3", "cn-hangzhou"}
	var collect func([]*Field)
	collect = func(fs []*Field) {
		for _, f := range fs {
			for _, o := range f.Options {
				pool = append(pool, o.Value)
			}
			collect(f.Fields)
		}
	}
	collect(api.Fields)
	for _, opts := range dscSpecs {
		for _, o := range opts {
			pool = append(pool, o.Value)
		}
	}
	return pool
}

func sameAnswers(x, y *Answers) bool {
	return reflect.DeepEqual(x.values, y.values) && reflect.DeepEqual(x.counts, y.counts) &&
		reflect.DeepEqual(x.touched, y.touched) && reflect.DeepEqual(x.empty, y.empty) &&
		reflect.DeepEqual(x.stuck, y.stuck) && reflect.DeepEqual(x.codes, y.codes)
}

func sameProblems(x, y []Problem) bool {
	return len(x) == len(y) && (len(x) == 0 || reflect.DeepEqual(x, y))
}

func sameSlots(x, y []Slot) bool { return len(x) == len(y) && (len(x) == 0 || reflect.DeepEqual(x, y)) }

// The algorithm from scratch: walk every field of every item, as flows did before caching.

func refReconcile(api *API, a *Answers, just string) {
	for range 8 {
		changed := false
		walk(a, api.Fields, "", "", func(v visit) bool {
			f := v.f
			switch {
			case f.Kind == Array:
				for a.Count(v.path) < f.MinItems {
					a.counts[v.path]++
					a.restructure()
					changed = true
				}
			case f.Kind.IsScalar() && v.path != just:
				if d, ok := derive(f, v, a); ok {
					a.put(v.path, d)
					changed = true
				}
			}
			return true
		})
		if !changed {
			return
		}
	}
}

func refValidate(api *API, a *Answers) []Problem {
	var out []Problem
	walk(a, api.Fields, "", "", func(v visit) bool {
		if p, ok := a.Stuck(v.path); ok {
			out = append(out, p)
			return false
		}
		out = append(out, checkField(v)...)
		return true
	})
	for _, r := range api.Rules {
		out = append(out, r.Check(a)...)
	}
	return out
}

func refBuild(api *API, a *Answers) Order {
	o := Order{API: api.ID, Region: a.Get("region"), ProjectID: a.Get("project_id")}
	var buf bytes.Buffer
	writeObject(&buf, a, nil, api.FieldAt("body").Fields, "body", "", true)
	o.Body = buf.Bytes()
	return o
}

func refSlots(api *API, a *Answers, step Step) []Slot {
	return slotsOf(a, nil, api.Fields, "", "", 0, step, false)
}

func refLookupSlots(api *API, a *Answers, step Step) []Slot {
	var out []Slot
	for _, s := range slotsOf(a, nil, api.Fields, "", "", 0, step, true) {
		if !s.Heading && s.Field.Lookup != "" {
			out = append(out, s)
		}
	}
	return out
}

func refSlotsAll(api *API, a *Answers) []Slot {
	var out []Slot
	for _, st := range AllSteps {
		out = append(out, refSlots(api, a, st)...)
	}
	return out
}

// refShape is every step's rows and whether each field offers documented values there.
func refShape(api *API, a *Answers) string {
	var b strings.Builder
	for _, s := range refSlotsAll(api, a) {
		opts := s.Field.Kind.IsScalar() && !s.Heading && len(s.Field.OptionsAt(s.Ctx(a))) > 0
		fmt.Fprintf(&b, "%s|%d|%t|%d|%t;", s.Path, s.Depth, s.Heading, s.Index, opts)
	}
	return b.String()
}

// A typed key in one item of a long order leaves the other items' results alone: Shape does
// not change, and only the item typed into is computed again.
func TestTypingInOneItemKeepsTheOthers(t *testing.T) {
	api := DSC
	a := api.NewAnswers()
	for range 20 {
		api.AddItem(a, "body.product_infos")
	}
	api.Validate(a)
	shape := api.Shape(a)
	for _, st := range AllSteps {
		api.Slots(a, st)
	}
	arr := a.inc.arrays["body.product_infos"]
	api.Set(a, ItemPath("body.product_infos", 3)+".product_id", "abc")
	for i, e := range arr.items {
		if dropped := !e.probsOK || !e.settled; dropped != (i == 3) {
			t.Errorf("item %d: results dropped %t after typing into item 3", i, dropped)
		}
	}
	api.Validate(a)
	if got := api.Shape(a); got != shape {
		t.Errorf("Shape %d → %d after typing a product id", shape, got)
	}
	// The edition decides the packages' default spec: changing it reaches every item.
	api.Set(a, ItemPath("body.product_infos", 0)+".resource_spec_code", "base_standard")
	if got := a.Get(ItemPath("body.product_infos", 7) + ".resource_spec_code"); got != "DB_standard" {
		t.Errorf("item 7 spec %q after the edition became standard, want DB_standard", got)
	}
	if !slices.ContainsFunc(arr.items, func(e *cacheEnt) bool { return e.settled }) {
		t.Error("no item settled again")
	}
}

// ChangedSince lists the answers written since a revision, and says when it cannot.
func TestChangedSince(t *testing.T) {
	api := DSC
	a := api.NewAnswers()
	rev := a.Rev()
	api.Set(a, "body.zone", "CH2")
	if paths, ok := a.ChangedSince(rev); !ok || !slices.Equal(paths, []string{"body.zone"}) {
		t.Errorf("ChangedSince = %v, %t; want [body.zone]", paths, ok)
	}
	rev = a.Rev()
	api.AddItem(a, "body.product_infos")
	if _, ok := a.ChangedSince(rev); ok {
		t.Error("ChangedSince across an added item must say everything changed")
	}
	if c := a.Clone(); c.inc != nil {
		t.Error("a clone shares the cache")
	}
	// A reader that keeps up never loses the thread; one far behind is told everything changed.
	old := a.Rev()
	for i := range 3 * maxLog {
		rev := a.Rev()
		api.Set(a, "body.zone", fmt.Sprint(i))
		if paths, ok := a.ChangedSince(rev); !ok || len(paths) != 1 {
			t.Fatalf("write %d: ChangedSince = %v, %t", i, paths, ok)
		}
	}
	if _, ok := a.ChangedSince(old); ok {
		t.Error("ChangedSince 3000 writes back must say everything changed")
	}
}

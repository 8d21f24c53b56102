package flows

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Answers are what the person chose or typed, as text, keyed by order-file path
// ("region", "body.Products[0].ProductCode"). Text is kept exactly as typed so nothing is lost
// while it is still invalid; the builder converts it to the documented JSON types. A
// StringList answer is "a, b", or a JSON array of strings (`["orders,2024", "crm"]`, `[]`)
// when comma text would split or lose an item; the builder reads both. Answers are not safe
// for concurrent use: even Validate and Slots write their cache (flows/incremental.go).
type Answers struct {
	values  map[string]string
	counts  map[string]int  // items of each Array, by its path
	touched map[string]bool // answers the person (or a loaded file) set; derived defaults leave them alone
	// empty marks values a loaded file gives as "", {} or []: they are sent as given (an
	// unanswered field is left out), and checked like any other value.
	empty map[string]bool
	// stuck holds loaded values of the wrong JSON type, kept exactly (the builder writes them
	// back as they were) and reported until the person changes them: nothing is coerced.
	stuck map[string]stuckValue
	// codes is the order of a loaded Properties list, by its path, so a round trip keeps it.
	codes map[string][]string

	// What typing costs follows what changed (flows/incremental.go): rev counts writes, log
	// holds the paths written since revision logFrom, inc caches results per item, and rec
	// is the cache entry whose reads are being recorded.
	rev, logFrom uint64
	log          []string
	inc          *incState
	rec          *cacheEnt
}

// stuckValue is a loaded JSON value the field cannot take, and why.
type stuckValue struct {
	raw     string
	problem Problem
}

// NewEmptyAnswers returns answers with nothing chosen; see API.NewAnswers for defaults.
func NewEmptyAnswers() *Answers {
	return &Answers{values: map[string]string{}, counts: map[string]int{}, touched: map[string]bool{},
		empty: map[string]bool{}, stuck: map[string]stuckValue{}, codes: map[string][]string{}}
}

// note records a read of the answer at path while a cached result is computed
// (flows/incremental.go); small enough to be inlined into the accessors.
func (a *Answers) note(path string) {
	if a.rec != nil {
		a.read(path)
	}
}

// Get returns the answer at path, "" when unanswered.
func (a *Answers) Get(path string) string {
	a.note(path)
	return a.values[path]
}

// Has reports whether path has an answer, even an empty one.
func (a *Answers) Has(path string) bool {
	a.note(path)
	_, ok := a.values[path]
	return ok
}

// Count returns the number of items of the Array at path.
func (a *Answers) Count(path string) int {
	a.note(path)
	return a.counts[path]
}

// isTouched reports whether the person (or a loaded file) set the answer at path.
func (a *Answers) isTouched(path string) bool {
	a.note(path)
	return a.touched[path]
}

// isEmpty reports whether a loaded file gives path as "", {} or [].
func (a *Answers) isEmpty(path string) bool {
	a.note(path)
	return a.empty[path]
}

// Clone returns an independent copy. Its cache starts empty: caches are never shared.
func (a *Answers) Clone() *Answers {
	codes := map[string][]string{}
	for k, v := range a.codes {
		codes[k] = slices.Clone(v)
	}
	return &Answers{values: maps.Clone(a.values), counts: maps.Clone(a.counts), touched: maps.Clone(a.touched),
		empty: maps.Clone(a.empty), stuck: maps.Clone(a.stuck), codes: codes, rev: a.rev, logFrom: a.rev}
}

// Given reports whether the answer at path is part of the order: a non-empty answer, or an
// empty value ("", {} or []) that a loaded file gives explicitly.
func (a *Answers) Given(path string) bool {
	a.note(path)
	return a.values[path] != "" || a.empty[path]
}

// Stuck returns the problem of a loaded value the field cannot take (a wrong JSON type, null,
// a fraction for an integer), until the person changes it.
func (a *Answers) Stuck(path string) (Problem, bool) {
	a.note(path)
	s, ok := a.stuck[path]
	return s.problem, ok
}

// Values returns a copy of every answer by path (for tests and debugging).
func (a *Answers) Values() map[string]string { return maps.Clone(a.values) }

// put sets an answer without any reconciliation.
func (a *Answers) put(path, v string) {
	a.values[path] = v
	a.wrote(path)
}

// choose sets an answer the person gave: derived defaults no longer overwrite it, and what a
// loaded file said at path (an explicit empty value, a value of the wrong type) is replaced.
func (a *Answers) choose(path, v string) {
	delete(a.empty, path)
	delete(a.stuck, path)
	a.load(path, v)
}

// load sets an answer read from a file.
func (a *Answers) load(path, v string) {
	a.values[path] = v
	a.touched[path] = true
	a.wrote(path)
}

// ItemPath returns the path of item i of the Array at path.
func ItemPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// join appends a child name to a parent path.
func join(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// shiftItems removes item i of the Array at path, moving later items down so paths stay dense.
func (a *Answers) shiftItems(path string, i int) {
	n := a.counts[path]
	shiftMap(a.values, path, i)
	shiftMap(a.counts, path, i)
	shiftMap(a.touched, path, i)
	shiftMap(a.empty, path, i)
	shiftMap(a.stuck, path, i)
	shiftMap(a.codes, path, i)
	a.counts[path] = n - 1
	a.restructure()
}

// shiftMap drops the keys of item i of the Array at path and renumbers later items' keys.
func shiftMap[V any](m map[string]V, path string, i int) {
	moved := map[string]V{}
	for k, v := range m {
		idx, rest, ok := itemIndex(k, path)
		if !ok {
			continue
		}
		delete(m, k)
		switch {
		case idx > i:
			moved[ItemPath(path, idx-1)+rest] = v
		case idx < i:
			moved[k] = v
		}
	}
	maps.Copy(m, moved)
}

// itemIndex splits "P[3].x" into 3 and ".x" when key is inside an item of the Array at P.
func itemIndex(key, path string) (int, string, bool) {
	if !strings.HasPrefix(key, path+"[") {
		return 0, "", false
	}
	rest := key[len(path)+1:]
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 0, "", false
	}
	idx, err := strconv.Atoi(rest[:end])
	if err != nil {
		return 0, "", false
	}
	return idx, rest[end+1:], true
}

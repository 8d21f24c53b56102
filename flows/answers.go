package flows

import (
	"maps"
	"strconv"
	"strings"
)

// Answers are what the person chose or typed, as text, keyed by order-file path
// ("region", "body.Products[0].ProductCode"). Text is kept exactly as typed so nothing is lost
// while it is still invalid; the builder converts it to the documented JSON types.
type Answers struct {
	values map[string]string
	counts map[string]int // items of each Array, by its path
}

// NewEmptyAnswers returns answers with nothing chosen; see API.NewAnswers for defaults.
func NewEmptyAnswers() *Answers {
	return &Answers{values: map[string]string{}, counts: map[string]int{}}
}

// Get returns the answer at path, "" when unanswered.
func (a *Answers) Get(path string) string { return a.values[path] }

// Has reports whether path has an answer, even an empty one.
func (a *Answers) Has(path string) bool { _, ok := a.values[path]; return ok }

// Count returns the number of items of the Array at path.
func (a *Answers) Count(path string) int { return a.counts[path] }

// Clone returns an independent copy.
func (a *Answers) Clone() *Answers {
	return &Answers{values: maps.Clone(a.values), counts: maps.Clone(a.counts)}
}

// Values returns a copy of every answer by path (for tests and debugging).
func (a *Answers) Values() map[string]string { return maps.Clone(a.values) }

// put sets an answer without any reconciliation.
func (a *Answers) put(path, v string) { a.values[path] = v }

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
	prefix := func(k int) string { return ItemPath(path, k) }
	moved := map[string]string{}
	movedCounts := map[string]int{}
	for k, v := range a.values {
		if idx, rest, ok := itemIndex(k, path); ok {
			delete(a.values, k)
			if idx > i {
				moved[prefix(idx-1)+rest] = v
			} else if idx < i {
				moved[k] = v
			}
		}
	}
	for k, v := range a.counts {
		if idx, rest, ok := itemIndex(k, path); ok {
			delete(a.counts, k)
			if idx > i {
				movedCounts[prefix(idx-1)+rest] = v
			} else if idx < i {
				movedCounts[k] = v
			}
		}
	}
	maps.Copy(a.values, moved)
	maps.Copy(a.counts, movedCounts)
	a.counts[path] = n - 1
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

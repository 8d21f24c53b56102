package flows

import (
	"slices"
	"testing"
)

// Two declared lists of the same length that start with the same field are ranked each as
// itself: the cache of sorted lists must not hand one the other's order.
func TestRankedKeepsListsThatShareAFirstFieldApart(t *testing.T) {
	shared := &Field{Name: "shared", Rank: 2}
	x, y := &Field{Name: "x", Rank: 1}, &Field{Name: "y", Rank: 1}
	first := []*Field{shared, x}
	second := []*Field{shared, y}
	if got := ranked(first); !slices.Equal(got, []*Field{x, shared}) {
		t.Fatalf("first: %v", names(got))
	}
	if got := ranked(second); !slices.Equal(got, []*Field{y, shared}) {
		t.Errorf("second list ranked as %v, want [y shared]", names(got))
	}
}

func names(fs []*Field) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

package firstframe

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestScreensMeasureTheSameEitherWay: the first frame is drawn measuring cells by grapheme
// cluster, Bubble Tea's renderer in tmux measures them by code point (see canvas). Every
// grapheme of every golden screen, in both languages and at every size, must be as wide
// either way; a screen that draws one that is not (an emoji, a combining mark) fails here
// before its first frame could be drawn with a cell out of place.
func TestScreensMeasureTheSameEitherWay(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*", "*.golden"))
	if err != nil || len(files) < 100 {
		t.Fatalf("golden screens: %d found (%v)", len(files), err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var state byte
		p := ansi.NewParser()
		for rest := ansi.Strip(string(b)); len(rest) > 0; {
			g, _, n, next := ansi.DecodeSequence(rest, state, p)
			rest, state = rest[n:], next
			if seen[g] || strings.ContainsAny(g, "\n\r") {
				continue
			}
			seen[g] = true
			if wc, gr := ansi.WcWidth.StringWidth(g), ansi.GraphemeWidth.StringWidth(g); wc != gr {
				t.Errorf("%s: %q (%U) is %d cells by code point and %d by grapheme cluster", filepath.Base(f), g, []rune(g), wc, gr)
			}
		}
	}
	if len(seen) < 200 { // ASCII alone is 95; the Chinese screens add hundreds
		t.Fatalf("only %d distinct graphemes checked", len(seen))
	}
}

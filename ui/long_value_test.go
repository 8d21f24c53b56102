package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"cloudorder/flows"
)

// A focused value longer than its field scrolls in the text input; what the row shows of it
// is a true part of the value, with "…" wherever characters are left out, one cursor, and
// nothing past the window's edge, at every width (the side-by-side layout starts at 90).
func TestFocusedLongValueShowsATruePartWithEllipses(t *testing.T) {
	const id = "OFFI740586375358963717-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789-abcdefghij"
	for _, w := range []int{60, 80, 89, 90, 91, 100, 110, 119, 120, 121, 129, 130, 160} {
		d := newDriver(t, Options{Provider: &fakeProvider{}, ProjectID: fillDSC["project_id"]}, w, 30)
		d.pickAPI(flows.HuaweiDSC)
		d.goStep(flows.StepProducts)
		d.focus("body.product_infos[0].product_id")
		d.keys("ctrl+u")
		d.typ(id)
		for _, at := range []string{"end", "middle", "start"} {
			switch at {
			case "middle":
				for range len(id) / 2 {
					d.keys("left")
				}
			case "start":
				for range len(id) {
					d.keys("left")
				}
			}
			line := focusedValueLine(t, d, "Product ID")
			if got := ansi.StringWidth(line); got > w {
				t.Fatalf("%d columns, cursor at %s: the row is %d cells wide", w, at, got)
			}
			if n := strings.Count(line, "\x1b[7"); n != 1 {
				t.Errorf("%d columns, cursor at %s: %d reverse-video runs, want the one cursor: %q", w, at, n, line)
			}
			shown := ansi.Strip(line)
			shown = shown[strings.Index(shown, "Product ID*")+len("Product ID*"):]
			if i := strings.Index(shown, "│"); i >= 0 {
				shown = shown[:i]
			}
			shown = strings.TrimSpace(shown)
			left, right := strings.HasPrefix(shown, "…"), strings.HasSuffix(shown, "…")
			part := strings.TrimSuffix(strings.TrimPrefix(shown, "…"), "…")
			switch {
			case len(part) < 8:
				t.Errorf("%d columns, cursor at %s: only %q of the value shows", w, at, shown)
			case !strings.Contains(id, part):
				t.Errorf("%d columns, cursor at %s: %q is not part of the value", w, at, shown)
			case !left && !strings.HasPrefix(id, part):
				t.Errorf("%d columns, cursor at %s: %q is cut on the left without a mark", w, at, shown)
			case !right && !strings.HasSuffix(id, part):
				t.Errorf("%d columns, cursor at %s: %q is cut on the right without a mark", w, at, shown)
			case left && strings.HasPrefix(id, part), right && strings.HasSuffix(id, part):
				t.Errorf("%d columns, cursor at %s: %q marks a cut where there is none", w, at, shown)
			}
		}
	}
}

// focusedValueLine is the drawn line (with its styles) of the focused row labelled label.
func focusedValueLine(t *testing.T, d *driver, label string) string {
	t.Helper()
	for _, l := range strings.Split(d.m.View().Content, "\n") {
		if s := ansi.Strip(l); strings.HasPrefix(s, "›") && strings.Contains(s, label) {
			return l
		}
	}
	t.Fatalf("no focused row %s:\n%s", label, d.view())
	return ""
}

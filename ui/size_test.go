package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cloudorder/providers"
)

// screens walks an API and calls see at every step, review, an open list, a question, the
// error panel and the result: every screen the wizard has.
func screens(t *testing.T, w, h int, see func(where string, d *driver)) {
	t.Helper()
	for _, fill := range []map[string]string{fillAlibaba, fillDSC, fillWorkspace} {
		p := &fakeProvider{}
		d := newDriver(t, Options{Provider: p}, w, h)
		see("api", d)
		d.keys("tab")
		see("api list", d)
		d.keys("esc")
		for i := 0; i < 400 && d.m.Where() != "review"; i++ {
			d.answerFocused(fill)
			see(d.m.Where(), d)
			d.keys("enter")
		}
		see("review", d)
		d.keys("tab", "tab")
		see("review command", d)
		d.keys("tab", "?")
		see("review full help", d)
		d.keys("?", "pgdown", "s")
		see("save prompt", d)
		d.keys("esc")
		p.err = &providers.Error{Kind: providers.Unknown, Code: "InternalError", Message: strings.Repeat("long message ", 20), RequestID: "R"}
		d.keys("y")
		see("error panel", d)
		d.keys("y")
		see("question", d)
		p.err = nil
		d.keys("y")
		see("result", d)
	}
}

func TestEveryScreenFitsSmallAndTinyWindows(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {1, 1}, {60, 20}, {80, 24}, {120, 40}, {200, 60}, {0, 0}} {
		w, h := size[0], size[1]
		screens(t, w, h, func(where string, d *driver) {
			t.Helper()
			v := d.m.View().Content
			lines := strings.Split(v, "\n")
			if v != "" && len(lines) > h {
				t.Fatalf("%dx%d %s: %d lines", w, h, where, len(lines))
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Fatalf("%dx%d %s: line wider than %d: %q", w, h, where, w, ansi.Strip(l))
				}
				// Each column on its own: a value cut in the form's column beside a warning in
				// the help panel's is not a cut message.
				for _, plain := range strings.Split(ansi.Strip(l), "│") {
					if w >= 60 && (strings.Contains(plain, "✗") || strings.Contains(plain, "⚠")) && strings.Contains(plain, "…") {
						t.Fatalf("%dx%d %s: a message is cut: %q", w, h, where, plain)
					}
				}
			}
		})
	}
}

func TestSmallWindowStillShowsTheEssentials(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 40, 12)
	v := d.view()
	for _, want := range []string{"SANDBOX", "API", "enter"} {
		if !strings.Contains(v, want) {
			t.Fatalf("40x12 lacks %q:\n%s", want, v)
		}
	}
	d.walk(fillAlibaba)
	if v := d.view(); !strings.Contains(v, "Target") {
		t.Fatalf("40x12 review:\n%s", v)
	}
	d.keys("tab")
	if v := d.view(); !strings.Contains(v, "\"") {
		t.Fatalf("40x12 review does not scroll to the JSON:\n%s", v)
	}
}

func TestResizeReflows(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.walk(fillDSC)
	wide := d.view()
	if !strings.Contains(wide, "Request body") {
		t.Fatalf("wide review has no JSON column:\n%s", wide)
	}
	for _, s := range [][2]int{{60, 20}, {40, 12}, {1, 1}, {200, 60}, {80, 24}} {
		d.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		v := d.m.View().Content
		if n := len(strings.Split(v, "\n")); n > s[1] {
			t.Fatalf("after resize to %v: %d lines", s, n)
		}
		for _, l := range strings.Split(v, "\n") {
			if ansi.StringWidth(l) > s[0] {
				t.Fatalf("after resize to %v: line of %d cells", s, ansi.StringWidth(l))
			}
		}
	}
	if d.m.review.sum.Width() > 80 || d.m.review.body.Width() > 80 {
		t.Fatalf("viewport widths %d, %d after resize to 80", d.m.review.sum.Width(), d.m.review.body.Width())
	}
	d.keys("esc")
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if v := d.view(); !strings.Contains(v, "│") {
		t.Fatalf("100 wide step has no side panel:\n%s", v)
	}
}

func TestBackgroundColourRestyles(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 80, 24)
	dark := d.m.View().Content
	d.send(tea.BackgroundColorMsg{Color: lightGrey{}})
	if d.m.s.isDark {
		t.Fatal("a light background was taken for dark")
	}
	if d.m.View().Content == dark {
		t.Fatal("styles did not change for a light background")
	}
}

type lightGrey struct{}

func (lightGrey) RGBA() (r, g, b, a uint32) { return 0xeeee, 0xeeee, 0xeeee, 0xffff }

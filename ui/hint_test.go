package ui

import (
	"strings"
	"testing"

	"cloudorder/i18n"
)

// When a narrow window drops hints from the key line, "? more keys" stays with quit: it is
// the way to the keys that were dropped (at 80×24 the review's line lost ↑/↓, esc and ?,
// though all three work).
func TestNarrowHintLineKeepsMoreKeys(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}} {
			d := newDriver(t, Options{Provider: &fakeProvider{}, Lang: lang}, size[0], size[1])
			want := " " + khHelp.In(lang) // after ? (f1 in a text field)
			for range 6 {
				lines := strings.Split(d.view(), "\n")
				if hint := lines[len(lines)-1]; !strings.Contains(hint, "?"+want) && !strings.Contains(hint, "f1"+want) {
					t.Errorf("%s %dx%d at %s: hint line lacks %q: %q", lang, size[0], size[1], d.m.Where(), want, hint)
				}
				if d.m.Where() == "review" {
					break
				}
				d.keys("enter")
			}
		}
	}
}

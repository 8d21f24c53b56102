package ui

import (
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/i18n"
)

// The help key works the same on every field: ? where ? is not text, f1 everywhere (in a
// text field ? is typed, and the footer says f1). It shows the focused field's help over the
// whole body with every key below, and ?, f1 or esc closes it, with nothing typed meanwhile.
func TestHelpKeyOnEveryKindOfField(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}} {
			d := newDriver(t, Options{Provider: &fakeProvider{}, Lang: lang}, size[0], size[1])
			d.pickAPI(flows.HuaweiDSC)
			d.goStep(flows.StepRegion)
			help := khHelp.In(lang)
			for _, tc := range []struct {
				path string
				text bool
			}{{"region", false}, {"project_id", true}} {
				d.focus(tc.path)
				r := d.focused()
				_, isText := r.w.(textWidget)
				if isText != tc.text {
					t.Fatalf("%s: text widget %v, want %v", tc.path, isText, tc.text)
				}
				open := "?"
				if tc.text {
					open = "f1"
				}
				if hint := lastLine(d.view()); !strings.Contains(hint, open+" "+help) {
					t.Errorf("%s %v %s: footer %q does not say %q", lang, size, tc.path, hint, open+" "+help)
				}
				before := d.value(r)
				if tc.text {
					d.keys("?") // a character of the answer here
					if got := d.value(r); got != before+"?" {
						t.Fatalf("%s: ? in a text field gave %q, want it typed", tc.path, got)
					}
					d.keys("backspace")
				}
				d.keys(open)
				if !d.m.s.showAll {
					t.Fatalf("%s %v %s: %s did not open the help", lang, size, tc.path, open)
				}
				label := labelOf(d.m.s, r)
				if v := d.view(); !strings.Contains(v, label) || !strings.Contains(v, r.path()) || !strings.Contains(v, khCloseHelp.In(lang)) {
					t.Errorf("%s %v %s: the help shows neither the field (%s, %s) nor how to close it:\n%s", lang, size, tc.path, label, r.path(), v)
				}
				d.keys("x", "q", "enter") // neither typed, nor quitting, nor moving on
				if d.value(r) != before || d.m.Where() != string(flows.StepRegion) || d.focused().path() != tc.path {
					t.Fatalf("%s: keys under the help changed the form: %q at %s on %s", tc.path, d.value(r), d.m.Where(), d.focused().path())
				}
				d.keys([]string{"?", "f1", "esc"}[len(tc.path)%3])
				if d.m.s.showAll {
					t.Fatalf("%s: the help did not close", tc.path)
				}
			}
		}
	}
}

// In an open list of values typed text filters, so f1 is the help key there.
func TestHelpKeyInAnOpenList(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	d.goStep(flows.StepRegion)
	d.focus("region")
	d.keys("tab")
	if d.m.form.list == nil {
		t.Fatalf("tab did not open the list:\n%s", d.view())
	}
	if hint := lastLine(d.view()); !strings.Contains(hint, "f1 "+khHelp.EN) {
		t.Errorf("the list's footer %q does not say f1", hint)
	}
	d.keys("f1")
	if !d.m.s.showAll || d.m.form.list == nil || d.m.form.list.filter != "" {
		t.Fatalf("f1 in the list: help %v, list open %v", d.m.s.showAll, d.m.form.list != nil)
	}
	d.keys("f1")
	if d.m.s.showAll || d.m.form.list == nil {
		t.Fatalf("f1 again: help %v, list open %v", d.m.s.showAll, d.m.form.list != nil)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

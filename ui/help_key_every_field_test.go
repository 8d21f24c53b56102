package ui

import (
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/i18n"
)

// The help key is the same on every field of every API, not only on the two kinds the
// footer test looks at: on each focusable row of each step, the footer names the key (f1 in
// a text field, where ? is typed; ? elsewhere), f1 opens the field's own help (its label,
// path and first words of its help text) over the body, the key that opened it closes it,
// and the answer is unchanged. Outside text fields ? opens it too.
func TestHelpKeyWorksOnEveryFieldOfEveryAPI(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, fill := range []map[string]string{fillAlibaba, fillDSC, fillWorkspace} {
			api := flows.APIID(fill["api"])
			d := newDriver(t, Options{Provider: &fakeProvider{}, Lang: lang}, 120, 40)
			d.pickAPI(api)
			help := khHelp.In(lang)
			checked := 0
			for guard := 0; d.m.Where() != "review"; guard++ {
				if guard > 40 {
					t.Fatalf("%s: never reached the review; at %s", api, d.m.Where())
				}
				step := d.m.Where()
				var paths []string
				for _, r := range d.m.form.rows {
					if r.w.focusable() {
						paths = append(paths, r.path())
					}
				}
				for _, p := range paths {
					d.focus(p)
					checkHelpKey(t, d, lang, help)
					checked++
				}
				// On to the next step the way a person would, filling what needs an answer.
				for i := 0; i < 200 && d.m.Where() == step; i++ {
					d.answerFocused(fill)
					d.keys("enter")
				}
			}
			if checked < 8 {
				t.Errorf("%s %s: only %d fields checked", lang, api, checked)
			}
			// The review takes ? too: its keys and the digest's meaning over the body.
			d.keys("?")
			if !d.m.s.showAll {
				t.Errorf("%s %s: ? on the review did not open its help", lang, api)
			}
			d.keys("?")
			if d.m.s.showAll {
				t.Errorf("%s %s: ? on the review did not close its help", lang, api)
			}
		}
	}
}

func checkHelpKey(t *testing.T, d *driver, lang i18n.Lang, help string) {
	t.Helper()
	r := d.focused()
	_, text := r.w.(textWidget)
	open := "?"
	if text {
		open = "f1"
	}
	where := string(lang) + " " + string(d.m.s.api.ID) + " " + r.path()
	if hint := lastLine(d.view()); !strings.Contains(hint, open+" "+help) {
		t.Errorf("%s: footer %q does not say %q", where, hint, open+" "+help)
	}
	before := d.value(r)
	keys := []string{"f1"}
	if !text {
		keys = append(keys, "?")
	}
	for _, k := range keys {
		d.keys(k)
		if !d.m.s.showAll {
			t.Errorf("%s: %s did not open the help", where, k)
			continue
		}
		v := strings.Join(strings.Fields(d.view()), " ")
		if !strings.Contains(v, r.path()) || !strings.Contains(v, strings.Join(strings.Fields(labelOf(d.m.s, r)), " ")) {
			t.Errorf("%s: the help after %s names neither the field nor its path:\n%s", where, k, d.view())
		}
		if h := strings.Fields(r.slot.Field.Help.In(lang)); len(h) > 0 && !r.slot.Heading {
			first := h[0]
			if lang == i18n.ZH {
				first = string([]rune(first)[:min(4, len([]rune(first)))])
			}
			if !strings.Contains(v, first) {
				t.Errorf("%s: the help after %s does not show the field's help %q:\n%s", where, k, first, d.view())
			}
		}
		d.keys(k)
		if d.m.s.showAll {
			t.Errorf("%s: %s did not close the help", where, k)
		}
		if got := d.value(r); got != before {
			t.Errorf("%s: the help key changed the answer %q → %q", where, before, got)
		}
	}
}

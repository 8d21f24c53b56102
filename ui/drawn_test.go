package ui

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/viewport"
	"github.com/charmbracelet/x/ansi"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/ui/lookups"
)

// dscOrder is the wizard opened on a DSC order of n product items (as --from opens it), on
// its products step.
func dscOrder(t *testing.T, n int, lang i18n.Lang, w, h int) *driver {
	t.Helper()
	api, a := flows.DSC, dscAnswers(n)
	d := newDriver(t, Options{Lang: lang, Provider: &fakeProvider{}, From: &Loaded{Name: "items.json", API: api, Answers: a, Problems: api.Validate(a)}}, w, h)
	d.goStep(flows.StepProducts)
	return d
}

// rowLine is the screen line of the form that shows the answer at path (unfocused rows are
// drawn "    Label*   value").
func rowLine(t *testing.T, d *driver, label, text string) string {
	t.Helper()
	for _, l := range strings.Split(d.view(), "\n") {
		if strings.Contains(l, label) && strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// Drawn rows are kept by what they show, not by the revision of the answers: a row typed
// into must be drawn again with its new value once the focus leaves it, and so must a row
// whose look the key changed elsewhere (an item's title that names its spec code, a problem
// that appears). A key of drawn rows that missed any of these would show the row as it was.
func TestTypedKeyRedrawsTheRowsItChanged(t *testing.T) {
	d := dscOrder(t, 3, i18n.EN, 120, 40)
	id := d.m.s.a().Get("body.product_infos[1].product_id")
	if rowLine(t, d, "Product ID", id) == "" {
		t.Fatalf("no product id row showing %s:\n%s", id, d.view())
	}
	d.focus("body.product_infos[1].product_id")
	d.typ("Z9")
	d.keys("down") // the row is drawn unfocused again
	if rowLine(t, d, "Product ID", id+"Z9") == "" {
		t.Fatalf("after typing Z9 into item #2's product id, its row does not show %sZ9:\n%s", id, d.view())
	}
	d.keys("up", "backspace", "backspace", "down")
	if rowLine(t, d, "Product ID", id+"Z") != "" || rowLine(t, d, "Product ID", id) == "" {
		t.Fatalf("after deleting Z9 the row does not show %s again:\n%s", id, d.view())
	}

	// An empty required answer: the row now carries its problem under it.
	d.focus("body.product_infos[1].product_id")
	d.keys("ctrl+u", "down")
	v := d.view()
	if !strings.Contains(v, "✗") {
		t.Fatalf("an emptied required product id shows no problem:\n%s", v)
	}
	d.focus("body.product_infos[1].product_id")
	d.typ(id)
	d.keys("down")
	if v := d.view(); strings.Contains(v, "✗") {
		t.Fatalf("the problem stayed after the product id was typed again:\n%s", v)
	}

	// A problem at a row whose answer did not change (another answer's rule can put it
	// there): the row is drawn with it.
	d.focus("body.product_infos[0].resource_type")
	d.m.s.problems = append(d.m.s.problems, flows.Problem{Path: "body.product_infos[2].resource_spec_code", Msg: i18n.T("spec and region disagree", "不一致")})
	if v := d.view(); !strings.Contains(v, "✗ spec and region disagree") {
		t.Fatalf("a new problem of item #3's spec code is not drawn under it:\n%s", v)
	}
	d.m.s.validate()

	// Another spec code for item #1: its title row names it (drawn unfocused, above).
	d.focus("body.product_infos[0].resource_spec_code")
	before := d.m.s.a().Get("body.product_infos[0].resource_spec_code")
	d.keys("right")
	after := d.m.s.a().Get("body.product_infos[0].resource_spec_code")
	if after == before {
		t.Fatalf("→ did not change the spec code %s", before)
	}
	if rowLine(t, d, "Product items #1", after) == "" {
		t.Fatalf("item #1's title does not name its new spec code %s:\n%s", after, d.view())
	}
}

// The review's summary makes the lines of a long order only as they come into view
// (summaryLines.line through windowed): at every scroll position the pane must show exactly
// what a viewport given the whole summary at once shows, in both languages, wide and narrow.
func TestLazySummaryShowsWhatTheWholeSummaryShows(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 120, 40}, {i18n.ZH, 80, 24}} {
		d := dscOrder(t, 120, c.lang, c.w, c.h)
		// A value too long for its line (wrapped at once) among those made as they show.
		flows.DSC.Set(d.m.s.a(), "body.product_infos[57].product_spec_desc", strings.Repeat("a description too long for its line ", 6))
		d.m.s.validate()
		d.goStep(d.m.s.steps[len(d.m.s.steps)-1])
		d.keys("enter")
		if d.m.Where() != "review" {
			t.Fatalf("not at review: %s\n%s", d.m.Where(), d.view())
		}
		_ = d.view()
		r := d.m.review
		whole := r.summary(r.sum.Width()).text()
		wraps := 0
		for _, l := range strings.Split(ansi.Strip(whole), "\n") {
			if strings.Contains(l, "too long for") {
				wraps++
			}
		}
		if wraps < 2 {
			t.Fatalf("the long description does not wrap in the summary (%d lines)", wraps)
		}
		ref := viewport.New()
		ref.SetWidth(r.sum.Width())
		ref.SetHeight(r.sum.Height())
		ref.SetContent(whole)
		if got, want := r.sum.TotalLineCount(), ref.TotalLineCount(); got != want || want < 600 {
			t.Fatalf("%s %dx%d: the pane has %d lines, the whole summary %d", c.lang, c.w, c.h, got, want)
		}
		checked := 0
		for step := 0; ; step++ {
			ref.SetYOffset(r.sum.YOffset())
			if got, want := r.sum.View(), ref.View(); got != want {
				t.Fatalf("%s %dx%d at line %d the pane shows\n%s\nthe whole summary there:\n%s", c.lang, c.w, c.h, r.sum.YOffset()+1, ansi.Strip(got), ansi.Strip(want))
			}
			checked++
			if r.sum.AtBottom() {
				break
			}
			k := "down"
			if step%7 == 6 {
				k = "pgdown" // a jump of a page fills a window far from the last
			}
			d.keys(k)
			_ = d.view()
		}
		for range 3 { // and back up, past where the window was filled before
			d.keys("pgup")
			_ = d.view()
			ref.SetYOffset(r.sum.YOffset())
			if got, want := r.sum.View(), ref.View(); got != want {
				t.Fatalf("%s %dx%d after pgup at line %d:\n%s\nwant:\n%s", c.lang, c.w, c.h, r.sum.YOffset()+1, ansi.Strip(got), ansi.Strip(want))
			}
		}
		if checked < 100 {
			t.Fatalf("only %d scroll positions checked", checked)
		}
	}
}

// cellWidth measures in place what ansi.StringWidth measures of the stripped text: styled
// lines of every kind the wizard draws, and escapes and characters it leaves to the library.
func TestCellWidthMeasuresAsTheLibrary(t *testing.T) {
	st := NewStyles(true, false)
	for _, s := range []string{
		"", "plain ascii", st.Value.Render("value") + " · " + st.Muted.Render("muted"),
		st.Error.Render("✗ required") + " ⚠ " + st.Marker.Render("› ‹ ›"),
		"请选择地域 " + st.Value.Render("cn-north-4"), "e\u0301", "👍🏽 ok", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
		"\x1b[", "\x1b[38;2;1;2;3", "a\x1b[1mb\x1b[0m\tc", "bad \xff utf8", "╭─╮ │ ○ ● ↑↓ …",
	} {
		if got, want := cellWidth(s), ansi.StringWidth(ansi.Strip(s)); got != want {
			t.Errorf("cellWidth(%q) = %d, the library says %d", s, got, want)
		}
	}
}

// The summary's answers are kept per revision of the answers (answerLines): back on the
// form, a changed answer must show on the next review, and a look-up's result that names
// a value (its label beside it) must show once the review lays out again.
func TestReviewSummaryFollowsAnswersAndLookups(t *testing.T) {
	d := dscOrder(t, 4, i18n.EN, 120, 40)
	last := d.m.s.steps[len(d.m.s.steps)-1]
	d.goStep(last)
	d.keys("enter")
	summary := func() string { return ansi.Strip(d.m.review.summary(d.m.review.sum.Width()).text()) } // the width the pane was laid out for
	id := d.m.s.a().Get("body.product_infos[3].product_id")
	if !strings.Contains(summary(), "Product ID: "+id) {
		t.Fatalf("summary without item #4's product id %s:\n%s", id, summary())
	}
	d.goStep(flows.StepProducts)
	d.focus("body.product_infos[3].product_id")
	d.typ("77")
	d.goStep(last)
	d.keys("enter")
	if d.m.Where() != "review" || !strings.Contains(summary(), "Product ID: "+id+"77") {
		t.Fatalf("after typing 77 the summary does not show %s77:\n%s", id, summary())
	}

	rows := rowsOf(d.m.s, slices.Index(d.m.s.steps, flows.StepProducts))
	i := slices.IndexFunc(rows, func(r row) bool { return r.path() == "body.product_infos[0].product_id" })
	k := queryKey(lookups.QueryFor(d.m.s.api, rows[i].slot, d.m.s.a()))
	first := d.m.s.a().Get("body.product_infos[0].product_id")
	d.m.s.lookups[k] = &lookup{opts: []flows.Option{{Value: first, Label: i18n.T("Professional edition", "专业版")}}}
	if !strings.Contains(strings.Join(strings.Fields(summary()), " "), "Product ID: "+first+" · Professional edition") {
		t.Fatalf("the look-up's label for %s is not in the summary:\n%s", first, summary())
	}
}

// A look-up that answers while the review is on screen, naming a value already answered (its
// label beside it), shows on the review at once: it changed no answer, yet the summary shows
// the look-up's label (optionsOf), so the review is laid out again.
func TestLookupArrivingOnTheReviewShowsItsLabel(t *testing.T) {
	d := dscOrder(t, 1, i18n.EN, 160, 60)
	rows := rowsOf(d.m.s, slices.Index(d.m.s.steps, flows.StepProducts))
	i := slices.IndexFunc(rows, func(r row) bool { return r.path() == "body.product_infos[0].product_id" })
	k := queryKey(lookups.QueryFor(d.m.s.api, rows[i].slot, d.m.s.a()))
	first := d.m.s.a().Get("body.product_infos[0].product_id")
	d.goStep(d.m.s.steps[len(d.m.s.steps)-1])
	d.keys("enter")
	if d.m.Where() != "review" || strings.Contains(d.view(), "Edition found by the look-up") {
		t.Fatalf("want the review without the label first:\n%s", d.view())
	}
	d.send(lookupMsg{key: k, opts: []flows.Option{{Value: first, Label: i18n.T("Edition found by the look-up", "查询所得版本")}}})
	if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, first+" · Edition found by the look-up") {
		t.Fatalf("the look-up's label for %s is not on the review:\n%s", first, d.view())
	}
}

package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/ui/lookups"
)

// wideAt is the width from which the help panel gets a column of its own beside the form;
// below it the panel sits under the form.
const wideAt = 90

// View draws the form and the help panel: side by side when wide, stacked otherwise. Each
// part has its own size, so a tall help text scrolls in its panel instead of pushing the
// layout around.
func (f *formScreen) View() string {
	w, h := max(f.w, 1), max(f.h, 1)
	var note string
	if len(f.loadNote) > 0 { // on every step: what the order leaves out stays in sight
		note = f.s.st.Warning.Render(wrapWords(f.s.say(txtLoadProbs)+" "+strings.Join(f.loadNote, "; "), w))
	}
	if c := f.credentialLines(w); c != "" {
		note = joinNonEmpty(note, c)
	}
	if note != "" {
		if lineCount(note) > h/2 {
			note = fitHeight(note, max(h/2, 1)) // the form keeps at least half the body
		}
		h = max(h-lineCount(note), 1)
	}
	var out string
	switch {
	case f.s.showAll:
		// The help key: the focused field's help over the whole body, every key below it.
		out = f.panelView(w, h)
	case w >= wideAt:
		fw := w * 55 / 100
		pw := w - fw - 3
		form := padLines(fitHeight(f.formLines(fw, h), h), fw)
		out = joinColumns(h, form, " "+f.s.st.Muted.Render("│")+" ", fitHeight(f.panelView(pw, h), h))
	default:
		// The form takes the lines it needs (up to two thirds), the help panel the rest.
		need := lineCount(f.formLines(w, h))
		fh := max(min(need, h*2/3, h-4), min(h, 1))
		ph := h - fh - 1
		out = fitHeight(f.formLines(w, fh), fh)
		if ph > 0 {
			out += "\n" + f.s.st.Muted.Render(strings.Repeat("─", w)) + "\n" + f.panelView(w, ph)
		}
	}
	if note != "" {
		return note + "\n" + out
	}
	return out
}

// credentialLines is the first screen's account of the person's credentials wherever orders
// are signed with them (live, or a local endpoint that is not the sandbox): which will be used
// (source and masked key) or what is missing and where it was looked for, the chosen API's
// cloud first.
func (f *formScreen) credentialLines(w int) string {
	s := f.s
	if f.step != 0 || (s.o.Mode != providers.Live && s.o.Mode != providers.LocalEndpoint) || len(s.o.Credentials) == 0 {
		return ""
	}
	creds := slices.Clone(s.o.Credentials)
	slices.SortStableFunc(creds, func(a, b Credential) int {
		return boolRank(a.Cloud != s.api.Cloud) - boolRank(b.Cloud != s.api.Cloud)
	})
	out := []string{s.st.SectionTitle.Render(s.say(txtCredentials))}
	for _, c := range creds {
		mark, style := "✓ ", s.st.OK
		if !c.Found {
			mark, style = "✗ ", s.st.Error
		}
		out = append(out, style.Render(wrapIndent(mark+s.say(c.Text), w, "  ")))
	}
	return strings.Join(out, "\n")
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// panelView is the help panel in a viewport of w×h, with where it is when it scrolls.
func (f *formScreen) panelView(w, h int) string {
	if content := f.helpTextCached(w); content != f.panelFor {
		f.panelFor = content
		f.panel.SetContent(content)
	}
	if path := f.inPath + "|" + f.focusedPath(); path != f.panelPath {
		f.panelPath = path // another field: its help starts at the top
		f.panel.GotoTop()
	}
	f.panel.SetWidth(w)
	f.panel.SetHeight(h)
	total := f.panel.TotalLineCount()
	if total <= h {
		return f.panelCache.view(&f.panel, f.helpFor)
	}
	f.panel.SetHeight(max(h-1, 1))
	pos := scrollPos(f.s, f.panel.YOffset(), f.panel.Height(), total)
	hint := f.s.st.Muted.Render(truncLine("pgup/pgdn · "+pos, w))
	return f.panelCache.view(&f.panel, f.helpFor) + "\n" + hint
}

func (f *formScreen) focusedPath() string {
	if r, ok := f.focused(); ok {
		return r.path()
	}
	return ""
}

// formLines renders the step's rows that fit in h lines, scrolled so the focused row (with
// its messages and open list) is visible. Rows are drawn outward from the focused one until
// the window is full, so a key costs what is on screen, not the size of the order; a row
// that shows what it showed when drawn before comes from f.drawn.
func (f *formScreen) formLines(w, h int) string {
	h = max(h, 1)
	labelW := min(f.labelWidth(), w/2)
	f.drawn.reset(w, labelW, f.s.lang, f.s.isDark)
	if f.cur < 0 || f.cur >= len(f.rows) {
		// Nothing focusable: the rows from the top.
		var lines []string
		for i := 0; i < len(f.rows) && len(lines) < h; i++ {
			lines = append(lines, f.cachedRow(i, false, w, labelW, h)...)
		}
		if len(lines) < h {
			lines = append(lines, f.strayLines(w)...)
		}
		return strings.Join(lines[:min(h, len(lines))], "\n")
	}
	focus := f.cachedRow(f.cur, true, w, labelW, h)
	// Rows above the focus, nearest first, until h lines (more are never shown: the focus
	// sits at most h/3 from the top unless the end of the form pulls it down).
	var above [][]string
	na := 0
	for i := f.cur - 1; i >= 0 && na < h; i-- {
		l := f.cachedRow(i, false, w, labelW, h)
		above = append(above, l)
		na += len(l)
	}
	var below []string
	for i := f.cur + 1; i < len(f.rows) && len(below) < h; i++ {
		below = append(below, f.cachedRow(i, false, w, labelW, h)...)
	}
	if len(below) < h {
		below = append(below, f.strayLines(w)...)
	}
	lines := make([]string, 0, na+len(focus)+len(below))
	for i := len(above) - 1; i >= 0; i-- {
		lines = append(lines, above[i]...)
	}
	focusStart := len(lines)
	lines = append(lines, focus...)
	focusEnd := len(lines) - 1
	lines = append(lines, below...)
	// What is drawn is the whole form seen from the focus: the same window as drawing every row
	// (above or below, a cut part is at least h lines, which no rule below reaches past).
	top := 0
	if len(lines) > h {
		top = max(0, min(focusStart-h/3, len(lines)-h))
		if focusEnd >= top+h {
			top = focusEnd - h + 1
		}
		top = max(0, min(top, focusStart))
	}
	return strings.Join(lines[top:min(top+h, len(lines))], "\n")
}

// labelWidth is the label column's width: the widest label of the step's fields at their
// depth. It is measured once per build of the rows, each field's label once.
func (f *formScreen) labelWidth() int {
	if f.labelW >= 0 {
		return f.labelW
	}
	measured := map[*flows.Field]int{}
	w := 0
	for _, r := range f.rows {
		if r.slot.Heading {
			continue
		}
		lw, ok := measured[r.slot.Field]
		if !ok {
			lw = lipgloss.Width(labelOf(f.s, r))
			measured[r.slot.Field] = lw
		}
		w = max(w, lw+2*r.slot.Depth+3)
	}
	f.labelW = w
	return w
}

// cachedRow is rowLines of row i, drawn once for what it shows. A row whose look-up runs
// shows a turning spinner, and a focused row with the text input or an open list shows
// their state, so those are drawn each time.
func (f *formScreen) cachedRow(i int, focus bool, w, labelW, h int) []string {
	r := f.rows[i]
	l := lookupFor(f.s, r)
	if l != nil && l.loading || focus && (r.w.typed() || f.list != nil) {
		return f.rowLines(r, focus, w, labelW, h)
	}
	k := f.lookOf(r, l)
	k.focus = focus
	if out, ok := f.drawn.rows[k]; ok {
		return out
	}
	out := f.rowLines(r, focus, w, labelW, h)
	f.drawn.put(k, out)
	return out
}

// rowLook is everything a row's drawing depends on besides the width, the label column, the
// language and the styles (drawnRows.reset): its kind of widget, focus, depth, label,
// required mark, answer as stored and as shown (widget.summary), its problems and whether
// its look-up failed (a focused row with the text input or an open list is not kept).
// Keeping drawn rows by it, not by the revision of the answers, lets a typed key redraw only
// the rows whose look changed (the one typed into, an item's title that shows it), not
// every row in view.
type rowLook struct {
	kind         reflect.Type
	focus        bool
	heading      bool
	depth        int
	label        string
	required     bool
	value, shown string
	problems     string
	lookupFailed bool
}

func (f *formScreen) lookOf(r row, l *lookup) rowLook {
	k := rowLook{kind: reflect.TypeOf(r.w), heading: r.slot.Heading, depth: r.slot.Depth, label: labelOf(f.s, r),
		lookupFailed: l != nil && l.err != nil}
	if r.slot.Heading {
		return k // a heading shows its label only (widgets' value and summary are of fields)
	}
	k.required = r.slot.Field.Required && !r.slot.Field.Local
	k.value, k.shown = r.w.value(f.s, r), r.w.summary(f.s, r)
	if ps := f.s.problemsAt(r.path()); len(ps) > 0 {
		var b strings.Builder
		for _, p := range ps {
			fmt.Fprintf(&b, "%t\x00%s\x00", p.Warning, p.Msg.In(f.s.lang))
		}
		k.problems = b.String()
	}
	return k
}

// strayLines lists the problems no row shows, under the form.
func (f *formScreen) strayLines(w int) []string {
	stray := f.strayProblems()
	if len(stray) == 0 {
		return nil
	}
	lines := []string{"", f.s.st.Error.Render(f.s.say(txtOtherProbs))}
	for _, p := range stray {
		lines = append(lines, f.problemLines(p, w, "  ", true)...)
	}
	return lines
}

// drawnRows keeps the form's rows as drawn, by what they show (rowLook), for one width,
// label column, language and background.
type drawnRows struct {
	of   drawnFor
	rows map[rowLook][]string
}

type drawnFor struct {
	w, labelW int
	lang      i18n.Lang
	dark      bool
}

// maxDrawnRows bounds what is kept: scrolling through a long order draws each item's rows
// once, and what scrolled away is drawn again if it comes back after a clear.
const maxDrawnRows = 2048

func (d *drawnRows) reset(w, labelW int, lang i18n.Lang, dark bool) {
	if k := (drawnFor{w, labelW, lang, dark}); d.of != k || d.rows == nil {
		d.of, d.rows = k, map[rowLook][]string{}
	}
}

func (d *drawnRows) put(k rowLook, lines []string) {
	if len(d.rows) >= maxDrawnRows {
		clear(d.rows)
	}
	d.rows[k] = lines
}

// rowLines renders one row: label and value, then its problems, then its open list.
func (f *formScreen) rowLines(r row, focus bool, w, labelW, h int) []string {
	st := f.s.st
	indent := strings.Repeat("  ", max(r.slot.Depth, 0))
	if r.slot.Heading {
		t := labelOf(f.s, r)
		if !r.w.focusable() {
			return []string{truncLine("  "+indent+st.Heading.Render(t), w)}
		}
		if focus {
			return []string{truncLine(st.Marker.Render("› ")+indent+st.LabelFocused.Render("── "+t)+st.Muted.Render("  "+f.s.say(txtItemHint)), w)}
		}
		return []string{truncLine("  "+indent+st.Heading.Render("── "+t), w)}
	}
	marker, lst := "  ", st.Label
	if focus {
		marker, lst = st.Marker.Render("› "), st.LabelFocused
	}
	label := indent + labelOf(f.s, r)
	req := ""
	if r.slot.Field.Required && !r.slot.Field.Local {
		req = st.Required.Render("*")
	}
	pad := max(labelW-lipgloss.Width(label)-lipgloss.Width(req), 1)
	head := marker + lst.Render(label) + req + strings.Repeat(" ", pad)
	valW := max(w-lipgloss.Width(head), 4)
	l := lookupFor(f.s, r)
	spin := ""
	if l != nil && l.loading { // the field's look-up runs: typing goes on meanwhile
		spin = " " + f.s.spin.View() + " " + st.Muted.Render(f.s.say(txtLookingUpShort))
		valW = max(valW-lipgloss.Width(spin), 4)
	}
	out := []string{truncLine(head+r.w.view(f, r, focus, valW)+spin, w)}
	sub := strings.Repeat(" ", min(lipgloss.Width(head), w/2))
	for _, p := range f.s.problemsAt(r.path()) {
		out = append(out, f.problemLines(p, w, sub, false)...)
	}
	if l != nil && l.err != nil {
		// The reason in full is in the help panel.
		out = append(out, f.problemLines(flows.Problem{Msg: txtLookupFailedAtField, Warning: true}, w, sub, false)...)
	}
	if focus && f.list != nil {
		out = append(out, f.list.lines(f.s, w, max(min(8, h-4), 1), sub)...)
	}
	return out
}

// minProblemText is the least room, in cells, a problem's first line at its field gets.
const minProblemText = 30

// problemLines shows a problem at its field: wrapped at word boundaries, the first line
// here and, when it goes on, a pointer to the help panel, which holds it in full. all shows
// every line (problems no field shows).
func (f *formScreen) problemLines(p flows.Problem, w int, indent string, all bool) []string {
	mark, style := "✗ ", f.s.st.Error
	if p.Warning {
		mark, style = "⚠ ", f.s.st.Warning
	}
	lines := strings.Split(wrapIndent(mark+p.Msg.In(f.s.lang), w, indent), "\n")
	if all || len(lines) == 1 {
		for i := range lines {
			lines[i] = style.Render(lines[i])
		}
		return lines
	}
	more := " " + f.s.say(txtMoreInPanel)
	// Deep in a nested group the value column starts far right: move the line left rather
	// than leave it one word (or none) long.
	if room := w - lipgloss.Width(more) - lipgloss.Width(mark) - minProblemText; len(indent) > room {
		indent = spaces(max(room, 2))
	}
	first := strings.Split(wrapIndent(mark+p.Msg.In(f.s.lang), w-lipgloss.Width(more), indent), "\n")[0]
	return []string{style.Render(first) + f.s.st.Muted.Render(more)}
}

// helpTextCached is helpText, rebuilt only when what it shows changed (moving back and
// forth between fields finds it drawn already).
func (f *formScreen) helpTextCached(w int) string {
	k := f.helpKey(w)
	f.helpFor = k
	if out, ok := f.helpOut[k]; ok {
		return out
	}
	if len(f.helpOut) > 32 || f.helpOut == nil {
		f.helpOut = map[string]string{}
	}
	f.helpOut[k] = f.helpText(w)
	return f.helpOut[k]
}

// helpKey is everything the help text depends on.
func (f *formScreen) helpKey(w int) string {
	r, ok := f.focused()
	if !ok {
		return ""
	}
	var b strings.Builder
	fmt.Fprint(&b, w, "|", f.s.lang, "|", f.s.isDark, "|", f.s.api.ID, "|", r.path(), "|", r.w.value(f.s, r), "|", len(f.s.problems), "|", labelOf(f.s, r))
	for _, p := range f.s.problemsAt(r.path()) {
		b.WriteString("|" + p.Msg.EN)
	}
	if l := lookupFor(f.s, r); l != nil {
		fmt.Fprintf(&b, "|%p", l)
	}
	for _, o := range r.slot.Field.OptionsAt(r.slot.Ctx(f.s.a())) {
		b.WriteString("|" + o.Value)
	}
	return b.String()
}

// helpText explains the focused field: its problems in full, meaning, rule, default, and
// every documented value with its meaning, in the session's language.
func (f *formScreen) helpText(w int) string {
	r, ok := f.focused()
	if !ok || w < 8 {
		return ""
	}
	s, st := f.s, f.s.st
	var b []string
	add := func(x string) { b = append(b, x) }
	fl := r.slot.Field
	add(st.HelpTitle.Render(wrapWords(labelOf(s, r), w)))
	tags := []string{s.say(txtOptional)}
	switch {
	case fl.Local:
		tags[0] = s.say(txtNotSent)
	case fl.Required:
		tags[0] = s.say(txtRequired)
	}
	tags = append(tags, s.say(txtPath)+" "+r.path())
	add(st.Muted.Render(wrapWords(strings.Join(tags, " · "), w)))
	for _, p := range s.problemsAt(r.path()) {
		mark, style := "✗ ", st.Error
		if p.Warning {
			mark, style = "⚠ ", st.Warning
		}
		add(style.Render(wrapWords(mark+p.Msg.In(s.lang), w)))
	}
	if h := fl.Help.In(s.lang); h != "" {
		add(wrapWords(h, w))
	}
	ctx := r.slot.Ctx(s.a())
	var facts []string
	if fl.Kind.IsScalar() {
		if d := fl.DefaultAt(ctx); d != "" {
			facts = append(facts, s.say(txtDefault)+": "+d)
		}
		if fl.Example != "" {
			facts = append(facts, s.say(txtExample)+": "+fl.Example)
		}
	}
	if len(facts) > 0 {
		add(st.Muted.Render(wrapWords(strings.Join(facts, " · "), w)))
	}
	if !fl.Kind.IsScalar() {
		return strings.Join(b, "\n")
	}
	cur := r.w.value(s, r)
	documented := fl.OptionsAt(ctx)
	if len(documented) > 0 {
		add("")
		t := txtOptions
		if fl.Open {
			t = txtSuggested
		}
		add(st.HelpTitle.Render(s.say(t)))
		for _, o := range documented {
			add(optionHelp(s, o, o.Value == cur, w))
		}
	}
	if l := lookupFor(s, r); l != nil {
		add("")
		switch {
		case l.loading:
			add(st.Muted.Render(s.say(txtLookingUp)))
		case l.err != nil:
			add(st.Warning.Render(wrapWords("⚠ "+s.say(lookupWhy(l.err, lookups.Wait(s.o.LookupTimeout))), w)))
		case len(l.opts) > 0:
			add(st.HelpTitle.Render(s.say(txtLookedUp)))
			for _, o := range l.opts {
				if !slices.ContainsFunc(documented, func(x flows.Option) bool { return x.Value == o.Value }) {
					add(optionHelp(s, o, o.Value == cur, w))
				}
			}
		}
	}
	return strings.Join(b, "\n")
}

func optionHelp(s *session, o flows.Option, now bool, w int) string {
	mark, style := "○ ", s.st.Option
	if now {
		mark, style = "● ", s.st.OptionNow
	}
	out := style.Render(wrapIndent(mark+optionText(s, o), w, ""))
	if h := o.Help.In(s.lang); h != "" {
		out += "\n" + s.st.Muted.Render(wrapIndent(h, w, "    "))
	}
	return out
}

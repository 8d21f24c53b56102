package ui

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cloudorder/flows"
)

// stepBody lays out the form and the help panel: side by side when wide, stacked otherwise.
func (m *Model) stepBody(h int) string {
	w := max(m.w, 1)
	var note string
	if len(m.loadNote) > 0 { // on every step: what the order leaves out stays in sight
		note = m.st.Warning.Render(wrapIndent(m.say(txtLoadProbs)+" "+strings.Join(m.loadNote, "; "), w, ""))
		h -= lipgloss.Height(note)
	}
	var out string
	if m.wide() {
		fw := w * 56 / 100
		form := strings.Split(fitHeight(m.form(fw, max(h, 1)), max(h, 1)), "\n")
		panel := strings.Split(m.helpPanel(w-fw-4), "\n")
		bar := m.st.Muted.Render("│") + " "
		// Joined line by line: lipgloss borders and joins measure every cell on every key.
		for i, l := range form {
			if i < len(panel) {
				form[i] = l + " " + bar + panel[i]
			}
		}
		out = strings.Join(form, "\n")
	} else {
		panel := m.helpPanel(w)
		ph := min(lipgloss.Height(panel), max(h/3, 0))
		fh := max(h-ph-1, 1)
		out = fitHeight(m.form(w, fh), fh)
		if ph > 0 {
			out += "\n" + m.st.Muted.Render(strings.Repeat("─", w)) + "\n" + clip(panel, w, ph)
		}
	}
	if note != "" {
		return note + "\n" + out
	}
	return out
}

// form renders the step's rows, scrolled so the focused row (with its messages and open
// list) is visible.
func (m *Model) form(w, h int) string {
	labelW := 0
	for _, r := range m.rows {
		if r.kind != rowHeading && r.kind != rowItem {
			labelW = max(labelW, ansi.StringWidth(m.labelOf(r))+2*r.slot.Depth+2)
		}
	}
	labelW = min(labelW, w/2)
	var lines []string
	focusStart, focusEnd := 0, 0
	for i, r := range m.rows {
		if i == m.cur {
			focusStart = len(lines)
		}
		lines = append(lines, m.rowLines(r, i == m.cur, w, labelW)...)
		if i == m.cur {
			focusEnd = len(lines) - 1
		}
	}
	if stray := m.strayProblems(); len(stray) > 0 {
		lines = append(lines, "", m.st.Error.Render(m.say(txtOtherProbs)))
		for _, p := range stray {
			lines = append(lines, m.problemLine(p, w, "  "))
		}
	}
	top := 0
	if len(lines) > h {
		top = max(0, min(focusStart-h/3, len(lines)-h))
		if focusEnd >= top+h {
			top = focusEnd - h + 1
		}
		top = max(0, min(top, focusStart))
	}
	end := min(top+h, len(lines))
	for i := top; i < end; i++ {
		if pad := w - ansi.StringWidth(lines[i]); pad > 0 {
			lines[i] += strings.Repeat(" ", pad) // a steady column for the help panel
		}
	}
	return strings.Join(lines[top:end], "\n")
}

// rowLines renders one row: label and value, then its problems, then its open list.
func (m *Model) rowLines(r row, focus bool, w, labelW int) []string {
	indent := strings.Repeat("  ", max(r.slot.Depth, 0))
	switch r.kind {
	case rowHeading:
		return []string{ansi.Truncate("  "+indent+m.st.Heading.Render(m.labelOf(r)), w, "…")}
	case rowItem:
		t := indent + "── " + m.labelOf(r)
		if focus {
			return []string{ansi.Truncate(m.st.Marker.Render("› ")+m.st.LabelFocused.Render(t)+m.st.Muted.Render("  "+m.say(txtItemHint)), w, "…")}
		}
		return []string{ansi.Truncate("  "+m.st.Heading.Render(t), w, "…")}
	}
	marker, lst := "  ", m.st.Label
	if focus {
		marker, lst = m.st.Marker.Render("› "), m.st.LabelFocused
	}
	label := indent + m.labelOf(r)
	req := ""
	if r.kind != rowAPI && r.slot.Field.Required && !r.slot.Field.Local {
		req = m.st.Required.Render("*")
	}
	pad := max(labelW-ansi.StringWidth(label)-ansi.StringWidth(req), 1)
	head := marker + lst.Render(label) + req + strings.Repeat(" ", pad)
	valW := max(w-ansi.StringWidth(head), 4)
	line := head + m.valueView(r, focus, valW)
	out := []string{ansi.Truncate(line, w, "…")}
	sub := strings.Repeat(" ", min(ansi.StringWidth(head), w/2))
	for _, p := range m.problemsAt(r) {
		out = append(out, m.problemLine(p, w, sub))
	}
	if focus && m.pick.open && m.pick.path == r.path() {
		out = append(out, m.pickerLines(r, w, sub)...)
	}
	return out
}

// valueView renders a row's value with the affordance of its widget.
func (m *Model) valueView(r row, focus bool, w int) string {
	v := m.valueOf(r)
	switch r.kind {
	case rowText:
		if focus {
			m.input.SetWidth(max(w-2, 1))
			return m.input.View()
		}
		if v == "" {
			return m.st.ValueMuted.Render(m.say(txtEmpty))
		}
	case rowToggle:
		box := "[ ] "
		if v == "true" {
			box = "[x] "
		}
		if v == "" {
			box = "[-] "
		}
		return m.st.Value.Render(box + m.display(r, v))
	case rowChoice, rowAPI:
		if focus {
			return m.st.Marker.Render("‹ ") + m.st.Value.Render(m.display(r, v)) + m.st.Marker.Render(" ›")
		}
	case rowGroup:
		s := m.st.Value.Render(m.display(r, v))
		if focus {
			s += m.st.Muted.Render("  " + m.say(txtItemsHint))
		}
		return s
	}
	if v == "" {
		return m.st.ValueMuted.Render(m.say(txtEmpty))
	}
	return m.st.Value.Render(m.display(r, v))
}

func (m *Model) problemLine(p flows.Problem, w int, indent string) string {
	if p.Warning {
		return ansi.Truncate(indent+m.st.Warning.Render("⚠ "+p.Msg.In(m.lang)), w, "…")
	}
	return ansi.Truncate(indent+m.st.Error.Render("✗ "+p.Msg.In(m.lang)), w, "…")
}

// pickerLines renders the open list: the filter, then a window of matching values.
func (m *Model) pickerLines(r row, w int, indent string) []string {
	opts := m.filtered(r)
	out := []string{ansi.Truncate(indent+m.st.Muted.Render(m.say(txtFilter)+": ")+m.pick.filter+"▏", w, "…")}
	if len(opts) == 0 {
		return append(out, indent+m.st.Error.Render(m.say(txtNoMatch)))
	}
	const shown = 8
	top := max(0, min(m.pick.idx-shown/2, len(opts)-shown))
	cur := m.valueOf(r)
	for i := top; i < min(top+shown, len(opts)); i++ {
		o := opts[i]
		mark, st := "  ", m.st.Option
		if i == m.pick.idx {
			mark, st = m.st.Marker.Render("› "), m.st.OptionNow
		}
		dot := "○ "
		if o.Value == cur {
			dot = "● "
		}
		text := o.Value
		if l := o.Label.In(m.lang); l != "" && l != o.Value {
			text += " · " + l
		}
		out = append(out, ansi.Truncate(indent+mark+st.Render(dot+text), w, "…"))
	}
	if len(opts) > shown {
		out = append(out, indent+m.st.Muted.Render(fmt.Sprintf("  %d/%d", m.pick.idx+1, len(opts))))
	}
	return out
}

// helpPanel explains the focused field: meaning, rule, default, and every documented value
// with its meaning, in the session's language.
func (m *Model) helpPanel(w int) string {
	r, ok := m.focused()
	if !ok || w < 8 {
		return ""
	}
	var b []string
	add := func(s string) { b = append(b, s) }
	wrap := func(s string) string { return ansi.Wrap(s, w, " ") }
	if r.kind == rowAPI {
		add(m.st.HelpTitle.Render(m.say(txtAPIField)))
		add(wrap(m.say(txtAPIHelp)))
		for _, api := range m.apis {
			add("")
			mark := "○ "
			if api == m.api {
				mark = "● "
			}
			add(m.st.OptionNow.Render(wrap(mark + api.Title.In(m.lang))))
			add(m.st.Muted.Render(wrapIndent(api.Help.In(m.lang), w, "  ")))
		}
		return strings.Join(b, "\n")
	}
	f := r.slot.Field
	add(m.st.HelpTitle.Render(wrap(m.labelOf(r))))
	var tags []string
	switch {
	case f.Local:
		tags = append(tags, m.say(txtNotSent))
	case f.Required:
		tags = append(tags, m.say(txtRequired))
	default:
		tags = append(tags, m.say(txtOptional))
	}
	add(m.st.Muted.Render(wrap(strings.Join(tags, " · ") + " · " + m.say(txtPath) + " " + r.path())))
	if h := f.Help.In(m.lang); h != "" {
		add(wrap(h))
	}
	ctx := r.slot.Ctx(m.answers[m.api.ID])
	var facts []string
	if f.Kind.IsScalar() {
		if d := f.DefaultAt(ctx); d != "" {
			facts = append(facts, m.say(txtDefault)+": "+d)
		}
		if f.Example != "" {
			facts = append(facts, m.say(txtExample)+": "+f.Example)
		}
	}
	if len(facts) > 0 {
		add(m.st.Muted.Render(wrap(strings.Join(facts, " · "))))
	}
	if r.kind == rowItem || r.kind == rowGroup {
		return strings.Join(b, "\n")
	}
	documented := f.OptionsAt(ctx)
	if len(documented) > 0 {
		add("")
		t := txtOptions
		if f.Open {
			t = txtSuggested
		}
		add(m.st.HelpTitle.Render(m.say(t)))
		cur := m.valueOf(r)
		for _, o := range documented {
			add(m.optionHelp(o, o.Value == cur, w))
		}
	}
	if l := m.lookupFor(r); l != nil {
		add("")
		switch {
		case l.loading:
			add(m.st.Muted.Render(m.say(txtLookingUp)))
		case l.err != nil:
			add(m.st.Warning.Render(wrap(m.say(txtLookupBad) + ": " + l.err.Error())))
		case len(l.opts) > 0:
			add(m.st.HelpTitle.Render(m.say(txtLookedUp)))
			for _, o := range l.opts {
				if !slices.ContainsFunc(documented, func(x flows.Option) bool { return x.Value == o.Value }) {
					add(m.optionHelp(o, o.Value == m.valueOf(r), w))
				}
			}
		}
	}
	return strings.Join(b, "\n")
}

func (m *Model) optionHelp(o flows.Option, now bool, w int) string {
	mark, st := "○ ", m.st.Option
	if now {
		mark, st = "● ", m.st.OptionNow
	}
	text := o.Value
	if l := o.Label.In(m.lang); l != "" && l != o.Value {
		text += " · " + l
	}
	s := st.Render(ansi.Truncate(mark+text, w, "…"))
	if h := o.Help.In(m.lang); h != "" {
		s += "\n" + m.st.Muted.Render(wrapIndent(h, w, "    "))
	}
	return s
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// jsonValue renders a decoded response value compactly.
func jsonValue(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

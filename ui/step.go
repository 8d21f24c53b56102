package ui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
)

// matches reports whether a key press triggers an enabled binding.
func matches(msg tea.KeyPressMsg, b ...key.Binding) bool { return key.Matches(msg, b...) }

// keys returns the bindings that apply where the person is; the help bar shows the same set.
func (m *Model) keys() KeyMap {
	set := kQuit
	switch {
	case m.ask != askNone:
		return m.km.only(kYes | kNo | kQuit)
	case m.scr == scrSubmitting:
		return m.km.only(kQuit)
	case m.scr == scrResult:
		set |= kDone | kHelp
		if m.result.OrderID != "" {
			set |= kCopy
		}
		return m.km.only(set)
	case m.scr == scrReview:
		if m.saving {
			return m.km.only(kPick | kCancel | kQuit)
		}
		set |= kBack | kSave | kScrollUp | kScrollDown | kPageUp | kPageDown | kHelp
		if m.o.Mode != "dry-run" {
			set |= kPlace
		}
		return m.km.only(set)
	case m.pick.open:
		return m.km.only(kUp | kDown | kPick | kCancel | kList | kQuit)
	}
	set |= kUp | kDown | kNext | kBack | kHelp
	r, ok := m.focused()
	if !ok {
		return m.km.only(set)
	}
	switch r.kind {
	case rowAPI, rowChoice:
		set |= kChange | kList
	case rowToggle:
		set |= kChange | kToggle
	case rowGroup:
		set |= kAdd | kRemove
	case rowItem:
		set |= kRemove
	case rowText:
		if len(m.optionsOf(r)) > 0 {
			set |= kList
		}
	}
	k := m.km.only(set)
	if r.kind == rowText {
		// Typed text wins: "?" is a character here; f1 still opens the key help.
		k.Help.SetKeys("f1")
		k.Help.SetHelp("f1", khHelp.In(m.lang))
	}
	return k
}

// keyStep handles a key on a step's form.
func (m *Model) keyStep(msg tea.KeyPressMsg) tea.Cmd {
	if m.pick.open {
		return m.keyPicker(msg)
	}
	k := m.keys()
	r, _ := m.focused()
	m.notice = ""
	switch {
	case matches(msg, k.Help):
		m.showAll = !m.showAll
	case matches(msg, k.Up):
		m.move(-1)
	case matches(msg, k.Down):
		m.move(+1)
	case matches(msg, k.Next):
		return m.next()
	case matches(msg, k.Back):
		return m.back()
	case matches(msg, k.List):
		m.openPicker(r, "")
	case matches(msg, k.Toggle), r.kind == rowToggle && matches(msg, k.Change):
		m.cycle(r, msg.String() != "left")
	case matches(msg, k.Change):
		m.cycle(r, msg.String() == "right")
	case matches(msg, k.Add):
		m.addItem(r)
	case matches(msg, k.Remove):
		m.removeItem(r)
	case r.kind == rowText:
		return m.typeText(r, msg)
	case (r.kind == rowChoice || r.kind == rowAPI) && msg.String() == "space":
		m.openPicker(r, "")
	case (r.kind == rowChoice || r.kind == rowAPI) && msg.Text != "" && msg.Text != " ":
		// Type-to-filter: the first letter opens the list already filtered.
		m.openPicker(r, msg.Text)
	}
	return nil
}

// move focuses the previous or next focusable row.
func (m *Model) move(d int) {
	for i := m.cur + d; i >= 0 && i < len(m.rows); i += d {
		if m.rows[i].focusable() {
			m.cur = i
			m.syncInput()
			return
		}
	}
}

// next moves to the next field, or from the last one to the next step; a step with a blocking
// problem keeps the person on it (with the reason) but never traps them: esc still goes back.
func (m *Model) next() tea.Cmd {
	last := len(m.rows) - 1
	for last > 0 && !m.rows[last].focusable() {
		last--
	}
	if m.cur < last {
		m.move(+1)
		return nil
	}
	return m.forward()
}

// forward leaves the step for the next one (or review) when nothing in it blocks.
func (m *Model) forward() tea.Cmd {
	if i := m.firstBlocking(); i >= 0 {
		m.cur = i
		m.syncInput()
		m.notice, m.noticeBad = m.say(txtBlocked), true
		return nil
	}
	if m.step+1 >= len(m.steps) {
		m.enterReview()
		return nil
	}
	m.goStep(m.step + 1)
	return m.startLookups()
}

// back goes to the previous step; every answer stays.
func (m *Model) back() tea.Cmd {
	if m.step == 0 {
		return nil
	}
	m.goStep(m.step - 1)
	return m.startLookups()
}

// goStep shows step i with its first field focused.
func (m *Model) goStep(i int) {
	m.scr = scrStep
	m.step = i
	m.pick = picker{}
	m.buildRows()
	m.cur = 0
	if len(m.rows) > 0 && !m.rows[0].focusable() {
		m.move(+1)
	}
	m.inPath = "-" // force a resync
	m.syncInput()
}

// firstBlocking returns the row index of the first blocking problem of this step, or -1.
func (m *Model) firstBlocking() int {
	for i, r := range m.rows {
		if r.kind == rowAPI {
			continue
		}
		for _, p := range m.problemsAt(r) {
			if !p.Warning {
				if !r.focusable() {
					return max(0, min(i+1, len(m.rows)-1))
				}
				return i
			}
		}
	}
	for _, p := range m.strayProblems() {
		if !p.Warning {
			return m.cur
		}
	}
	return -1
}

// problemsAt returns the problems reported for a row's path.
func (m *Model) problemsAt(r row) []flows.Problem {
	if r.kind == rowAPI {
		return nil
	}
	return flows.ProblemsAt(m.problems, r.path())
}

// strayProblems are problems of this step's fields that no row shows by its exact path
// (say, one element of a string list): they are listed under the form so nothing hides.
func (m *Model) strayProblems() []flows.Problem {
	if len(m.rows) == 0 || m.rows[0].kind == rowAPI {
		return nil
	}
	step := m.steps[m.step]
	var out []flows.Problem
	for _, p := range m.problems {
		if slices.ContainsFunc(m.rows, func(r row) bool { return r.path() == p.Path }) {
			continue
		}
		if f := m.api.FieldAt(p.Path); f != nil && f.Step == step && (f.Kind.IsScalar() || f.Kind == flows.Array) {
			out = append(out, p)
		}
	}
	return out
}

// set records an answer through the API (which re-derives dependent fields) and refreshes.
func (m *Model) set(path, v string) {
	m.api.Set(m.answers[m.api.ID], path, v)
	m.refresh()
}

// refresh re-validates and rebuilds the rows, keeping focus on the same field when it still
// exists (a dependent field may appear or vanish above it).
func (m *Model) refresh() {
	if m.api == nil {
		return
	}
	m.problems = m.api.Validate(m.answers[m.api.ID])
	var path string
	var kind rowKind
	if r, ok := m.focused(); ok {
		path, kind = r.path(), r.kind
	}
	m.buildRows()
	m.cur = min(m.cur, len(m.rows)-1)
	for i, r := range m.rows {
		if r.path() == path && r.kind == kind {
			m.cur = i
			break
		}
	}
	if r, ok := m.focused(); !ok || (r.kind == rowHeading) {
		m.move(+1)
	}
	m.syncInput()
}

// cycle steps a pick-one or yes/no field to its previous or next value.
func (m *Model) cycle(r row, forward bool) {
	vals := m.cycleOf(r)
	if len(vals) == 0 {
		return
	}
	i := slices.Index(vals, m.valueOf(r))
	switch {
	case i < 0:
		i = 0
	case forward:
		i = (i + 1) % len(vals)
	default:
		i = (i - 1 + len(vals)) % len(vals)
	}
	m.choose(r, vals[i])
}

// choose sets a row's value (the API row switches API).
func (m *Model) choose(r row, v string) {
	if r.kind == rowAPI {
		if api := flows.Find(flows.APIID(v)); api != nil {
			m.chooseAPI(api)
			m.refresh()
		}
		return
	}
	m.set(r.path(), v)
	if r.kind == rowText {
		m.inPath = "-"
		m.syncInput()
	}
}

// chooseAPI switches API, keeping each API's answers.
func (m *Model) chooseAPI(api *flows.API) {
	m.api = api
	if m.answers[api.ID] == nil {
		a := api.NewAnswers()
		if m.o.ProjectID != "" && api.FieldAt("project_id") != nil && a.Get("project_id") == "" {
			api.Set(a, "project_id", m.o.ProjectID)
		}
		m.answers[api.ID] = a
	}
	m.steps = api.Steps()
}

// addItem appends an item to a repeated group.
func (m *Model) addItem(r row) {
	f := r.slot.Field
	a := m.answers[m.api.ID]
	if f.MaxItems > 0 && a.Count(r.path()) >= f.MaxItems {
		m.notice, m.noticeBad = flows.Tf("%s allows at most %d item(s)", "%s 最多 %d 项", m.labelOf(r), f.MaxItems).In(m.lang), true
		return
	}
	m.api.AddItem(a, r.path())
	m.refresh()
}

// removeItem removes the last item of a group, or the focused item.
func (m *Model) removeItem(r row) {
	a := m.answers[m.api.ID]
	path, i := r.path(), a.Count(r.path())-1
	if r.kind == rowItem {
		path, i = arrayPath(r.slot), r.slot.Index
	}
	f := r.slot.Field
	if a.Count(path) <= f.MinItems {
		m.notice, m.noticeBad = flows.Tf("%s needs at least %d item(s)", "%s 至少需要 %d 项", f.Label.In(m.lang), f.MinItems).In(m.lang), true
		return
	}
	if i < 0 {
		return
	}
	m.api.RemoveItem(a, path, i)
	m.refresh()
}

// openLoaded opens an order read with --from: at review when nothing blocks, else at the
// first step with a blocking problem so the person sees it under its field.
func (m *Model) openLoaded(f *Loaded) {
	m.chooseAPI(f.API)
	m.answers[f.API.ID] = f.Answers
	m.refresh()
	// What the answers' own validation does not show at a field (unknown keys, values that do
	// not apply, project_id on an Alibaba order) is left out of this order: say so up front.
	for _, p := range f.Problems {
		if len(flows.ProblemsAt(m.problems, p.Path)) == 0 {
			m.loadNote = append(m.loadNote, fmt.Sprintf("%s: %s", p.Path, p.Msg.In(m.lang)))
		}
	}
	m.notice = flows.Tf(txtLoadedFrom.EN, txtLoadedFrom.ZH, f.Name).In(m.lang)
	for i, st := range m.steps {
		for _, s := range m.api.Slots(f.Answers, st) {
			for _, p := range flows.ProblemsAt(m.problems, s.Path) {
				if !p.Warning {
					m.goStep(i)
					m.noticeBad = true
					return
				}
			}
		}
	}
	if flows.Blocking(m.problems) {
		m.goStep(len(m.steps) - 1)
		m.noticeBad = true
		return
	}
	if len(m.loadNote) > 0 {
		m.goStep(0) // where the note is shown, rather than a review that hides it
		m.noticeBad = true
		return
	}
	m.enterReview()
}

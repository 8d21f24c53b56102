package ui

import (
	"reflect"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cloudorder/flows"
	"cloudorder/i18n"
)

// widget is how one kind of row is read, edited and drawn. The kind follows from the
// field's declaration alone (widgetFor), so any field a flows file declares gets a widget
// without ui changes, and adding a kind is one type here — no switch elsewhere.
type widget interface {
	// focusable reports whether the row can hold the focus (section titles cannot).
	focusable() bool
	// typed reports whether the row is edited in the form's text input.
	typed() bool
	// value is the answer the row shows; set records one.
	value(s *session, r row) string
	set(s *session, r row, v string)
	// summary is the row's line in the review's summary; "" leaves it out.
	summary(s *session, r row) string
	// bind enables the widget's own bindings in k (the form enabled navigation already).
	bind(f *formScreen, r row, k *FormKeyMap)
	// input handles a key press or paste the form's navigation did not take.
	input(f *formScreen, r row, msg tea.Msg) tea.Cmd
	// view draws the value with its affordance, at most w cells wide.
	view(f *formScreen, r row, focus bool, w int) string
}

// row is one line of a step's form: a field at a concrete path, drawn by its widget.
type row struct {
	w    widget
	slot flows.Slot
}

func (r row) path() string { return r.slot.Path }

// widgetFor picks the widget of a slot.
func widgetFor(s flows.Slot, a *flows.Answers, step flows.Step) widget {
	f := s.Field
	switch {
	case s.Heading && s.Index >= 0 && f.Step == step:
		return itemWidget{}
	case s.Heading:
		return headingWidget{} // items are added and removed in their group's own step
	case f.Kind == flows.Array:
		return groupWidget{}
	case f.Kind == flows.Boolean:
		return toggleWidget{}
	case !f.Open && len(f.OptionsAt(s.Ctx(a))) > 0:
		return choiceWidget{}
	}
	return textWidget{}
}

// base is the behaviour most widgets share: an answer at the row's path, shown with its
// option label.
type base struct{}

func (base) focusable() bool                         { return true }
func (base) typed() bool                             { return false }
func (base) value(s *session, r row) string          { return s.a().Get(r.path()) }
func (base) set(s *session, r row, v string)         { s.set(r.path(), v) }
func (base) bind(*formScreen, row, *FormKeyMap)      {}
func (base) input(*formScreen, row, tea.Msg) tea.Cmd { return nil }
func (b base) summary(s *session, r row) string      { return display(s, r, b.value(s, r)) }
func (b base) view(f *formScreen, r row, _ bool, _ int) string {
	return valueText(f.s, r, b.value(f.s, r))
}

// valueText draws a value, or "(empty)".
func valueText(s *session, r row, v string) string {
	if v == "" {
		return s.st.ValueMuted.Render(s.say(txtEmpty))
	}
	return s.st.Value.Render(display(s, r, v))
}

// display renders a value for people: "value · label" when the option has a label.
func display(s *session, r row, v string) string {
	if v == "" {
		return ""
	}
	for _, o := range optionsOf(s, r) {
		if o.Value == v {
			return optionText(s, o)
		}
	}
	return v
}

// apiWidget is the choice of API: its value is the session's API, not an answer.
type apiWidget struct{ choiceWidget }

func (apiWidget) value(s *session, _ row) string { return string(s.api.ID) }
func (apiWidget) set(s *session, _ row, v string) {
	if api := s.apis.Find(flows.APIID(v)); api != nil {
		s.chooseAPI(api)
	}
}
func (w apiWidget) summary(s *session, r row) string { return s.api.Title.In(s.lang) }
func (w apiWidget) input(f *formScreen, r row, msg tea.Msg) tea.Cmd {
	return choiceInput(f, r, msg, w)
}
func (w apiWidget) view(f *formScreen, r row, focus bool, width int) string {
	return choiceView(f, r, focus, f.s.api.Title.In(f.s.lang))
}

// headingWidget is a section title (an object, properties or an item in another step).
type headingWidget struct{ base }

func (headingWidget) focusable() bool                         { return false }
func (headingWidget) summary(*session, row) string            { return "" }
func (headingWidget) view(*formScreen, row, bool, int) string { return "" }

// itemWidget titles one item of a repeated group in the group's step: x removes it.
type itemWidget struct{ headingWidget }

func (itemWidget) focusable() bool                          { return true }
func (itemWidget) bind(_ *formScreen, _ row, k *FormKeyMap) { k.Remove.SetEnabled(true) }
func (itemWidget) input(f *formScreen, r row, msg tea.Msg) tea.Cmd {
	if m, ok := msg.(tea.KeyPressMsg); ok && f.matches(m, f.km.Remove) {
		f.removeItem(r, arrayPath(r.slot), r.slot.Index)
	}
	return nil
}

// groupWidget is a repeated group (Products, volumes): a adds an item, x removes the last.
type groupWidget struct{ base }

func (groupWidget) summary(s *session, r row) string {
	return i18n.Tf(txtItems.EN, txtItems.ZH, s.a().Count(r.path())).In(s.lang)
}
func (groupWidget) bind(_ *formScreen, _ row, k *FormKeyMap) {
	k.Add.SetEnabled(true)
	k.Remove.SetEnabled(true)
}
func (groupWidget) input(f *formScreen, r row, msg tea.Msg) tea.Cmd {
	m, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case f.matches(m, f.km.Add):
		f.addItem(r)
	case f.matches(m, f.km.Remove):
		f.removeItem(r, r.path(), f.s.a().Count(r.path())-1)
	}
	return nil
}
func (w groupWidget) view(f *formScreen, r row, focus bool, width int) string {
	s := f.s.st.Value.Render(w.summary(f.s, r))
	if hint := "  " + f.s.say(txtItemsHint); focus && lipgloss.Width(s+hint) <= width {
		s += f.s.st.Muted.Render(hint) // the key line says it too, when there is no room here
	}
	return s
}

// choiceWidget is a closed list of documented values: ←/→ steps through them, tab or a
// typed letter opens the list.
type choiceWidget struct{ base }

func (choiceWidget) bind(_ *formScreen, _ row, k *FormKeyMap) {
	enableChange(k)
	k.List.SetEnabled(true)
	k.List.SetKeys("tab", "space")
}

// enableChange turns on ←/→ (one hint, two bindings).
func enableChange(k *FormKeyMap) {
	k.Change.SetEnabled(true)
	k.Left.SetEnabled(true)
	k.Right.SetEnabled(true)
}
func (w choiceWidget) input(f *formScreen, r row, msg tea.Msg) tea.Cmd {
	return choiceInput(f, r, msg, w)
}
func (w choiceWidget) view(f *formScreen, r row, focus bool, _ int) string {
	return choiceView(f, r, focus, display(f.s, r, w.value(f.s, r)))
}

func choiceInput(f *formScreen, r row, msg tea.Msg, w widget) tea.Cmd {
	switch m := msg.(type) {
	case tea.PasteMsg:
		f.openList(r, oneLine(m.Content, false))
	case tea.KeyPressMsg:
		switch {
		case f.matches(m, f.km.Left, f.km.Right):
			f.cycle(r, w, f.matches(m, f.km.Right))
		case f.matches(m, f.km.List):
			f.openList(r, "")
		case m.Text != "":
			f.openList(r, m.Text) // type-to-filter: the first letter opens the list filtered
		}
	}
	return nil
}

func choiceView(f *formScreen, r row, focus bool, shown string) string {
	st := f.s.st
	if shown == "" {
		return st.ValueMuted.Render(f.s.say(txtEmpty))
	}
	if focus {
		return st.Marker.Render("‹ ") + st.Value.Render(shown) + st.Marker.Render(" ›")
	}
	return st.Value.Render(shown)
}

// toggleWidget is a yes/no field: space or ←/→ flips it.
type toggleWidget struct{ base }

func (toggleWidget) bind(_ *formScreen, _ row, k *FormKeyMap) {
	enableChange(k)
	k.Toggle.SetEnabled(true)
}
func (w toggleWidget) input(f *formScreen, r row, msg tea.Msg) tea.Cmd {
	if m, ok := msg.(tea.KeyPressMsg); ok && f.matches(m, f.km.Toggle, f.km.Left, f.km.Right) {
		f.cycle(r, w, !f.matches(m, f.km.Left))
	}
	return nil
}
func (w toggleWidget) view(f *formScreen, r row, _ bool, _ int) string {
	v := w.value(f.s, r)
	box := map[string]string{"true": "[x] ", "": "[-] "}[v]
	if box == "" {
		box = "[ ] "
	}
	shown := display(f.s, r, v)
	if shown == "" {
		shown = f.s.say(txtEmpty)
	}
	return f.s.st.Value.Render(box + shown)
}

// textWidget is free text (strings, numbers, lists, open values) in the form's one
// bubbles textinput, with the documented values and look-up results as its suggestions.
type textWidget struct{ base }

func (textWidget) typed() bool { return true }
func (textWidget) bind(f *formScreen, r row, k *FormKeyMap) {
	k.Quit.SetEnabled(false) // q is a letter here
	k.Keys.SetKeys("f1")     // and so is ?; f1 still shows every key
	k.Keys.SetHelp("f1", khHelp.In(f.s.lang))
	if f.suggesting() {
		k.Accept.SetEnabled(true)
	} else if len(optionsOf(f.s, r)) > 0 {
		k.List.SetEnabled(true)
	}
}
func (textWidget) input(f *formScreen, r row, msg tea.Msg) tea.Cmd {
	if m, ok := msg.(tea.KeyPressMsg); ok && f.matches(m, f.km.List) {
		f.openList(r, "")
		return nil
	}
	if m, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: oneLine(m.Content, r.slot.Field.Kind == flows.StringList)}
	}
	return f.typeText(r, msg)
}
func (w textWidget) view(f *formScreen, r row, focus bool, width int) string {
	if focus {
		return inputView(f, width)
	}
	return valueText(f.s, r, w.value(f.s, r))
}

// inputView draws the focused text input in width cells. A value wider than that scrolls in
// bubbles' textinput, which shows a window of it around the cursor; a "…" stands where the
// window leaves characters out, so what shows is never mistaken for the whole value (an ID
// cut on the left reads as another ID).
func inputView(f *formScreen, width int) string {
	in := &f.input
	if in.Value() == "" && in.Placeholder != "" {
		setInputWidth(in, width-1)
		return placeholderView(*in, f.s.st.Input, width-1)
	}
	if ansi.StringWidth(in.Value()) <= width-1 {
		setInputWidth(in, width-1) // the cursor takes the cell after the value
		return in.View()
	}
	setInputWidth(in, width-3) // and a "…" each side
	from, to, ok := inputWindow(*in)
	if !ok {
		return in.View()
	}
	mark := func(cut bool) string {
		if cut {
			return f.s.st.Muted.Render("…")
		}
		return ""
	}
	return mark(from > 0) + in.View() + mark(to < len([]rune(in.Value())))
}

// inputWindow is the part of the value a textinput shows, in runes: [from, to). textinput
// keeps it unexported (offset, offsetRight; set by its handleOverflow), and computing it again
// here would be a second copy of its scrolling that could disagree with what it draws; so it
// is read. ok is false if a later textinput names it otherwise (TestFocusedLongValue fails).
func inputWindow(in textinput.Model) (from, to int, ok bool) {
	v := reflect.ValueOf(in)
	off, right := v.FieldByName("offset"), v.FieldByName("offsetRight")
	if !off.IsValid() || !right.IsValid() || !off.CanInt() || !right.CanInt() {
		return 0, 0, false
	}
	return int(off.Int()), int(right.Int()), true
}

// placeholderView draws an empty input's hint with the cursor on its first character.
// bubbles' textinput (v2.0) slices the placeholder by display cells as if they were runes,
// which writes NUL bytes and overflows the line by one cell per Chinese character (measured:
// 9 cells too wide for 从列表中选择或输入 ID).
func placeholderView(in textinput.Model, st textinput.Styles, w int) string {
	r := []rune(in.Placeholder)
	first := string(r[0])
	rest := ansi.Truncate(string(r[1:]), max(w-ansi.StringWidth(first), 0), "")
	return lipgloss.NewStyle().Reverse(true).Render(first) + st.Focused.Placeholder.Render(rest)
}

// optionsOf lists the values offered for a row: documented options, then look-up results
// not already documented.
func optionsOf(s *session, r row) []flows.Option {
	f := r.slot.Field
	if f == nil || !f.Kind.IsScalar() {
		return nil
	}
	var found []flows.Option
	if l := lookupFor(s, r); l != nil {
		found = l.opts
	}
	return f.OfferedAt(r.slot.Ctx(s.a()), found)
}

// labelOf returns a row's label in the session's language.
func labelOf(s *session, r row) string {
	if r.slot.Heading && r.slot.Index >= 0 {
		return flows.ItemTitle(s.a(), r.slot).In(s.lang)
	}
	if l := r.slot.Field.Label.In(s.lang); l != "" {
		return l
	}
	return r.slot.Field.Name
}

// arrayPath returns the path of the array an item row belongs to.
func arrayPath(s flows.Slot) string {
	return strings.TrimSuffix(s.Path, "["+strconv.Itoa(s.Index)+"]")
}

// oneLine trims pasted text and joins its lines: with ", " for a list field, else with nothing.
func oneLine(s string, list bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	sep := ""
	if list {
		sep = ", "
	}
	return strings.Join(parts, sep)
}

// setInputWidth sizes a textinput and re-places its window on the cursor (textinput only
// does that when the cursor or text moves).
func setInputWidth(in *textinput.Model, w int) {
	if w = max(w, 1); in.Width() != w {
		in.SetWidth(w)
		in.SetCursor(in.Position())
	}
}

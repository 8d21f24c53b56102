package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
	"cloudorder/providers"
)

// formScreen is one step of the API at a time: its rows, the focused row, the one text
// input, an open list of values, and the help panel of the focused field.
type formScreen struct {
	s  *session
	km FormKeyMap
	lk ListKeyMap

	step  int
	rows  []row
	cur   int            // index into rows
	focus map[int]string // the path last focused on each step, so coming back lands there

	input  textinput.Model
	inPath string // the path the input edits, "" when no text field is focused
	list   *choiceList

	panel      viewport.Model // the help panel: scrolls on its own
	panelFor   string         // the content it holds, so a key press does not re-render it
	panelPath  string         // the field it explains
	panelCache paneCache
	helpFor    string // helpText's key and text
	helpOut    map[string]string

	built  rowsKey         // what the rows were built from
	labelW int             // the label column's width for this build; -1 until measured
	drawn  drawnRows       // rows as drawn, by what they show (formview.go)
	paths  map[string]bool // the paths of this build's rows, for strayProblems

	loadNote []string // problems of a --from file not tied to a field
	// returnToReview is set by the review's `e`: once the field is valid, Enter goes back.
	returnToReview bool

	w, h int
}

func newForm(s *session) *formScreen {
	f := &formScreen{s: s, km: DefaultFormKeyMap(s.lang), lk: DefaultListKeyMap(s.lang), focus: map[int]string{}}
	f.input = newTextInput(s)
	f.panel = viewport.New()
	return f
}

// newTextInput is bubbles' textinput set up for the form: no prompt, a steady cursor, and
// suggestions on ctrl+n/ctrl+p so ↑/↓ keep moving between fields.
func newTextInput(s *session) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.ShowSuggestions = true
	in.KeyMap.NextSuggestion = key.NewBinding(key.WithKeys("ctrl+n"))
	in.KeyMap.PrevSuggestion = key.NewBinding(key.WithKeys("ctrl+p"))
	in.SetStyles(s.st.Input)
	return in
}

func (f *formScreen) restyle() {
	f.input.SetStyles(f.s.st.Input)
	f.drawn = drawnRows{}
	f.panelFor, f.helpFor, f.helpOut = "", "", nil
}

// SetSize gives the form the body's size.
func (f *formScreen) SetSize(w, h int) { f.w, f.h = w, h }

func (f *formScreen) matches(msg tea.KeyPressMsg, b ...key.Binding) bool {
	return key.Matches(msg, b...)
}

// updateKeybindings enables the bindings that apply to the focused row.
func (f *formScreen) updateKeybindings() {
	k := DefaultFormKeyMap(f.s.lang)
	for _, b := range []*key.Binding{&k.Change, &k.Left, &k.Right, &k.Toggle, &k.List, &k.Accept, &k.Add, &k.Remove} {
		b.SetEnabled(false)
	}
	// HelpUp and HelpDown match; HelpScroll shows them as one hint.
	scrolls := f.panel.TotalLineCount() > f.panel.Height()
	for _, b := range []*key.Binding{&k.HelpUp, &k.HelpDown, &k.HelpScroll} {
		b.SetEnabled(scrolls)
	}
	k.Back.SetEnabled(f.step > 0)
	k.CloseHelp.SetEnabled(false)
	if r, ok := f.focused(); ok {
		r.w.bind(f, r, &k)
	}
	if f.s.showAll {
		// The help covers the form: only its own keys work (no key is typed into a field
		// the person cannot see), and ? closes it wherever it was opened.
		k = helpOpenKeys(k, scrolls)
	}
	f.km = k
	f.lk.Keys.SetEnabled(true)
}

// helpOpenKeys are the keys while the help covers the form.
func helpOpenKeys(k FormKeyMap, scrolls bool) FormKeyMap {
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Next, &k.Prev, &k.Back, &k.Change, &k.Left, &k.Right,
		&k.Toggle, &k.List, &k.Accept, &k.Add, &k.Remove, &k.Quit} {
		b.SetEnabled(false)
	}
	k.Keys.SetKeys("?", "f1")
	k.Keys.SetHelp("?/f1/esc", k.CloseHelp.Help().Desc)
	k.CloseHelp.SetEnabled(true)
	for _, b := range []*key.Binding{&k.HelpUp, &k.HelpDown, &k.HelpScroll} {
		b.SetEnabled(scrolls)
	}
	return k
}

// updateHelp handles a key while the help covers the form: close, scroll or quit.
func (f *formScreen) updateHelp(msg tea.Msg) tea.Cmd {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil // a paste goes nowhere: no field shows
	}
	k := f.km
	switch {
	case f.matches(m, k.Interrupt):
		return f.s.quit()
	case f.matches(m, k.Keys, k.CloseHelp):
		f.s.showAll = false
	case f.matches(m, k.HelpUp):
		f.panel.PageUp()
	case f.matches(m, k.HelpDown):
		f.panel.PageDown()
	case m.String() == "up":
		f.panel.ScrollUp(1)
	case m.String() == "down":
		f.panel.ScrollDown(1)
	}
	return nil
}

// ShortHelp implements help.KeyMap.
func (f *formScreen) ShortHelp() []key.Binding {
	f.updateKeybindings()
	if f.list != nil && !f.s.showAll {
		return f.lk.ShortHelp()
	}
	return f.km.ShortHelp()
}

// FullHelp implements help.KeyMap.
func (f *formScreen) FullHelp() [][]key.Binding {
	f.updateKeybindings()
	if f.list != nil && !f.s.showAll {
		return f.lk.FullHelp()
	}
	return f.km.FullHelp()
}

// Title names the step.
func (f *formScreen) Title() string { return stepTitle(f.s, f.s.steps[f.step]) }

// Update handles a key press or paste on the form. Leaving the last step (or returning to the
// review) comes back as a request for the root (stepsDone, requests.go).
func (f *formScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	f.updateKeybindings()
	if f.s.showAll {
		return nil, f.updateHelp(msg)
	}
	if f.list != nil {
		return nil, f.updateList(msg)
	}
	r, ok := f.focused()
	m, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		if ok {
			return nil, r.w.input(f, r, msg)
		}
		return nil, nil
	}
	k := f.km
	f.s.notice = ""
	switch {
	case f.matches(m, k.Interrupt, k.Quit):
		return nil, f.s.quit()
	case f.matches(m, k.Keys):
		f.s.showAll = !f.s.showAll
	case f.matches(m, k.Up):
		f.move(-1)
	case f.matches(m, k.Down):
		f.move(+1)
	case f.matches(m, k.Next):
		return f.next()
	case f.matches(m, k.Prev):
		return nil, f.prev()
	case f.matches(m, k.Back):
		return nil, f.back()
	case f.matches(m, k.HelpUp):
		f.panel.PageUp()
	case f.matches(m, k.HelpDown):
		f.panel.PageDown()
	case f.matches(m, k.Accept):
		return nil, f.typeText(r, msg)
	case ok:
		return nil, r.w.input(f, r, msg)
	}
	return nil, nil
}

func (f *formScreen) updateList(msg tea.Msg) tea.Cmd {
	r, ok := f.focused()
	if !ok {
		f.list = nil
		return nil
	}
	if m, ok := msg.(tea.KeyPressMsg); ok && f.matches(m, f.lk.Keys) {
		f.s.showAll = true // the list stays open under the help
		return nil
	}
	picked, closed := f.list.Update(f.lk, msg)
	if picked != nil {
		r.w.set(f.s, r, picked.value)
		f.refresh()
		f.resyncInput()
	}
	if closed || picked != nil {
		f.list = nil
	}
	if m, ok := msg.(tea.KeyPressMsg); ok && f.matches(m, f.lk.Interrupt) {
		return f.s.quit()
	}
	return nil
}

// focused returns the focused row; ok is false when the step has no focusable row.
func (f *formScreen) focused() (row, bool) {
	if f.cur < 0 || f.cur >= len(f.rows) || !f.rows[f.cur].w.focusable() {
		return row{}, false
	}
	return f.rows[f.cur], true
}

// buildRows lists the rows of the current step.
func (f *formScreen) buildRows() {
	f.rows = rowsOf(f.s, f.step)
	f.labelW, f.paths = -1, nil
	f.built = f.rowsKey()
}

// rowsKey names what the rows are built from: the step, the API's answers and their shape
// (flows.API.Shape: which fields apply and which offer values). A typed key that changes
// none of it keeps the rows: listing a long order's rows again was a sixth of a key's cost.
func (f *formScreen) rowsKey() rowsKey {
	k := rowsKey{step: f.step, api: f.s.api}
	if f.s.api != nil {
		k.a = f.s.a()
		k.shape = f.s.api.Shape(k.a)
	}
	return k
}

type rowsKey struct {
	step  int
	api   *flows.API
	a     *flows.Answers
	shape uint64
}

// rowsOf lists the rows of step i of the session's API.
func rowsOf(s *session, i int) []row {
	st := s.steps[i]
	if st == flows.StepAPI {
		return []row{{w: apiWidget{}, slot: flows.Slot{Path: "api", Field: s.apiField(), Index: -1}}}
	}
	a := s.a()
	slots := s.api.Slots(a, st)
	rows := make([]row, 0, len(slots))
	for _, sl := range slots {
		rows = append(rows, row{w: widgetFor(sl, a, st), slot: sl})
	}
	return rows
}

// allRows lists the rows of every step (look-ups and the review's field list use them).
func allRows(s *session) []row {
	var out []row
	for i := range s.steps {
		out = append(out, rowsOf(s, i)...)
	}
	return out
}

// move focuses the previous or next focusable row.
func (f *formScreen) move(d int) bool {
	for i := f.cur + d; i >= 0 && i < len(f.rows); i += d {
		if f.rows[i].w.focusable() {
			f.focusRow(i)
			return true
		}
	}
	return false
}

func (f *formScreen) focusRow(i int) {
	f.cur = i
	f.focus[f.step] = f.rows[i].path()
	f.syncInput()
}

// next is Enter: it stays on a field that blocks the order (saying why), returns to the
// review when it came from there, else moves to the next field of the step that still needs
// an answer, or past the step when none does.
func (f *formScreen) next() (tea.Msg, tea.Cmd) {
	if r, ok := f.focused(); ok && f.s.blocks(r.path()) {
		f.s.note(f.s.say(txtFixField), true)
		return nil, nil
	}
	if f.returnToReview {
		return stepsDone{}, nil
	}
	if i := f.nextNeeding(); i >= 0 {
		f.focusRow(i)
		return nil, nil
	}
	return f.forward()
}

// nextNeeding returns the first row after the focus (then from the top) whose answer blocks
// the order, or -1.
func (f *formScreen) nextNeeding() int {
	n := len(f.rows)
	for d := 1; d < n; d++ {
		i := (f.cur + d) % n
		if r := f.rows[i]; r.w.focusable() && f.s.blocks(r.path()) {
			return i
		}
	}
	return -1
}

// forward leaves the step for the next one (or the review) when nothing in it blocks.
func (f *formScreen) forward() (tea.Msg, tea.Cmd) {
	if i := f.firstBlocking(); i >= 0 {
		f.focusRow(i)
		f.s.note(f.s.say(txtBlocked), true)
		return nil, nil
	}
	if f.step+1 >= len(f.s.steps) {
		return stepsDone{}, nil
	}
	f.goStep(f.step+1, f.focus[f.step+1])
	return nil, retryFailedLookups(f.s)
}

// prev is shift+tab: the previous field, or the last field of the previous step.
func (f *formScreen) prev() tea.Cmd {
	if f.move(-1) || f.step == 0 {
		return nil
	}
	f.goStep(f.step-1, "")
	for i := len(f.rows) - 1; i >= 0; i-- {
		if f.rows[i].w.focusable() {
			f.focusRow(i)
			break
		}
	}
	return nil
}

// back is esc: the previous step, where the person last was on it; every answer stays.
func (f *formScreen) back() tea.Cmd {
	if f.step == 0 {
		return nil
	}
	f.goStep(f.step-1, f.focus[f.step-1])
	return nil
}

// goStep shows step i focused on path (or its first field).
func (f *formScreen) goStep(i int, path string) {
	f.step = i
	f.list = nil
	f.buildRows()
	f.cur = -1
	for j, r := range f.rows {
		if r.path() == path && r.w.focusable() {
			f.cur = j
		}
	}
	if f.cur < 0 {
		f.cur = -1
		f.move(+1)
	}
	f.resyncInput()
}

// firstBlocking returns the row of the first blocking problem of this step, or -1.
func (f *formScreen) firstBlocking() int {
	for i, r := range f.rows {
		if !f.s.blocks(r.path()) {
			continue
		}
		for j := i; j < len(f.rows); j++ {
			if f.rows[j].w.focusable() {
				return j
			}
		}
	}
	for _, p := range f.strayProblems() {
		if !p.Warning {
			return max(f.cur, 0)
		}
	}
	return -1
}

// strayProblems are problems of this step's fields that no row shows by its exact path
// (say, one element of a string list): they are listed under the form so nothing hides.
func (f *formScreen) strayProblems() []flows.Problem {
	if f.s.steps[f.step] == flows.StepAPI {
		return nil
	}
	if f.paths == nil {
		f.paths = make(map[string]bool, len(f.rows))
		for _, r := range f.rows {
			f.paths[r.path()] = true
		}
	}
	var out []flows.Problem
	for _, p := range f.s.api.StepProblems(f.s.problems, f.s.steps[f.step]) {
		if !f.paths[p.Path] {
			out = append(out, p)
		}
	}
	return out
}

// refresh rebuilds the rows after an answer changed, keeping focus on the same field when it
// still exists (a dependent field may appear or vanish above it).
func (f *formScreen) refresh() {
	if f.rows != nil && f.built == f.rowsKey() {
		f.syncInput() // the same rows: the focus stays where it is
		return
	}
	path := ""
	if r, ok := f.focused(); ok {
		path = r.path()
	}
	f.buildRows()
	f.cur = min(f.cur, len(f.rows)-1)
	for i, r := range f.rows {
		if r.path() == path && r.w.focusable() {
			f.cur = i
			break
		}
	}
	if _, ok := f.focused(); !ok {
		f.move(+1)
	}
	f.syncInput()
}

// syncInput points the one text input at the focused text field. Answers live in flows;
// the input only edits the focused one, so moving around never loses or duplicates text.
func (f *formScreen) syncInput() {
	r, ok := f.focused()
	if !ok || !r.w.typed() {
		f.input.Blur()
		f.inPath = ""
		return
	}
	if f.inPath == r.path() {
		return
	}
	f.inPath = r.path()
	f.input.SetValue(r.w.value(f.s, r))
	f.input.CursorEnd()
	f.input.Placeholder = ""
	switch fl := r.slot.Field; {
	case !fl.Placeholder.IsZero(): // an ID the account's look-up offers: no value-like hint
		f.input.Placeholder = f.s.say(fl.Placeholder)
	case fl.Example != "":
		f.input.Placeholder = f.s.say(txtExample) + ": " + fl.Example // never mistaken for an answer
	}
	var sugg []string
	for _, o := range optionsOf(f.s, r) {
		sugg = append(sugg, o.Value)
	}
	f.input.SetSuggestions(sugg)
	f.input.Focus()
}

// resyncInput re-reads the focused answer into the input (after a pick or a step change).
func (f *formScreen) resyncInput() {
	f.inPath = "-"
	f.syncInput()
}

// suggesting reports whether the input shows a completion that tab would take.
func (f *formScreen) suggesting() bool {
	if f.inPath == "" {
		return false
	}
	c := f.input.CurrentSuggestion()
	return c != "" && c != f.input.Value() && len(f.input.MatchedSuggestions()) > 0
}

// typeText hands a key or paste to the text input and records the result (trimmed: a space
// around an ID or a number is never meant) so the field's check runs as the person types.
func (f *formScreen) typeText(r row, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	v := strings.TrimSpace(f.input.Value())
	if v != r.w.value(f.s, r) {
		r.w.set(f.s, r, v)
		f.refresh()
	}
	return cmd
}

// openList opens the value list of r, its cursor on the current value.
func (f *formScreen) openList(r row, filter string) {
	opts := optionsOf(f.s, r)
	if len(opts) == 0 {
		return
	}
	items := make([]listItem, len(opts))
	for i, o := range opts {
		items[i] = listItem{value: o.Value, text: optionText(f.s, o), hay: o.Value + " " + o.Label.EN + " " + o.Label.ZH}
	}
	f.list = newChoiceList(items, r.w.value(f.s, r), filter)
}

// optionText is "value · label", or the label alone when it already starts with the value
// ("14 · count"), so nothing reads twice.
func optionText(s *session, o flows.Option) string {
	// A look-up's labels arrive inert (providers.InertOptions); its values are shown so too.
	o.Value = providers.Printable(o.Value)
	l := o.Label.In(s.lang)
	switch {
	case l == "" || l == o.Value:
		return o.Value
	case strings.HasPrefix(l, o.Value+" "):
		return l
	}
	return o.Value + " · " + l
}

// cycle steps a pick-one or yes/no field to its previous or next value: the offered values,
// plus "" (left out) for a field the API does not require and that has no default.
func (f *formScreen) cycle(r row, w widget, forward bool) {
	var vals []string
	for _, o := range optionsOf(f.s, r) {
		vals = append(vals, o.Value)
	}
	if fl := r.slot.Field; !fl.Required && fl.Name != "api" && fl.DefaultAt(r.slot.Ctx(f.s.a())) == "" {
		vals = append(vals, "")
	}
	if len(vals) == 0 {
		return
	}
	i := slices.Index(vals, w.value(f.s, r))
	switch {
	case i < 0:
		i = 0
	case forward:
		i = (i + 1) % len(vals)
	default:
		i = (i - 1 + len(vals)) % len(vals)
	}
	w.set(f.s, r, vals[i])
	f.refresh()
}

// addItem appends an item to a repeated group; past its maximum, the note says the rule.
func (f *formScreen) addItem(r row) {
	f.changeItems(r, f.s.api.AddItem(f.s.a(), r.path()))
}

// removeItem removes item i of the array at path; at its minimum, the note says the rule.
func (f *formScreen) removeItem(r row, path string, i int) {
	f.changeItems(r, f.s.api.RemoveItem(f.s.a(), path, i))
}

func (f *formScreen) changeItems(r row, refused *flows.Problem) {
	if refused != nil {
		label := r.slot.Field.Label.In(f.s.lang)
		if label == "" {
			label = r.slot.Field.Name
		}
		f.s.note(label+": "+refused.Msg.In(f.s.lang), true)
		return
	}
	f.s.validate()
	f.refresh()
}

// openAt shows the step and field of path (the review's `e`); Enter returns to the review
// once the field is valid.
func (f *formScreen) openAt(path string) tea.Cmd {
	for i := range f.s.steps {
		for _, r := range rowsOf(f.s, i) {
			if r.path() == path && r.w.focusable() {
				f.goStep(i, path)
				f.returnToReview = true
				return retryFailedLookups(f.s)
			}
		}
	}
	return nil
}

// openLoaded places the form for an order read with --from: at the first step with a
// blocking problem so the person sees it under its field; ok reports none blocks.
func (f *formScreen) openLoaded(l *Loaded) (ok bool) {
	// What the answers' own validation does not show at a field (unknown keys, values that do
	// not apply, project_id on an Alibaba order) is left out of this order: say so up front.
	for _, p := range l.Problems {
		if len(f.s.problemsAt(p.Path)) == 0 {
			f.loadNote = append(f.loadNote, fmt.Sprintf("%s: %s", p.Path, p.Msg.In(f.s.lang)))
		}
	}
	for i := range f.s.steps {
		for _, r := range rowsOf(f.s, i) {
			if f.s.blocks(r.path()) {
				f.goStep(i, r.path())
				return false
			}
		}
	}
	if flows.Blocking(f.s.problems) {
		f.goStep(len(f.s.steps)-1, "")
		return false
	}
	if len(f.loadNote) > 0 {
		f.goStep(0, "") // where the note is shown, rather than a review that hides it
		return false
	}
	return true
}

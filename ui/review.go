package ui

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// reviewScreen shows the order exactly as it will be sent: a readable summary and the JSON
// body, each in its own viewport with its scroll position. Only y places it.
type reviewScreen struct {
	s  *session
	km ReviewKeyMap
	lk ListKeyMap

	sum, body viewport.Model
	pane      int // paneSummary, paneJSON or paneCommand: the one the arrows scroll
	jump      *choiceList
	laidOut   string // the size and state the viewports were filled for
	sumView   paneCache
	bodyView  paneCache
	sumLines  windowed // what the viewports hold: only the lines in view (windowed says why)
	bodyLines windowed
	answers   answerLines // the summary's answers as last made, for the revision they show
	bodyText  bodyLines   // the body as last wrapped, for the body it shows
	cmd       commandPane // the third view: the order as its cloud's CLI command (review_cli.go)

	w, h int
}

func newReview(s *session) *reviewScreen {
	return &reviewScreen{s: s, km: DefaultReviewKeyMap(s.lang), lk: DefaultListKeyMap(s.lang), sum: viewport.New(), body: viewport.New()}
}

// open shows a freshly built order from the top.
func (r *reviewScreen) open() {
	r.laidOut = ""
	r.jump = nil
	r.pane = 0 // the summary holds the order's target and any error
	r.sum.GotoTop()
	r.body.GotoTop()
}

// SetSize gives the review the body's size.
func (r *reviewScreen) SetSize(w, h int) { r.w, r.h = w, h }

// Title names the screen.
func (r *reviewScreen) Title() string { return r.s.say(txtReview) }

func (r *reviewScreen) wide() bool { return r.w >= 100 }

// updateKeybindings enables what applies: y only where orders are placed, e when a field
// list can open.
func (r *reviewScreen) updateKeybindings() {
	k := DefaultReviewKeyMap(r.s.lang)
	k.Enter.SetEnabled(true)
	k.Place.SetEnabled(r.s.o.Mode != providers.DryRun && r.s.o.Provider != nil)
	k.NoPlace.SetEnabled(!k.Place.Enabled())
	k.Pane.SetEnabled(true)
	k.Check = checkBinding(r.s)
	r.commandKeys(&k)
	r.km = k
}

// ShortHelp implements help.KeyMap.
func (r *reviewScreen) ShortHelp() []key.Binding {
	r.updateKeybindings()
	if r.jump != nil {
		return r.lk.ShortHelp()
	}
	return r.km.ShortHelp()
}

// FullHelp implements help.KeyMap.
func (r *reviewScreen) FullHelp() [][]key.Binding {
	r.updateKeybindings()
	if r.jump != nil {
		return r.lk.FullHelp()
	}
	return r.km.FullHelp()
}

// Update handles a key on the review. Enter never places an order: only y does. What the root
// must do (place, save, back, edit a field) comes back as a request (requests.go).
func (r *reviewScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	r.updateKeybindings()
	if r.jump != nil {
		if m, ok := msg.(tea.KeyPressMsg); ok && key.Matches(m, r.lk.Interrupt) {
			return nil, r.s.quit()
		}
		picked, closed := r.jump.Update(r.lk, msg)
		if closed {
			r.jump = nil
		}
		if picked != nil {
			return editField{path: picked.value}, nil
		}
		return nil, nil
	}
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	k, s := r.km, r.s
	s.notice = ""
	vp := r.focusedPane()
	switch {
	case key.Matches(m, k.Interrupt, k.Quit):
		return nil, s.quit()
	case key.Matches(m, k.Keys):
		s.showAll = !s.showAll
	case key.Matches(m, k.Place):
		return placeRequested{at: s.clock()}, nil
	case key.Matches(m, k.Save):
		r.markCommandSave()
		return saveRequested{}, nil
	case key.Matches(m, k.Edit):
		r.openJump()
	case key.Matches(m, k.Back):
		return backRequested{}, nil
	case key.Matches(m, k.Pane):
		r.pane = (r.pane + 1) % reviewPanes
	case key.Matches(m, k.PanePrev):
		r.pane = (r.pane + reviewPanes - 1) % reviewPanes
	case key.Matches(m, k.Copy):
		return nil, r.copyCommand()
	case key.Matches(m, k.Shell):
		r.nextShell()
	case key.Matches(m, k.ScrollUp):
		vp.ScrollUp(1)
	case key.Matches(m, k.ScrollDown):
		vp.ScrollDown(1)
	case key.Matches(m, k.PageUp):
		vp.PageUp()
	case key.Matches(m, k.PageDown):
		vp.PageDown()
	case key.Matches(m, k.Enter):
		if s.o.Mode == providers.DryRun {
			s.note(s.say(txtEnterDryRun), false)
		} else {
			s.note(s.say(txtEnterNoSend), false)
		}
	case key.Matches(m, k.NoPlace):
		s.note(s.say(txtDryRunNoY), false)
	}
	return nil, nil
}

func (r *reviewScreen) focusedPane() *viewport.Model {
	switch r.pane {
	case paneJSON:
		return &r.body
	case paneCommand:
		return &r.cmd.vp
	}
	return &r.sum
}

// openJump lists every field of the order; its cursor starts on the field the last error
// names, so `e` then Enter goes straight there.
func (r *reviewScreen) openJump() {
	s := r.s
	var items []listItem
	for i, st := range s.steps {
		for _, row := range rowsOf(s, i) {
			if !row.w.focusable() || row.slot.Heading {
				continue
			}
			v := row.w.summary(s, row)
			items = append(items, listItem{value: row.path(),
				text: stepTitle(s, st) + " › " + labelOf(s, row) + ": " + v, hay: row.path()})
		}
	}
	r.jump = newChoiceList(items, advise(s, s.lastErr).field, "")
}

// layout fills the viewports for the current size and order (once per change, so a key
// press only moves a viewport).
func (r *reviewScreen) layout() {
	sw, bw := r.paneWidths()
	ph := max(r.h-2, 1) // a title line above, a position line below
	state := strings.Join([]string{itoa(sw), itoa(bw), itoa(ph), string(r.s.lang), errText(r.s.lastErr), itoa(len(r.s.problems)), boolStr(r.s.isDark), itoa(r.s.price.version), itoa(r.s.check.version)}, "|")
	r.sum.SetWidth(sw)
	r.sum.SetHeight(ph)
	r.body.SetWidth(bw)
	r.body.SetHeight(ph)
	r.layoutCommand(bw, ph)
	if state == r.laidOut {
		return
	}
	r.laidOut = state
	sum := r.summary(sw)
	r.sumLines.set(&r.sum, sum.n, sum.line)
	// The body's colour is given line by line as the viewport draws a line (StyleLineFunc),
	// not to the whole body at once: rendering all of it measured every line of a long order
	// on each layout (about 40 ms at 1000 products, ui/bench_items_test.go).
	json := r.s.st.JSON
	r.body.StyleLineFunc = func(int) lipgloss.Style { return json }
	body := r.bodyText.of(r.s.order.Body, bw, r.s.order.BodyJSON)
	r.bodyLines.set(&r.body, len(body), func(i int) string { return body[i] })
	r.sumView.version++
	r.bodyView.version++
}

func (r *reviewScreen) paneWidths() (int, int) {
	w := max(r.w, 1)
	if r.wide() {
		lw := w * 45 / 100
		return lw, max(w-lw-3, 1)
	}
	return w, w
}

// View draws the two panes side by side when wide, else the focused one with tabs.
func (r *reviewScreen) View() string {
	r.layout()
	r.sumLines.fill(&r.sum)
	r.bodyLines.fill(&r.body)
	if r.jump != nil {
		return r.jumpView()
	}
	s, st := r.s, r.s.st
	title := func(t string, now bool) string {
		if now {
			return st.SectionTitle.Underline(true).Render(t)
		}
		return st.SectionTitle.Render(t)
	}
	pos := func(vp *viewport.Model) string {
		return st.Muted.Render(scrollPos(s, vp.YOffset(), vp.Height(), vp.TotalLineCount()))
	}
	sumT, bodyT := s.say(txtSummary), s.say(txtBodyTitle)
	if r.wide() {
		sw, bw := r.paneWidths()
		// Each part is exactly its column wide (the viewports pad themselves), so the columns
		// join without re-measuring: see joinColumns.
		left := joinLines([]string{padLines(truncLine(title(sumT, r.pane == 0), sw), sw), r.sumView.view(&r.sum, ""), padLines(pos(&r.sum), sw)})
		right := joinLines([]string{padLines(truncLine(title(bodyT, r.pane == 1), bw), bw), r.bodyView.view(&r.body, ""), padLines(pos(&r.body), bw)})
		if r.pane == paneCommand {
			right = joinLines([]string{padLines(truncLine(title(r.commandTitle(false), true), bw), bw), r.cmd.view.view(&r.cmd.vp, ""), padLines(pos(&r.cmd.vp), bw)})
		}
		return joinColumns(r.sum.Height()+2, left, "   ", right)
	}
	tabs := r.tabs(title)
	vp, c := &r.sum, &r.sumView
	switch r.pane {
	case paneJSON:
		vp, c = &r.body, &r.bodyView
	case paneCommand:
		vp, c = &r.cmd.vp, &r.cmd.view
	}
	return lipgloss.JoinVertical(lipgloss.Left, truncLine(tabs, r.w), c.view(vp, ""), pos(vp))
}

func (r *reviewScreen) jumpView() string {
	s := r.s
	head := s.st.SectionTitle.Render(wrapWords(s.say(txtJumpTitle), r.w))
	return head + "\n" + strings.Join(r.jump.lines(s, r.w, max(r.h-3, 1), ""), "\n")
}

// summary is the readable side of review: where the order goes, the last failure with its
// advice, problems, then every answered field step by step. The answers of a long order are
// thousands of lines, of which a screen shows a few dozen: each answer's line is counted
// here and made only when it comes into view (summaryLines.line).
func (r *reviewScreen) summary(w int) *summaryLines {
	s, st := r.s, r.s.st
	var b []string
	line := func(x string) { b = append(b, x) }
	if p := errorPanel(s, w); p != "" {
		line(p)
		line("")
	}
	line(st.SectionTitle.Render(s.say(txtTarget)))
	a := s.a()
	target := [][2]string{
		{s.say(txtAPIField), string(s.api.ID)},
		{s.say(txtMode), s.say(s.target.Mode.Text())},
		{s.say(s.api.RegionWord()), a.Get("region")},
	}
	if s.api.FieldAt("project_id") != nil {
		target = append(target, [2]string{s.say(txtProject), a.Get("project_id")})
	}
	target = append(target, [2]string{s.say(txtEndpoint), orNone(s, s.target.Endpoint)},
		[2]string{s.say(txtCredential), credentialOf(s)}, [2]string{s.say(txtKey), orNone(s, s.target.MaskedKey)})
	line(alignPairs(s, target, w))
	b = append(b, priceLines(s, w)...)
	b = append(b, digestLines(s, w)...)

	var errs, warns []string
	for _, p := range s.problems {
		x := p.Path + ": " + p.Msg.In(s.lang)
		if p.Warning {
			warns = append(warns, x)
		} else {
			errs = append(errs, x)
		}
	}
	if len(errs) > 0 {
		line("")
		line(st.Error.Bold(true).Render("✗ " + s.say(txtProblems)))
		for _, x := range errs {
			line(st.Error.Render(wrapIndent(x, w, "  ")))
		}
	}
	if len(warns) > 0 {
		line("")
		line(st.Warning.Bold(true).Render("⚠ " + s.say(txtWarnings)))
		for _, x := range warns {
			line(st.Warning.Render(wrapIndent(x, w, "  ")))
		}
	}
	line("")
	line(st.SectionTitle.Render(s.say(txtAnswers)))
	out := &summaryLines{head: strings.Split(strings.Join(b, "\n"), "\n"), muted: painter(st.Muted), value: painter(st.Value)}
	out.setParts(r.answers.of(r, w, out))
	return out
}

// answerLines keeps the answers' part of the summary while what it shows is the same: the
// same answers at the same revision (flows.Answers.Rev), API, language, width, styles and
// look-up states. Leaving the review and coming back, or a price or a check arriving, does
// not walk every item's rows again.
type answerLines struct {
	key   answersFor
	found map[string]foundOpts // the look-ups' results they were made with (lookupResults)
	parts []sumPart
}

// foundOpts names a look-up's results: a result is a new slice, never changed in place.
type foundOpts struct {
	first *flows.Option
	n     int
}

// lookupResults are the look-ups that found values, which the summary shows beside an
// answer (optionsOf); one running or failed shows none, so a look-up asked again on
// opening the review (retryFailedLookups) changes nothing here.
func lookupResults(s *session) map[string]foundOpts {
	out := map[string]foundOpts{}
	for k, l := range s.lookups {
		if len(l.opts) > 0 {
			out[k] = foundOpts{&l.opts[0], len(l.opts)}
		}
	}
	return out
}

type answersFor struct {
	a    *flows.Answers
	rev  uint64
	api  *flows.API
	lang i18n.Lang
	w    int
	dark bool
}

func (c *answerLines) of(r *reviewScreen, w int, out *summaryLines) []sumPart {
	s := r.s
	k := answersFor{a: s.a(), rev: s.a().Rev(), api: s.api, lang: s.lang, w: w, dark: s.isDark}
	found := lookupResults(s)
	if c.parts != nil && c.key == k && maps.Equal(c.found, found) {
		return c.parts
	}
	c.key, c.found, c.parts = k, found, r.answerParts(w, out)
	return c.parts
}

// answerParts is every answered field, step by step, as parts of the summary.
func (r *reviewScreen) answerParts(w int, out *summaryLines) []sumPart {
	s, st := r.s, r.s.st
	parts := make([]sumPart, 0, len(r.answers.parts)) // about as many as last time
	add := func(p sumPart) { parts = append(parts, p) }
	wrapped := map[[3]string][]string{} // {pad, label, value} → its wrapped lines
	var pads indents
	for i, stp := range s.steps {
		if stp == flows.StepAPI {
			continue
		}
		add(sumPart{lines: []string{st.Heading.Render(stepTitle(s, stp))}})
		// A group's heading waits for an answer of its group: one with none shows nothing
		// (and its title, which names the item, is not even made).
		var held []row
		for _, row := range rowsOf(s, i) {
			pad := pads.of(row.slot.Depth + 1)
			if row.slot.Heading {
				for len(held) > 0 && held[len(held)-1].slot.Depth >= row.slot.Depth {
					held = held[:len(held)-1]
				}
				held = append(held, row)
				continue
			}
			v := row.w.summary(s, row)
			if v == "" {
				continue
			}
			for _, h := range held {
				if h.slot.Depth < row.slot.Depth {
					add(out.heading(labelOf(s, h), w, pads.of(h.slot.Depth+1)))
				}
			}
			held = nil
			label := labelOf(s, row) + ": "
			if len(pad)+len(label)+len(v) <= w { // fits: no measuring (see indentFitting)
				if plainLine(label, v) {
					add(sumPart{pad: pad, label: label, v: v})
				} else {
					add(sumPart{lines: strings.Split(pad+label+out.value(v), "\n")})
				}
				continue
			}
			// The items of a long order repeat the same few answers (a resource type, a spec
			// code): each such line is wrapped once, not once an item.
			k := [3]string{pad, label, v}
			x, ok := wrapped[k]
			if !ok {
				x = strings.Split(wrapIndent(label+out.value(v), w, pad), "\n")
				wrapped[k] = x
			}
			add(sumPart{lines: x})
		}
	}
	return parts
}

// indents are the pads of each depth, made once.
type indents []string

func (p *indents) of(n int) string {
	for len(*p) <= n {
		*p = append(*p, strings.Repeat("  ", len(*p)))
	}
	return (*p)[n]
}

// bodyLines keeps the request body wrapped to a width: an order is built anew whenever its
// answers change and a body never changes in place (see reviewScreen.command), so the same
// bytes at the same address are the same body.
type bodyLines struct {
	body  []byte
	w     int
	lines []string
}

func (c *bodyLines) of(body []byte, w int, text func() string) []string {
	if c.lines == nil || c.w != w || !sameBytes(c.body, body) {
		c.body, c.w, c.lines = body, w, strings.Split(wrapWords(text(), w), "\n")
	}
	return c.lines
}

// summaryLines is the review's summary as a pane asks for it: how many lines, and line i.
// The lines before the answers are made at once; an answer or heading that fits its line is
// kept as its parts and made when asked for, anything longer is made (wrapped) at once,
// since its number of lines must be known.
type summaryLines struct {
	head   []string
	parts  []sumPart
	starts []int // the line each part starts at
	n      int

	muted, value func(string) string // painter(st.Muted), painter(st.Value)
}

// sumPart is a part of the answers: its lines, or else one line to make of its pieces (an
// answer "pad label value", or with heading set a group's title "pad label").
type sumPart struct {
	lines         []string
	pad, label, v string
	heading       bool
}

// setParts puts the answers' parts after the head (shared with answerLines: not changed).
func (l *summaryLines) setParts(parts []sumPart) {
	l.parts, l.starts, l.n = parts, make([]int, len(parts)), len(l.head)
	for i, p := range parts {
		l.starts[i] = l.n
		l.n += max(len(p.lines), 1)
	}
}

// heading is a group's title at pad: made when shown if it fits its line.
func (l *summaryLines) heading(label string, w int, pad string) sumPart {
	if len(pad)+len(label) <= w && plainLine(label, "") {
		return sumPart{pad: pad, label: label, heading: true}
	}
	return sumPart{lines: strings.Split(l.muted(indentFitting(label, w, pad)), "\n")}
}

// plainLine reports whether text made of these pieces stays one line whatever styles it (no
// line break, tab or escape for lipgloss to lay out).
func plainLine(parts ...string) bool {
	for _, p := range parts {
		if strings.ContainsAny(p, "\n\t\r\x1b") {
			return false
		}
	}
	return true
}

// line is line i of the summary.
func (l *summaryLines) line(i int) string {
	if i < len(l.head) {
		return l.head[i]
	}
	k, _ := slices.BinarySearch(l.starts, i+1)
	k-- // the last part starting at or before i
	p := &l.parts[k]
	switch {
	case p.lines != nil:
		return p.lines[i-l.starts[k]]
	case p.heading:
		return l.muted(p.pad + p.label)
	}
	return p.pad + p.label + l.value(p.v)
}

// text is the whole summary, every line made.
func (l *summaryLines) text() string {
	lines := make([]string, l.n)
	for i := range lines {
		lines[i] = l.line(i)
	}
	return strings.Join(lines, "\n")
}

// alignPairs renders "key: value" lines with the values in one column, measured in display
// cells so Chinese keys line up too; a value too long for the line wraps under itself.
func alignPairs(s *session, pairs [][2]string, w int) string {
	kw := 0
	for _, p := range pairs {
		kw = max(kw, lipgloss.Width(p[0]))
	}
	var out []string
	for _, p := range pairs {
		k := s.st.Muted.Render(p[0]+":") + strings.Repeat(" ", kw-lipgloss.Width(p[0])+1)
		vw := max(w-kw-2, 8)
		vs := strings.Split(wrapWords(p[1], vw), "\n")
		out = append(out, k+s.st.Value.Render(vs[0]))
		for _, v := range vs[1:] {
			out = append(out, strings.Repeat(" ", kw+2)+s.st.Value.Render(v))
		}
	}
	return strings.Join(out, "\n")
}

// credentialOf says where the credential in use came from; the sandbox's own keys are named
// in the session's language. Only the in-process sandbox uses them: one reached with
// --endpoint gets the environment's keys, or none, and the review says which.
func credentialOf(s *session) string {
	if s.target.Mode == providers.Sandbox && s.target.Credential == providers.SandboxKeys {
		return s.say(txtSandboxKeys)
	}
	if miss, ok := missingCredential(s); ok {
		return miss
	}
	return orNone(s, s.target.Credential)
}

// missingCredential is what the first screen said is missing for the API's cloud, in the
// session's language, when the target has no credential (Options.Credentials; the provider
// says it in English only).
func missingCredential(s *session) (string, bool) {
	if s.target.MaskedKey != "" {
		return "", false
	}
	for _, c := range s.o.Credentials {
		if c.Cloud == s.api.Cloud && !c.Found {
			return s.say(c.Text), true
		}
	}
	return "", false
}

// missingCredentialFailure is an order refused before it was sent for want of a credential
// (no code: the cloud never saw it), said as the first screen said it.
func missingCredentialFailure(s *session, err error) (string, bool) {
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Code != "" || pe.Kind != providers.Invalid {
		return "", false
	}
	return missingCredential(s)
}

func orNone(s *session, v string) string {
	if v == "" {
		return s.say(txtNone)
	}
	return v
}

// windowed hands a viewport a pane's lines with only those in view filled in, the others
// empty: the viewport measures every line it is given (viewport.SetContentLines, for
// scrolling sideways, which the review does not do) but draws only the lines in view, and
// measuring every line of a 1000-item order's summary and body was a fifth of opening its
// review (ui/bench_items_test.go). The lines in view are asked for as they come into view
// (line), so a pane's lines need not all be made. The number of lines, and so scrolling and
// the position line, are the viewport's as before.
type windowed struct {
	n      int
	line   func(i int) string
	window []string // n lines with only those in view filled in, reused as the view moves
	shown  [2]int   // the offset and height the window was filled for; {-1} none
}

// set gives the pane new content, n lines; the window is filled now and again by fill.
func (p *windowed) set(vp *viewport.Model, n int, line func(i int) string) {
	p.n, p.line = n, line
	p.window = make([]string, n)
	p.shown = [2]int{-1, -1}
	p.fill(vp)
}

// fill puts the lines now in view into the viewport, once per scroll position and height.
func (p *windowed) fill(vp *viewport.Model) {
	for range 2 { // new content may move the offset (the viewport keeps it in range)
		top, h := vp.YOffset(), vp.Height()
		if p.shown == [2]int{top, h} || p.line == nil {
			return
		}
		if p.shown[0] >= 0 {
			clear(p.window[min(p.shown[0], p.n):p.end(p.shown)])
		}
		p.shown = [2]int{top, h}
		for i := min(top, p.n); i < p.end(p.shown); i++ {
			p.window[i] = p.line(i)
		}
		vp.SetContentLines(p.window)
	}
}

// end is where a window at shown ends in the pane's lines.
func (p *windowed) end(shown [2]int) int {
	return max(min(shown[0]+max(shown[1], 0), p.n), min(shown[0], p.n))
}

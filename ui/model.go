// Package ui is the Bubble Tea wizard: it renders any flows.API generically (steps, fields,
// repeated groups), shows the exact request for review, and places the order through a
// providers.Provider. It knows flows and the provider interface, never an SDK.
//
// The root Model delegates to one screen at a time — the form (one step of fields), the
// review, the order in flight, the result — plus the save prompt and yes/no questions on top.
// Each screen has its own Update, View and KeyMap; the root routes messages, lays out the
// header and footer, and shows the active screen's keys.
package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/ui/lookups"
)

// screenID is the screen the person is on.
type screenID int

const (
	scrForm screenID = iota
	scrReview
	scrFlight
	scrResult
)

// ask is a pending yes/no question; while one is open only y and n/esc mean anything.
type ask int

const (
	askNone      ask = iota
	askDuplicate     // an identical order succeeded recently: send again?
	askUnknown       // the last attempt's outcome is unknown: send again?
	askQuit          // ctrl+c while an order is in flight
	askOverwrite     // the save path exists
	askPay           // p on the result: pay the order created unpaid?
	askLeave         // quit the result while the order is still unpaid?

	// The command file beside the saved order file exists (review_cli.go).
	askOverwriteCommand
)

// component is what every screen offers the root (the soft-serve Component habit): its keys
// for the help bar, a size, and a view.
type component interface {
	help.KeyMap
	SetSize(w, h int)
	View() string
}

// Model is the wizard. Its state lives behind a pointer shared by copies: Bubble Tea keeps
// only the model Update returns, and the screens share one session.
type Model struct{ *wizard }

type wizard struct {
	s     *session
	scr   screenID
	ask   ask
	askKm AskKeyMap
	// q is the lifecycle's question behind ask (placement.Question), for the questions that
	// place or pay; reviewQ is the review's own "place this order?", armed whenever the order
	// on review is shown anew.
	q       *placement.Question
	reviewQ *placement.Question
	saving  bool

	form   *formScreen
	review *reviewScreen
	flight *flightScreen
	result *resultScreen
	save   *savePrompt

	help    help.Model
	w, h    int
	initCmd tea.Cmd // what New started that Init must run
	head    headerCache
	hint    hintCache // the one-line key help as last drawn (view.go)
}

var _ tea.Model = Model{}

// New returns the wizard at its first step, or prefilled from opts.From.
func New(opts Options) Model {
	if opts.Lang == "" {
		opts.Lang = i18n.EN
	}
	if len(opts.APIs) == 0 {
		panic("ui.New: Options.APIs is empty (the composition root passes catalog.Flows())")
	}
	s := &session{o: opts, lang: opts.Lang, isDark: true,
		answerState: answerState{apis: opts.APIs, answers: map[flows.APIID]*flows.Answers{}},
		lookupState: lookupState{lookups: map[string]*lookup{}, cache: lookups.New(), filled: map[string]filledValue{},
			asked: map[string]string{}, spin: spinner.New(spinner.WithSpinner(spinner.MiniDot))}}
	s.st = NewStyles(s.isDark, opts.NoColor)
	m := &wizard{s: s, askKm: DefaultAskKeyMap(s.lang), help: help.New(), w: 80, h: 24}
	m.form, m.review, m.flight, m.result, m.save = newForm(s), newReview(s), newFlight(s), newResult(s), newSavePrompt(s)
	m.restyle()
	if len(s.apis) > 0 {
		s.chooseAPI(s.apis[0])
	}
	m.form.goStep(0, "")
	if f := opts.From; f != nil && f.API != nil {
		s.chooseAPI(f.API)
		s.answers[f.API.ID] = f.Answers
		s.validate()
		s.note(s.say(tf(txtLoadedFrom, f.Name)), false)
		if m.form.openLoaded(f) {
			m.initCmd = m.enterReview()
		} else {
			s.noticeBad = true
		}
	}
	return Model{m}
}

// Init asks the terminal for its background (to pick light or dark styles) and starts the
// look-ups of the API's fields.
func (m Model) Init() tea.Cmd {
	// initCmd: the price of an order opened at the review (--from).
	return tea.Batch(tea.RequestBackgroundColor, startLookups(m.s), m.initCmd)
}

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	return m, m.update(msg)
}

func (m *wizard) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = max(msg.Width, 0), max(msg.Height, 0)
	case tea.BackgroundColorMsg:
		m.s.isDark = msg.IsDark()
		m.restyle()
	case spinner.TickMsg:
		return tea.Batch(m.tick(msg), lookupTick(m.s, msg), checkTick(m.s, msg))
	case lookupMsg:
		return m.gotLookup(msg)
	case quoteMsg:
		gotQuote(m.s, msg)
	case paidMsg:
		gotPaid(m.s, msg)
	case checkedMsg:
		m.gotChecked(msg)
	case duplicateMsg:
		return m.gotDuplicate(msg)
	case submittedMsg:
		return m.gotSubmitted(msg)
	case savedMsg:
		m.gotSaved(msg)
		return m.saveCommandAfter(msg)
	case commandSavedMsg:
		m.gotCommandSaved(msg)
	case tea.KeyPressMsg, tea.PasteMsg:
		return m.input(msg)
	}
	return nil
}

// input routes a key press or paste: the in-flight guard first, then an open question,
// the save prompt, and the screen.
func (m *wizard) input(msg tea.Msg) tea.Cmd {
	k, isKey := msg.(tea.KeyPressMsg)
	switch {
	case m.ask != askNone:
		if isKey {
			return m.answer(k)
		}
		return nil
	case m.scr == scrFlight:
		return m.route(m.flight.Update(msg))
	case m.saving:
		return m.updateSave(msg)
	}
	switch m.scr {
	case scrForm:
		return m.updateForm(msg)
	case scrReview:
		return m.updateReview(msg)
	case scrResult:
		req, cmd := m.result.Update(msg)
		return tea.Batch(cmd, m.route(req))
	}
	return nil
}

func (m *wizard) updateForm(msg tea.Msg) tea.Cmd {
	// Look-ups whose inputs this key answered start now, in the background, so their
	// results are there by the time the person reaches their fields.
	rev := m.s.rev
	req, cmd := m.form.Update(msg)
	if m.s.rev != rev {
		cmd = tea.Batch(cmd, startLookups(m.s))
	}
	return tea.Batch(cmd, m.route(req))
}

func (m *wizard) updateReview(msg tea.Msg) tea.Cmd {
	if cmd, ok := m.checkKey(msg); ok { // n: check now, after an unknown outcome (check.go)
		return cmd
	}
	req, cmd := m.review.Update(msg)
	return tea.Batch(cmd, m.route(req))
}

// back leaves the review for the last step.
func (m *wizard) back() {
	m.s.lastErr = nil
	m.scr = scrForm
	last := len(m.s.steps) - 1
	m.form.goStep(last, m.form.focus[last])
}

func (m *wizard) updateSave(msg tea.Msg) tea.Cmd {
	p := m.save
	cmd := p.Update(msg)
	switch {
	case p.quit != nil:
		return p.quit
	case p.write:
		m.saving = false
		return saveCmd(m.s.order, p.path, false)
	case p.cancel:
		m.saving = false
	}
	return cmd
}

// gotLookup stores a finished look-up; when it answered a field, the look-ups that field
// unlocks start (project id → products, server group → VPC → subnet) and an open review is
// rebuilt, so what it shows stays what y sends.
func (m *wizard) gotLookup(msg lookupMsg) tea.Cmd {
	changed := gotLookup(m.s, msg)
	m.form.refresh()
	if changed {
		m.form.resyncInput()
	}
	if !changed {
		// No answer changed, but the review shows a found value's label beside its answer
		// (optionsOf): lay it out again (answerLines remakes the answers' lines only when the
		// look-ups' results differ).
		m.review.laidOut = ""
		return nil
	}
	cmd := startLookups(m.s)
	if m.scr == scrReview && !m.saving && m.ask == askNone {
		return tea.Batch(cmd, m.refreshReview())
	}
	return cmd
}

// enterReview builds the order exactly as it will be sent, shows it, and asks for its price.
func (m *wizard) enterReview() tea.Cmd {
	s := m.s
	s.validate()
	s.build()
	m.form.returnToReview = false
	m.form.input.Blur()
	m.scr = scrReview
	m.review.open()
	m.armReview()
	return quoteCmd(s)
}

// armReview puts the review's question on screen now: a y that comes sooner than
// placement.Debounce after it (typed before the review was shown, a bounce) is not an answer.
func (m *wizard) armReview() {
	m.reviewQ = placement.NewQuestion(placement.AskPlace, m.s.clock())
}

// askNow opens a question; those that place or pay are the lifecycle's, timed from now.
func (m *wizard) askNow(a ask) {
	m.ask = a
	m.q = nil
	switch a {
	case askDuplicate, askUnknown:
		m.q = placement.NewQuestion(placement.AskPlaceAgain, m.s.clock())
	case askPay:
		m.q = placement.NewQuestion(placement.AskPay, m.s.clock())
	case askLeave:
		m.q = placement.NewQuestion(placement.AskLeave, m.s.clock())
	}
}

// answerLifecycle feeds a key to the lifecycle's open question.
func (m *wizard) answerLifecycle(msg tea.KeyPressMsg) tea.Cmd {
	s, q := m.s, m.ask
	if key.Matches(msg, m.askKm.Interrupt) && q != askLeave {
		return s.quit()
	}
	k := msg.String()
	if key.Matches(msg, m.askKm.Interrupt) {
		k = "y" // ctrl+c on "quit without paying?" quits
	}
	switch m.q.Key(k, s.clock()) {
	case placement.TooEarly:
		s.note(s.say(placement.TooEarlyText), true)
	case placement.No:
		m.ask, m.q = askNone, nil
		if q == askDuplicate || q == askUnknown {
			m.armReview()
		}
	case placement.Yes:
		m.ask, m.q = askNone, nil
		switch q {
		case askDuplicate, askUnknown:
			return m.place(true)
		case askPay:
			return m.pay()
		case askLeave:
			return s.quit()
		}
	}
	return nil
}

// answer handles y or n for the open question.
func (m *wizard) answer(msg tea.KeyPressMsg) tea.Cmd {
	if m.q != nil {
		return m.answerLifecycle(msg)
	}
	k, s := m.askKm, m.s
	q := m.ask
	switch {
	case key.Matches(msg, k.Yes):
		m.ask = askNone
		switch q {
		case askOverwrite:
			return saveCmd(s.order, m.save.path, true)
		case askOverwriteCommand:
			return m.overwriteCommand(true)
		case askQuit:
			// The facts only: the exit report adds the outcome table's headline and advice.
			s.out.Failure = providers.Unknown
			s.out.FailureText = s.say(txtQuitInFlight)
			return tea.Quit
		}
	case key.Matches(msg, k.No):
		m.ask = askNone
		if q == askOverwriteCommand {
			return m.overwriteCommand(false)
		}
	case key.Matches(msg, k.Interrupt) && q != askQuit:
		return s.quit()
	}
	return nil
}

func (m *wizard) gotSaved(msg savedMsg) {
	s := m.s
	switch {
	case msg.exists:
		m.save.path = msg.path
		m.ask = askOverwrite
	case msg.err != nil:
		s.note(s.say(tf(txtSaveFailed, msg.err)), true)
	default:
		s.note(s.say(tf(txtSaved, msg.path)), false)
		s.out.Saved = append(s.out.Saved, msg.path)
	}
}

// restyle rebuilds every style for the current background.
func (m *wizard) restyle() {
	s := m.s
	s.st = NewStyles(s.isDark, s.o.NoColor)
	m.help.Styles = s.st.Help
	m.form.restyle()
	m.save.input.SetStyles(s.st.Input)
	m.flight.spin.Style = s.st.Title
	m.review.laidOut = ""
	m.head = headerCache{}
}

// active is the screen on show.
func (m *wizard) active() component {
	switch m.scr {
	case scrReview:
		return m.review
	case scrFlight:
		return m.flight
	case scrResult:
		return m.result
	}
	return m.form
}

// Outcome reports how the session ended, for the exit code and the lines printed after exit.
func (m Model) Outcome() Outcome {
	out := m.s.out
	if m.s.api != nil {
		out.API = m.s.api.ID
	}
	return out
}

// Answers returns the answers of the chosen API (for tests and --from round trips).
func (m Model) Answers() *flows.Answers { return m.s.a() }

// API returns the chosen API.
func (m Model) API() *flows.API { return m.s.api }

// Where names the current screen: a step id, "review", "submitting" or "result".
func (m Model) Where() string {
	switch m.scr {
	case scrReview:
		return "review"
	case scrFlight:
		return "submitting"
	case scrResult:
		return "result"
	}
	return string(m.s.steps[m.form.step])
}

// note sets the one-line message about the last action.
func (s *session) note(text string, bad bool) { s.notice, s.noticeBad = text, bad }

// quit ends the program; before any order was sent it says so on exit (a dry run never sends).
func (s *session) quit() tea.Cmd {
	if s.attempts == 0 && s.out.OrderID == "" && s.o.Mode != providers.DryRun {
		s.out.Cancelled = true
	}
	return tea.Quit
}

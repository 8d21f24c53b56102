// Package ui is the Bubble Tea wizard: it renders any flows.API generically (steps, fields,
// repeated groups), shows the exact request for review, and places the order through a
// providers.Provider. It knows flows and the provider interface, never an SDK.
package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
	"cloudorder/providers"
)

// screen is where the person is: one of the API's steps, or past them.
type screen int

const (
	scrStep screen = iota
	scrReview
	scrSubmitting
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
)

// Model is the wizard. It is a value: Update returns the changed copy.
type Model struct {
	o      Options
	lang   flows.Lang
	km     KeyMap
	st     Styles
	isDark bool
	w, h   int

	apis    []*flows.API
	api     *flows.API
	answers map[flows.APIID]*flows.Answers // per API, so switching API and back loses nothing
	steps   []flows.Step
	step    int // index into steps
	scr     screen

	rows      []row
	cur       int // index into rows of the focused row
	input     lineInput
	inPath    string // the path input is editing, "" when no text field is focused
	pick      picker
	problems  []flows.Problem // api.Validate of the current answers
	notice    string          // one-line message for the last action
	noticeBad bool
	loadNote  []string // problems of a --from file not tied to a field
	lookups   map[string]*lookup

	showAll bool
	help    help.Model

	// review
	order     flows.Order
	target    providers.Target
	vp        viewport.Model
	left      string // review summary column (wide layout)
	saving    bool
	saveInput lineInput
	savePath  string
	ask       ask
	recent    providers.Recent
	lastErr   error
	failKind  providers.Kind
	unknown   bool // an earlier attempt's outcome is unknown: y needs a second confirmation

	// submitting
	spin     spinner.Model
	inFlight bool
	checking bool // looking for a duplicate before sending
	started  int64
	now      int64

	cache *renderCache // shared by copies of the model; entries are keyed by what they depend on

	result providers.Result
	copied bool
	out    Outcome
}

var _ tea.Model = Model{}

// New returns the wizard at its first step, or prefilled from opts.From.
func New(opts Options) Model {
	if opts.Lang == "" {
		opts.Lang = flows.EN
	}
	m := Model{
		o:       opts,
		lang:    opts.Lang,
		km:      DefaultKeyMap(opts.Lang),
		isDark:  true,
		apis:    flows.APIs(),
		answers: map[flows.APIID]*flows.Answers{},
		lookups: map[string]*lookup{},
		help:    help.New(),
		spin:    spinner.New(spinner.WithSpinner(spinner.Dot)),
		w:       80,
		h:       24,
		cache:   &renderCache{},
	}
	m.restyle()
	if len(m.apis) > 0 {
		m.chooseAPI(m.apis[0])
	}
	if f := opts.From; f != nil && f.API != nil {
		m.openLoaded(f)
	}
	m.refresh()
	return m
}

// Init asks the terminal for its background (to pick light or dark styles) and starts the
// look-ups of the first step.
func (m Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.startLookups())
}

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = max(msg.Width, 0), max(msg.Height, 0)
		m.layoutReview()
		return nil
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		m.restyle()
		m.layoutReview()
		return nil
	case spinner.TickMsg:
		if m.scr != scrSubmitting {
			return nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		m.now = m.o.now().UnixMilli()
		return cmd
	case lookupMsg:
		m.gotLookup(msg)
		return nil
	case duplicateMsg:
		return m.gotDuplicate(msg)
	case submittedMsg:
		return m.gotSubmitted(msg)
	case savedMsg:
		m.gotSaved(msg)
		return nil
	case tea.PasteMsg:
		return m.paste(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return nil
}

// key routes a key press: the in-flight guard first, then questions, then the screen.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.scr == scrSubmitting {
		return m.keySubmitting(msg)
	}
	if m.ask != askNone {
		return m.answer(msg)
	}
	if matches(msg, m.km.Quit) {
		return tea.Quit
	}
	switch m.scr {
	case scrReview:
		return m.keyReview(msg)
	case scrResult:
		return m.keyResult(msg)
	}
	return m.keyStep(msg)
}

// restyle rebuilds every style for the current background.
func (m *Model) restyle() {
	m.st = NewStyles(m.isDark, m.o.NoColor)
	m.help.Styles = m.st.Help
	m.input.st = m.st.Input
	m.saveInput.st = m.st.Input
	m.spin.Style = m.st.Title
}

// say picks a text in the session's language.
func (m *Model) say(t flows.Text) string { return t.In(m.lang) }

// Outcome reports how the session ended, for the exit code and the lines printed after exit.
func (m Model) Outcome() Outcome {
	out := m.out
	if m.api != nil {
		out.API = m.api.ID
	}
	return out
}

// Answers returns the answers of the chosen API (for tests and --from round trips).
func (m Model) Answers() *flows.Answers { return m.answers[m.api.ID] }

// API returns the chosen API.
func (m Model) API() *flows.API { return m.api }

// Where names the current screen: a step id, "review", "submitting" or "result".
func (m Model) Where() string {
	switch m.scr {
	case scrReview:
		return "review"
	case scrSubmitting:
		return "submitting"
	case scrResult:
		return "result"
	}
	if len(m.steps) == 0 {
		return string(flows.StepAPI)
	}
	return string(m.steps[m.step])
}

// renderCache keeps parts of the screen that change rarely.
type renderCache struct {
	headerKey, header string
	reviewLines       []string // the review viewport's content, split once
}

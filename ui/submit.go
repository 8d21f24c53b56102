package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
	"cloudorder/placement"
	"cloudorder/providers"
)

// duplicateMsg is the answer of the history check done before sending.
type duplicateMsg struct {
	dup placement.Duplicate
	err error
}

// submittedMsg is the lifecycle's outcome of the one send.
type submittedMsg struct{ out placement.Outcome }

// flightScreen is the order in flight: every key is ignored (a second y cannot send a second
// order) except ctrl+c, which asks first because quitting now can leave the outcome unknown.
type flightScreen struct {
	s        *session
	km       FlightKeyMap
	spin     spinner.Model
	checking bool // looking for a duplicate before sending
	started  time.Time
	now      time.Time
	w        int
}

func newFlight(s *session) *flightScreen {
	return &flightScreen{s: s, km: FlightKeyMap{Interrupt: bind(s.lang, []string{"ctrl+c"}, "ctrl+c", khQuit)},
		spin: spinner.New(spinner.WithSpinner(spinner.Dot))}
}

// ShortHelp implements help.KeyMap.
func (f *flightScreen) ShortHelp() []key.Binding { return f.km.ShortHelp() }

// FullHelp implements help.KeyMap.
func (f *flightScreen) FullHelp() [][]key.Binding { return f.km.FullHelp() }

// Title names the screen.
func (f *flightScreen) Title() string { return f.s.say(txtSubmitting) }

// SetSize gives the screen the body's width.
func (f *flightScreen) SetSize(w, _ int) { f.w = w }

// View shows the spinner, the time in flight against its limit, and where the order goes.
func (f *flightScreen) View() string {
	s, st := f.s, f.s.st
	w := max(f.w, 1)
	var head string
	if f.checking {
		head = f.spin.View() + " " + s.say(txtChecking)
	} else {
		el := f.now.Sub(f.started).Round(100 * time.Millisecond)
		if s.o.Timeout > 0 {
			head = f.spin.View() + " " + s.say(tf(txtElapsedOf, el, s.o.Timeout))
		} else {
			head = f.spin.View() + " " + s.say(tf(txtElapsedOnly, el))
		}
	}
	out := []string{wrapWords(head, w), st.Muted.Render(wrapWords(s.say(txtSending), w)), ""}
	out = append(out, alignPairs(s, [][2]string{{s.say(txtAPIField), string(s.api.ID)}, {s.say(txtEndpoint), orNone(s, s.target.Endpoint)}}, w))
	return joinLines(out)
}

// placeAt is y on the review pressed at at: it places the order only once the review's
// question was on screen long enough (placement.Debounce).
func (m *wizard) placeAt(at time.Time) tea.Cmd {
	if m.reviewQ.Key("y", at) == placement.TooEarly {
		m.s.note(m.s.say(placement.TooEarlyText), true)
		return nil
	}
	return m.place(false)
}

// place starts placing the order. confirmed is set when "place it again?" was answered
// (AgainWord).
func (m *wizard) place(confirmed bool) tea.Cmd {
	s := m.s
	switch {
	case !s.review.Sends:
		s.note(s.say(txtDryRunNoY), false)
		return nil
	case flows.Blocking(s.problems):
		s.note(s.say(txtFixFirst), true)
		return nil
	case s.unknown && !confirmed && s.review.Reviewed():
		m.askNow(askUnknown)
		return nil
	}
	// From here on every key is ignored until the answer arrives, but ctrl+c (input).
	m.scr = scrFlight
	fl := m.flight
	fl.started = s.o.now()
	fl.now = fl.started
	s.notice = ""
	// An order that is not the one --expect-digest approved is refused by placement.Send at
	// once, nothing sent — before any "place it again?" question, as submit and plain mode do.
	if _, keeps := s.o.Provider.(providers.DuplicateFinder); keeps && !confirmed && s.review.Reviewed() {
		fl.checking = true
		p, r := s.o.Provider, s.review
		return tea.Batch(fl.spin.Tick, func() tea.Msg {
			d, err := placement.CheckDuplicate(context.Background(), p, r)
			return duplicateMsg{dup: d, err: err}
		})
	}
	return tea.Batch(fl.spin.Tick, m.submitCmd())
}

func (m *wizard) submitCmd() tea.Cmd {
	p, r, price := m.s.o.Provider, m.s.review, m.s.price.price
	m.flight.checking = false
	m.s.attempts++
	m.s.out.Found, m.s.out.NotPlaced = "", false // what check now learnt was of the last attempt
	return func() tea.Msg {
		// The provider bounds the wait (--timeout); no retry happens anywhere.
		return submittedMsg{out: placement.Send(context.Background(), p, r, price)}
	}
}

func (m *wizard) gotDuplicate(msg duplicateMsg) tea.Cmd {
	if m.scr != scrFlight || !m.flight.checking {
		return nil
	}
	if msg.dup.Found {
		m.flight.checking = false
		m.scr = scrReview
		m.s.recent = msg.dup.Recent
		m.askNow(askDuplicate)
		return nil
	}
	return m.submitCmd()
}

// stopCheck is ctrl+c while the history is checked for a duplicate: nothing has been sent,
// so there is nothing to ask — the wizard goes back to the review, and the check's answer,
// when it comes, is dropped (gotDuplicate). Asking "quit?" here instead let the y meant for
// quitting answer the duplicate question that replaced it, and send.
func (m *wizard) stopCheck() {
	m.flight.checking = false
	m.scr = scrReview
	m.armReview()
	m.s.note(m.s.say(txtCheckStopped), false)
}

func (m *wizard) gotSubmitted(msg submittedMsg) tea.Cmd {
	if m.scr != scrFlight {
		return nil
	}
	s := m.s
	if m.ask == askQuit {
		m.ask = askNone
	}
	out := msg.out
	s.placed = out
	if !out.Placed() {
		err := error(out.Err)
		s.lastErr = err
		kind := out.Kind()
		s.unknown = s.unknown || kind == providers.Unknown
		s.out.Failure = kind
		s.out.FailureText = err.Error()
		if miss, ok := missingCredentialFailure(s, err); ok {
			s.out.FailureText = miss
		}
		m.scr = scrReview
		m.review.open()
		m.armReview()
		return nil
	}
	s.result = out.Result
	s.lastErr, s.unknown = nil, false
	s.out.OrderID, s.out.RequestID = out.Result.OrderID, out.Result.RequestID
	s.out.Unpaid, s.out.ConsoleURL, s.out.PayCommand, s.out.History = out.Unpaid, out.ConsoleURL, out.PayCommand, out.History
	s.out.Failure, s.out.FailureText = 0, ""
	m.scr = scrResult
	return nil
}

// Update ignores every key while the order is in flight, except ctrl+c, which the root
// answers (interruptRequested: it asks, or stops a duplicate check that sent nothing).
func (f *flightScreen) Update(msg tea.Msg) tea.Msg {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, f.km.Interrupt) {
		return interruptRequested{}
	}
	return nil
}

func (m *wizard) tick(msg spinner.TickMsg) tea.Cmd {
	if m.scr != scrFlight {
		return nil
	}
	var cmd tea.Cmd
	m.flight.spin, cmd = m.flight.spin.Update(msg)
	m.flight.now = m.s.o.now()
	return cmd
}

package ui

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
	"cloudorder/providers"
)

// duplicateWindow is how far back an identical successful order makes y ask again.
const duplicateWindow = 24 * time.Hour

// duplicateMsg is the answer of the history check done before sending.
type duplicateMsg struct {
	recent providers.Recent
	found  bool
}

// submittedMsg is the provider's answer to the one Submit call.
type submittedMsg struct {
	res providers.Result
	err error
}

// place starts placing the order: y on review. confirmed skips the questions already
// answered (a duplicate, or a resend after an unknown outcome).
func (m *Model) place(confirmed bool) tea.Cmd {
	switch {
	case m.o.Mode == providers.DryRun || m.o.Provider == nil:
		m.notice = m.say(txtDryRunNoY)
		return nil
	case flows.Blocking(m.problems):
		m.notice, m.noticeBad = m.say(txtFixFirst), true
		return nil
	case m.unknown && !confirmed:
		m.ask = askUnknown
		return nil
	}
	// From here on every key is ignored until the answer arrives: a second y cannot send
	// a second order.
	m.scr = scrSubmitting
	m.inFlight = true
	m.started = m.o.now().UnixMilli()
	m.now = m.started
	m.notice = ""
	order := m.order
	if df, ok := m.o.Provider.(providers.DuplicateFinder); ok && !confirmed {
		m.checking = true
		return tea.Batch(m.spin.Tick, func() tea.Msg {
			r, found := df.RecentDuplicate(order, duplicateWindow)
			return duplicateMsg{recent: r, found: found}
		})
	}
	return tea.Batch(m.spin.Tick, m.submitCmd())
}

func (m *Model) submitCmd() tea.Cmd {
	p, order := m.o.Provider, m.order
	m.checking = false
	return func() tea.Msg {
		// The provider bounds the wait (--timeout); no retry happens anywhere.
		res, err := p.Submit(context.Background(), order)
		return submittedMsg{res: res, err: err}
	}
}

func (m *Model) gotDuplicate(msg duplicateMsg) tea.Cmd {
	if !m.inFlight || !m.checking {
		return nil
	}
	if msg.found {
		m.inFlight, m.checking = false, false
		m.scr = scrReview
		m.recent = msg.recent
		m.ask = askDuplicate
		return nil
	}
	return m.submitCmd()
}

func (m *Model) gotSubmitted(msg submittedMsg) tea.Cmd {
	if !m.inFlight {
		return nil
	}
	m.inFlight = false
	if m.ask == askQuit {
		m.ask = askNone
	}
	if msg.err != nil {
		m.lastErr = msg.err
		m.failKind = providers.KindOf(msg.err)
		m.unknown = m.unknown || m.failKind == providers.Unknown
		m.out.Failure = m.failKind
		m.out.FailureText = msg.err.Error()
		m.scr = scrReview
		m.layoutReview()
		return nil
	}
	m.result = msg.res
	m.lastErr, m.failKind, m.unknown = nil, 0, false
	m.out.OrderID, m.out.RequestID = msg.res.OrderID, msg.res.RequestID
	m.out.Failure, m.out.FailureText = 0, ""
	m.scr = scrResult
	return nil
}

// keySubmitting ignores every key while the order is in flight, except ctrl+c, which asks
// first because quitting now can leave the outcome unknown.
func (m *Model) keySubmitting(msg tea.KeyPressMsg) tea.Cmd {
	if m.ask == askQuit {
		switch {
		case matches(msg, m.km.Yes):
			m.out.Failure = providers.Unknown
			m.out.FailureText = m.say(txtUnknown) + " " + m.say(txtUnknownHint)
			return tea.Quit
		case matches(msg, m.km.No):
			m.ask = askNone
		}
		return nil
	}
	if matches(msg, m.km.Quit) {
		m.ask = askQuit
	}
	return nil
}

// answer handles y or n for the open question.
func (m *Model) answer(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys()
	q := m.ask
	switch {
	case matches(msg, k.Yes):
		m.ask = askNone
		switch q {
		case askDuplicate, askUnknown:
			return m.place(true)
		case askOverwrite:
			return m.saveCmd(m.savePath, true)
		}
	case matches(msg, k.No):
		m.ask = askNone
	case matches(msg, k.Quit):
		return tea.Quit
	}
	return nil
}

// keyResult handles the result screen.
func (m *Model) keyResult(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys()
	switch {
	case matches(msg, k.Copy):
		m.copied = true
		return tea.SetClipboard(m.result.OrderID)
	case matches(msg, k.Help):
		m.showAll = !m.showAll
	case matches(msg, k.Done):
		return tea.Quit
	}
	return nil
}

// elapsed is the time the order has been in flight.
func (m *Model) elapsed() time.Duration {
	return time.Duration(m.now-m.started) * time.Millisecond
}

// asError is errors.As for the one type the UI inspects.
func asError(err error, target **providers.Error) bool { return errors.As(err, target) }

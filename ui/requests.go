package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// What a screen asks of the root, as typed messages (soft-serve's pages habit): a screen's
// Update returns one, and the root routes it through update like every other message — at
// once, in the same Update, so a key typed right after it already meets the screen it led to
// (a command's message would come back later, and a y typed meanwhile would still land on the
// review). No screen keeps a flag for the root to read and reset.

// placeRequested is y on the review, pressed at at (the review's question decides whether it
// came too soon: placement.Debounce).
type placeRequested struct{ at time.Time }

// saveRequested is s on the review: open the save prompt.
type saveRequested struct{}

// backRequested is b on the review: back to the last step.
type backRequested struct{}

// editField is a field picked from the review's list: edit it at path.
type editField struct{ path string }

// payRequested is p on the result: ask before paying the order created unpaid.
type payRequested struct{}

// leaveRequested is q, esc or enter on the result (interrupted: ctrl+c, which does not ask).
type leaveRequested struct{ interrupted bool }

// interruptRequested is ctrl+c while the order is in flight (or checked for a duplicate).
type interruptRequested struct{}

// route handles a screen's request; requests meant for a screen no longer on show, or made
// while a question or the save prompt is open, are dropped.
func (m *wizard) route(msg tea.Msg) tea.Cmd {
	onReview := m.scr == scrReview && m.ask == askNone && !m.saving
	switch msg := msg.(type) {
	case placeRequested:
		if onReview {
			return m.placeAt(msg.at)
		}
	case saveRequested:
		if onReview {
			m.saving = true
			return m.save.open()
		}
	case backRequested:
		if onReview {
			m.back()
			return retryFailedLookups(m.s)
		}
	case editField:
		if onReview {
			m.scr = scrForm
			return m.form.openAt(msg.path)
		}
	case payRequested:
		if m.scr == scrResult && m.ask == askNone {
			m.openPay()
		}
	case leaveRequested:
		if m.scr != scrResult || m.ask != askNone {
			return nil
		}
		if canPay(m.s) && !msg.interrupted { // the offer to pay would go with the screen: ask first
			m.askNow(askLeave)
			return nil
		}
		return tea.Quit
	case interruptRequested:
		switch {
		case m.scr != scrFlight || m.ask != askNone:
		case m.flight.checking:
			m.stopCheck()
		default:
			m.ask = askQuit
		}
	}
	return nil
}

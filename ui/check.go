package ui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"cloudorder/i18n"
	"cloudorder/orderstatus"
	"cloudorder/placement"
)

// checkTimeout bounds "check now" when no --timeout was given: the billing reads list the
// window's orders and read each one's lines, a few calls in all.
const checkTimeout = 30 * time.Second

// checkState is "check now" on the review after an outcome that is unknown: the cloud's
// order records asked about the attempt in the background (orderstatus.CheckLatest, the same
// resolution `cloudorder status` makes), with a spinner while they answer.
type checkState struct {
	running bool
	spin    spinner.Model
	about   error // the failure the report is about (s.lastErr when it was asked)
	report  *orderstatus.Report
	none    bool // the history holds no attempt left to ask about
	version int  // bumped whenever what the review shows of it changes
}

// checkedMsg is what the cloud's records said.
type checkedMsg struct {
	rep   orderstatus.Report
	found bool
}

var (
	khCheck      = i18n.T("check now", "立即查询")
	txtChecking2 = i18n.T("asking the cloud's order records whether this order was placed…", "正在向云平台订单记录查询此订单是否已下单…")
	txtCheckHint = i18n.T("n asks the cloud's order records now whether it was placed (read-only: nothing is sent or bought).",
		"按 n 立即向云平台订单记录查询是否已下单(只读:不会发送或购买任何东西)。")
	txtCheckNone = i18n.T("the history holds no attempt at this order left to check (already resolved as not placed?); `cloudorder history` lists them",
		"历史中没有需要查询的此订单记录(可能已确认未下单);`cloudorder history` 可列出")
)

// checker is the session's provider as a Checker, when it keeps a history and reads orders.
func checker(s *session) (orderstatus.Checker, bool) {
	c, ok := s.o.Provider.(orderstatus.Checker)
	return c, ok
}

// canCheck reports whether n asks now: the last attempt's outcome is unknown, the provider
// can read the cloud's orders, and no check is running.
func canCheck(s *session) bool {
	_, ok := checker(s)
	return ok && s.unknown && s.lastErr != nil && !s.check.running
}

// checkBinding is n on the review, enabled when it asks.
func checkBinding(s *session) key.Binding {
	b := bind(s.lang, []string{"n"}, "n", khCheck)
	b.SetEnabled(canCheck(s))
	return b
}

// checkKey starts the check when msg is n on the review (and not in its field list); ok
// says the key was taken.
func (m *wizard) checkKey(msg tea.Msg) (tea.Cmd, bool) {
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey || m.review.jump != nil || !key.Matches(k, checkBinding(m.s)) {
		return nil, false
	}
	return m.checkNow(), true
}

// checkNow asks the cloud's records about the newest attempt at the order under review.
func (m *wizard) checkNow() tea.Cmd {
	s := m.s
	c, _ := checker(s)
	s.check = checkState{running: true, spin: spinner.New(spinner.WithSpinner(spinner.Dot)), about: s.lastErr, version: s.check.version + 1}
	o, now, limit := s.order, s.o.now(), s.o.Timeout
	if limit <= 0 {
		limit = checkTimeout
	}
	return tea.Batch(s.check.spin.Tick, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		defer cancel()
		rep, found := orderstatus.CheckLatest(ctx, c, o, now)
		return checkedMsg{rep: rep, found: found}
	})
}

// gotChecked keeps the report. A settled verdict recorded in the history replaces "the
// outcome is unknown": y then goes to the duplicate guard, which reads the resolution — placed
// asks again naming the order found, not placed lets the order go. Ambiguous, not known yet
// or a failed check leave the "send again?" question in place.
func (m *wizard) gotChecked(msg checkedMsg) {
	s := m.s
	s.check.running = false
	s.check.version++
	if !msg.found {
		s.check.none = true
		return
	}
	rep := msg.rep
	if rep.Order != nil { // found by its digest, which names the target: it was sent where this run sends
		rep.PayCommand = placement.PayCommand(rep.Order.OrderID, s.target)
	}
	s.check.report = &rep
	if r := rep.Resolution; r != nil && (r.Verdict == orderstatus.NotPlaced || r.Verdict == orderstatus.Placed) && rep.NoteErr == nil {
		s.unknown = false
		s.out.Found, s.out.NotPlaced = r.OrderID, r.Verdict == orderstatus.NotPlaced
	}
}

// checkTick turns the check's spinner.
func checkTick(s *session, msg spinner.TickMsg) tea.Cmd {
	if !s.check.running || msg.ID != s.check.spin.ID() {
		return nil
	}
	var cmd tea.Cmd
	s.check.spin, cmd = s.check.spin.Update(msg)
	s.check.version++
	return cmd
}

// checkLines are what the error panel shows of the check: the spinner, or the report of the
// failure on screen (what was queried, compared and found), then how to ask (again).
func checkLines(s *session, w int) []string {
	st, c := s.st, s.check
	if c.running {
		return []string{wrapWords(c.spin.View()+" "+s.say(txtChecking2), w)}
	}
	var out []string
	if c.about != nil && c.about == s.lastErr {
		switch {
		case c.none:
			out = append(out, st.Muted.Render(wrapWords(s.say(txtCheckNone), w)))
		case c.report != nil:
			for _, l := range c.report.Lines() {
				if c.report.Entry.Intent.ID == "" && strings.HasPrefix(l.EN, "history entry") {
					continue // the history could not be read: no entry to name
				}
				out = append(out, wrapIndent(s.say(l), w, "    "))
			}
		}
	}
	if canCheck(s) {
		out = append(out, st.Notice.Render(wrapWords(s.say(txtCheckHint), w)))
	}
	return out
}

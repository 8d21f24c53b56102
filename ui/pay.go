package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"cloudorder/placement"
	"cloudorder/providers"
)

// Paying an order the cloud created unpaid (Huawei DSC): the result screen says so, links
// the console page that pays it, and offers p. p first shows what will be paid and asks; only
// y then sends BSS PayOrders, once, through the provider (the journal records it like an
// order). Enter never pays.

// payState is the payment of the placed order.
type payState struct {
	inFlight bool
	done     bool
	out      placement.Outcome
	earlier  *providers.Recent // an earlier payment of this order: p refuses
}

// paidMsg is the lifecycle's outcome of the one payment.
type paidMsg struct{ out placement.Outcome }

// unpaid reports whether the placed order awaits payment, and the console page that pays it.
func unpaid(s *session) (bool, string) {
	if s.result.OrderID == "" {
		return false, ""
	}
	return s.placed.Unpaid, s.placed.ConsoleURL
}

// canPay reports whether p offers to pay the placed order here.
func canPay(s *session) bool {
	_, payer := s.o.Provider.(providers.Payer)
	need, _ := unpaid(s)
	// After a payment whose outcome is unknown it may have been paid: the console decides.
	p := s.pay
	return need && payer && !p.inFlight && p.earlier == nil && !(p.done && (p.out.Placed() || p.out.Kind() == providers.Unknown))
}

// payReview is what p pays: the placed order, in its region, at the price reviewed.
func payReview(s *session) placement.PayReview {
	r := placement.PayReview{Payment: providers.Payment{API: s.api.ID, Region: s.order.Region, OrderID: s.result.OrderID},
		Mode: s.target.Mode}
	if pr := s.price.price; pr.Err == nil && pr.Quote.Priced && len(pr.Mismatches) == 0 {
		r.Amount, r.Currency = pr.Quote.Total, pr.Quote.Currency
	}
	return r
}

// openPay is p on the result: a payment of this order already in the history is refused,
// naming it; otherwise the payment's own question opens.
func (m *wizard) openPay() {
	s := m.s
	if r, found := placement.EarlierPayment(s.o.Provider, payReview(s).Payment); found {
		s.pay.earlier = &r
		s.note(s.say(placement.PaidBefore(r)), true)
		return
	}
	m.askNow(askPay)
}

// pay sends the payment once; a payment is never retried (it spends money).
func (m *wizard) pay() tea.Cmd {
	s := m.s
	if !canPay(s) {
		return nil
	}
	s.pay = payState{inFlight: true}
	p, r := s.o.Provider, payReview(s)
	return func() tea.Msg { return paidMsg{out: placement.Pay(context.Background(), p, r)} }
}

func gotPaid(s *session, msg paidMsg) {
	s.pay = payState{done: true, out: msg.out}
	s.out.Payment, s.out.PayFailure, s.out.PayRequestID = true, msg.out.Kind(), msg.out.Result.RequestID
}

// payLines is the result screen's part about payment; offer adds what p does (left out
// while the payment question, which says it, is open).
func payLines(s *session, w int, offer bool) []string {
	need, console := unpaid(s)
	if !need {
		return nil
	}
	st := s.st
	out := []string{""}
	p := s.pay
	switch {
	case p.inFlight:
		out = append(out, st.Notice.Render(wrapWords(s.say(txtPaying), w)))
	case p.done && p.out.Placed():
		out = append(out, st.OK.Render(wrapWords("✓ "+s.say(txtPaid), w)))
		if id := p.out.Result.RequestID; id != "" {
			out = append(out, alignPairs(s, [][2]string{{s.say(txtRequestID), providers.Printable(id)}}, w))
		}
	default:
		out = append(out, st.Warning.Render(wrapWords(s.say(txtUnpaid), w)))
		if console != "" { // the link on a line of its own, so it wraps only when it must
			out = append(out, st.Muted.Render(s.say(txtConsole)+":"), st.Value.Render(wrapWords(console, w)))
		}
		if p.earlier != nil {
			out = append(out, st.Warning.Render(wrapWords("⚠ "+s.say(placement.PaidBefore(*p.earlier)), w)))
		}
		if p.done && !p.out.Placed() {
			// A payment whose answer was lost may have gone through: said as that, not as a
			// failure, and not in the order's own words (the order exists either way).
			a := placement.AdvisePayment(p.out)
			if p.out.Kind() == providers.Unknown {
				out = append(out, st.Warning.Render(wrapWords("⚠ "+s.say(placement.PayUnknown), w)))
			} else {
				out = append(out, st.Error.Render(wrapWords("✗ "+s.say(a.Headline), w)))
				out = append(out, st.Muted.Render(wrapWords(s.say(a.HintText(s.target.Credential)), w)))
			}
			out = append(out, st.Muted.Render(wrapIndent(providers.Printable(p.out.Err.Error()), w, "  ")))
		}
		if canPay(s) && offer {
			out = append(out, st.Notice.Render(wrapWords(s.say(txtPayOffer), w)))
		}
	}
	for _, l := range placement.HistoryWarning(p.out.History, s.result.OrderID) {
		out = append(out, st.Warning.Render(wrapWords(s.say(l), w)))
	}
	return out
}

// payQuestion is the payment's own review line and confirmation.
func payQuestion(s *session) string {
	return s.say(payReview(s).Line()) + " " + s.say(txtPayKeys)
}

package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

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
	res      providers.Result
	err      error
}

// paidMsg is the provider's answer to the one PayOrder call.
type paidMsg struct {
	res providers.Result
	err error
}

// unpaid reports whether the placed order awaits payment, and the console page that pays it.
func unpaid(s *session) (bool, string) {
	u, ok := s.o.Provider.(providers.UnpaidOrders)
	if !ok || s.result.OrderID == "" {
		return false, ""
	}
	return u.Unpaid(s.api.ID)
}

// canPay reports whether p offers to pay the placed order here.
func canPay(s *session) bool {
	_, payer := s.o.Provider.(providers.Payer)
	need, _ := unpaid(s)
	// After a payment whose outcome is unknown it may have been paid: the console decides.
	return need && payer && !s.pay.inFlight && !(s.pay.done && (s.pay.err == nil || providers.KindOf(s.pay.err) == providers.Unknown))
}

// payment is what p pays: the placed order, in its region.
func payment(s *session) providers.Payment {
	return providers.Payment{API: s.api.ID, Region: s.order.Region, OrderID: s.result.OrderID}
}

// payCmd sends the payment once; a payment is never retried (it spends money).
func payCmd(s *session) tea.Cmd {
	payer, ok := s.o.Provider.(providers.Payer)
	if !ok {
		return nil
	}
	s.pay = payState{inFlight: true}
	p := payment(s)
	return func() tea.Msg {
		res, err := payer.PayOrder(context.Background(), p)
		return paidMsg{res: res, err: err}
	}
}

func gotPaid(s *session, msg paidMsg) {
	s.pay = payState{done: true, res: msg.res, err: msg.err}
	s.out.Payment, s.out.PayFailure, s.out.PayRequestID = true, 0, msg.res.RequestID
	if msg.err != nil {
		s.out.PayFailure = providers.KindOf(msg.err)
	}
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
	case p.done && p.err == nil:
		out = append(out, st.OK.Render(wrapWords("✓ "+s.say(txtPaid), w)))
		if p.res.RequestID != "" {
			out = append(out, alignPairs(s, [][2]string{{s.say(txtRequestID), providers.Printable(p.res.RequestID)}}, w))
		}
	default:
		out = append(out, st.Warning.Render(wrapWords(s.say(txtUnpaid), w)))
		if console != "" { // the link on a line of its own, so it wraps only when it must
			out = append(out, st.Muted.Render(s.say(txtConsole)+":"), st.Value.Render(wrapWords(console, w)))
		}
		if p.done && p.err != nil {
			// A payment whose answer was lost may have gone through: said as that, not as a
			// failure, and not in the order's own words (the order exists either way).
			if kind := providers.KindOf(p.err); kind == providers.Unknown {
				out = append(out, st.Warning.Render(wrapWords("⚠ "+s.say(txtPayUnknown), w)))
			} else {
				out = append(out, st.Error.Render(wrapWords("✗ "+s.say(txtPayFailed)+" "+s.say(providers.OutcomeOf(kind).Headline), w)))
			}
			out = append(out, st.Muted.Render(wrapIndent(providers.Printable(p.err.Error()), w, "  ")))
		}
		if canPay(s) && offer {
			out = append(out, st.Notice.Render(wrapWords(s.say(txtPayOffer), w)))
		}
	}
	return out
}

// payQuestion is the payment's own review line and confirmation.
func payQuestion(s *session) string {
	p := payment(s)
	return s.say(tf(txtPayAsk, providers.Printable(p.OrderID), p.API, p.Region, string(p.Body())))
}

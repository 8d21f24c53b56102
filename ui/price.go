package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/ui/lookups"
)

// The review's price: placement.PriceOf, the price of exactly the body y sends (with any item
// priced under another product id than the body's said at the price), asked in the
// background through the session's cache whenever the order on review is (re)built.
// Pricing never blocks placing: a failed inquiry only says so.

// priceState is the price inquiry of the order on review.
type priceState struct {
	key     string // lookups.QuoteKey of the order it prices
	loading bool
	price   placement.Price
	version int // bumped on every change, so the review lays out again
}

// quoteMsg carries a finished inquiry back to Update.
type quoteMsg struct {
	key   string
	price placement.Price
}

// quoteCmd asks for the price of the order on review unless it is known or being asked already.
func quoteCmd(s *session) tea.Cmd {
	if _, ok := s.o.Provider.(providers.Pricer); !ok || !s.review.Sends {
		s.price = priceState{version: s.price.version + 1}
		return nil
	}
	key := lookups.QuoteKey(s.target, s.order)
	if s.price.key == key && (s.price.loading || s.price.price.Err == nil) {
		return nil
	}
	s.price = priceState{key: key, loading: true, version: s.price.version + 1}
	p, c, r, timeout := s.o.Provider, s.cache, s.review, lookups.Wait(s.o.LookupTimeout)
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		return quoteMsg{key: key, price: placement.PriceOf(ctx, p, c, r)}
	}
}

// gotQuote stores the answer for the order it priced (a later order's inquiry wins).
func gotQuote(s *session, msg quoteMsg) {
	if msg.key != s.price.key {
		return
	}
	s.price = priceState{key: msg.key, price: msg.price, version: s.price.version + 1}
}

// priceLines is the review's price section (placement.Price.Lines: the total, the items, and
// any product id priced that the body does not send), "asking…" while the inquiry runs, and
// the unpaid note where the API creates orders unpaid.
func priceLines(s *session, w int) []string {
	st := s.st
	var out []string
	if _, ok := s.o.Provider.(providers.Pricer); ok && s.review.Sends && s.price.key != "" {
		out = append(out, "", st.SectionTitle.Render(s.say(txtPrice)))
		p := s.price
		switch {
		case p.loading:
			out = append(out, st.Muted.Render(wrapWords(s.say(txtPricing), w)))
		case p.price.Err != nil || len(p.price.Mismatches) > 0:
			for i, l := range p.price.Lines() {
				if i == 0 {
					out = append(out, st.Warning.Render(wrapWords(s.say(l), w)))
					continue
				}
				out = append(out, st.Warning.Render(wrapIndent(s.say(l), w, "  ")))
			}
		default:
			for i, l := range p.price.Lines() {
				if i == 0 {
					out = append(out, st.Value.Render(wrapWords(s.say(l), w)))
					continue
				}
				out = append(out, wrapIndent(s.say(l), w, "  "))
			}
		}
	}
	if s.review.Unpaid && s.review.Sends {
		out = append(out, st.Warning.Render(wrapWords(s.say(placement.UnpaidNote), w)))
	}
	return out
}

// refreshReview rebuilds the order on review after a look-up changed an answer, keeping the
// panes where they were, and asks for its price. What is on screen changed, so the question
// starts again: a y typed before the new order was shown does not place it.
func (m *wizard) refreshReview() tea.Cmd {
	s := m.s
	s.validate()
	s.build()
	m.review.laidOut = ""
	m.armReview()
	return quoteCmd(s)
}

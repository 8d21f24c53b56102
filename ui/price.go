package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"cloudorder/providers"
)

// The review's price: the provider's own price inquiry (providers.Pricer) of exactly the
// order y sends, asked in the background through the session's cache when the review opens.
// Pricing never blocks placing: a failed inquiry only says so.

// priceState is the price inquiry of the order on review.
type priceState struct {
	key     string // providers.QuoteKey of the order it prices
	loading bool
	quote   providers.Quote
	err     error
	version int // bumped on every change, so the review lays out again
}

// quoteMsg carries a finished inquiry back to Update.
type quoteMsg struct {
	key   string
	quote providers.Quote
	err   error
}

// quoteCmd asks for the price of s.order unless it is known or being asked already.
func quoteCmd(s *session) tea.Cmd {
	pr, ok := s.o.Provider.(providers.Pricer)
	if !ok || s.o.Mode == providers.DryRun {
		s.price = priceState{version: s.price.version + 1}
		return nil
	}
	key := providers.QuoteKey(s.target, s.order)
	if s.price.key == key && (s.price.loading || s.price.err == nil) {
		return nil
	}
	s.price = priceState{key: key, loading: true, version: s.price.version + 1}
	c, target, order, timeout := s.cache, s.target, s.order, providers.LookupWait(s.o.LookupTimeout)
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		q, err := c.Quote(ctx, pr, target, order)
		return quoteMsg{key: key, quote: q, err: err}
	}
}

// gotQuote stores the answer for the order it priced (a later order's inquiry wins).
func gotQuote(s *session, msg quoteMsg) {
	if msg.key != s.price.key {
		return
	}
	s.price = priceState{key: msg.key, quote: msg.quote, err: msg.err, version: s.price.version + 1}
}

// priceLines is the review's price section: total with currency and period and the caveat,
// then one line per item; the honest sentence where the cloud has no figure; "price unknown"
// when the inquiry failed. None when the provider has no inquiry at all (a dry run).
func priceLines(s *session, w int) []string {
	if _, ok := s.o.Provider.(providers.Pricer); !ok || s.o.Mode == providers.DryRun || s.price.key == "" {
		return nil
	}
	st := s.st
	out := []string{"", st.SectionTitle.Render(s.say(txtPrice))}
	p := s.price
	switch {
	case p.loading:
		out = append(out, st.Muted.Render(wrapWords(s.say(txtPricing), w)))
	case p.err != nil:
		err := errors.New(providers.Printable(p.err.Error()))
		out = append(out, st.Warning.Render(wrapWords(s.say(providers.PriceUnknown(err)), w)))
	default:
		out = append(out, st.Value.Render(wrapWords(s.say(p.quote.Line()), w)))
		for _, it := range p.quote.ItemLines() {
			out = append(out, wrapIndent(s.say(providers.PrintableText(it)), w, "  "))
		}
	}
	return out
}

// refreshReview rebuilds the order on review after a look-up changed an answer, keeping the
// panes where they were, and asks for its price.
func (m *wizard) refreshReview() tea.Cmd {
	s := m.s
	s.validate()
	s.order = s.api.Build(s.a())
	m.review.laidOut = ""
	return quoteCmd(s)
}

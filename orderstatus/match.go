// Package orderstatus is what became of an order after it was sent: its state from the
// cloud's billing records, and an unknown outcome resolved by matching the journaled order
// body to the orders the cloud created in the window around it. It never guesses: one match
// is "placed", none once the window has settled is "not placed", anything else is
// "ambiguous" or "not yet known", and every answer says what was queried and compared.
package orderstatus

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"cloudorder/providers"
)

// Verdict is what the cloud's records say about an order whose outcome was unknown.
type Verdict string

// Verdicts. NotYet: nothing matched, but the window or the cloud's listing delay has not
// passed, so absence proves nothing yet.
const (
	Placed    Verdict = "placed"
	NotPlaced Verdict = "not_placed"
	Ambiguous Verdict = "ambiguous"
	NotYet    Verdict = "not_yet"
)

// Candidate is one order of the window, compared to the journaled body.
type Candidate struct {
	Order providers.BillingOrder `json:"order"`
	// Match: every compared fact agrees. Uncertain: the order could not be compared (its
	// products could not be read), so it may be the one.
	Match     bool     `json:"match"`
	Uncertain bool     `json:"uncertain,omitempty"`
	Differs   []string `json:"differs,omitempty"` // why it is not the order, one reason per fact
}

// Compare matches one listed order against the body's facts. Each fact is compared only where
// both sides know it; compared names the facts that were.
func Compare(f providers.OrderFacts, o providers.BillingOrder) Candidate {
	c := Candidate{Order: o}
	if o.Partial {
		c.Uncertain = true
		c.Differs = append(c.Differs, "its products could not be read, so it was not compared")
		return c
	}
	differ := func(format string, args ...any) { c.Differs = append(c.Differs, fmt.Sprintf(format, args...)) }
	if !o.New {
		differ("order type %s is not a new purchase", orDash(o.OrderType))
	}
	if f.ServiceType != "" && o.ServiceType != "" && !strings.EqualFold(f.ServiceType, o.ServiceType) {
		differ("service %s, not %s", o.ServiceType, f.ServiceType)
	}
	if len(f.ProductIDs) > 0 {
		var ids []string
		for _, l := range o.Lines {
			ids = append(ids, l.ProductID)
		}
		slices.Sort(ids)
		want := slices.Clone(f.ProductIDs)
		slices.Sort(want)
		if !slices.Equal(ids, want) {
			differ("product ids %s, not %s", orDash(strings.Join(ids, ",")), strings.Join(want, ","))
		}
	}
	if len(f.ProductCodes) > 0 {
		for _, l := range o.Lines {
			if !containsFold(f.ProductCodes, l.ProductCode) && !containsFold(f.ProductCodes, l.ServiceType) {
				differ("product %s is not one of %s", orDash(l.ProductCode), strings.Join(f.ProductCodes, ","))
			}
		}
		if len(o.Lines) == 0 {
			differ("no products")
		}
	}
	for _, l := range o.Lines {
		if f.PeriodType != 0 && l.PeriodType != 0 && l.PeriodType != f.PeriodType {
			differ("period type %d, not %d", l.PeriodType, f.PeriodType)
		}
		if f.PeriodNum != 0 && l.PeriodNum != 0 && l.PeriodNum != f.PeriodNum {
			differ("period %d, not %d", l.PeriodNum, f.PeriodNum)
		}
		if f.Quantity != 0 && l.Quantity != 0 && l.Quantity != f.Quantity {
			differ("quantity %d, not %d", l.Quantity, f.Quantity)
		}
		if f.SubscriptionType != "" && l.SubscriptionType != "" && !strings.EqualFold(l.SubscriptionType, f.SubscriptionType) {
			differ("billing %s, not %s", l.SubscriptionType, f.SubscriptionType)
		}
	}
	c.Differs = dedupe(c.Differs)
	c.Match = len(c.Differs) == 0
	return c
}

// Compared names the facts Compare uses for f, for the person to see what was matched.
func Compared(f providers.OrderFacts) []string {
	out := []string{"new purchase"}
	if f.ServiceType != "" {
		out = append(out, "service "+f.ServiceType)
	}
	if len(f.ProductIDs) > 0 {
		out = append(out, "product ids "+strings.Join(f.ProductIDs, ","))
	}
	if len(f.ProductCodes) > 0 {
		out = append(out, "products "+strings.Join(f.ProductCodes, ","))
	}
	if f.PeriodType != 0 {
		out = append(out, fmt.Sprintf("period type %d", f.PeriodType))
	}
	if f.PeriodNum != 0 {
		out = append(out, fmt.Sprintf("period %d", f.PeriodNum))
	}
	if f.Quantity != 0 {
		out = append(out, fmt.Sprintf("quantity %d", f.Quantity))
	}
	if f.SubscriptionType != "" {
		out = append(out, "billing "+f.SubscriptionType)
	}
	return out
}

// Decide is the verdict on the window's orders. settled is when absence becomes proof: the
// window's end plus the cloud's listing delay.
//   - exactly one match and nothing uncertain: Placed, with that order;
//   - several matches, or any uncertain order: Ambiguous, each shown;
//   - none, at or after settled: NotPlaced as of now; before: NotYet.
func Decide(f providers.OrderFacts, listed []providers.BillingOrder, now, settled time.Time) (Verdict, []Candidate) {
	cands := make([]Candidate, 0, len(listed))
	matches, uncertain := 0, 0
	for _, o := range listed {
		c := Compare(f, o)
		cands = append(cands, c)
		switch {
		case c.Match:
			matches++
		case c.Uncertain:
			uncertain++
		}
	}
	switch {
	case matches == 1 && uncertain == 0:
		return Placed, cands
	case matches > 0 || uncertain > 0:
		return Ambiguous, cands
	case now.Before(settled):
		return NotYet, cands
	}
	return NotPlaced, cands
}

func containsFold(list []string, v string) bool {
	if v == "" {
		return false
	}
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

func dedupe(in []string) []string {
	var out []string
	for _, s := range in {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

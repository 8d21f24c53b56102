package orderstatus

import (
	"context"
	"fmt"
	"strings"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/journal"
)

// clockSkew widens a live order's window on both sides: the cloud stamps an order with its own
// clock, and it may process a request after the client stopped waiting for the answer. The
// in-process and loopback sandbox share this machine's clock and answer before the outcome is
// written, so their window is exact.
const clockSkew = 2 * time.Minute

// pendingSpan is how long after its intent an order without an outcome record (the process
// died mid-flight) may have reached the cloud: the longest sensible --timeout.
const pendingSpan = 10 * time.Minute

// Window is the span of creation times an entry's order must have, and when absence from it
// proves the order was not placed.
type Window struct {
	From, To time.Time
	// Settled is To plus the cloud's listing delay (providers.OrderBook.ListingDelay).
	Settled time.Time
}

// WindowOf is e's window: from its intent to its outcome (or pendingSpan after the intent when
// there is none), widened by clockSkew for a live order, on whole seconds (the clouds' time
// filters have no finer unit).
func WindowOf(e journal.Entry, listingDelay time.Duration) Window {
	skew := clockSkew
	if e.Intent.Mode == providers.Sandbox {
		skew = 0
	}
	end := e.Finished
	if end.IsZero() {
		end = e.Intent.At.Add(pendingSpan)
	}
	from := e.Intent.At.Add(-skew).UTC().Truncate(time.Second)
	to := end.Add(skew).UTC().Truncate(time.Second).Add(time.Second)
	return Window{From: from, To: to, Settled: to.Add(listingDelay)}
}

// Resolution is what the cloud's orders say about an entry whose outcome was unknown.
type Resolution struct {
	Entry      string               `json:"entry"` // the history entry resolved
	Verdict    Verdict              `json:"verdict"`
	OrderID    string               `json:"order_id,omitempty"` // Placed: the order found
	Query      providers.OrderQuery `json:"-"`
	Window     Window               `json:"window"`
	Compared   []string             `json:"compared"`
	Candidates []Candidate          `json:"candidates"`
	AsOf       time.Time            `json:"as_of"`
}

// Resolvable reports whether e's outcome is one a resolution can settle: unknown or pending,
// of an order (not a payment, not a dry run).
func Resolvable(e journal.Entry) bool {
	return (e.Outcome == journal.OutcomeUnknown || e.Outcome == journal.OutcomePending) &&
		e.Intent.API != providers.PayOrdersAPI && e.Intent.Mode != providers.DryRun
}

// Resolve lists the cloud's orders in e's window and decides. now is when the answer is
// given (the "as of" of a "not placed").
func Resolve(ctx context.Context, book providers.OrderBook, e journal.Entry, now time.Time) (Resolution, error) {
	o := flows.Order{API: e.Intent.API, Region: e.Intent.Region, ProjectID: e.Intent.ProjectID, Body: e.Intent.Body}
	facts, err := book.OrderFacts(o)
	if err != nil {
		return Resolution{}, err
	}
	w := WindowOf(e, book.ListingDelay(o.API))
	q := providers.OrderQuery{API: o.API, Region: o.Region, ProjectID: o.ProjectID, From: w.From, To: w.To,
		ServiceType: facts.ServiceType}
	listed, err := book.ListOrders(ctx, q)
	if err != nil {
		return Resolution{}, err
	}
	verdict, cands := Decide(facts, listed, now, w.Settled)
	r := Resolution{Entry: e.Intent.ID, Verdict: verdict, Query: q, Window: w, Compared: Compared(facts),
		Candidates: cands, AsOf: now.UTC()}
	if verdict == Placed {
		for _, c := range cands {
			if c.Match {
				r.OrderID = c.Order.OrderID
			}
		}
	}
	return r, nil
}

// Matches are the order ids of the matching (and uncertain) candidates.
func (r Resolution) Matches() []string {
	var ids []string
	for _, c := range r.Candidates {
		if c.Match || c.Uncertain {
			ids = append(ids, c.Order.OrderID)
		}
	}
	return ids
}

// Record is the resolution as the journal keeps it; ok is false for NotYet, which is not
// journaled (nothing was settled).
func (r Resolution) Record() (journal.Record, bool) {
	rec := journal.Record{Kind: journal.KindResolution, ID: r.Entry, At: r.AsOf, Message: r.Summary()}
	switch r.Verdict {
	case Placed:
		rec.Outcome, rec.OrderID = journal.ResolvedPlaced, r.OrderID
	case NotPlaced:
		rec.Outcome = journal.ResolvedNotPlaced
	case Ambiguous:
		rec.Outcome, rec.Matches = journal.ResolvedAmbiguous, r.Matches()
	default:
		return journal.Record{}, false
	}
	return rec, true
}

// Summary says, in one line, what was queried and what matched (the journal's words).
func (r Resolution) Summary() string {
	svc := ""
	if r.Query.ServiceType != "" {
		svc = " of service " + r.Query.ServiceType
	}
	return fmt.Sprintf("queried %s orders%s created %s to %s (UTC); %d listed, %d matched on %s",
		r.Query.API, svc, r.Window.From.Format(time.DateTime), r.Window.To.Format(time.DateTime),
		len(r.Candidates), len(r.Matches()), strings.Join(r.Compared, "; "))
}

// StatusRecord is the order's state as the journal keeps it, about entry.
func StatusRecord(entry string, o providers.BillingOrder, at time.Time) journal.Record {
	return journal.Record{Kind: journal.KindStatus, ID: entry, At: at.UTC(), OrderID: o.OrderID, State: string(o.State),
		Code: o.CloudStatus}
}

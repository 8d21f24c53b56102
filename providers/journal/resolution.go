package journal

import (
	"context"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
)

// Records about an earlier intent, written after the fact (`cloudorder status`): never an
// order, always naming the intent they are about by its ID.
const (
	// KindResolution resolves an unknown or pending outcome from the cloud's own order
	// records: Outcome is ResolvedPlaced (OrderID the order found), ResolvedNotPlaced or
	// ResolvedAmbiguous (Matches the orders found); Message says what was queried and matched.
	KindResolution = "resolution"
	// KindStatus is the order's state as the cloud last reported it: State (a
	// providers.OrderState), Code the cloud's own status, OrderID the order.
	KindStatus = "status"
)

// Resolution outcomes.
const (
	ResolvedPlaced    = "placed"
	ResolvedNotPlaced = "not_placed"
	ResolvedAmbiguous = "ambiguous"
)

// attach joins a resolution or status record to its entry; a newer one replaces an older.
func attach(e *Entry, r Record) {
	switch r.Kind {
	case KindResolution:
		if !r.At.Before(e.Resolution.At) {
			e.Resolution = r
		}
	case KindStatus:
		if !r.At.Before(e.Status.At) {
			e.Status = r
		}
	}
}

// OrderID is the entry's order id: its outcome's, else the one a resolution found.
func (e Entry) OrderID() string {
	if e.Result.OrderID != "" {
		return e.Result.OrderID
	}
	if e.Resolution.Outcome == ResolvedPlaced {
		return e.Resolution.OrderID
	}
	return ""
}

// Note appends a resolution or status record about an existing entry. Other kinds are refused:
// orders and payments are written only by Submit and PayOrder.
func (j *Journal) Note(r Record) error {
	if r.Kind != KindResolution && r.Kind != KindStatus {
		return &providers.Error{Kind: providers.Invalid, Message: "journal: Note writes resolution and status records only"}
	}
	if r.At.IsZero() {
		r.At = j.now().UTC()
	}
	return j.append(r)
}

// Path is the history file.
func (j *Journal) Path() string { return j.path }

var _ providers.OrderBook = (*Journal)(nil)

// The billing calls pass through: reading the cloud's orders buys nothing and is not recorded.

func (j *Journal) book() (providers.OrderBook, error) {
	b, ok := j.inner.(providers.OrderBook)
	if !ok {
		return nil, &providers.Error{Kind: providers.Invalid, Message: "the cloud's order records cannot be read from here"}
	}
	return b, nil
}

// OrderDetail passes through.
func (j *Journal) OrderDetail(ctx context.Context, api flows.APIID, region, orderID string) (providers.BillingOrder, error) {
	b, err := j.book()
	if err != nil {
		return providers.BillingOrder{}, err
	}
	return b.OrderDetail(ctx, api, region, orderID)
}

// ListOrders passes through.
func (j *Journal) ListOrders(ctx context.Context, q providers.OrderQuery) ([]providers.BillingOrder, error) {
	b, err := j.book()
	if err != nil {
		return nil, err
	}
	return b.ListOrders(ctx, q)
}

// OrderFacts passes through.
func (j *Journal) OrderFacts(o flows.Order) (providers.OrderFacts, error) {
	b, err := j.book()
	if err != nil {
		return providers.OrderFacts{}, err
	}
	return b.OrderFacts(o)
}

// ListingDelay passes through (an hour when the cloud's records cannot be read: never short).
func (j *Journal) ListingDelay(api flows.APIID) time.Duration {
	b, err := j.book()
	if err != nil {
		return time.Hour
	}
	return b.ListingDelay(api)
}

package orderstatus

import (
	"context"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/journal"
)

// Checker is a provider that keeps the history and reads the cloud's orders (the journal
// around a cloud, providers/journal): what a screen needs to ask about its own last attempt.
type Checker interface {
	providers.OrderBook
	providers.DuplicateFinder
	Noter
	Path() string
}

// CheckLatest refreshes the newest attempt at o that may have placed it — the attempt the
// duplicate guard would name (providers.DuplicateWindow) — exactly as `cloudorder status`
// refreshes an entry. found is false when the history holds no such attempt (none, or the
// cloud's orders already showed it was not placed).
func CheckLatest(ctx context.Context, c Checker, o flows.Order, now time.Time) (rep Report, found bool) {
	r, found := c.RecentDuplicate(o, providers.DuplicateWindow)
	if r.Err != nil {
		return Report{Err: r.Err}, true
	}
	if !found {
		return Report{}, false
	}
	e, ok, err := journal.FindEntry(c.Path(), r.ID)
	switch {
	case err != nil:
		return Report{Err: err}, true
	case !ok:
		return Report{}, false
	}
	return Refresh(ctx, c, c, e, now), true
}

var _ Checker = (*journal.Journal)(nil)

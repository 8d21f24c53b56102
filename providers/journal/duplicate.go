package journal

import (
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
)

var _ providers.DuplicateFinder = (*Journal)(nil)

// RecentDuplicate finds an order with the same API, region, project and body that succeeded
// within the window, in the same mode (a sandbox order never counts against a live one).
// An unreadable history finds nothing: the check protects, it must not block.
func (j *Journal) RecentDuplicate(o flows.Order, within time.Duration) (providers.Recent, bool) {
	entries, err := Read(j.path)
	if err != nil {
		return providers.Recent{}, false
	}
	mode := j.inner.Target(o.API, o.Region).Mode
	hash := BodyHash(o.CompactBody())
	since := j.now().Add(-within)
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		in := e.Intent
		if e.Outcome != OutcomeOK || in.API != o.API || in.Region != o.Region || in.ProjectID != o.ProjectID ||
			in.BodySHA256 != hash || in.Mode != mode || e.Finished.Before(since) {
			continue
		}
		return providers.Recent{OrderID: e.Result.OrderID, RequestID: e.Result.RequestID, At: e.Finished}, true
	}
	return providers.Recent{}, false
}

package journal

import (
	"slices"
	"time"

	"cloudorder/flows"
	"cloudorder/placement"
	"cloudorder/providers"
)

var _ providers.DuplicateFinder = (*Journal)(nil)

// RecentDuplicate finds the newest attempt at the same order (placement.Digest) within the window that
// succeeded or whose outcome is unknown — a pending intent included: both may have bought it.
// Rejected and not-sent attempts bought nothing and do not count. A history that cannot be
// read cannot rule a duplicate out: it is reported as found, with Recent.Err.
func (j *Journal) RecentDuplicate(o flows.Order, within time.Duration) (providers.Recent, bool) {
	h, err := Load(j.path)
	if err != nil {
		return providers.Recent{Err: err}, true
	}
	t := j.inner.Target(o.API, o.Region)
	key := placement.Digest(t, o)
	j.mu.Lock()
	j.seen[key] = countEntries(h.Entries, key)
	j.mu.Unlock()
	since := j.now().Add(-within)
	for i := len(h.Entries) - 1; i >= 0; i-- {
		e := h.Entries[i]
		at := e.Finished
		if e.Outcome == OutcomePending {
			at = e.Intent.At
		}
		if at.Before(since) || !mayHaveBought(e) {
			continue
		}
		if !isOrder(e.Intent, key) {
			continue
		}
		r := providers.Recent{ID: e.Intent.ID, Outcome: OutcomeUnknown, At: at}
		switch {
		case e.Outcome == OutcomeOK:
			r.Outcome, r.OrderID, r.RequestID = OutcomeOK, e.Result.OrderID, e.Result.RequestID
		case e.Resolution.Outcome == ResolvedPlaced: // found in the cloud's orders: it was placed
			r.Outcome, r.OrderID = OutcomeOK, e.Resolution.OrderID
		}
		return r, true
	}
	return providers.Recent{}, false
}

// countEntries is how many attempts at the order key the history holds, whatever their outcome.
func countEntries(entries []Entry, key string) int {
	n := 0
	for _, e := range entries {
		if isOrder(e.Intent, key) {
			n++
		}
	}
	return n
}

// recordDigests are the order identities an intent is found under (placement.Digest): the
// digest it was written with, or, for a record written before digests, the ones its fields
// give (placement.RecordDigests; an order key stored by an older version is not compared,
// as it counted the probe's mode).
func recordDigests(r Record) []string {
	if r.Digest != "" {
		return []string{r.Digest}
	}
	return placement.RecordDigests(r.API, r.Region, r.ProjectID, r.Endpoint, r.Mode, r.Body)
}

// isOrder reports whether the intent r is an attempt at the order whose digest is key.
func isOrder(r Record, key string) bool { return slices.Contains(recordDigests(r), key) }

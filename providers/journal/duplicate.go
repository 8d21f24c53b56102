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
// read cannot rule a duplicate out: it is reported as found, with Recent.Err. The history is
// read from its end and no further back than the window (scanAttempts).
func (j *Journal) RecentDuplicate(o flows.Order, within time.Duration) (providers.Recent, bool) {
	t := j.inner.Target(o.API, o.Region)
	key := placement.Digest(j.apis.Find(o.API), t, o)
	since := j.now().Add(-within)
	var found providers.Recent
	end, err := scanAttempts(j.path, since, func(a attempt) bool {
		if a.at().Before(since) || !a.mayHaveBought() || !intentIsOrder(j.apis, a.intent, a.line, key) {
			return true
		}
		found = providers.Recent{ID: a.intent.ID, Outcome: OutcomeUnknown, At: a.at(), Unrecorded: !a.settled}
		switch {
		case a.settled && a.outcome.Outcome == OutcomeOK:
			found.Outcome, found.OrderID, found.RequestID = OutcomeOK, a.outcome.OrderID, a.outcome.RequestID
		case a.resolution.Outcome == ResolvedPlaced: // found in the cloud's orders (resolution.go)
			found.Outcome, found.OrderID = OutcomeOK, a.resolution.OrderID
		}
		return false
	})
	if err != nil {
		return providers.Recent{Err: err}, true
	}
	j.mu.Lock()
	j.seen[key] = end
	j.mu.Unlock()
	return found, found.ID != ""
}

// recordDigests are the order identities an intent is found under (placement.Digest): the
// digest it was written with, or, for a record written before digests, the ones its fields
// give (placement.RecordDigests; an order key stored by an older version is not compared,
// as it counted the probe's mode). apis give the record's flow.
func recordDigests(apis flows.Registry, r Record) []string {
	if r.Digest != "" {
		return []string{r.Digest}
	}
	return placement.RecordDigests(apis.Find(r.API), r.API, r.Region, r.ProjectID, r.Endpoint, r.Mode, r.Body)
}

// isOrder reports whether the intent r is an attempt at the order whose digest is key.
func isOrder(apis flows.Registry, r Record, key string) bool {
	return slices.Contains(recordDigests(apis, r), key)
}

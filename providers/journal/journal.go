// Package journal wraps any provider and keeps the order history: every order's intent is
// written (and synced) before it is sent, and its outcome after, in an append-only JSONL file.
// An intent without an outcome means the process died mid-flight: the order may exist.
package journal

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"cloudorder/flows"
	"cloudorder/placement"
	"cloudorder/providers"
)

// Journal is a providers.Provider that records what passes through it.
type Journal struct {
	inner providers.Provider
	path  string
	now   func() time.Time
	mu    sync.Mutex // one record at a time from this process
	// seen is, per order key, the history's size when this process last checked it for
	// duplicates (RecentDuplicate) or last wrote an intent: an attempt appended after that,
	// found while the intent is about to be written, was started by another process.
	seen map[string]int64
	// write appends one outcome record (appendRecord); tests put a full disk here.
	write func(path string, r Record) error
	// apis are the APIs whose orders it records (catalog.Flows()): an order's flow says which
	// of its body's lists are sets (placement.Digest).
	apis flows.Registry
}

// New wraps inner; the history lives at path.
func New(inner providers.Provider, path string, apis flows.Registry) *Journal {
	return &Journal{inner: inner, path: path, apis: apis, now: time.Now, seen: map[string]int64{}, write: appendRecord}
}

// Target and Lookup pass through: look-ups buy nothing and are not recorded.
func (j *Journal) Target(api flows.APIID, region string) providers.Target {
	return j.inner.Target(api, region)
}

// Lookup passes through.
func (j *Journal) Lookup(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	return j.inner.Lookup(ctx, q)
}

// Submit records the intent, sends through the inner provider, and records the outcome. If
// the intent cannot be written, nothing is sent: an order must never leave without a trace.
func (j *Journal) Submit(ctx context.Context, o flows.Order) (providers.Result, error) {
	t := j.inner.Target(o.API, o.Region)
	body := o.CompactBody()
	intent := Record{Kind: KindIntent, ID: newID(j.now()), At: j.now().UTC(), API: o.API, Region: o.Region,
		ProjectID: o.ProjectID, Endpoint: t.Endpoint, Mode: t.Mode, Body: body, BodySHA256: BodyHash(body)}
	intent.Digest = placement.Digest(j.apis.Find(o.API), t, o)
	rp := providers.ReviewedPriceOf(ctx)
	intent.Amount, intent.Currency = rp.Amount, rp.Currency
	if err := j.writeIntent(ctx, intent); err != nil {
		return providers.Result{}, err
	}
	res, err := j.inner.Submit(ctx, o)
	return j.finish(intent.ID, res, err)
}

// finish records the outcome of a sent order or payment. A failed write leaves the intent
// pending, which reads as "may have been placed" — the safe side — and is reported on the
// result (providers.HistoryError, with the record), so the person sees it and can keep it.
func (j *Journal) finish(id string, res providers.Result, err error) (providers.Result, error) {
	out := outcome(id, j.now().UTC(), res, err)
	werr := j.append(out)
	if werr == nil {
		return res, err
	}
	line, _ := json.Marshal(out)
	h := &providers.HistoryError{Record: string(line), Err: werr}
	var pe *providers.Error
	switch {
	case err == nil:
		res.History = h
	case errors.As(err, &pe):
		pe.History = h
	default:
		err = &providers.Error{Kind: providers.Unknown, Message: err.Error(), Err: err, History: h}
	}
	return res, err
}

// ErrStartedElsewhere refuses an order that another cloudorder process started after this one
// checked the history for duplicates: the two checks each saw no duplicate, and only one may go.
var ErrStartedElsewhere = errors.New("an identical order was started by another cloudorder process after this one checked the history")

// writeIntent writes the intent while holding the history's lock (a sibling ".lock" file), so
// that two processes sending the same order at the same moment cannot both pass the duplicate
// check: under the lock, an attempt at the same order that this process has not seen refuses it.
func (j *Journal) writeIntent(ctx context.Context, intent Record) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	lock, err := openLock(ctx, j.path)
	if err != nil {
		if ctx.Err() != nil { // interrupted while waiting: nothing was sent
			return &providers.Error{Kind: providers.NotSent, Message: "interrupted while waiting for the order history's lock: " + err.Error(), Err: err}
		}
		return &providers.Error{Kind: providers.Invalid, Message: "the order history could not be locked: " + err.Error(), Err: err}
	}
	defer lock.Close()
	// Only what was appended since this process looked is read again. An unreadable history
	// was already reported by RecentDuplicate.
	if from, checked := j.seen[intent.Digest]; checked {
		if started, _, err := startedSince(j.apis, j.path, intent.Digest, from); err == nil && started {
			return &providers.Error{Kind: providers.Invalid, Message: ErrStartedElsewhere.Error() +
				"; see `cloudorder history` before placing it again", Err: ErrStartedElsewhere}
		}
	}
	if err := appendRecord(j.path, intent); err != nil {
		return &providers.Error{Kind: providers.Invalid, Message: "the order history could not be written: " + err.Error(), Err: err}
	}
	// This one is seen: sending it again later is this process's own choice.
	j.seen[intent.Digest] = historySize(j.path)
	return nil
}

// lockWait bounds the wait for the history's lock: another cloudorder holds it only while it
// reads the history and writes one intent, so a lock held longer (a stuck process, or a lock
// file someone else holds on purpose) refuses the order — nothing sent — instead of hanging
// past --timeout and ctrl+c.
var lockWait = 10 * time.Second

// ErrLocked refuses an order whose history stayed locked for lockWait.
var ErrLocked = errors.New("another process has held the order history's lock for too long")

// openLock opens (creating it 0600) the lock file beside the history and takes its lock. Like
// the history, it must be a regular file reached without a symlink.
func openLock(ctx context.Context, path string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create history directory: %w", err)
	}
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE|noFollow|nonBlock, 0o600)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, ErrNotRegular
	}
	if err := lockExclusive(ctx, f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func (j *Journal) append(r Record) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.write(j.path, r)
}

// outcome builds the outcome record of a Submit.
func outcome(id string, at time.Time, res providers.Result, err error) Record {
	r := Record{Kind: KindOutcome, ID: id, At: at}
	if err == nil {
		r.Outcome, r.OrderID, r.RequestID = OutcomeOK, res.OrderID, res.RequestID
		return r
	}
	r.Error = err.Error()
	var pe *providers.Error
	if errors.As(err, &pe) {
		r.HTTPStatus, r.Code, r.Message, r.RequestID = pe.HTTPStatus, pe.Code, pe.Message, pe.RequestID
	}
	r.Outcome = providers.KindOf(err).Word()
	return r
}

// BodyHash is the hex SHA-256 of a compact body: how identical orders are recognised.
func BodyHash(compact []byte) string {
	sum := sha256.Sum256(compact)
	return hex.EncodeToString(sum[:])
}

// newID is a journal id: sortable time prefix plus randomness, unique across processes.
func newID(at time.Time) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s-%s", at.UTC().Format("20060102T150405.000Z"), hex.EncodeToString(b[:]))
}

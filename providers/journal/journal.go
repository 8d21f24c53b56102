// Package journal wraps any provider and keeps the order history: every order's intent is
// written (and synced) before it is sent, and its outcome after, in an append-only JSONL file.
// An intent without an outcome means the process died mid-flight: the order may exist.
package journal

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
)

// Journal is a providers.Provider that records what passes through it.
type Journal struct {
	inner providers.Provider
	path  string
	now   func() time.Time
	mu    sync.Mutex // one record at a time from this process
}

// New wraps inner; the history lives at path.
func New(inner providers.Provider, path string) *Journal {
	return &Journal{inner: inner, path: path, now: time.Now}
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
	intent.OrderKey = orderKey(intent)
	if err := j.append(intent); err != nil {
		return providers.Result{}, &providers.Error{Kind: providers.Invalid,
			Message: "the order history could not be written: " + err.Error(), Err: err}
	}
	res, err := j.inner.Submit(ctx, o)
	out := outcome(intent.ID, j.now().UTC(), res, err)
	// A failed outcome write leaves the intent pending, which reads as "may have been placed":
	// the safe side. The order's own result still reaches the person.
	_ = j.append(out)
	return res, err
}

func (j *Journal) append(r Record) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return appendRecord(j.path, r)
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
	r.Outcome = providers.OutcomeOf(providers.KindOf(err)).Word
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

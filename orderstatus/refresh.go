package orderstatus

import (
	"context"
	"slices"
	"strings"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/journal"
)

// Report is what one refresh of a history entry found.
type Report struct {
	Entry journal.Entry
	// Order is the order's state from the cloud: the entry's own order, or the one a
	// resolution found (nil when there is none, or it could not be read).
	Order *providers.BillingOrder
	// Resolution is set when the entry's outcome was unknown and the cloud's orders were asked.
	Resolution *Resolution
	// Err is why the cloud could not be asked or did not answer; NoteErr why the history could
	// not be updated (the answer still stands).
	Err, NoteErr error
	// PayCommand pays the entry's order where it was sent (placement.PayCommand): the
	// command prints it for an unpaid order; empty, the lines say `cloudorder pay ID`.
	PayCommand string
}

// Noter writes resolution and status records to the history (*journal.Journal).
type Noter interface {
	Note(journal.Record) error
}

// Refresh asks the cloud about e: the state of its order when it has an order id, else — an
// unknown or pending outcome — a resolution from the orders in its window. What is settled is
// written to the history through note.
func Refresh(ctx context.Context, book providers.OrderBook, note Noter, e journal.Entry, now time.Time) Report {
	rep := Report{Entry: e}
	noteRec := func(r journal.Record) {
		if err := note.Note(r); err != nil && rep.NoteErr == nil {
			rep.NoteErr = err
		}
	}
	if id := e.OrderID(); id != "" {
		o, err := book.OrderDetail(ctx, e.Intent.API, e.Intent.Region, id)
		if err != nil {
			rep.Err = err
			return rep
		}
		rep.Order = &o
		noteRec(StatusRecord(e.Intent.ID, o, now))
		return rep
	}
	if !Resolvable(e) {
		rep.Err = &providers.Error{Kind: providers.Invalid, Message: "this entry has no order to ask about (its outcome is " + e.Outcome + ")"}
		return rep
	}
	r, err := Resolve(ctx, book, e, now)
	if err != nil {
		rep.Err = err
		return rep
	}
	rep.Resolution = &r
	if rec, ok := r.Record(); ok {
		noteRec(rec)
	}
	if r.Verdict == Placed {
		for _, c := range r.Candidates {
			if c.Match {
				o := c.Order
				rep.Order = &o
				noteRec(StatusRecord(e.Intent.ID, o, now))
			}
		}
	}
	return rep
}

// Due are the entries `cloudorder status` refreshes when given no id: an unknown or pending
// outcome not yet resolved (or resolved ambiguous), and an order the cloud last reported
// unpaid or processing — or never reported on, when its API creates orders unpaid.
func Due(entries []journal.Entry, createsUnpaid func(flows.APIID) bool) []journal.Entry {
	var out []journal.Entry
	for _, e := range entries {
		if e.Intent.API == providers.PayOrdersAPI || e.Intent.Mode == providers.DryRun {
			continue
		}
		state := providers.OrderState(e.Status.State)
		switch {
		case e.OrderID() != "":
			if state == providers.StatePendingPayment || state == providers.StateProcessing || (state == "" && createsUnpaid(e.Intent.API)) {
				out = append(out, e)
			}
		case Resolvable(e):
			if e.Resolution.Outcome == "" || e.Resolution.Outcome == journal.ResolvedAmbiguous {
				out = append(out, e)
			}
		}
	}
	return out
}

// Find is the entry id names: a history entry id, or an order id the entry placed (or a
// resolution found). The newest wins.
func Find(entries []journal.Entry, id string) (journal.Entry, bool) {
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		if e.Intent.API == providers.PayOrdersAPI {
			continue
		}
		if e.Intent.ID == id || e.OrderID() == id || slices.Contains(e.Resolution.Matches, id) {
			return e, true
		}
	}
	return journal.Entry{}, false
}

// SameTarget reports whether t is where e was sent: the cloud's records answer only for the
// endpoint (and sandbox) that placed the order. The in-process sandbox listens on a new port
// every run, so it is known by the order's identity (InProcess), not by its endpoint. api is
// the flow of e's API (nil when none is known).
func SameTarget(api *flows.API, e journal.Entry, t providers.Target) bool {
	if t.InProcess || InProcess(api, e) {
		return t.InProcess && InProcess(api, e)
	}
	return canonical(e.Intent.Endpoint) == canonical(t.Endpoint)
}

// InProcess reports whether e was sent to the in-process sandbox (--sandbox): its digest is
// the order's digest to placement.SandboxTarget, which no other target has.
// api is the flow of e's API (nil when none is known).
func InProcess(api *flows.API, e journal.Entry) bool {
	in := e.Intent
	if in.Mode != providers.Sandbox || in.Digest == "" {
		return false
	}
	o := flows.Order{API: in.API, Region: in.Region, ProjectID: in.ProjectID, Body: in.Body}
	return placement.Digest(api, providers.Target{Mode: providers.Sandbox, InProcess: true}, o) == in.Digest
}

func canonical(s string) string {
	ep, err := config.ParseEndpoint(s)
	if err != nil {
		return strings.ToLower(s)
	}
	ep.Host = strings.ToLower(ep.Host)
	if (ep.Scheme == "https" && ep.Port == "443") || (ep.Scheme == "http" && ep.Port == "80") {
		ep.Port = ""
	}
	return ep.String()
}

package journal

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	"cloudorder/flows"
	"cloudorder/placement"
	"cloudorder/providers"
)

// Quote passes through: a price inquiry buys nothing and is not recorded.
func (j *Journal) Quote(ctx context.Context, o flows.Order) (providers.Quote, error) {
	pr, ok := j.inner.(providers.Pricer)
	if !ok {
		return providers.Quote{Note: providers.NoPriceInquiry}, nil
	}
	return pr.Quote(ctx, o)
}

// PayOrder spends money, so it is journaled exactly like an order (Submit): the intent, named
// providers.PayOrdersAPI with the payment body, is written before anything is sent — if it
// cannot be, nothing is sent — and the outcome after.
func (j *Journal) PayOrder(ctx context.Context, p providers.Payment) (providers.Result, error) {
	payer, ok := j.inner.(providers.Payer)
	if !ok {
		return providers.Result{}, &providers.Error{Kind: providers.Invalid, Message: string(p.API) + " orders cannot be paid from here"}
	}
	t := j.inner.Target(p.API, p.Region)
	body := p.Body()
	rp := providers.ReviewedPriceOf(ctx)
	intent := Record{Kind: KindIntent, ID: newID(j.now()), At: j.now().UTC(), API: providers.PayOrdersAPI, Region: p.Region,
		Endpoint: t.Endpoint, Mode: t.Mode, Body: body, BodySHA256: BodyHash(body), Digest: PaymentDigest(p),
		Amount: rp.Amount, Currency: rp.Currency}
	if err := j.writeIntent(ctx, intent); err != nil {
		return providers.Result{}, err
	}
	res, err := payer.PayOrder(ctx, p)
	return j.finish(intent.ID, res, err) // as Submit: a lost outcome reads as "may have been paid"
}

// PaymentDigest identifies the payment of one order, wherever it was paid from: an order is
// paid once, so the order id is the payment.
func PaymentDigest(p providers.Payment) string {
	return placement.Digest(nil, providers.Target{}, flows.Order{API: providers.PayOrdersAPI, Body: p.Body()})
}

var _ providers.PaymentFinder = (*Journal)(nil)

// EarlierPayment finds an earlier payment of the same order that succeeded or whose outcome is
// unknown (paying again could pay twice), whenever it was: a payment is never repeated. The
// whole history is read from its end, heads only (scanAttempts).
func (j *Journal) EarlierPayment(p providers.Payment) (providers.Recent, bool) {
	key := PaymentDigest(p)
	var found providers.Recent
	_, err := scanAttempts(j.path, time.Time{}, func(a attempt) bool {
		if a.intent.API != providers.PayOrdersAPI || !a.mayHaveBought() {
			return true
		}
		d := a.intent.Digest
		if d == "" {
			var old struct {
				Body struct {
					OrderID string `json:"order_id"`
				} `json:"body"`
			}
			_ = json.Unmarshal(a.line, &old)
			d = PaymentDigest(providers.Payment{OrderID: old.Body.OrderID})
		}
		if d != key {
			return true
		}
		found = providers.Recent{ID: a.intent.ID, Outcome: OutcomeUnknown, At: a.at(), Unrecorded: !a.settled}
		if a.settled && a.outcome.Outcome == OutcomeOK {
			found.Outcome, found.OrderID, found.RequestID = OutcomeOK, a.outcome.OrderID, a.outcome.RequestID
		}
		return false
	})
	if err != nil {
		return providers.Recent{Err: err}, true
	}
	return found, found.ID != ""
}

// FindOrder finds the placed order whose id is orderID (its intent and outcome), newest first,
// reading the history from its end and decoding whole only the records it returns.
func FindOrder(path, orderID string) (Entry, bool, error) {
	return findEntry(path, func(a attempt) bool {
		placed := (a.settled && a.outcome.Outcome == OutcomeOK && a.outcome.OrderID == orderID) ||
			(a.resolution.Outcome == ResolvedPlaced && a.resolution.OrderID == orderID) // found by `cloudorder status`
		return placed && a.intent.API != providers.PayOrdersAPI
	}, orderID)
}

// FindEntry finds the history entry (intent and outcome) whose journal id is id, reading the
// history from its end and decoding whole only the records it returns.
func FindEntry(path, id string) (Entry, bool, error) {
	return findEntry(path, func(a attempt) bool { return a.intent.ID == id }, id)
}

// findEntry is the newest entry match accepts, its records decoded whole. Only lines that
// hold the text want (an order or entry id, as written in JSON) are decoded.
func findEntry(path string, match func(attempt) bool, want string) (Entry, bool, error) {
	quoted, _ := json.Marshal(want)
	var e Entry
	found, settled := false, false
	_, err := scanAttempts(path, time.Time{}, func(a attempt) bool {
		if !match(a) {
			return true
		}
		intent, _ := parseLine(a.line)
		e, found, settled = Entry{Intent: intent}, true, a.settled
		return false
	}, func(line []byte) bool { return bytes.Contains(line, quoted) })
	if err != nil || !found {
		return Entry{}, false, err
	}
	if settled { // the outcome record whole (its code, message, error)
		r, err := outcomeRecord(path, e.Intent.ID)
		if err != nil {
			return Entry{}, false, err
		}
		e.Outcome, e.Result, e.Finished = r.Outcome, r, r.At
	}
	return e, true, nil
}

// outcomeRecord is the last outcome written for the intent id, decoded whole.
func outcomeRecord(path, id string) (Record, error) {
	f, end, err := openHistory(path)
	if err != nil {
		return Record{}, err
	}
	defer f.Close()
	var r Record
	err = scanBackward(f, end, func(line []byte) bool {
		if !bytes.Contains(line, []byte(id)) {
			return true
		}
		h, _ := parseHead(line)
		if h.Kind == KindOutcome && h.ID == id {
			r, _ = parseLine(line)
			return false
		}
		return h.Kind != KindIntent || h.ID != id // its intent: nothing was written after it
	})
	return r, err
}

// Unpaid passes through.
func (j *Journal) Unpaid(api flows.APIID) (bool, string) {
	if u, ok := j.inner.(providers.UnpaidOrders); ok {
		return u.Unpaid(api)
	}
	return false, ""
}

package journal

import (
	"context"
	"encoding/json"

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
	return placement.Digest(providers.Target{}, flows.Order{API: providers.PayOrdersAPI, Body: p.Body()})
}

var _ providers.PaymentFinder = (*Journal)(nil)

// EarlierPayment finds an earlier payment of the same order that succeeded or whose outcome is
// unknown (paying again could pay twice), whenever it was: a payment is never repeated.
func (j *Journal) EarlierPayment(p providers.Payment) (providers.Recent, bool) {
	h, err := Load(j.path)
	if err != nil {
		return providers.Recent{Err: err}, true
	}
	key := PaymentDigest(p)
	for i := len(h.Entries) - 1; i >= 0; i-- {
		e := h.Entries[i]
		if e.Intent.API != providers.PayOrdersAPI || (e.Outcome != OutcomeOK && e.Outcome != OutcomeUnknown && e.Outcome != OutcomePending) {
			continue
		}
		d := e.Intent.Digest
		if d == "" {
			var old struct {
				OrderID string `json:"order_id"`
			}
			_ = json.Unmarshal(e.Intent.Body, &old)
			d = PaymentDigest(providers.Payment{OrderID: old.OrderID})
		}
		if d != key {
			continue
		}
		at := e.Finished
		if e.Outcome == OutcomePending {
			at = e.Intent.At
		}
		r := providers.Recent{ID: e.Intent.ID, Outcome: OutcomeUnknown, At: at}
		if e.Outcome == OutcomeOK {
			r.Outcome, r.OrderID, r.RequestID = OutcomeOK, e.Result.OrderID, e.Result.RequestID
		}
		return r, true
	}
	return providers.Recent{}, false
}

// FindOrder finds the placed order whose id is orderID (its intent and outcome), newest first.
func FindOrder(path, orderID string) (Entry, bool, error) {
	h, err := Load(path)
	if err != nil {
		return Entry{}, false, err
	}
	for i := len(h.Entries) - 1; i >= 0; i-- {
		if e := h.Entries[i]; e.Outcome == OutcomeOK && e.Intent.API != providers.PayOrdersAPI && e.Result.OrderID == orderID {
			return e, true, nil
		}
	}
	return Entry{}, false, nil
}

// Unpaid passes through.
func (j *Journal) Unpaid(api flows.APIID) (bool, string) {
	if u, ok := j.inner.(providers.UnpaidOrders); ok {
		return u.Unpaid(api)
	}
	return false, ""
}

package journal

import (
	"context"

	"cloudorder/flows"
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
	intent := Record{Kind: KindIntent, ID: newID(j.now()), At: j.now().UTC(), API: providers.PayOrdersAPI, Region: p.Region,
		Endpoint: t.Endpoint, Mode: t.Mode, Body: body, BodySHA256: BodyHash(body)}
	if err := j.append(intent); err != nil {
		return providers.Result{}, &providers.Error{Kind: providers.Invalid,
			Message: "the order history could not be written: " + err.Error(), Err: err}
	}
	res, err := payer.PayOrder(ctx, p)
	_ = j.append(outcome(intent.ID, j.now().UTC(), res, err)) // as Submit: a lost outcome reads as "may have been paid"
	return res, err
}

// Unpaid passes through.
func (j *Journal) Unpaid(api flows.APIID) (bool, string) {
	if u, ok := j.inner.(providers.UnpaidOrders); ok {
		return u.Unpaid(api)
	}
	return false, ""
}

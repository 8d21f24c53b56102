package huawei

import (
	"context"
	"errors"

	"cloudorder/flows"
	"cloudorder/providers"
)

// submit sends one order through the SDK: the reviewed body is decoded strictly into the
// SDK's request model B and checked to re-encode to the same JSON (so nothing the reviewer
// read is dropped or coerced), then send places it exactly once and returns the order id.
func submit[B any](ctx context.Context, p *Provider, o flows.Order, what string, send func(c *call, req *B) (*string, error)) (providers.Result, error) {
	body := o.CompactBody()
	var req B
	if err := exactly(body, &req); err != nil {
		return providers.Result{}, invalid(err)
	}
	c, err := p.newCall(ctx, p.apis.Of(o.API).service, o.Region, o.ProjectID)
	if err != nil {
		return providers.Result{}, invalid(err)
	}
	orderID, err := send(c, &req)
	if err != nil {
		return providers.Result{}, classify(what, err, c.reach())
	}
	r := result(orderID, c)
	if r.OrderID == "" {
		return r, noOrderID(r.RequestID)
	}
	return r, nil
}

// noOrderID is a 2xx without an order id: something was done, but what is unknown.
func noOrderID(requestID string) error {
	return &providers.Error{Kind: providers.Unknown, RequestID: requestID,
		Message: "the answer had no order_id", Err: errors.New("no order_id in the answer")}
}

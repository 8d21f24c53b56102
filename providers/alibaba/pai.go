package alibaba

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"cloudorder/flows"
	"cloudorder/providers"
)

// PAI is how PAI (AIWorkSpace 2021-02-04) CreateProductOrders is called: a ROA request
// (request.go) to the region's AIWorkSpace host, priced by what its charge type says.
var PAI = Spec{host: host, submit: submitPAI, quote: quotePAI, facts: paiFacts}

// submitPAI sends the order once. AutoRetry stays off (client): the SDK would otherwise re-send
// the same POST after a timeout or a 5xx, and a retry after a lost answer can buy twice.
func submitPAI(ctx context.Context, p *Provider, o flows.Order) (providers.Result, error) {
	req := NewCreateProductOrdersRequest(o.CompactBody())
	ep, _ := p.endpoint(o.API, o.Region) // known: Submit found its spec
	resp := NewCreateProductOrdersResponse()
	if err := p.send(ctx, o.Region, ep, "create Alibaba Cloud product orders", roa(req, req.RoaRequest), resp); err != nil {
		return providers.Result{}, err
	}
	r := result(resp)
	if r.OrderID == "" {
		// A 2xx without an order id: something was done, but what is unknown (as for Huawei).
		return r, &providers.Error{Kind: providers.Unknown, RequestID: r.RequestID,
			Message: "the answer had no OrderId", Err: errors.New("no OrderId in the answer")}
	}
	return r, nil
}

// result maps the response; Response holds the API's other fields for --output json.
func result(r *CreateProductOrdersResponse) providers.Result {
	ids := r.ProductIds
	if ids == nil {
		ids = []string{}
	}
	return providers.Result{OrderID: r.OrderId, RequestID: r.RequestId, Response: map[string]any{
		"Message": r.Message, "BuyProductRequestId": r.BuyProductRequestId, "ProductIds": ids,
	}}
}

// Quote says what the price inquiry cannot: the four _share products are pay-as-you-go
// activations (ChargeType POSTPAY), billed by usage, with no upfront figure to show. An order
// with another charge type has no documented inquiry here either; neither is ever estimated.
func quotePAI(_ context.Context, _ *Provider, o flows.Order) (providers.Quote, error) {
	var b struct{ Products []struct{ ChargeType string } }
	if err := json.Unmarshal(o.CompactBody(), &b); err != nil {
		return providers.Quote{}, &providers.Error{Kind: providers.Invalid, Message: "read the order body: " + err.Error(), Err: err}
	}
	for _, pr := range b.Products {
		if pr.ChargeType != "POSTPAY" {
			return providers.Quote{Note: providers.NoPriceInquiry}, nil
		}
	}
	return providers.Quote{Note: providers.NoUpfrontPrice}, nil
}

// paiFacts: each product's code, and the billing method its ChargeType names in BssOpenApi's
// words (PREPAY Subscription, POSTPAY PayAsYouGo).
func paiFacts(o flows.Order) (providers.OrderFacts, error) {
	var b struct {
		Products []struct{ ProductCode, ChargeType string }
	}
	if err := json.Unmarshal(o.CompactBody(), &b); err != nil {
		return providers.OrderFacts{}, fmt.Errorf("read the order body: %w", err)
	}
	var f providers.OrderFacts
	subs := map[string]bool{}
	for _, pr := range b.Products {
		f.ProductCodes = append(f.ProductCodes, pr.ProductCode)
		subs[map[string]string{"PREPAY": "Subscription", "POSTPAY": "PayAsYouGo"}[pr.ChargeType]] = true
	}
	for sub := range subs {
		if len(subs) == 1 { // mixed or unknown billing methods are not compared
			f.SubscriptionType = sub
		}
	}
	return f, nil
}

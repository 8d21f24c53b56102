package cloud

import (
	"context"
	"fmt"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
)

// The billing calls route to the provider of the API that created the order. Each provider
// passes its billing centre's endpoint through the endpoint gate itself (huawei endpoint,
// alibaba bssEndpoint): it is not the order API's endpoint.

var _ providers.OrderBook = router{}

func (r router) book(api flows.APIID) (providers.OrderBook, error) {
	p, err := r.pick(api)
	if err != nil {
		return nil, err
	}
	b, ok := p.(providers.OrderBook)
	if !ok {
		return nil, &providers.Error{Kind: providers.Invalid, Message: fmt.Sprintf("the order records of %s orders cannot be read", api)}
	}
	return b, nil
}

// OrderDetail routes to api's provider.
func (r router) OrderDetail(ctx context.Context, api flows.APIID, region, orderID string) (providers.BillingOrder, error) {
	b, err := r.book(api)
	if err != nil {
		return providers.BillingOrder{}, err
	}
	return b.OrderDetail(ctx, api, region, orderID)
}

// ListOrders routes to the provider of q.API.
func (r router) ListOrders(ctx context.Context, q providers.OrderQuery) ([]providers.BillingOrder, error) {
	b, err := r.book(q.API)
	if err != nil {
		return nil, err
	}
	return b.ListOrders(ctx, q)
}

// OrderFacts routes to o's provider.
func (r router) OrderFacts(o flows.Order) (providers.OrderFacts, error) {
	b, err := r.book(o.API)
	if err != nil {
		return providers.OrderFacts{}, err
	}
	return b.OrderFacts(o)
}

// ListingDelay routes to api's provider (an hour when it has no order records: never short).
func (r router) ListingDelay(api flows.APIID) time.Duration {
	b, err := r.book(api)
	if err != nil {
		return time.Hour
	}
	return b.ListingDelay(api)
}

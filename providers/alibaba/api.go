package alibaba

import (
	"context"

	"cloudorder/flows"
	"cloudorder/providers"
)

// Spec is how one API is called; its file here (pai.go) declares it as a value and package
// catalog hands it to the provider (Options.APIs). Nothing else in this package names an API
// (docs/adding-an-api.md).
type Spec struct {
	host   func(region string) string // the API's host in region (its region table)
	submit func(ctx context.Context, p *Provider, o flows.Order) (providers.Result, error)
	// quote prices the order; nil: the API has no price inquiry, which Quote says as a value
	// (providers.NoPriceInquiry).
	quote func(ctx context.Context, p *Provider, o flows.Order) (providers.Quote, error)
	// facts is what of an order body the billing centre's records of it can be matched on
	// (billing.go); nil: its orders are not matched.
	facts func(o flows.Order) (providers.OrderFacts, error)
}

// API is one API this provider calls: how (its Spec) and how the aliyun CLI calls it (put in
// the API's Target for providers/clicmd).
type API struct {
	Spec
	CLI providers.CLI
}

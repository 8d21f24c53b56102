package alibaba

import (
	"context"

	"cloudorder/flows"
	"cloudorder/providers"
)

// apiSpec is how one API is called; its file (pai.go) registers it, and nothing else in this
// package names an API (docs/adding-an-api.md).
type apiSpec struct {
	host   func(region string) string // the API's host in region (its region table)
	submit func(ctx context.Context, p *Provider, o flows.Order) (providers.Result, error)
	quote  func(ctx context.Context, p *Provider, o flows.Order) (providers.Quote, error)
	// facts is what of an order body the billing centre's records of it can be matched on
	// (billing.go); nil: its orders are not matched.
	facts func(o flows.Order) (providers.OrderFacts, error)
}

// apis is the table of the APIs this provider calls; API files register theirs from init.
var apis = providers.NewAPIs[apiSpec]("Alibaba Cloud")

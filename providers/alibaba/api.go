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
}

// apis is the table of the APIs this provider calls; API files register theirs from init.
var apis = providers.NewAPIs[apiSpec]("Alibaba Cloud")

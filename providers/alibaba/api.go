package alibaba

import (
	"context"
	"fmt"

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

var apis = map[flows.APIID]apiSpec{}

// register records how api is called and its CLI mapping; API files call it from init.
func register(api flows.APIID, s apiSpec, cli providers.CLI) {
	apis[api] = s
	providers.RegisterCLI(api, cli)
}

// spec is api's registration, or an Invalid error naming what the provider cannot do.
func spec(api flows.APIID, what string) (apiSpec, error) {
	s, ok := apis[api]
	if !ok {
		return apiSpec{}, &providers.Error{Kind: providers.Invalid, Message: fmt.Sprintf("the Alibaba Cloud provider does not %s %s orders", what, api)}
	}
	return s, nil
}

package huawei

import (
	"context"

	core "github.com/huaweicloud/huaweicloud-sdk-go-v3/core"

	"cloudorder/flows"
	"cloudorder/providers"
)

// service is one Huawei Cloud SDK service: how to build its client and its region table.
type service struct {
	name    string // for messages, e.g. "DSC"
	builder func() *core.HcHttpClientBuilder
	// endpoints are the region table's endpoints for region (the SDK's SafeValueOf).
	endpoints func(region string) ([]string, error)
}

// Spec is how one API is called. Each API's file here (dsc.go, workspaceapp.go) declares its
// own as a value and package catalog hands it to the provider (Options.APIs); nothing else in
// this package names an API (docs/adding-an-api.md).
type Spec struct {
	service service
	// submit places the order once (submit.go's submit with the API's request model).
	submit func(ctx context.Context, p *Provider, o flows.Order) (providers.Result, error)
	// quote prices the order; nil: the API has no documented price inquiry, which Quote says as
	// a value (providers.NoPriceInquiry).
	quote func(ctx context.Context, p *Provider, o flows.Order) (providers.Quote, error)
	// unpaid: the API creates its orders unpaid (paid in the Billing Center or with PayOrder).
	unpaid bool
	// facts is what of an order body the Billing Center's records of it can be matched on
	// (billing.go); nil: its orders are not matched.
	facts func(o flows.Order) (providers.OrderFacts, error)
}

// CreatesUnpaid reports whether the API's orders are created unpaid (as DSC's are): what
// `cloudorder history` says of a placed order without opening a provider.
func (s Spec) CreatesUnpaid() bool { return s.unpaid }

// API is one API this provider calls: how (its Spec) and how KooCLI (hcloud) calls it (put in
// the API's Target for providers/clicmd).
type API struct {
	Spec
	CLI providers.CLI
}

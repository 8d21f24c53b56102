package cloud

import (
	"context"
	"fmt"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/journal"
)

// router sends each API to the provider of its cloud.
type router map[flows.APIID]providers.Provider

func (r router) pick(api flows.APIID) (providers.Provider, error) {
	if p := r[api]; p != nil {
		return p, nil
	}
	return nil, &providers.Error{Kind: providers.Invalid, Message: fmt.Sprintf("no provider places %q orders", api)}
}

// gated picks api's provider and passes the endpoint it will use for region through the
// endpoint gate: the SDK's region table honours HUAWEICLOUD_SDK_REGION_* and regions.yaml,
// which could otherwise send a signed request over plain http to any host.
func (r router) gated(api flows.APIID, region string) (providers.Provider, error) {
	p, err := r.pick(api)
	if err != nil {
		return nil, err
	}
	if err := GateTarget(p, api, region); err != nil {
		return nil, &providers.Error{Kind: providers.Invalid, Message: err.Error(), Err: err}
	}
	return p, nil
}

// GateTarget checks the endpoint p sends api's requests for region to (config.ParseEndpoint).
// An endpoint p cannot name ("" — an unknown region) is left to p, which then sends nothing.
func GateTarget(p providers.Provider, api flows.APIID, region string) error {
	ep := p.Target(api, region).Endpoint
	if ep == "" {
		return nil
	}
	source := fmt.Sprintf("the SDK's region settings for %s in %s (HUAWEICLOUD_SDK_REGION_* or regions.yaml)", api, region)
	_, err := config.CheckEndpoint(source, ep)
	return err
}

func (r router) Submit(ctx context.Context, o flows.Order) (providers.Result, error) {
	p, err := r.gated(o.API, o.Region)
	if err != nil {
		return providers.Result{}, err
	}
	return p.Submit(ctx, o)
}

func (r router) Lookup(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	p, err := r.gated(q.API, q.Region)
	if err != nil {
		return nil, err
	}
	opts, err := p.Lookup(ctx, q)
	return providers.InertOptions(opts), err
}

func (r router) Target(api flows.APIID, region string) providers.Target {
	p, err := r.pick(api)
	if err != nil {
		return providers.Target{}
	}
	return p.Target(api, region)
}

// Quote routes to the API's provider; one without a price inquiry says so.
func (r router) Quote(ctx context.Context, o flows.Order) (providers.Quote, error) {
	p, err := r.pick(o.API)
	if err != nil {
		return providers.Quote{}, err
	}
	if pr, ok := p.(providers.Pricer); ok {
		return pr.Quote(ctx, o)
	}
	return providers.Quote{Note: providers.NoPriceInquiry}, nil
}

// PayOrder routes to the provider of the API that created the order.
func (r router) PayOrder(ctx context.Context, pay providers.Payment) (providers.Result, error) {
	p, err := r.pick(pay.API)
	if err != nil {
		return providers.Result{}, err
	}
	if pp, ok := p.(providers.Payer); ok {
		return pp.PayOrder(ctx, pay)
	}
	return providers.Result{}, &providers.Error{Kind: providers.Invalid, Message: fmt.Sprintf("%s orders are not paid separately", pay.API)}
}

// Unpaid routes to the API's provider.
func (r router) Unpaid(api flows.APIID) (bool, string) {
	if u, ok := r[api].(providers.UnpaidOrders); ok {
		return u.Unpaid(api)
	}
	return false, ""
}

// dryRun answers look-ups, describes the target and checks the history, but never sends an
// order (and so writes nothing to the history).
type dryRun struct{ *journal.Journal }

func (d dryRun) Submit(context.Context, flows.Order) (providers.Result, error) {
	return providers.Result{}, &providers.Error{Kind: providers.Invalid, Message: "dry run: nothing is sent"}
}

// PayOrder sends nothing in a dry run.
func (d dryRun) PayOrder(context.Context, providers.Payment) (providers.Result, error) {
	return providers.Result{}, &providers.Error{Kind: providers.Invalid, Message: "dry run: nothing is sent"}
}

func (d dryRun) Target(api flows.APIID, region string) providers.Target {
	t := d.Journal.Target(api, region)
	t.Mode = providers.DryRun
	return t
}

// CreatesUnpaid reports whether any cloud's api creates its orders unpaid (Huawei DSC), with
// no provider opened and no credential read.
func CreatesUnpaid(api flows.APIID) bool { return catalog.CreatesUnpaid(api) }

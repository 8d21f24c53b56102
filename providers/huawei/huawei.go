// Package huawei places Huawei Cloud DSC (CreateProductOrder) and Workspace App (CreateOrder)
// orders through huaweicloud-sdk-go-v3, and answers the Workspace App look-ups.
package huawei

import (
	"context"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/transport"
)

// Options configure the provider.
type Options struct {
	Mode providers.Mode
	// Credential resolves the AK/SK when a request is sent (not before, so the wizard can start
	// without one).
	Credential func() (config.HuaweiCredential, error)
	// Chain, when set, replaces Credential: the person's credential described without a network
	// call and, for IdP federation, exchanged with IAM only when a request is sent.
	Chain *Chain
	// Endpoint replaces the region table's endpoint for both services when set.
	Endpoint *config.Endpoint
	// Timeout bounds the wait for the answer; 0 = 30s.
	Timeout time.Duration
	// UserAgent is sent after the SDK's own; it must not be empty (see newCall).
	UserAgent string
	// BSSSite picks the BSS of the account's site for prices and payment: SiteChina (""),
	// SiteIntl or SiteEU (services.go).
	BSSSite string
	// APIs are the APIs this provider calls (package catalog): an API not in it is refused.
	APIs map[flows.APIID]API
}

// Provider serves the Huawei Cloud APIs it is made with (Options.APIs).
type Provider struct {
	opts    Options
	domains domainCache // account id per AK, for BSS
	apis    providers.APIs[API]
}

// New returns the provider.
func New(opts Options) *Provider {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "cloudorder"
	}
	return &Provider{opts: opts, apis: providers.NewAPIs("Huawei Cloud", opts.APIs)}
}

// Target reports where orders go and as whom.
func (p *Provider) Target(api flows.APIID, region string) providers.Target {
	t := providers.Target{Mode: p.opts.Mode}
	if s, ok := p.apis.Get(api); ok {
		t.CLI = s.CLI
		t.Endpoint, _ = p.tableEndpoint(s.service, region)
	}
	t.Credential, t.MaskedKey = config.CredentialLabel(p.describe())
	return t
}

// describe says which credential requests are signed with, without resolving it.
func (p *Provider) describe() (source, masked string, err error) {
	if p.opts.Chain != nil {
		plan, err := p.opts.Chain.Plan()
		if err != nil {
			return "", "", err
		}
		source = plan.Source
		if plan.Mode != config.HuaweiModeAKSK {
			source += ", " + plan.Mode
		}
		return source, plan.MaskedKey(), nil
	}
	c, err := p.opts.Credential()
	return c.Source, c.MaskedKey(), err
}

// credential is the AK/SK to sign with, exchanged for this request if its mode needs that.
func (p *Provider) credential(ctx context.Context) (config.HuaweiCredential, error) {
	if p.opts.Chain != nil {
		return p.opts.Chain.Resolve(ctx)
	}
	return p.opts.Credential()
}

// Submit sends the order once.
func (p *Provider) Submit(ctx context.Context, o flows.Order) (providers.Result, error) {
	if err := ctx.Err(); err != nil {
		return providers.Result{}, &providers.Error{Kind: providers.NotSent, Message: context.Cause(ctx).Error(), Err: err}
	}
	s, err := p.apis.Spec(o.API, "place")
	if err != nil {
		return providers.Result{}, err
	}
	res, err := s.submit(ctx, p, o)
	return p.scrubResult(res), p.scrub(err)
}

// scrubResult keeps the secret key and security token out of a successful answer's ids and
// fields (transport.ScrubResult): a server may echo a token as an order or request id.
func (p *Provider) scrubResult(r providers.Result) providers.Result {
	c, ok := p.secrets()
	if !ok {
		return r
	}
	return transport.ScrubResult(r, c.SK.Reveal(), c.SecurityToken.Reveal())
}

// scrub keeps the credential's secret key and security token out of an error's text
// (transport.Scrub): whatever the gateway echoes reaches neither the screen nor the history.
func (p *Provider) scrub(err error) error {
	if err == nil {
		return nil
	}
	c, ok := p.secrets()
	if !ok {
		return err
	}
	return transport.Scrub(err, c.SK.Reveal(), c.SecurityToken.Reveal())
}

// secrets is the credential whose secret key and token are in use, for scrubbing.
func (p *Provider) secrets() (config.HuaweiCredential, bool) {
	if p.opts.Chain != nil {
		c := p.opts.Chain.Cached()
		if plan, perr := p.opts.Chain.Plan(); perr == nil && !plan.Network() {
			c = plan.Key
		}
		return c, true
	}
	if p.opts.Credential == nil {
		return config.HuaweiCredential{}, false
	}
	c, err := p.opts.Credential()
	return c, err == nil
}

// invalid is a failure before anything was sent.
func invalid(err error) error {
	return &providers.Error{Kind: providers.Invalid, Message: err.Error(), Err: err}
}

// result builds the Result of an order answer.
func result(orderID *string, c *call) providers.Result {
	r := providers.Result{RequestID: c.RequestID(), Response: map[string]any{}}
	if orderID != nil {
		r.OrderID = *orderID
	}
	return r
}

// Package alibaba places Alibaba Cloud PAI (AIWorkSpace 2021-02-04) CreateProductOrders orders
// through alibaba-cloud-sdk-go.
package alibaba

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	_ "cloudorder/providers/alibaba/internal/nodebug" // before the SDK reads DEBUG: see its doc
	"cloudorder/providers/transport"
)

// Options configure the provider.
type Options struct {
	Mode providers.Mode
	// Credential resolves the access key when an order is sent (not before, so the wizard can
	// start without one).
	Credential func() (config.AlibabaCredential, error)
	// Chain, when set, replaces Credential: the person's credential in any mode, described
	// without a network call and resolved (STS, metadata, sign-in) only when a request is sent.
	Chain *Chain
	// Endpoint replaces the region's AIWorkSpace endpoint (endpoint.go) when set.
	Endpoint *config.Endpoint
	// Timeout bounds the wait for the answer; 0 = 30s.
	Timeout time.Duration
	// UserAgent is appended to the SDK's own User-Agent.
	UserAgent string
	// APIs are the APIs this provider calls (package catalog): an API not in it is refused.
	APIs map[flows.APIID]API
}

// Provider places the orders of its APIs (Options.APIs) on Alibaba Cloud.
type Provider struct {
	opts Options
	apis providers.APIs[API]
}

// New returns the provider.
func New(opts Options) *Provider {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	return &Provider{opts: opts, apis: providers.NewAPIs("Alibaba Cloud", opts.APIs)}
}

// endpoint is where api's requests for region go: the override, else the host the API's
// spec gives the region (pai.go: endpoint.go's table); ok is false for an API this
// provider does not serve.
func (p *Provider) endpoint(api flows.APIID, region string) (ep config.Endpoint, ok bool) {
	s, known := p.apis.Get(api)
	switch {
	case p.opts.Endpoint != nil:
		return *p.opts.Endpoint, true
	case !known:
		return config.Endpoint{}, false
	}
	return config.Endpoint{Scheme: "https", Host: s.host(region)}, true
}

// Target reports where orders go and as whom.
func (p *Provider) Target(api flows.APIID, region string) providers.Target {
	t := providers.Target{Mode: p.opts.Mode, CLI: p.apis.Of(api).CLI}
	if ep, ok := p.endpoint(api, region); ok {
		t.Endpoint = ep.String()
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
		if plan.Mode != config.ModeAK {
			source = plan.Source + ", mode " + plan.Mode
		} else {
			source = plan.Source
		}
		return source, plan.MaskedKey(), nil
	}
	c, err := p.opts.Credential()
	return c.Source, c.MaskedKey(), err
}

// credential is the key to sign with, resolved for this request if its mode needs that.
func (p *Provider) credential(ctx context.Context) (config.AlibabaCredential, error) {
	if p.opts.Chain != nil {
		return p.opts.Chain.Resolve(ctx)
	}
	return p.opts.Credential()
}

// Lookup has nothing to offer: PAI's options are all documented values in flows.
func (p *Provider) Lookup(_ context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	return nil, &providers.Error{Kind: providers.Invalid, Message: fmt.Sprintf("Alibaba Cloud has no look-up %q", q.Name)}
}

// Submit sends the order once through its API's spec (pai.go).
func (p *Provider) Submit(ctx context.Context, o flows.Order) (providers.Result, error) {
	s, err := p.apis.Spec(o.API, "place")
	if err != nil {
		return providers.Result{}, err
	}
	res, err := s.submit(ctx, p, o)
	// Whatever a server echoes, on failure and success alike (a token as an order id), in
	// any form: transport.Scrub, ScrubResult.
	if c, cerr := p.credential(ctx); cerr == nil {
		err = transport.Scrub(err, c.AccessKeySecret.Reveal(), c.SecurityToken.Reveal())
		res = transport.ScrubResult(res, c.AccessKeySecret.Reveal(), c.SecurityToken.Reveal())
	}
	return res, err
}

// Quote prices an order with its API's price inquiry; an API without one says so.
func (p *Provider) Quote(ctx context.Context, o flows.Order) (providers.Quote, error) {
	s, err := p.apis.Spec(o.API, "price")
	if err != nil {
		return providers.Quote{}, err
	}
	if s.quote == nil { // an API without a price inquiry: said, never guessed
		return providers.Quote{Note: providers.NoPriceInquiry}, nil
	}
	q, err := s.quote(ctx, p, o)
	if c, cerr := p.credential(ctx); cerr == nil && err != nil {
		err = transport.Scrub(err, c.AccessKeySecret.Reveal(), c.SecurityToken.Reveal())
	}
	return q, err
}

// client builds an SDK client for one call (its transport carries the call's context).
func (p *Provider) client(region string, cred config.AlibabaCredential, tr *transport.Call) (*sdk.Client, error) {
	cfg := sdk.NewConfig().WithAutoRetry(false).WithMaxRetryTime(0).WithTimeout(p.opts.Timeout).WithScheme(requests.HTTPS)
	cfg.Transport = tr
	if p.opts.UserAgent != "" {
		cfg.WithUserAgent(p.opts.UserAgent)
	}
	var cp credentials.CredentialsProvider
	if !cred.SecurityToken.IsZero() {
		cp = credentials.NewStaticSTSCredentialsProvider(cred.AccessKeyID, cred.AccessKeySecret.Reveal(), cred.SecurityToken.Reveal())
	} else {
		cp = credentials.NewStaticAKCredentialsProvider(cred.AccessKeyID, cred.AccessKeySecret.Reveal())
	}
	return sdk.NewClientWithOptions(region, cfg, cp)
}

// parts are the scheme, domain and port the SDK's request fields take for ep (ROA and RPC
// requests alike, call.go). Domain must not contain the port: the SDK builds
// scheme://Domain:Port/path itself.
func parts(ep config.Endpoint) (scheme, domain, port string) {
	scheme = requests.HTTPS
	if ep.Scheme == "http" && config.IsLoopback(ep.Host) {
		scheme = requests.HTTP // only ever for a loopback sandbox (config.ParseEndpoint)
	}
	domain = ep.Host
	if ip := net.ParseIP(ep.Host); ip != nil && ip.To4() == nil {
		domain = "[" + ep.Host + "]"
	}
	port = ep.Port
	if port == "" {
		port = "443"
		if scheme == requests.HTTP {
			port = "80"
		}
	}
	return scheme, domain, port
}

// Package alibaba places Alibaba Cloud PAI (AIWorkSpace 2021-02-04) CreateProductOrders orders
// through alibaba-cloud-sdk-go.
package alibaba

import (
	"context"
	"encoding/json"
	"errors"
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
)

// Options configure the provider.
type Options struct {
	Mode providers.Mode
	// Credential resolves the access key when an order is sent (not before, so the wizard can
	// start without one).
	Credential func() (config.AlibabaCredential, error)
	// Endpoint replaces the region's AIWorkSpace endpoint (endpoint.go) when set.
	Endpoint *config.Endpoint
	// Timeout bounds the wait for the answer; 0 = 30s.
	Timeout time.Duration
	// UserAgent is appended to the SDK's own User-Agent.
	UserAgent string
}

// Provider places AIWorkSpace CreateProductOrders orders.
type Provider struct{ opts Options }

// New returns the provider.
func New(opts Options) *Provider {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	return &Provider{opts: opts}
}

// endpoint is where an order for region goes: the override, else the host the official SDKs'
// endpoint map gives the region (endpoint.go).
func (p *Provider) endpoint(region string) config.Endpoint {
	if p.opts.Endpoint != nil {
		return *p.opts.Endpoint
	}
	return config.Endpoint{Scheme: "https", Host: host(region)}
}

// Target reports where orders go and as whom.
func (p *Provider) Target(api flows.APIID, region string) providers.Target {
	t := providers.Target{Mode: p.opts.Mode, Endpoint: p.endpoint(region).String()}
	c, err := p.opts.Credential()
	var miss *config.MissingError
	switch {
	case errors.As(err, &miss):
		t.Credential = miss.Hint()
	case err != nil:
		t.Credential = "missing: " + err.Error()
	default:
		t.Credential, t.MaskedKey = c.Source, c.MaskedKey()
	}
	return t
}

// Lookup has nothing to offer: PAI's options are all documented values in flows.
func (p *Provider) Lookup(_ context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	return nil, &providers.Error{Kind: providers.Invalid, Message: fmt.Sprintf("Alibaba Cloud has no look-up %q", q.Name)}
}

// Submit sends the order once. AutoRetry stays off: the SDK would otherwise re-send the same
// POST after a timeout or a 5xx, and a retry after a lost answer can buy twice.
func (p *Provider) Submit(ctx context.Context, o flows.Order) (providers.Result, error) {
	if o.API != flows.AlibabaPAI {
		return providers.Result{}, &providers.Error{Kind: providers.Invalid, Message: fmt.Sprintf("the Alibaba Cloud provider does not place %s orders", o.API)}
	}
	if err := ctx.Err(); err != nil {
		return providers.Result{}, &providers.Error{Kind: providers.NotSent, Message: context.Cause(ctx).Error(), Err: err}
	}
	cred, err := p.opts.Credential()
	if err != nil {
		return providers.Result{}, &providers.Error{Kind: providers.Invalid, Message: err.Error(), Err: err}
	}
	connect := min(p.opts.Timeout, 10*time.Second)
	tr := providers.NewCallTransport(ctx, connect)
	client, err := p.client(o.Region, cred, tr)
	if err != nil {
		return providers.Result{}, classify(fmt.Errorf("set up the Alibaba Cloud client: %w", err), providers.NotAttempted)
	}
	req := NewCreateProductOrdersRequest(o.CompactBody())
	p.route(req, o.Region)
	req.SetReadTimeout(p.opts.Timeout)
	req.SetConnectTimeout(connect)
	resp := NewCreateProductOrdersResponse()
	if err := client.DoAction(req, resp); err != nil {
		return providers.Result{}, classify(fmt.Errorf("create Alibaba Cloud product orders: %w", err), tr.Reach())
	}
	return result(resp), nil
}

// client builds an SDK client for one call (its transport carries the call's context).
func (p *Provider) client(region string, cred config.AlibabaCredential, tr *providers.CallTransport) (*sdk.Client, error) {
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

// route sets scheme, host and port on the request. Domain must not contain the port: the SDK
// builds scheme://Domain:Port/path itself.
func (p *Provider) route(req *CreateProductOrdersRequest, region string) {
	ep := p.endpoint(region)
	req.Scheme = requests.HTTPS
	if ep.Scheme == "http" && config.IsLoopback(ep.Host) {
		req.Scheme = requests.HTTP // only ever for a loopback sandbox (config.ParseEndpoint)
	}
	req.Domain = ep.Host
	if ip := net.ParseIP(ep.Host); ip != nil && ip.To4() == nil {
		req.Domain = "[" + ep.Host + "]"
	}
	req.Port = ep.Port
	if req.Port == "" {
		req.Port = "443"
		if req.Scheme == requests.HTTP {
			req.Port = "80"
		}
	}
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
func (p *Provider) Quote(_ context.Context, o flows.Order) (providers.Quote, error) {
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

package huawei

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	core "github.com/huaweicloud/huaweicloud-sdk-go-v3/core"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	hwconfig "github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/httphandler"

	"cloudorder/config"
	"cloudorder/providers/transport"
)

// call is one SDK call's client and what it observed.
type call struct {
	hc *core.HcHttpClient
	tr *transport.Call

	mu        sync.Mutex
	requestID string // X-Request-Id of the answer: the SDK's success responses do not carry it
}

func (c *call) reach() transport.Reach { return c.tr.Reach() }

func (c *call) RequestID() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.requestID
}

// tableEndpoint is where svc's requests for region go: the override (checked where it was
// read), else the SDK's region table, which also honours HUAWEICLOUD_SDK_REGION_<SERVICE>_<REGION>
// and ~/.huaweicloud/regions.yaml. Target shows it, and the router gates it before an order is
// sent (providers/cloud, GateTarget: exit 2, nothing sent).
func (p *Provider) tableEndpoint(svc service, region string) (string, error) {
	if p.opts.Endpoint != nil {
		return p.opts.Endpoint.String(), nil
	}
	eps, err := svc.endpoints(region)
	if err != nil {
		return "", fmt.Errorf("%s region %q: %w", svc.name, region, err)
	}
	if len(eps) == 0 {
		return "", fmt.Errorf("no %s endpoint for region %q", svc.name, region)
	}
	return eps[0], nil
}

// endpoint is tableEndpoint through the one endpoint gate (config.CheckEndpoint: plain http
// only to loopback), worded as the router's, for every call: the look-ups', the price
// inquiry's and the payment's services are not the order's, so the router never saw them.
func (p *Provider) endpoint(svc service, region string) (string, error) {
	ep, err := p.tableEndpoint(svc, region)
	if err != nil || p.opts.Endpoint != nil {
		return ep, err
	}
	source := fmt.Sprintf("the SDK's region settings for Huawei Cloud %s in %s (HUAWEICLOUD_SDK_REGION_* or regions.yaml)", svc.name, region)
	checked, err := config.CheckEndpoint(source, ep)
	if err != nil {
		return "", err
	}
	return checked.String(), nil
}

// newCall builds the SDK client for one call of svc. Everything that could make the SDK act
// on its own is pinned: the project id is always set (else it sends a literal {project_id} or
// asks IAM over the network), the User-Agent is set (else it writes
// ~/.huaweicloud/application_id), only one endpoint is given (no fail-over re-send), and no
// invoker with retries is used.
func (p *Provider) newCall(ctx context.Context, svc service, region, projectID string) (*call, error) {
	if projectID == "" {
		return nil, fmt.Errorf("no project id: Huawei Cloud %s calls need the order's project_id", svc.name)
	}
	cred, err := p.credential(ctx)
	if err != nil {
		return nil, err
	}
	ep, err := p.endpoint(svc, region)
	if err != nil {
		return nil, err
	}
	creds, err := basicCredentials(cred, projectID)
	if err != nil {
		return nil, err
	}
	return p.build(ctx, svc.builder(), ep, creds)
}

// build finishes one call's client: one endpoint, the call's transport, no retries.
func (p *Provider) build(ctx context.Context, builder *core.HcHttpClientBuilder, ep string, creds auth.ICredential) (*call, error) {
	c := &call{tr: transport.NewCall(ctx, min(p.opts.Timeout, 10*time.Second))}
	handler := httphandler.NewHttpHandler().AddResponseHandler(func(r http.Response) {
		c.mu.Lock()
		c.requestID = r.Header.Get("X-Request-Id")
		c.mu.Unlock()
	})
	hc := hwconfig.DefaultHttpConfig().
		WithTimeout(p.opts.Timeout).
		WithUserAgent(p.opts.UserAgent).
		WithHttpRoundTripper(c.tr).
		WithHttpHandler(handler)
	var err error
	c.hc, err = builder.
		WithEndpoints([]string{ep}).
		WithCredential(creds).
		WithHttpConfig(hc).
		SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("set up the Huawei Cloud client: %w", err)
	}
	return c, nil
}

func basicCredentials(c config.HuaweiCredential, projectID string) (*basic.Credentials, error) {
	b := basic.NewCredentialsBuilder().WithAk(c.AK).WithSk(c.SK.Reveal()).WithProjectId(projectID)
	if !c.SecurityToken.IsZero() {
		b = b.WithSecurityToken(c.SecurityToken.Reveal())
	}
	creds, err := b.SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("the Huawei Cloud credentials: %w", err)
	}
	return creds, nil
}

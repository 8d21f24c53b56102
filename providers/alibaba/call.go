package alibaba

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/transport"
)

// request is one SDK request in one of Alibaba Cloud's two request styles, made with roa or rpc:
// what the SDK sends, and how the endpoint's scheme, host and port are set on it.
type request struct {
	acs   requests.AcsRequest
	route func(scheme, domain, port string)
}

// roa is a ROA request: a REST method and path with a JSON body (AIWorkSpace
// CreateProductOrders, request.go). req embeds base (a generated or hand-written request type).
func roa(req requests.AcsRequest, base *requests.RoaRequest) request {
	return request{acs: req, route: func(scheme, domain, port string) { base.Scheme, base.Domain, base.Port = scheme, domain, port }}
}

// rpc is an RPC request: an Action and Version with query or form parameters, signed as RPC
// (BssOpenApi's GetOrderDetail and QueryOrders, billing.go; a new RPC API such as BssOpenApi
// CreateInstance uses the SDK's generated request type the same way).
func rpc(req requests.AcsRequest, base *requests.RpcRequest) request {
	return request{acs: req, route: func(scheme, domain, port string) { base.Scheme, base.Domain, base.Port = scheme, domain, port }}
}

// send sends r once to ep and fills resp: the credential resolved for this request, a fresh
// call transport (so a failure says how far the request got), the SDK's retries off (client),
// the read and connect timeouts, and a failure classified (errors.go) and scrubbed of the
// secrets. what names the call in messages ("create Alibaba Cloud product orders").
func (p *Provider) send(ctx context.Context, region string, ep config.Endpoint, what string, r request, resp responses.AcsResponse) error {
	if err := ctx.Err(); err != nil {
		return &providers.Error{Kind: providers.NotSent, Message: context.Cause(ctx).Error(), Err: err}
	}
	cred, err := p.credential(ctx)
	var pe *providers.Error
	if errors.As(err, &pe) {
		return err // a credential service's refusal or failure, classified (credentials.go)
	}
	if err != nil {
		return &providers.Error{Kind: providers.Invalid, Message: err.Error(), Err: err}
	}
	connect := min(p.opts.Timeout, 10*time.Second)
	tr := transport.NewCall(ctx, connect)
	client, err := p.client(region, cred, tr)
	if err != nil {
		return classify(fmt.Errorf("set up the Alibaba Cloud client: %w", err), transport.NotAttempted)
	}
	r.route(parts(ep))
	r.acs.SetReadTimeout(p.opts.Timeout)
	r.acs.SetConnectTimeout(connect)
	if err := client.DoAction(r.acs, resp); err != nil {
		err = classify(fmt.Errorf("%s: %w", what, err), tr.Reach())
		return transport.Scrub(err, cred.AccessKeySecret.Reveal(), cred.SecurityToken.Reveal())
	}
	return nil
}

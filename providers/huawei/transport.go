package huawei

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// ctxTransport binds every request to one context and notes whether anything was sent. The
// SDK's calls take no context, so a client is built per call with this round tripper:
// cancelling the wizard's submit then aborts the request.
type ctxTransport struct {
	ctx  context.Context
	base *http.Transport
	sent atomic.Bool
}

func newTransport(ctx context.Context, connectTimeout time.Duration) *ctxTransport {
	return &ctxTransport{ctx: ctx, base: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: connectTimeout}).DialContext,
		TLSHandshakeTimeout: connectTimeout,
		DisableKeepAlives:   true, // one request per client: nothing to reuse
	}}
}

func (t *ctxTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.sent.Store(true)
	return t.base.RoundTrip(r.WithContext(t.ctx))
}

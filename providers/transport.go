package providers

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// CallTransport binds every request of one SDK call to a context and notes whether anything
// was sent. Neither SDK's order call takes a context, so providers build a client per call with
// this round tripper: cancelling the wizard's submit then aborts the request, and Sent tells
// "nothing sent" (Invalid) from "maybe sent" (Unknown). It is deliberately not an
// *http.Transport: the Alibaba SDK would replace its DialContext on every call.
type CallTransport struct {
	ctx  context.Context
	base *http.Transport
	sent atomic.Bool
}

// NewCallTransport returns a one-request transport bound to ctx.
func NewCallTransport(ctx context.Context, connectTimeout time.Duration) *CallTransport {
	return &CallTransport{ctx: ctx, base: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: connectTimeout}).DialContext,
		TLSHandshakeTimeout: connectTimeout,
		DisableKeepAlives:   true, // one request per client: nothing to reuse
	}}
}

// RoundTrip sends r under the call's context.
func (t *CallTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.sent.Store(true)
	return t.base.RoundTrip(r.WithContext(t.ctx))
}

// Sent reports whether a request left (or started to leave) this process.
func (t *CallTransport) Sent() bool { return t.sent.Load() }

// Package transport is what crosses the wire between cloudorder and a cloud, and what of it
// may be shown: the per-call transport that tells "not sent" from "maybe sent" (Reach),
// refuses redirects and bounds answers, and the scrubbing that keeps secrets a server echoes
// out of errors and answers (scrub.go).
package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"cloudorder/providers"
)

// MaxAnswer bounds how much of an answer is read: the APIs' answers are a few hundred bytes,
// and an endless or huge one must not grow memory without limit.
const MaxAnswer = 1 << 20

// ErrAnswerTooLarge ends the read of an answer longer than MaxAnswer.
var ErrAnswerTooLarge = errors.New("the answer is larger than 1 MiB: reading stopped")

// Reach is how far one call's request got: what decides between "not sent" and "maybe sent".
type Reach int32

// Reaches, in order.
const (
	// NotAttempted: the SDK never handed a request to the transport (building it failed).
	NotAttempted Reach = iota
	// NoConnection: a request was attempted but no connection was ever obtained (DNS, connect
	// refused, TLS handshake, the context ended first): no byte of it left this machine.
	NoConnection
	// MaybeSent: a connection was obtained, so bytes of the request may have left.
	MaybeSent
)

// Call is the transport of one SDK call: it binds every request of one SDK call to a context and notes how far it got.
// Neither SDK's order call takes a context, so providers build a client per call with this
// round tripper: cancelling the wizard's submit then aborts the request, and Reach tells
// "nothing sent" from "maybe sent". A request counts as maybe sent from the moment a
// connection is handed to it (httptrace GotConn): before that, nothing of it can have been
// written. Answers are read through a MaxAnswer limit. It is deliberately not an
// *http.Transport: the Alibaba SDK would replace its DialContext on every call.
type Call struct {
	ctx   context.Context
	base  *http.Transport
	reach atomic.Int32
}

// NewCall returns a one-request transport bound to ctx.
func NewCall(ctx context.Context, connectTimeout time.Duration) *Call {
	return &Call{ctx: ctx, base: &http.Transport{
		Proxy:               proxyFor,
		DialContext:         (&net.Dialer{Timeout: connectTimeout}).DialContext,
		TLSHandshakeTimeout: connectTimeout,
		DisableKeepAlives:   true, // one request per client: nothing to reuse
	}}
}

// proxyFor is the environment's proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) for requests to the
// clouds, and none for plain http or a loopback host: those go only to this machine's sandbox
// or local endpoint (config.ParseEndpoint), and a signed request in clear text must not reach
// another host. http.ProxyFromEnvironment alone would proxy "LOCALHOST" (it spares only the
// lower-case name and loopback IPs).
func proxyFor(r *http.Request) (*url.URL, error) {
	host := r.URL.Hostname()
	if r.URL.Scheme == "http" || strings.EqualFold(host, "localhost") {
		return nil, nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil, nil
	}
	return http.ProxyFromEnvironment(r)
}

// ErrRedirect refuses to follow a redirect: following one would send the order a second time,
// to a place no gate checked (alibaba-cloud-sdk-go's http.Client follows 307/308 with the body).
var ErrRedirect = errors.New("the API answered with a redirect; cloudorder does not follow it (the order is not sent again)")

// RedirectError is an answer in the 3xx class. The transport hands it to the SDK as an error
// instead of the answer: neither SDK may read a 3xx as success (Huawei's treats every status
// below 400 as one, so a 302 whose body held an order_id read as a placed order), nor follow
// it. What it means is providers.StatusKind's: unknown for an order or payment, a failure for a look-up.
// It matches errors.Is(err, ErrRedirect).
type RedirectError struct{ Status int }

func (e *RedirectError) Error() string {
	return fmt.Sprintf("the answer was a redirect (HTTP %d); cloudorder does not follow it (the request is not sent again)", e.Status)
}

// Is makes a RedirectError an ErrRedirect.
func (e *RedirectError) Is(target error) bool { return target == ErrRedirect }

// RoundTrip sends r under the call's context.
func (t *Call) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Response != nil { // http.Client sets Response on the request that follows a redirect
		return nil, ErrRedirect
	}
	t.raise(NoConnection)
	trace := &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { t.raise(MaybeSent) }}
	ctx := httptrace.WithClientTrace(t.ctx, trace)
	resp, err := t.base.RoundTrip(r.WithContext(ctx))
	if err != nil {
		return nil, t.why(err)
	}
	if providers.StatusClass(resp.StatusCode) == 3 {
		resp.Body.Close()
		return nil, &RedirectError{Status: resp.StatusCode}
	}
	resp.Body = &limitedBody{rc: resp.Body, left: MaxAnswer, t: t}
	return resp, nil
}

// why adds the reason the call's context ended (say, "interrupted by SIGINT") to err.
func (t *Call) why(err error) error {
	if cause := context.Cause(t.ctx); cause != nil && !errors.Is(err, cause) {
		return fmt.Errorf("%w: %w", cause, err)
	}
	return err
}

func (t *Call) raise(r Reach) {
	for {
		old := t.reach.Load()
		if Reach(old) >= r || t.reach.CompareAndSwap(old, int32(r)) {
			return
		}
	}
}

// Reach reports how far the call's request got.
func (t *Call) Reach() Reach { return Reach(t.reach.Load()) }

// limitedBody reads at most left bytes, then fails with ErrAnswerTooLarge rather than
// truncating silently (a truncated answer could parse as something else).
type limitedBody struct {
	rc   io.ReadCloser
	left int64
	t    *Call
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// Probe for one more byte: an answer of exactly the limit is still whole.
		var one [1]byte
		n, err := b.rc.Read(one[:])
		if n > 0 {
			return 0, ErrAnswerTooLarge
		}
		return 0, b.err(err)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, b.err(err)
}

func (b *limitedBody) err(err error) error {
	if err == nil || err == io.EOF {
		return err
	}
	return b.t.why(err)
}

func (b *limitedBody) Close() error { return b.rc.Close() }

// Package credgate puts the project's transport in front of the clouds' credential providers.
//
// credentials-go builds its own http.Client for every STS, instance-metadata, sign-in and
// credentials-URI call (credentials/internal/http/http.go) from a clone of
// http.DefaultTransport: it takes no transport, no context, and follows redirects. What it does
// take is a proxy URL (providers.HttpOptions.Proxy). A Gate is that proxy: a forward proxy on a
// loopback port, alive for one resolution, that sends each request on through the project's
// rules — the endpoint gate (config.CheckEndpoint: https, or plain http only to loopback and
// the documented instance-metadata addresses), the environment's proxy, the call's context and
// timeout, no redirect followed, answers bounded (transport.Call) — and notes every
// place it was asked to reach, so tests can prove nothing left loopback.
package credgate

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"cloudorder/config"
	"cloudorder/providers/transport"
)

// MetadataHosts are the instance-metadata services, reached by plain http by design (a
// link-local address answering only inside the instance): Alibaba ECS and Huawei ECS.
var MetadataHosts = map[string]bool{"100.100.100.200": true, "169.254.169.254": true}

// Options configure a Gate.
type Options struct {
	Timeout time.Duration // bounds each request (connect and answer); 0 = 30s
	// Routes send a host (as the provider names it: "sts.aliyuncs.com", "100.100.100.200") to
	// a loopback base URL instead, such as the sandbox's; TLS answers what a route's https
	// requests arrive with (a certificate the provider trusts for that host), nil = refuse.
	Routes map[string]string
	TLS    *tls.Config
	// LoopbackOnly refuses every destination that is not on this machine (after routing):
	// what tests run with.
	LoopbackOnly bool
}

// Gate is a running forward proxy.
type Gate struct {
	ctx  context.Context
	opts Options
	ln   net.Listener
	srv  *http.Server

	mu      sync.Mutex
	reached []string // every destination asked for, after routing
	refused []string
	err     error // the first refusal or failure, to explain a provider's own vaguer words
}

// Start listens on a free loopback port. ctx bounds every request sent through the gate.
func Start(ctx context.Context, opts Options) (*Gate, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("start the credential gate: %w", err)
	}
	g := &Gate{ctx: ctx, opts: opts, ln: ln}
	g.srv = &http.Server{Handler: g, ReadHeaderTimeout: opts.Timeout}
	go g.srv.Serve(ln) //nolint:errcheck // ErrServerClosed after Close
	return g, nil
}

// DefaultResolveTimeout bounds each request of a credential resolution whose caller sets none.
const DefaultResolveTimeout = 10 * time.Second

// StartResolution starts a gate for one credential resolution (the Alibaba and Huawei chains'
// resolve the same way): each request bounded by timeout (<= 0: DefaultResolveTimeout, then
// Gate.Timeout), the whole resolution by three of them, in the context it returns. stop closes
// the gate, then ends that context; on error nothing is left running.
func StartResolution(ctx context.Context, opts Options, timeout time.Duration) (gate *Gate, rctx context.Context, stop func(), err error) {
	if timeout <= 0 {
		timeout = DefaultResolveTimeout
	}
	opts.Timeout = timeout
	rctx, cancel := context.WithTimeout(ctx, 3*timeout)
	gate, err = Start(rctx, opts)
	if err != nil {
		cancel()
		return nil, nil, nil, err
	}
	return gate, rctx, func() { _ = gate.Close(); cancel() }, nil
}

// Timeout is what bounds each request through the gate.
func (g *Gate) Timeout() time.Duration { return g.opts.Timeout }

// URL is the proxy URL to give a provider.
func (g *Gate) URL() string { return "http://" + g.ln.Addr().String() }

// Close stops the gate and ends its tunnels.
func (g *Gate) Close() error { return g.srv.Close() }

// Reached lists every destination requested through the gate (host:port after routing).
func (g *Gate) Reached() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.reached...)
}

// Refused lists the destinations the gate refused.
func (g *Gate) Refused() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.refused...)
}

// Err is the first refusal or transport failure the gate saw: the provider only reports
// "connection refused" or a status, this says why.
func (g *Gate) Err() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.err
}

func (g *Gate) note(dest string, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.reached = append(g.reached, dest)
	if err != nil {
		g.refused = append(g.refused, dest)
		if g.err == nil {
			g.err = err
		}
	}
}

func (g *Gate) fail(err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err == nil {
		g.err = err
	}
}

// ServeHTTP is the proxy: CONNECT opens a tunnel, anything else is a plain-http request.
func (g *Gate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodConnect {
		g.tunnel(w, r)
		return
	}
	g.forward(w, r)
}

// check applies the endpoint gate to scheme://hostport and LoopbackOnly.
func (g *Gate) check(scheme, hostport string) error {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	if g.opts.LoopbackOnly && !config.IsLoopback(host) {
		return fmt.Errorf("credential gate: %s is not on this machine (only loopback is allowed here)", hostport)
	}
	if scheme == "http" && (MetadataHosts[host] || config.IsLoopback(host)) {
		return nil
	}
	_, err = config.CheckEndpoint("a credential service", scheme+"://"+hostport)
	return err
}

// route is where a request for host goes: the route's base URL, or the host itself.
func (g *Gate) route(host string) (*url.URL, bool) {
	base, ok := g.opts.Routes[host]
	if !ok {
		return nil, false
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, false
	}
	return u, true
}

// forward sends a plain-http request on through a transport.Call.
func (g *Gate) forward(w http.ResponseWriter, r *http.Request) {
	u := *r.URL
	if u.Host == "" {
		http.Error(w, "credential gate: not a proxy request", http.StatusBadRequest)
		return
	}
	if to, ok := g.route(u.Hostname()); ok {
		u.Scheme, u.Host = to.Scheme, to.Host
	}
	if err := g.check(u.Scheme, hostPort(&u)); err != nil {
		g.note(u.Host, err)
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	g.note(hostPort(&u), nil)
	g.send(w, r, &u)
}

func (g *Gate) send(w http.ResponseWriter, r *http.Request, u *url.URL) {
	ctx, cancel := context.WithTimeout(g.ctx, g.opts.Timeout)
	defer cancel()
	out, err := http.NewRequestWithContext(ctx, r.Method, u.String(), r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for k, vs := range r.Header {
		if k == "Proxy-Connection" || k == "Proxy-Authorization" {
			continue
		}
		out.Header[k] = vs
	}
	out.ContentLength = r.ContentLength
	out.Host = r.Host
	if _, routed := g.route(r.Host); routed || out.Host == "" {
		out.Host = u.Host
	}
	tr := transport.NewCall(ctx, g.opts.Timeout)
	resp, err := (&http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return transport.ErrRedirect }}).Do(out)
	if err != nil {
		g.fail(err)
		http.Error(w, "credential gate: "+err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 == 3 {
		g.fail(transport.ErrRedirect)
		http.Error(w, "credential gate: "+transport.ErrRedirect.Error(), http.StatusBadGateway)
		return
	}
	for k, vs := range resp.Header {
		w.Header()[k] = vs
	}
	w.WriteHeader(resp.StatusCode)
	if _, err := io.Copy(w, resp.Body); err != nil {
		g.fail(err)
	}
}

// tunnel answers CONNECT: a routed host's TLS is ended here with opts.TLS and its requests
// forwarded to the route; any other host is dialled (through the environment's https proxy
// when one is set) after the endpoint gate, and the bytes copied both ways.
func (g *Gate) tunnel(w http.ResponseWriter, r *http.Request) {
	hostport := r.Host
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host, hostport = hostport, net.JoinHostPort(hostport, "443")
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "credential gate: cannot tunnel", http.StatusInternalServerError)
		return
	}
	if to, routed := g.route(host); routed {
		if g.opts.TLS == nil {
			err := fmt.Errorf("credential gate: no certificate for the routed host %s", host)
			g.note(hostport, err)
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		if err := g.check(to.Scheme, to.Host); err != nil {
			g.note(to.Host, err)
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		g.note(to.Host, nil)
		conn, buf, err := hj.Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		_, _ = io.WriteString(conn, "HTTP/1.1 200 Connection established\r\n\r\n")
		_ = buf
		g.serveRouted(tls.Server(conn, g.opts.TLS), to)
		return
	}
	if err := g.check("https", hostport); err != nil {
		g.note(hostport, err)
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	g.note(hostport, nil)
	up, err := g.dial(hostport)
	if err != nil {
		g.fail(err)
		http.Error(w, "credential gate: "+err.Error(), http.StatusBadGateway)
		return
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		up.Close()
		return
	}
	_, _ = io.WriteString(conn, "HTTP/1.1 200 Connection established\r\n\r\n")
	done := make(chan struct{}, 2)
	go func() { _, _ = io.Copy(up, buf); done <- struct{}{} }()
	go func() { _, _ = io.Copy(conn, up); done <- struct{}{} }()
	select {
	case <-done:
	case <-g.ctx.Done():
	}
	conn.Close()
	up.Close()
}

// dial reaches hostport directly, or through the environment's https proxy (HTTPS_PROXY,
// NO_PROXY) with a CONNECT of its own.
func (g *Gate) dial(hostport string) (net.Conn, error) {
	d := &net.Dialer{Timeout: g.opts.Timeout}
	req := &http.Request{URL: &url.URL{Scheme: "https", Host: hostport}}
	proxy, err := http.ProxyFromEnvironment(req)
	if err != nil {
		return nil, err
	}
	if proxy == nil {
		return d.DialContext(g.ctx, "tcp", hostport)
	}
	c, err := d.DialContext(g.ctx, "tcp", hostPort(proxy))
	if err != nil {
		return nil, err
	}
	_ = c.SetDeadline(time.Now().Add(g.opts.Timeout))
	connect := &http.Request{Method: http.MethodConnect, URL: &url.URL{Opaque: hostport}, Host: hostport, Header: http.Header{}}
	if u := proxy.User; u != nil {
		p, _ := u.Password()
		connect.SetBasicAuth(u.Username(), p)
		connect.Header.Set("Proxy-Authorization", connect.Header.Get("Authorization"))
		connect.Header.Del("Authorization")
	}
	if err := connect.Write(c); err != nil {
		c.Close()
		return nil, err
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), connect)
	if err != nil {
		c.Close()
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		c.Close()
		return nil, fmt.Errorf("the proxy %s refused CONNECT %s: %s", proxy.Host, hostport, resp.Status)
	}
	_ = c.SetDeadline(time.Time{})
	return c, nil
}

// serveRouted reads the requests that arrive inside a routed tunnel and forwards each to the
// route.
func (g *Gate) serveRouted(conn *tls.Conn, to *url.URL) {
	_ = conn.SetDeadline(time.Now().Add(g.opts.Timeout))
	if err := conn.Handshake(); err != nil {
		g.fail(fmt.Errorf("credential gate: TLS with the provider: %w", err))
		return
	}
	br := bufio.NewReader(conn)
	for {
		req, err := http.ReadRequest(br)
		if err != nil {
			if !errors.Is(err, io.EOF) && !strings.Contains(err.Error(), "closed") {
				g.fail(err)
			}
			return
		}
		u := *req.URL
		u.Scheme, u.Host = to.Scheme, to.Host
		rw := newConnWriter(conn)
		g.send(rw, req, &u)
		if err := rw.finish(req); err != nil || req.Close {
			return
		}
	}
}

func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	if u.Scheme == "https" {
		return net.JoinHostPort(u.Hostname(), "443")
	}
	return net.JoinHostPort(u.Hostname(), "80")
}

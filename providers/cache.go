package providers

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sort"
	"strings"
	"sync"
	"time"

	"cloudorder/flows"
)

// Cache remembers look-up answers and quotes for a session, per account, region and query:
// going back and forth between steps asks the cloud once. Identical calls in flight share one
// request; failures are not remembered (the next call asks again). A transient failure
// (5xx, throttling, a lost connection) is retried once — look-ups and quotes buy nothing.
// Orders and payments never pass through here. Safe for concurrent use.
type Cache struct {
	// Backoff is the pause before the one retry (0 = 300ms).
	Backoff time.Duration

	mu      sync.Mutex
	entries map[string]*cacheEntry
}

type cacheEntry struct {
	done  chan struct{}
	opts  []flows.Option
	quote Quote
	err   error
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]*cacheEntry{}} }

// Lookup answers q from the cache, else asks p.
func (c *Cache) Lookup(ctx context.Context, p Provider, q LookupQuery) ([]flows.Option, error) {
	e, err := c.do(ctx, LookupKey(p.Target(q.API, q.Region), q), func(e *cacheEntry) error {
		opts, err := p.Lookup(ctx, q)
		e.opts = opts
		return err
	})
	if err != nil {
		return nil, err
	}
	return append([]flows.Option(nil), e.opts...), nil
}

// Quote prices o from the cache, else asks pr. target names the account (p.Target(o.API, o.Region)).
func (c *Cache) Quote(ctx context.Context, pr Pricer, target Target, o flows.Order) (Quote, error) {
	e, err := c.do(ctx, QuoteKey(target, o), func(e *cacheEntry) error {
		q, err := pr.Quote(ctx, o)
		e.quote = q
		return err
	})
	if err != nil {
		return Quote{}, err
	}
	return e.quote, nil
}

// do runs fill once per key: later callers wait for the first one's answer.
func (c *Cache) do(ctx context.Context, key string, fill func(*cacheEntry) error) (*cacheEntry, error) {
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[string]*cacheEntry{}
	}
	if e := c.entries[key]; e != nil {
		c.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, &Error{Kind: Invalid, Message: "look-up abandoned: " + ctx.Err().Error(), Err: ctx.Err()}
		}
		if e.err != nil {
			return nil, e.err
		}
		return e, nil
	}
	e := &cacheEntry{done: make(chan struct{})}
	c.entries[key] = e
	c.mu.Unlock()

	e.err = fill(e)
	if e.err != nil && Retryable(e.err) && ctx.Err() == nil {
		backoff := c.Backoff
		if backoff <= 0 {
			backoff = 300 * time.Millisecond
		}
		select {
		case <-time.After(backoff):
			e.err = fill(e)
		case <-ctx.Done():
		}
	}
	if e.err != nil {
		c.mu.Lock()
		delete(c.entries, key) // a failure is not remembered
		c.mu.Unlock()
	}
	close(e.done)
	return e, e.err
}

// LookupWait is how long one look-up or price inquiry may take: d, or 10 s where d is not
// set. A slow look-up never blocks the person: the field stays answerable by typing.
func LookupWait(d time.Duration) time.Duration {
	if d <= 0 {
		return 10 * time.Second
	}
	return d
}

// Retryable reports whether a failed look-up or quote is worth one more try: the cloud was
// busy or the answer was lost. Invalid requests and rejections other than throttling are not.
// Only read-only calls may be retried; orders and payments never are.
func Retryable(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	switch {
	case e.Kind == Invalid:
		return false
	case e.Kind == Rejected:
		return Throttled(e)
	}
	return true
}

// Throttled reports whether a rejection is the cloud asking to slow down — HTTP 429, an
// Alibaba Throttling.* or TooManyRequests code, Huawei API Gateway's APIGW.0308 — rather than
// a refusal of the request itself: worth trying again later, as is.
func Throttled(e *Error) bool {
	code := strings.ToLower(e.Code)
	return e.Kind == Rejected && (e.HTTPStatus == 429 || strings.Contains(code, "throttl") ||
		strings.HasPrefix(code, "toomanyrequests") || e.Code == "APIGW.0308")
}

// LookupKey identifies a look-up by account (the target's endpoint and credential), API,
// name, region, project and inputs.
func LookupKey(t Target, q LookupQuery) string {
	names := make([]string, 0, len(q.Inputs))
	for k := range q.Inputs {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(accountKey(t) + "|lookup|" + string(q.API) + "|" + q.Name + "|" + q.Region + "|" + q.ProjectID)
	for _, k := range names {
		b.WriteString("|" + k + "=" + q.Inputs[k])
	}
	return b.String()
}

// QuoteKey identifies a quote by account and the canonical order (API, region, project, body).
func QuoteKey(t Target, o flows.Order) string {
	sum := sha256.Sum256(o.CompactBody())
	return accountKey(t) + "|quote|" + string(o.API) + "|" + o.Region + "|" + o.ProjectID + "|" + hex.EncodeToString(sum[:])
}

func accountKey(t Target) string {
	return string(t.Mode) + "|" + t.Endpoint + "|" + t.Credential + "|" + t.MaskedKey
}

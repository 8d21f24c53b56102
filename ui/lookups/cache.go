// Package lookups is the session side of look-ups and price inquiries, shared by the wizard
// and plain mode: which fields of an order have a look-up and the query each runs with
// (lookup.go), and the cache that asks the cloud once per account and query (cache.go).
package lookups

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"sync"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
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
	quote providers.Quote
	err   error
}

// New returns an empty cache.
func New() *Cache { return &Cache{entries: map[string]*cacheEntry{}} }

// Lookup answers q from the cache, else asks p.
func (c *Cache) Lookup(ctx context.Context, p providers.Provider, q providers.LookupQuery) ([]flows.Option, error) {
	e, err := c.do(ctx, Key(p.Target(q.API, q.Region), q), func(e *cacheEntry) error {
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
func (c *Cache) Quote(ctx context.Context, pr providers.Pricer, target providers.Target, o flows.Order) (providers.Quote, error) {
	e, err := c.do(ctx, QuoteKey(target, o), func(e *cacheEntry) error {
		q, err := pr.Quote(ctx, o)
		e.quote = q
		return err
	})
	if err != nil {
		return providers.Quote{}, err
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
			return nil, &providers.Error{Kind: providers.Invalid, Message: "look-up abandoned: " + ctx.Err().Error(), Err: ctx.Err()}
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
	if e.err != nil && providers.Retryable(e.err) && ctx.Err() == nil {
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

// Wait is how long one look-up or price inquiry may take: d, or 10 s where d is not
// set. A slow look-up never blocks the person: the field stays answerable by typing.
func Wait(d time.Duration) time.Duration {
	if d <= 0 {
		return 10 * time.Second
	}
	return d
}

// Key identifies a look-up by account (the target's endpoint and credential), API,
// name, region, project and inputs.
func Key(t providers.Target, q providers.LookupQuery) string {
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
func QuoteKey(t providers.Target, o flows.Order) string {
	sum := sha256.Sum256(o.CompactBody())
	return accountKey(t) + "|quote|" + string(o.API) + "|" + o.Region + "|" + o.ProjectID + "|" + hex.EncodeToString(sum[:])
}

func accountKey(t providers.Target) string {
	return string(t.Mode) + "|" + t.Endpoint + "|" + t.Credential + "|" + t.MaskedKey
}

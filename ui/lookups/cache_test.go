package lookups

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
)

// countingProvider answers look-ups from a script of errors and counts the calls. The cache
// is ours, not an SDK's: the SDK paths are covered against the sandbox in providers/huawei.
type countingProvider struct {
	calls  atomic.Int32
	errs   []error // one per call; nil = success
	delay  time.Duration
	target providers.Target
	mu     sync.Mutex
}

func (p *countingProvider) Submit(context.Context, flows.Order) (providers.Result, error) {
	panic("the cache must never place an order")
}

func (p *countingProvider) Target(flows.APIID, string) providers.Target { return p.target }

func (p *countingProvider) Lookup(_ context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	n := int(p.calls.Add(1)) - 1
	time.Sleep(p.delay)
	p.mu.Lock()
	defer p.mu.Unlock()
	if n < len(p.errs) && p.errs[n] != nil {
		return nil, p.errs[n]
	}
	return []flows.Option{{Value: q.Name + ":" + q.Inputs["vpc_id"]}}, nil
}

func query(vpc string) providers.LookupQuery {
	return providers.LookupQuery{API: flows.HuaweiWorkspaceApp, Name: "vpc/subnets", Region: "cn-north-4", ProjectID: "p", Inputs: map[string]string{"vpc_id": vpc}}
}

func TestCacheAsksOncePerQuery(t *testing.T) {
	p := &countingProvider{target: providers.Target{Endpoint: "https://x", MaskedKey: "AKAA****"}}
	c := New()
	for range 3 {
		got, err := c.Lookup(context.Background(), p, query("vpc-1"))
		if err != nil || len(got) != 1 || got[0].Value != "vpc/subnets:vpc-1" {
			t.Fatalf("%v, %v", got, err)
		}
	}
	if _, err := c.Lookup(context.Background(), p, query("vpc-2")); err != nil {
		t.Fatal(err)
	}
	if n := p.calls.Load(); n != 2 {
		t.Fatalf("calls = %d, want 2 (one per VPC)", n)
	}
	// Another account (credential) is another cache entry.
	p.target.MaskedKey = "AKBB****"
	if _, err := c.Lookup(context.Background(), p, query("vpc-1")); err != nil || p.calls.Load() != 3 {
		t.Errorf("another account reused the cache: calls %d, %v", p.calls.Load(), err)
	}
}

func TestCacheSharesOneCallInFlight(t *testing.T) {
	p := &countingProvider{delay: 50 * time.Millisecond}
	c := New()
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Lookup(context.Background(), p, query("vpc-1")); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := p.calls.Load(); n != 1 {
		t.Fatalf("calls = %d, want 1", n)
	}
}

func TestCacheRetriesTransientFailuresOnceAndForgetsFailures(t *testing.T) {
	busy := &providers.Error{Kind: providers.Unknown, HTTPStatus: 500, Code: "WKS.00211401"}
	throttled := &providers.Error{Kind: providers.Rejected, HTTPStatus: 429, Code: "APIGW.0308"}
	denied := &providers.Error{Kind: providers.Rejected, HTTPStatus: 403, Code: "WKS.00081102"}
	for _, tc := range []struct {
		name      string
		errs      []error
		wantErr   bool
		wantCalls int32
	}{
		{"500 then ok", []error{busy}, false, 2},
		{"throttled then ok", []error{throttled}, false, 2},
		{"500 twice", []error{busy, busy}, true, 2},
		{"403 is not retried", []error{denied}, true, 1},
		{"invalid is not retried", []error{&providers.Error{Kind: providers.Invalid}}, true, 1},
		{"unclassified is not retried", []error{errors.New("boom")}, true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &countingProvider{errs: tc.errs}
			c := &Cache{Backoff: time.Millisecond}
			_, err := c.Lookup(context.Background(), p, query("vpc-1"))
			if (err != nil) != tc.wantErr || p.calls.Load() != tc.wantCalls {
				t.Fatalf("err %v, calls %d", err, p.calls.Load())
			}
			if tc.wantErr {
				// A failure is not remembered: the next call asks again.
				if _, err := c.Lookup(context.Background(), p, query("vpc-1")); err != nil || p.calls.Load() != tc.wantCalls+1 {
					t.Errorf("after a failure: err %v, calls %d", err, p.calls.Load())
				}
			}
		})
	}
}

type fixedPricer struct{ calls atomic.Int32 }

func (f *fixedPricer) Quote(context.Context, flows.Order) (providers.Quote, error) {
	f.calls.Add(1)
	return providers.Quote{Priced: true, Total: "1.00", Currency: "CNY", Note: providers.ListPriceCaveat}, nil
}

func TestCacheQuotesPerBody(t *testing.T) {
	pr := &fixedPricer{}
	c := New()
	o := flows.Order{API: flows.HuaweiDSC, Region: "cn-north-4", ProjectID: "p", Body: []byte(`{"period_num": 1}`)}
	for range 2 {
		if q, err := c.Quote(context.Background(), pr, providers.Target{}, o); err != nil || q.Total != "1.00" {
			t.Fatal(q, err)
		}
	}
	o.Body = []byte(`{"period_num": 2}`)
	if _, err := c.Quote(context.Background(), pr, providers.Target{}, o); err != nil || pr.calls.Load() != 2 {
		t.Fatalf("calls %d, %v", pr.calls.Load(), err)
	}
}

package ui

import (
	"os"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/placement"
)

// The review shows the order's digest; with --expect-digest (Options.ExpectDigest) only the
// approved order is placed, and another one is said and not sent.
func TestReviewShowsTheDigestAndPlacesOnlyTheApprovedOrder(t *testing.T) {
	data, err := os.ReadFile("../testdata/orders/alibaba-oss.json")
	if err != nil {
		t.Fatal(err)
	}
	load := func() *Loaded {
		api, a, problems, err := flows.Load(data)
		if err != nil {
			t.Fatal(err)
		}
		return &Loaded{Name: "alibaba-oss.json", API: api, Answers: a, Problems: problems}
	}
	from := load()
	p := &fakeProvider{}
	digest := placement.NewReview(p, "sandbox", from.API.Build(from.Answers)).Digest

	d := newDriver(t, Options{Provider: p, From: load()}, 120, 60)
	if v := d.view(); !strings.Contains(v, digest[:16]) {
		t.Fatalf("review does not show the digest %s:\n%s", digest, v)
	}

	d = newDriver(t, Options{Provider: p, From: load(), ExpectDigest: digest}, 120, 60)
	if v := d.view(); !strings.Contains(v, "the reviewed order") {
		t.Fatalf("approved order not said:\n%s", v)
	}
	d.keys("y")
	if len(p.orders) != 1 {
		t.Fatalf("approved order: %d sent", len(p.orders))
	}

	other := strings.Repeat("0", 64)
	q := &fakeProvider{}
	d = newDriver(t, Options{Provider: q, From: load(), ExpectDigest: other}, 120, 60)
	if v := d.view(); !strings.Contains(v, "not sent: this order's digest is") {
		t.Fatalf("another order not said:\n%s", v)
	}
	d.keys("y")
	if len(q.orders) != 0 {
		t.Fatalf("an order that is not the approved one was sent")
	}
}

package ui

import (
	"strings"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
)

// The review shows the order's digest; with --expect-digest (Options.ExpectDigest) only the
// approved order is placed, and another one is said and not sent.
func TestReviewShowsTheDigestAndPlacesOnlyTheApprovedOrder(t *testing.T) {
	load := func() *Loaded { return loadedFile(t, "../testdata/orders/alibaba-oss.json") }
	from := load()
	p := &fakeProvider{}
	digest := placement.NewReview(p, "sandbox", from.API, from.API.Build(from.Answers)).Digest

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

	// An identical order succeeded earlier: the refusal comes at once, not after "again".
	r := &fakeProvider{dup: &providers.Recent{Outcome: "ok", OrderID: "OLD-1", At: time.Now().Add(-time.Minute)}}
	d = newDriver(t, Options{Provider: r, From: load(), ExpectDigest: other}, 120, 60)
	d.keys("y")
	if v := flat(d); len(r.orders) != 0 || d.m.ask != askNone || strings.Contains(v, "Place it AGAIN?") || !strings.Contains(v, "not sent: this order's digest is") {
		t.Fatalf("y on an order that is not the approved one, with a duplicate: %d sent, ask %v\n%s", len(r.orders), d.m.ask, d.view())
	}
}

// An order opened from the reviewed file and then changed in the wizard is no longer the
// approved one: the review says so in the person's language, and y sends nothing.
func TestChangedInTheWizardIsNotTheReviewedOrder(t *testing.T) {
	from := loadedFile(t, "../testdata/orders/alibaba-oss.json")
	p := &fakeProvider{}
	digest := placement.NewReview(p, "sandbox", from.API, from.API.Build(from.Answers)).Digest
	d := newDriver(t, Options{Provider: p, Lang: i18n.ZH, ExpectDigest: digest, From: from}, 120, 60)
	if v := d.view(); !strings.Contains(v, "与审阅过的订单一致") {
		t.Fatalf("the approved order is not said:\n%s", v)
	}
	d.goStep(flows.StepBilling)
	d.focus("body.Products[0].AutoRenew")
	before := d.value(d.focused())
	d.keys("space")
	if d.value(d.focused()) == before {
		d.keys("right")
	}
	if d.value(d.focused()) == before {
		t.Fatalf("AutoRenew did not change:\n%s", d.view())
	}
	d.walk(nil)
	if v := d.view(); !strings.Contains(v, "未发送:此订单的摘要值为") || !strings.Contains(v, digest[:16]) {
		t.Fatalf("a changed order is not said to differ from the reviewed one:\n%s", v)
	}
	d.keys("y")
	if len(p.orders) != 0 {
		t.Fatalf("an order changed after the review was sent")
	}
}

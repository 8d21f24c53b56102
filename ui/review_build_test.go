package ui

import (
	"reflect"
	"testing"

	"cloudorder/flows"
	"cloudorder/placement"
	"cloudorder/providers"
)

// targetSwitching is a provider whose credential can change during a session (as one resolved
// later would).
type targetSwitching struct {
	*fakeProvider
	credential string
}

func (p *targetSwitching) Target(api flows.APIID, region string) providers.Target {
	t := p.fakeProvider.Target(api, region)
	t.Credential = p.credential
	return t
}

// The review is kept while nothing changed (session.build), and is always the review of the
// answers and target as they are now: after a typed answer, an added item and a new target
// it equals one built from scratch.
func TestKeptReviewIsAlwaysTheCurrentOrder(t *testing.T) {
	p := &targetSwitching{fakeProvider: &fakeProvider{}, credential: "env A"}
	d := newDriver(t, Options{Provider: p}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	s := d.m.s
	fresh := func() placement.Review {
		r := placement.NewReview(p, s.o.Mode, s.api, s.api.Build(s.a()))
		r.Expect = s.o.ExpectDigest
		return r
	}
	check := func(what string) {
		t.Helper()
		s.build()
		if want := fresh(); !reflect.DeepEqual(s.review, want) || !reflect.DeepEqual(s.order, want.Order) {
			t.Fatalf("%s: review %+v, from scratch %+v", what, s.review, want)
		}
	}
	check("first build")
	before := s.review.Digest
	check("nothing changed")
	s.set("body.zone", "CH2")
	check("an answer typed")
	if s.review.Digest == before {
		t.Fatal("the digest did not follow the answer")
	}
	s.api.AddItem(s.a(), "body.product_infos")
	s.validate()
	check("an item added")
	p.credential = "env B"
	check("the target changed")
	if s.target.Credential != "env B" {
		t.Fatalf("target %+v after the credential changed", s.target)
	}
}

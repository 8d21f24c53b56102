package ui

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
)

// startLookups looks only at the look-ups whose query or readiness may have changed
// (lookups.Index, blocked answers). Two sessions take the same random edits, look-ups
// answered or failing alike; one forgets the index before every startLookups (a pass over
// every look-up, as before): the look-ups started, the queries asked, the answers filled in
// and the answers themselves must stay the same.
func TestStartLookupsLooksAtWhatChanged(t *testing.T) {
	p := &fakeProvider{lookups: map[string][]flows.Option{
		flows.LookupHuaweiProjects:       {{Value: fillDSC["project_id"]}},
		flows.LookupDSCProductID:         {{Value: "OFFI740586375358963717"}},
		flows.LookupWorkspaceAppProducts: {{Value: "workspace.appstream.general.xlarge.4"}},
		flows.LookupVPCs:                 {{Value: "vpc-1"}, {Value: "vpc-2"}},
		// subnets, server groups and zones fail: a failure is not asked again until its inputs change
	}}
	for _, id := range []flows.APIID{flows.HuaweiDSC, flows.HuaweiWorkspaceApp} {
		for seed := range 3 {
			t.Run(fmt.Sprintf("%s/%d", id, seed), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(uint64(seed), 11))
				inc := newDriver(t, Options{Provider: p}, 120, 40)
				full := newDriver(t, Options{Provider: p}, 120, 40)
				inc.pickAPI(id)
				full.pickAPI(id)
				si, sf := inc.m.s, full.m.s
				step := func(what string) {
					t.Helper()
					sf.index.Forget()
					settle(si, startLookups(si))
					sf.index.Forget()
					settle(sf, startLookups(sf))
					if !reflect.DeepEqual(si.a().Values(), sf.a().Values()) {
						t.Fatalf("%s: answers differ:\n%v\n%v", what, si.a().Values(), sf.a().Values())
					}
					if !reflect.DeepEqual(lookupStates(si), lookupStates(sf)) || !reflect.DeepEqual(si.asked, sf.asked) || !reflect.DeepEqual(si.filled, sf.filled) {
						t.Fatalf("%s: look-ups differ:\n%v %v %v\n%v %v %v", what, lookupStates(si), si.asked, si.filled, lookupStates(sf), sf.asked, sf.filled)
					}
				}
				step("start")
				pool := []string{"", "x", "cn-north-4", "cn-east-3", "vpc-1", "vpc-2", fillDSC["project_id"], "0123", "hws.resource.type.dsc.base", "hws.resource.type.dsc.db", "hws.resource.type.dsc.obs", "DB_standard", "base_standard", "2", "3", "5"}
				for i := range 150 {
					var paths, arrays []string
					for _, st := range si.steps {
						for _, s := range si.api.Slots(si.a(), st) {
							switch {
							case s.Heading:
							case s.Field.Kind == flows.Array && s.Item == "":
								arrays = append(arrays, s.Path)
							case s.Field.Kind.IsScalar():
								paths = append(paths, s.Path)
							}
						}
					}
					if len(arrays) > 0 && rng.IntN(12) == 0 {
						path := arrays[rng.IntN(len(arrays))]
						for _, s := range []*session{si, sf} {
							s.api.AddItem(s.a(), path)
							s.validate()
						}
						step(fmt.Sprintf("%d: add %s", i, path))
						continue
					}
					path, v := paths[rng.IntN(len(paths))], pool[rng.IntN(len(pool))]
					si.set(path, v)
					sf.set(path, v)
					step(fmt.Sprintf("%d: %s=%q", i, path, v))
				}
			})
		}
	}
}

// settle runs what startLookups returned as Bubble Tea would (the fake provider answers at
// once; the spinner's tick is left out), hands each look-up's answer to gotLookup, and
// starts what an answer unlocks, as the wizard does, until nothing more is started.
func settle(s *session, cmd tea.Cmd) {
	if cmd == nil || isSpinnerTick(s, cmd) {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			settle(s, c)
		}
	case lookupMsg:
		if gotLookup(s, msg) {
			settle(s, startLookups(s))
		}
	}
}

// isSpinnerTick reports whether c is the spinner's tick (it would wait a frame).
func isSpinnerTick(s *session, c tea.Cmd) bool {
	return reflect.ValueOf(c).Pointer() == reflect.ValueOf(s.spin.Tick).Pointer()
}

// lookupStates is each look-up's state by query key.
func lookupStates(s *session) map[string]string {
	out := map[string]string{}
	for k, l := range s.lookups {
		out[k] = fmt.Sprint(l.loading, l.err != nil, len(l.opts))
	}
	return out
}

// A look-up waiting on an input with a blocking problem starts when the problem goes, also
// when the problem went because another answer changed: a second edition in the order blocks
// its item until the first item stops being one.
func TestLookupStartsWhenAnotherAnswerUnblocksItsInput(t *testing.T) {
	p := &fakeProvider{lookups: map[string][]flows.Option{flows.LookupDSCProductID: {{Value: "OFFI740586375358963717"}}}}
	d := newDriver(t, Options{Provider: p, ProjectID: fillDSC["project_id"]}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	s := d.m.s
	s.api.AddItem(s.a(), "body.product_infos")
	s.validate()
	settle(s, startLookups(s))
	second := flows.ItemPath("body.product_infos", 1)
	s.set(second+".resource_size", "5")
	s.set(second+".resource_type", "hws.resource.type.dsc.base") // two editions: blocks item 1
	settle(s, startLookups(s))
	if got := s.a().Get(second + ".product_id"); got != "" {
		t.Fatalf("item 1 got product id %q while its resource type blocks the order", got)
	}
	s.set(flows.ItemPath("body.product_infos", 0)+".resource_type", "hws.resource.type.dsc.db")
	settle(s, startLookups(s))
	if got := s.a().Get(second + ".product_id"); got != "OFFI740586375358963717" {
		t.Fatalf("item 1 has product id %q once it is the only edition; problems %v", got, s.problems)
	}
}

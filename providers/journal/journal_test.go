package journal

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
)

// fake is a provider whose Submit does what the test says; the journal is SDK-agnostic, so no
// SDK is involved here (the SDK paths are tested against the sandbox elsewhere).
type fake struct {
	submit func(ctx context.Context) (providers.Result, error)
}

func (f fake) Submit(ctx context.Context, _ flows.Order) (providers.Result, error) {
	return f.submit(ctx)
}
func (f fake) Lookup(context.Context, providers.LookupQuery) ([]flows.Option, error) {
	return nil, nil
}
func (f fake) Target(flows.APIID, string) providers.Target {
	return providers.Target{Mode: providers.Sandbox, Endpoint: "http://127.0.0.1:1"}
}

// testAPIs are the APIs whose orders the journals here record.
var testAPIs = flows.Registry{flows.PAI, flows.DSC, flows.WorkspaceApp}

var order = flows.Order{API: flows.HuaweiDSC, Region: "cn-north-4", ProjectID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
	Body: []byte(`{ "charging_mode": 0 }`)}

func ok(context.Context) (providers.Result, error) {
	return providers.Result{OrderID: "CS1", RequestID: "r1"}, nil
}

// answering is a provider whose Submit fails with err, or places the order (ok) when err is nil.
func answering(err error) fake {
	return fake{submit: func(ctx context.Context) (providers.Result, error) {
		if err != nil {
			return providers.Result{}, err
		}
		return ok(ctx)
	}}
}

func TestFileIsPrivateAndAppendOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "cloudorder", "orders.jsonl")
	j := New(fake{submit: ok}, path, testAPIs)
	for range 2 {
		if _, err := j.Submit(context.Background(), order); err != nil {
			t.Fatal(err)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("history mode %v, want 0600", fi.Mode().Perm())
	}
	if di, _ := os.Stat(filepath.Dir(path)); di.Mode().Perm() != 0o700 {
		t.Errorf("history dir mode %v, want 0700", di.Mode().Perm())
	}
	recs, _ := ReadRecords(path)
	if len(recs) != 4 || recs[0].Kind != KindIntent || recs[1].Kind != KindOutcome || recs[0].ID != recs[1].ID {
		t.Fatalf("records = %+v; want intent, outcome, intent, outcome", recs)
	}
	if string(recs[0].Body) != `{"charging_mode":0}` || recs[0].BodySHA256 != BodyHash([]byte(`{"charging_mode":0}`)) {
		t.Errorf("intent body %s / hash %s: want the compact body and its hash", recs[0].Body, recs[0].BodySHA256)
	}
}

// The journal chmods nothing: a file it creates is born 0600, and an existing file's mode is
// the owner's choice.
func TestExistingFileModeIsLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	if err := os.WriteFile(path, nil, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := New(fake{submit: ok}, path, testAPIs).Submit(context.Background(), order); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the file's own 0640", fi.Mode().Perm())
	}
}

// The intent is on disk before the order leaves; a process that dies mid-flight leaves it
// pending, which reads as "may have been placed".
func TestIntentBeforeSendAndCrashLeavesPending(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	seen := make(chan []Entry, 1)
	j := New(fake{submit: func(context.Context) (providers.Result, error) {
		e, _ := Read(path)
		seen <- e
		return providers.Result{}, &providers.Error{Kind: providers.Unknown, Message: "timeout"}
	}}, path, testAPIs)
	_, _ = j.Submit(context.Background(), order)
	mid := <-seen
	if len(mid) != 1 || mid[0].Outcome != OutcomePending || mid[0].Settled() {
		t.Fatalf("while sending: %+v; want one pending intent", mid)
	}
	after, _ := Read(path)
	if after[0].Outcome != OutcomeUnknown {
		t.Fatalf("after a timeout: outcome %q, want unknown", after[0].Outcome)
	}

	// A crash: only the intent was written (and a torn last line).
	crash := filepath.Join(t.TempDir(), "orders.jsonl")
	if err := appendRecord(crash, Record{Kind: KindIntent, ID: "x", At: time.Now(), API: order.API}); err != nil {
		t.Fatal(err)
	}
	f, _ := os.OpenFile(crash, os.O_APPEND|os.O_WRONLY, 0)
	_, _ = f.WriteString(`{"kind":"outcome","id":"x","outcome":"o`)
	_ = f.Close()
	entries, err := Read(crash)
	if err != nil || len(entries) != 1 || entries[0].Outcome != OutcomePending {
		t.Fatalf("after a crash: %+v, %v; want one pending entry", entries, err)
	}
}

func TestOutcomes(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{nil, OutcomeOK},
		{&providers.Error{Kind: providers.Rejected, Code: "dsc.40000011", Message: "Invalid parameter", RequestID: "r"}, OutcomeRejected},
		{&providers.Error{Kind: providers.Invalid, Message: "no credential"}, OutcomeNotSent},
		{&providers.Error{Kind: providers.Unknown, Message: "HTTP 500"}, OutcomeUnknown},
		{errors.New("unclassified"), OutcomeUnknown},
	} {
		path := filepath.Join(t.TempDir(), "orders.jsonl")
		j := New(answering(tc.err), path, testAPIs)
		_, _ = j.Submit(context.Background(), order)
		e, _ := Read(path)
		if e[0].Outcome != tc.want {
			t.Errorf("%v: outcome %q, want %q", tc.err, e[0].Outcome, tc.want)
		}
		if tc.want == OutcomeRejected && (e[0].Result.Code != "dsc.40000011" || e[0].Result.RequestID != "r") {
			t.Errorf("rejected outcome lacks code/request id: %+v", e[0].Result)
		}
	}
}

func TestUnwritableHistorySendsNothing(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	_ = os.WriteFile(blocker, nil, 0o600)
	sent := false
	j := New(fake{submit: func(context.Context) (providers.Result, error) { sent = true; return ok(context.TODO()) }},
		filepath.Join(blocker, "orders.jsonl"), testAPIs) // a directory that cannot exist
	_, err := j.Submit(context.Background(), order)
	if sent || providers.KindOf(err) != providers.Invalid {
		t.Fatalf("sent=%v err=%v; want nothing sent and an Invalid error", sent, err)
	}
}

func TestRecentDuplicate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	j := New(fake{submit: ok}, path, testAPIs)
	j.now = func() time.Time { return now }
	if _, found := j.RecentDuplicate(order, 24*time.Hour); found {
		t.Fatal("duplicate in an empty history")
	}
	_, _ = j.Submit(context.Background(), order)

	same := order
	same.Body = []byte("{\"charging_mode\":\n 0}") // white space does not make it different
	if r, found := j.RecentDuplicate(same, 24*time.Hour); !found || r.OrderID != "CS1" || r.RequestID != "r1" {
		t.Fatalf("identical order not found: %+v %v", r, found)
	}
	for name, o := range map[string]flows.Order{
		"body":    {API: order.API, Region: order.Region, ProjectID: order.ProjectID, Body: []byte(`{"charging_mode":1}`)},
		"region":  {API: order.API, Region: "cn-east-3", ProjectID: order.ProjectID, Body: order.Body},
		"project": {API: order.API, Region: order.Region, ProjectID: "ffffffffffffffffffffffffffffffff", Body: order.Body},
		"api":     {API: flows.HuaweiWorkspaceApp, Region: order.Region, ProjectID: order.ProjectID, Body: order.Body},
	} {
		if _, found := j.RecentDuplicate(o, 24*time.Hour); found {
			t.Errorf("different %s counted as a duplicate", name)
		}
	}
	j.now = func() time.Time { return now.Add(25 * time.Hour) }
	if _, found := j.RecentDuplicate(order, 24*time.Hour); found {
		t.Error("an order outside the window counted as a duplicate")
	}

	// A rejected order bought nothing: not a duplicate.
	path2 := filepath.Join(t.TempDir(), "orders.jsonl")
	j2 := New(fake{submit: func(context.Context) (providers.Result, error) {
		return providers.Result{}, &providers.Error{Kind: providers.Rejected}
	}}, path2, testAPIs)
	_, _ = j2.Submit(context.Background(), order)
	if _, found := j2.RecentDuplicate(order, time.Hour); found {
		t.Error("a rejected order counted as a duplicate")
	}
}

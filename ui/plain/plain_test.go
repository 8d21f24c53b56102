package plain

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/cloud"
	"cloudorder/providers/journal"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts")

// session runs a plain session against the in-process sandbox (the real SDKs, the journal and
// the duplicate guard, as the wizard opens them) with a piped transcript.
type session struct {
	out     string
	outcome Outcome
	history string
}

func runSession(t *testing.T, mode providers.Mode, lang i18n.Lang, transcript string) session {
	t.Helper()
	history := filepath.Join(t.TempDir(), "orders.jsonl")
	p, closer, err := cloud.Open(cloud.Options{Mode: mode, HistoryPath: history,
		Getenv: func(string) string { return "" }, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	var out bytes.Buffer
	o := Run(Options{Provider: p, APIs: testAPIs, Mode: mode, Lang: lang, ProjectID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
		In: strings.NewReader(transcript), Out: &out, SaveDir: t.TempDir(),
		Now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }})
	return session{out: out.String(), outcome: o, history: history}
}

// normalize replaces what changes from run to run: the sandbox's port and the IDs it issues.
var volatile = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`127\.0\.0\.1:\d+`), "127.0.0.1:PORT"},
	{regexp.MustCompile(`(order_id|request_id): \S+`), "$1: ID"},
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	for _, v := range volatile {
		got = v.re.ReplaceAllString(got, v.with)
	}
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui/plain -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("transcript %s differs from %s (go test ./ui/plain -update rewrites it after a deliberate change)\n--- got ---\n%s", name, path, got)
	}
}

func noControl(t *testing.T, s string) {
	t.Helper()
	for i, b := range []byte(s) {
		if b == 0x1b || (b < 0x20 && b != '\n') || b == 0x7f {
			t.Fatalf("control byte %#x at offset %d: plain mode must write none", b, i)
		}
	}
}

func entries(t *testing.T, history string) []journal.Entry {
	t.Helper()
	e, err := journal.Read(history)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return e
}

// testAPIs are the APIs every session here offers, in this order: an API added to the catalog
// changes no transcript until it is listed here.
var testAPIs = flows.Registry{flows.PAI, flows.DSC, flows.WorkspaceApp}

// Alibaba with every documented default, after a bad choice number, a count below the minimum,
// a value outside the closed choices and a Duration the docs do not allow; placed on "yes".
const alibabaPlaced = string(flows.AlibabaPAI) + "\n" + // API: picked by its id
	"?\n" + // region: its documented meaning
	"99\n" + // region: no choice 99
	"\n" +
	"0\n" + // Products: at least 1
	"\n" +
	"Foo\n" + // Product code: not a choice
	"\n" +
	"\n\n\n\n\n" + // Auto-pay, Auto-renew, Charge type, Order type, Pricing cycle
	"2\n" + // Duration: only 1
	"\n" +
	"\n" + // Product region
	"yes\n"

// Huawei DSC with a validation error on the number of periods; the input ends at the
// confirmation, so nothing may be placed.
const dscEOF = string(flows.HuaweiDSC) + "\n" + // API: picked by its id, wherever it is in the list
	"\n\n\n\n" + // region, project, region_id, zone
	"\n\n\n\n" + // cloud service type, items, resource type, spec code
	"OFFI740586375358963717\n" + // product id (required, no default)
	"\n" + // item cloud service type
	"\n\n" + // charging mode, period type
	"0\n" + // period_num: at least 1
	"abc\n" + // not a whole number
	"\n" +
	"\n\n\n\n\n" + // auto-renew, combo, discount, promotion id, promotion info
	"\n\n\n\n\n\n\n\n\n" // the volume step's fields, then end of input at the confirmation

func TestGoldenTranscripts(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run("alibaba-placed-"+string(lang), func(t *testing.T) {
			s := runSession(t, providers.Sandbox, lang, alibabaPlaced)
			golden(t, "alibaba-placed-"+string(lang), s.out)
			noControl(t, s.out)
			if s.outcome.OrderID == "" || s.outcome.Canceled || !strings.Contains(s.out, "order_id: "+s.outcome.OrderID+"\nrequest_id: "+s.outcome.RequestID+"\n") {
				t.Fatalf("outcome %+v", s.outcome)
			}
			if e := entries(t, s.history); len(e) != 1 || e[0].Outcome != journal.OutcomeOK {
				t.Fatalf("history %+v: want the one order placed", e)
			}
		})
		t.Run("dsc-eof-"+string(lang), func(t *testing.T) {
			s := runSession(t, providers.Sandbox, lang, dscEOF)
			golden(t, "dsc-eof-"+string(lang), s.out)
			noControl(t, s.out)
			place := map[i18n.Lang]string{i18n.EN: "Place this order? Type yes to place it (default: no): ", i18n.ZH: "确认下单?输入 yes 下单(默认:否): "}[lang]
			if !s.outcome.Canceled || s.outcome.OrderID != "" || !strings.Contains(s.out, place) {
				t.Fatalf("end of input at the confirmation must cancel: %+v", s.outcome)
			}
			if e := entries(t, s.history); len(e) != 0 {
				t.Fatalf("nothing may be sent or journaled: %+v", e)
			}
		})
	}
}

// Every prompt's input can end: wherever the transcript stops, nothing is placed.
func TestEndOfInputAnywhereCancels(t *testing.T) {
	lines := strings.SplitAfter(alibabaPlaced, "\n")
	for n := 0; n < len(lines)-1; n++ {
		s := runSession(t, providers.Sandbox, i18n.EN, strings.Join(lines[:n], ""))
		if !s.outcome.Canceled || len(entries(t, s.history)) != 0 {
			t.Fatalf("cut after %d lines: %+v", n, s.outcome)
		}
	}
}

// Only the word yes places: "y", "no" and a blank line do not.
func TestOnlyYesPlaces(t *testing.T) {
	base := strings.TrimSuffix(alibabaPlaced, "yes\n")
	for _, answer := range []string{"y\n", "no\n", "\n", "YES please\n"} {
		s := runSession(t, providers.Sandbox, i18n.EN, base+answer)
		if s.outcome.OrderID != "" || s.outcome.Canceled || !strings.Contains(s.out, "Not placed.") || len(entries(t, s.history)) != 0 {
			t.Errorf("%q placed or canceled: %+v", answer, s.outcome)
		}
	}
}

// The duplicate guard of the history asks again before an identical order is sent twice.
func TestDuplicateIsAskedAgain(t *testing.T) {
	history := filepath.Join(t.TempDir(), "orders.jsonl")
	p, closer, err := cloud.Open(cloud.Options{Mode: providers.Sandbox, HistoryPath: history, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	run := func(transcript string) (string, Outcome) {
		var out bytes.Buffer
		o := Run(Options{Provider: p, APIs: testAPIs, Mode: providers.Sandbox, In: strings.NewReader(transcript), Out: &out})
		return out.String(), o
	}
	if _, o := run(alibabaPlaced); o.OrderID == "" {
		t.Fatal("first order not placed")
	}
	out, o := run(alibabaPlaced + "no\n")
	if o.OrderID != "" || !strings.Contains(out, "an identical order succeeded") || !strings.Contains(out, "Place it AGAIN? Type again") {
		t.Fatalf("duplicate not asked about:\n%s", out)
	}
	// yes piped twice never places it again: "place it AGAIN?" takes the word again.
	if out, o := run(alibabaPlaced + "yes\n"); o.OrderID != "" || !strings.Contains(out, "Not placed.") {
		t.Fatalf("a second yes placed the duplicate:\n%s", out)
	}
	if e, _ := journal.Read(history); len(e) != 1 {
		t.Fatalf("history has %d entries, want 1", len(e))
	}
	if _, o := run(alibabaPlaced + "again\n"); o.OrderID == "" {
		t.Fatal("again did not place the second order")
	}
	if e, _ := journal.Read(history); len(e) != 2 {
		t.Fatalf("history has %d entries, want 2", len(e))
	}
}

// A dry run saves the order file instead of placing it; the file is what validate reads.
func TestDryRunSavesTheOrderFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "o.json")
	base := strings.TrimSuffix(alibabaPlaced, "yes\n")
	s := runSession(t, providers.DryRun, i18n.EN, base+path+"\n")
	if len(s.outcome.Saved) != 1 || s.outcome.Saved[0] != path || !strings.Contains(s.out, "saved: "+path) {
		t.Fatalf("outcome %+v\n%s", s.outcome, s.out)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	api, _, problems, err := testAPIs.Load(data)
	if err != nil || api == nil || flows.Blocking(problems) {
		t.Fatalf("saved file does not load cleanly: %v %v", err, problems)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	// An existing file is never replaced: the path is asked again.
	s = runSession(t, providers.DryRun, i18n.EN, base+path+"\n-\n")
	if !strings.Contains(s.out, path+" exists") || len(s.outcome.Saved) != 0 {
		t.Errorf("existing file: %+v\n%s", s.outcome, s.out)
	}
}

// A loaded order starts from its own answers: blank lines accept them.
func TestFromOrderFile(t *testing.T) {
	data, err := os.ReadFile("../../testdata/orders/alibaba-oss.json")
	if err != nil {
		t.Fatal(err)
	}
	api, a, _, err := testAPIs.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	history := filepath.Join(t.TempDir(), "orders.jsonl")
	p, closer, err := cloud.Open(cloud.Options{Mode: providers.Sandbox, HistoryPath: history, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	var out bytes.Buffer
	o := Run(Options{Provider: p, APIs: testAPIs, Mode: providers.Sandbox, FromAPI: api, FromAnswers: a,
		In: strings.NewReader(strings.Repeat("\n", 40)), Out: &out})
	if !strings.Contains(out.String(), `"Name": "对象存储 OSS"`) || o.OrderID != "" {
		t.Fatalf("loaded answers not kept or placed without yes:\n%s", out.String())
	}
}

// A history that cannot be read is said to be so — not reported as an identical order that
// succeeded (at the zero time, with no ids) — and the order still waits for another yes.
func TestUnreadableHistoryIsNotASuccess(t *testing.T) {
	history := filepath.Join(t.TempDir(), "orders.jsonl")
	if err := os.Mkdir(history, 0o700); err != nil { // not a regular file: unreadable
		t.Fatal(err)
	}
	p, closer, err := cloud.Open(cloud.Options{Mode: providers.Sandbox, HistoryPath: history, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	var out bytes.Buffer
	o := Run(Options{Provider: p, APIs: testAPIs, Mode: providers.Sandbox, In: strings.NewReader(alibabaPlaced + "no\n"), Out: &out})
	if o.OrderID != "" || !strings.Contains(out.String(), "the order history could not be read") || strings.Contains(out.String(), "succeeded") {
		t.Fatalf("unreadable history:\n%s", out.String())
	}
}

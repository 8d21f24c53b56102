package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/journal"
	"cloudorder/providers/sandbox"
	"cloudorder/ui"
)

// `cloudorder status` against a sandbox the test started (--endpoint), through the real SDKs'
// billing calls: an unpaid DSC order's state, and unknown outcomes resolved from the order book.

// statusJSON runs status with --output json and decodes it.
func statusJSON(t *testing.T, env map[string]string, s *sandbox.Server, ids ...string) ([]statusItem, int) {
	t.Helper()
	args := append([]string{"status"}, ids...)
	out, errOut, code := runForTest(t, env, "", append(args, "--endpoint", s.URL(), "--output", "json")...)
	var items []statusItem
	if err := json.Unmarshal([]byte(out), &items); err != nil && out != "" && !strings.HasPrefix(out, "nothing to check") {
		t.Fatalf("status output %q (%s): %v", out, errOut, err)
	}
	return items, code
}

func TestStatusOfADSCOrderUnpaidThenPaid(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	out, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--endpoint", s.URL(), "--yes", "--output", "json")
	if code != exitOK {
		t.Fatalf("submit: exit %d: %s", code, errOut)
	}
	var placed struct {
		OrderID string `json:"order_id"`
	}
	_ = json.Unmarshal([]byte(out), &placed)

	text, errOut, code := runForTest(t, env, "", "status", placed.OrderID, "--endpoint", s.URL())
	if code != exitOK || !strings.Contains(text, "order "+placed.OrderID+": pending payment (unpaid) (cloud: 6 pending payment (待支付))") ||
		!strings.Contains(text, "`cloudorder pay "+placed.OrderID+" --endpoint "+s.URL()+"`") || !strings.Contains(text, "amount 3750.00 CNY") {
		t.Fatalf("status: exit %d\n%s\n%s", code, text, errOut)
	}
	// With no id, the unpaid order is due.
	items, code := statusJSON(t, env, s)
	if code != exitOK || len(items) != 1 || items[0].Order == nil || items[0].Order.State != providers.StatePendingPayment {
		t.Fatalf("status (due): exit %d, %+v", code, items)
	}

	if _, errOut, code := runForTest(t, env, "", "pay", placed.OrderID, "--endpoint", s.URL(), "--yes"); code != exitOK {
		t.Fatalf("pay: exit %d: %s", code, errOut)
	}
	items, code = statusJSON(t, env, s, placed.OrderID)
	if code != exitOK || len(items) != 1 || items[0].Order.State != providers.StateCompleted || items[0].StateText.ZH != "已完成" {
		t.Fatalf("status after payment: exit %d, %+v", code, items)
	}
	h, _ := journal.Load(historyFile(env))
	if st := h.Entries[0].Status; st.State != string(providers.StateCompleted) || st.OrderID != placed.OrderID {
		t.Fatalf("history status = %+v", st)
	}
	// history says the order was paid and what the cloud said last, never "unpaid — pay" once
	// it is paid (the status record must not hide the payment made from here).
	if hist, _, _ := runForTest(t, env, "", "history"); !strings.Contains(hist, "ok · paid · completed") || strings.Contains(hist, "unpaid") {
		t.Fatalf("history after paying:\n%s", hist)
	}
	// The history entry's id names the same order.
	entry := h.Entries[0].Intent.ID
	items, code = statusJSON(t, env, s, entry)
	if code != exitOK || len(items) != 1 || items[0].Entry != entry || items[0].Order == nil || items[0].Order.OrderID != placed.OrderID ||
		items[0].Order.Amount != "3750.00" || items[0].Order.Currency != "CNY" || items[0].Order.Created.IsZero() || len(items[0].Order.Lines) == 0 {
		t.Fatalf("status by entry id: exit %d, %+v", code, items)
	}
	// Completed: nothing is due any more.
	if out, _, code := runForTest(t, env, "", "status", "--endpoint", s.URL()); code != exitOK || !strings.Contains(out, "nothing to check") {
		t.Fatalf("nothing due: exit %d: %s", code, out)
	}
}

// reset-after-placing: the order exists but the answer was lost. status finds it (the same
// id the sandbox placed) and the repeat stays refused.
func TestStatusResolvesAResetAfterPlacing(t *testing.T) {
	for _, file := range []string{"testdata/orders/huawei-dsc.json", "testdata/orders/alibaba-dataworks.json"} {
		t.Run(file, func(t *testing.T) {
			s := startSandbox(t)
			env := withSandboxKeys(submitEnv(t))
			s.SetFault(sandbox.Fault{Kind: sandbox.FaultResetAfterPlacing, Count: 1})
			_, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes")
			if code != 4 || len(s.Orders()) != 1 || !strings.Contains(errOut, "run: cloudorder status --endpoint "+s.URL()) {
				t.Fatalf("submit: exit %d, %d orders: %s", code, len(s.Orders()), errOut)
			}
			want := s.Orders()[0].OrderID
			out, errOut, code := runForTest(t, env, "", "status", "--endpoint", s.URL())
			if code != exitOK || !strings.Contains(out, "PLACED: the cloud has exactly one matching order, "+want) ||
				!strings.Contains(out, want+": matches") || !strings.Contains(out, "compared with the order sent: new purchase") {
				t.Fatalf("status: exit %d\n%s\n%s", code, out, errOut)
			}
			h, _ := journal.Load(historyFile(env))
			if r := h.Entries[0].Resolution; r.Outcome != journal.ResolvedPlaced || r.OrderID != want || h.Entries[0].OrderID() != want {
				t.Fatalf("resolution = %+v", r)
			}
			// history shows the order found, and what became of the unknown outcome.
			if hist, _, _ := runForTest(t, env, "", "history"); !strings.Contains(hist, want) || !strings.Contains(hist, "unknown → placed (found in the cloud's orders)") {
				t.Fatalf("history after the resolution:\n%s", hist)
			}
			api := s.Orders()[0].API
			_, errOut, code = runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes")
			if code != exitUsage || !strings.Contains(errOut, "order_id "+want) || s.Hits(api) != 1 {
				t.Fatalf("repeat: exit %d, hits %d: %s", code, s.Hits(api), errOut)
			}
			if api != sandbox.DSCOrders {
				return
			}
			// The order found is the history's: `pay` finds it by its id and pays it once.
			if _, errOut, code := runForTest(t, env, "", "pay", want, "--endpoint", s.URL(), "--yes"); code != exitOK || len(s.Payments()) != 1 {
				t.Fatalf("pay the resolved order: exit %d: %s", code, errOut)
			}
			items, code := statusJSON(t, env, s, want)
			if code != exitOK || len(items) != 1 || items[0].Order == nil || items[0].Order.State != providers.StateCompleted {
				t.Fatalf("status after pay: exit %d, %+v", code, items)
			}
		})
	}
}

// http500 places nothing: once the window has settled, status says "not placed" and the
// repeat is sent — once.
func TestStatusResolvesAnHTTP500AsNotPlaced(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	file := "testdata/orders/huawei-dsc.json"
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Count: 1})
	if _, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes"); code != 4 {
		t.Fatalf("submit: exit %d: %s", code, errOut)
	}
	if _, _, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes"); code != exitUsage {
		t.Fatalf("unresolved repeat: exit %d", code)
	}
	var out, errOut string
	var code int
	for try := 0; try < 4; try++ { // the sandbox's window closes on the next whole second
		out, errOut, code = runForTest(t, env, "", "status", "--endpoint", s.URL())
		if !strings.Contains(out, "NOT KNOWN YET") {
			break
		}
		time.Sleep(600 * time.Millisecond)
	}
	if code != exitOK || !strings.Contains(out, "NOT PLACED as of") || !strings.Contains(out, ": 0 listed") {
		t.Fatalf("status: exit %d\n%s\n%s", code, out, errOut)
	}
	if hist, _, _ := runForTest(t, env, "", "history"); !strings.Contains(hist, "unknown → not placed") {
		t.Fatalf("history after the resolution:\n%s", hist)
	}
	if _, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes"); code != exitOK {
		t.Fatalf("repeat after not placed: exit %d: %s", code, errOut)
	}
	if _, _, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes"); code != exitUsage {
		t.Fatalf("third attempt: exit %d", code)
	}
	if s.Hits(sandbox.DSCOrders) != 2 || len(s.Orders()) != 1 {
		t.Fatalf("hits %d, orders %d: the repeat must be sent exactly once", s.Hits(sandbox.DSCOrders), len(s.Orders()))
	}
}

func TestStatusRefusesWhatItCannotAnswer(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	if _, errOut, code := runForTest(t, env, "", "status", "nope", "--endpoint", s.URL()); code != exitUsage ||
		!strings.Contains(errOut, `"nope" is neither a history entry nor an order id`) {
		t.Fatalf("unknown id: exit %d: %s", code, errOut)
	}
	if _, errOut, code := runForTest(t, env, "", "status", "--output", "yaml"); code != exitUsage || !strings.Contains(errOut, "--output") {
		t.Fatalf("bad output: exit %d: %s", code, errOut)
	}
	// An entry sent to another endpoint is not asked about here.
	other := startSandbox(t)
	if _, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--endpoint", other.URL(), "--yes"); code != exitOK {
		t.Fatalf("submit: %d %s", code, errOut)
	}
	h, _ := journal.Load(historyFile(env))
	_, errOut, code := runForTest(t, env, "", "status", h.Entries[0].Intent.ID, "--endpoint", s.URL())
	if code != exitUsage || !strings.Contains(errOut, "--endpoint "+other.URL()) {
		t.Fatalf("other endpoint: exit %d: %s", code, errOut)
	}
	// A bare status asks what it can and names the endpoints it did not ask.
	out, errOut, code := runForTest(t, env, "", "status", "--endpoint", s.URL())
	if code != exitOK || !strings.Contains(errOut, "not asked about here: 1; run `cloudorder status --endpoint URL` with "+other.URL()) ||
		!strings.Contains(out, "nothing to check here") {
		t.Fatalf("bare status, entry elsewhere: exit %d\n%s\n%s", code, out, errOut)
	}
}

// The in-process sandbox (--sandbox) keeps its order book across commands: submit, pay and
// status with --sandbox see the same orders. Its entries are known by their identity (it
// listens on a new port every run); a status that reads elsewhere names --sandbox for them.
func TestStatusOfAnInProcessSandboxEntry(t *testing.T) {
	env := withSandboxKeys(submitEnv(t))
	out, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--sandbox", "--yes", "--output", "json")
	if code != exitOK {
		t.Fatalf("submit --sandbox: exit %d: %s", code, errOut)
	}
	var placed struct {
		OrderID string `json:"order_id"`
	}
	_ = json.Unmarshal([]byte(out), &placed)
	h, _ := journal.Load(historyFile(env))
	entry := h.Entries[0].Intent.ID

	out, errOut, code = runForTest(t, env, "", "status", entry, "--sandbox")
	if code != exitOK || !strings.Contains(out, "order "+placed.OrderID+": pending payment (unpaid)") {
		t.Fatalf("status --sandbox: exit %d\n%s\n%s", code, out, errOut)
	}
	// The entry id shortened as history show takes it: its random end.
	out, errOut, code = runForTest(t, env, "", "status", entry[len(entry)-12:], "--sandbox")
	if code != exitOK || !strings.Contains(out, "order "+placed.OrderID+": pending payment (unpaid)") {
		t.Fatalf("status SHORT-ID --sandbox: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, errOut, code := runForTest(t, env, "", "pay", placed.OrderID, "--sandbox", "--yes"); code != exitOK {
		t.Fatalf("pay --sandbox: exit %d: %s", code, errOut)
	}
	out, errOut, code = runForTest(t, env, "", "status", placed.OrderID, "--sandbox")
	if code != exitOK || !strings.Contains(out, "order "+placed.OrderID+": completed") {
		t.Fatalf("status --sandbox after pay: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, errOut, code := runForTest(t, env, "", "pay", placed.OrderID, "--sandbox", "--yes"); code == exitOK {
		t.Fatalf("paid twice: %s", errOut)
	}

	s := startSandbox(t)
	out, errOut, code = runForTest(t, env, "", "status", "--endpoint", s.URL())
	if h, _ = journal.Load(historyFile(env)); h.Entries[0].Status.State != string(providers.StateCompleted) {
		t.Fatalf("history status %+v", h.Entries[0].Status)
	}
	// Completed: nothing is due, and nothing is said about the sandbox entry.
	if code != exitOK || !strings.Contains(out, "nothing to check") {
		t.Fatalf("bare status elsewhere: exit %d\n%s\n%s", code, out, errOut)
	}
	_, errOut, code = runForTest(t, env, "", "status", entry, "--endpoint", s.URL())
	if code != exitUsage || !strings.Contains(errOut, "was sent to the in-process sandbox: run `cloudorder status "+entry+" --sandbox`") {
		t.Fatalf("status ENTRY elsewhere: exit %d: %s", code, errOut)
	}
	if _, errOut, code := runForTest(t, env, "", "status", "--sandbox", "--endpoint", s.URL()); code != exitUsage || !strings.Contains(errOut, "cannot be combined with --endpoint") {
		t.Fatalf("--sandbox --endpoint: exit %d: %s", code, errOut)
	}
}

// A due in-process entry is not asked about by a status that reads elsewhere: one note says
// to run status --sandbox.
func TestBareStatusNamesTheSandboxForItsEntries(t *testing.T) {
	env := withSandboxKeys(submitEnv(t))
	if _, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--sandbox", "--yes"); code != exitOK {
		t.Fatalf("submit --sandbox: exit %d: %s", code, errOut)
	}
	s := startSandbox(t)
	out, errOut, code := runForTest(t, env, "", "status", "--endpoint", s.URL())
	if code != exitOK || !strings.Contains(errOut, "in-process sandbox, not asked about here: 1; run `cloudorder status --sandbox`") ||
		!strings.Contains(out, "nothing to check here") {
		t.Fatalf("bare status: exit %d\n%s\n%s", code, out, errOut)
	}
	if out, errOut, code := runForTest(t, env, "", "status", "--sandbox"); code != exitOK || !strings.Contains(out, "pending payment (unpaid)") {
		t.Fatalf("status --sandbox: exit %d\n%s\n%s", code, out, errOut)
	}
}

// Plain mode, after an outcome it cannot know, names the status command to run.
func TestPlainUnknownOutcomeNamesTheStatusCommand(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Count: 1})
	defaults := string(flows.AlibabaPAI) + "\n" + strings.Repeat("\n", 10) // PAI, by its id, then its defaults
	out, errOut, code := runForTest(t, env, defaults+"yes\n", "--endpoint", s.URL(), "--plain", "--lang", "en")
	if code != 4 || !strings.Contains(errOut, "run: cloudorder status --endpoint "+s.URL()) {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

// The process dies while the order is in flight (kill -9: the history holds the intent and no
// outcome), and the account then holds two identical new orders from the window (placed from
// another machine's history): status says ambiguous, names both, and the repeat stays refused.
func TestStatusOfTwoMatchingOrdersIsAmbiguous(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	file := "testdata/orders/huawei-dsc.json"
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHang, Count: 1})
	cmd, _, _ := command(t, env, "submit", file, "--endpoint", s.URL(), "--yes", "--timeout", "60s")
	startUntilOrdered(t, cmd, s, flows.HuaweiDSC)
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if h, _ := journal.Load(historyFile(env)); len(h.Entries) != 1 || h.Entries[0].Outcome != journal.OutcomePending {
		t.Fatalf("after kill -9 the history should hold one pending intent: %+v", h.Entries)
	}
	other := withSandboxKeys(submitEnv(t))
	for _, extra := range [][]string{nil, {"--allow-duplicate"}} {
		args := append([]string{"submit", file, "--endpoint", s.URL(), "--yes"}, extra...)
		if _, errOut, code := runForTest(t, other, "", args...); code != exitOK {
			t.Fatalf("placing from the other history: exit %d: %s", code, errOut)
		}
	}
	if len(s.Orders()) != 2 {
		t.Fatalf("%d orders in the book, want 2", len(s.Orders()))
	}
	a, b := s.Orders()[0].OrderID, s.Orders()[1].OrderID
	out, errOut, code := runForTest(t, env, "", "status", "--endpoint", s.URL())
	if code != exitOK || !strings.Contains(out, "AMBIGUOUS: "+a+", "+b+" could each be this order") ||
		!strings.Contains(out, a+": matches") || !strings.Contains(out, b+": matches") || !strings.Contains(out, ": 2 listed") {
		t.Fatalf("status: exit %d\n%s\n%s", code, out, errOut)
	}
	h, _ := journal.Load(historyFile(env))
	if r := h.Entries[0].Resolution; r.Outcome != journal.ResolvedAmbiguous || strings.Join(r.Matches, ",") != a+","+b {
		t.Fatalf("resolution = %+v", r)
	}
	hits := s.Hits(sandbox.DSCOrders)
	if _, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes"); code != exitUsage || s.Hits(sandbox.DSCOrders) != hits {
		t.Fatalf("repeat after ambiguous: exit %d: %s", code, errOut)
	}
	if hist, _, _ := runForTest(t, env, "", "history"); !strings.Contains(hist, "unknown → ambiguous") {
		t.Fatalf("history:\n%s", hist)
	}
	// Still due: ambiguous is asked about again by a bare status.
	if items, code := statusJSON(t, env, s); code != exitOK || len(items) != 1 || items[0].Resolution == nil || items[0].Resolution.Verdict != "ambiguous" {
		t.Fatalf("due again: exit %d %+v", code, items)
	}
}

// The status line printed after an unknown outcome names where to ask: the in-process
// sandbox's kept book, the --endpoint the order went to, or the cloud.
func TestStatusHintNamesWhereToAsk(t *testing.T) {
	for _, tc := range []struct {
		endpoint  string
		inProcess bool
		want      string
	}{
		{"", false, "run: cloudorder status"},
		{"", true, "run: cloudorder status --sandbox"},
		{"http://127.0.0.1:8790", false, "run: cloudorder status --endpoint http://127.0.0.1:8790"},
	} {
		if got := statusHint(tc.endpoint, tc.inProcess).EN; !strings.HasSuffix(got, tc.want) {
			t.Errorf("statusHint(%q, %v) = %q, want …%q", tc.endpoint, tc.inProcess, got, tc.want)
		}
	}
}

// The wizard's last exit line after an unknown outcome: what check now found, else the
// status line.
func TestWizardExitLineAfterCheckNow(t *testing.T) {
	for _, tc := range []struct {
		o    ui.Outcome
		want string
	}{
		{ui.Outcome{Failure: providers.Unknown, Found: "CS1"}, "show it WAS placed: order CS1 (recorded in the history; `cloudorder status CS1 --sandbox` tells its state)"},
		{ui.Outcome{Failure: providers.Unknown, NotPlaced: true}, "show it was NOT placed (recorded in the history: it may be sent again, once)"},
		{ui.Outcome{Failure: providers.Unknown}, "run: cloudorder status --sandbox"},
		{ui.Outcome{OrderID: "CS2"}, ""},
	} {
		var errOut bytes.Buffer
		c := &cli{stderr: &errOut, lang: i18n.EN}
		printCheckedOrHint(c, tc.o, "", true)
		if got := strings.TrimSpace(errOut.String()); (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%+v: %q, want %q", tc.o, got, tc.want)
		}
	}
}

package ui

import (
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/cloud"
	"cloudorder/providers/sandbox"
)

// probe wraps the wizard in a running program and keeps a snapshot of what the test needs
// after every message, taken in the program's goroutine, so a test waits on what the person
// would see instead of parsing the renderer's byte stream (and never reads the live model).
type probe struct {
	st *probeState
	m  Model
}

type probeState struct {
	mu     sync.Mutex
	snap   snapshot
	screen string
}

// snapshot is the wizard's state after one message.
type snapshot struct {
	where   string
	ask     ask
	failed  bool // the last submission failed
	outcome Outcome
	answers map[string]string
	path    string // the focused field
	value   string
	typed   bool // the focused field is a text field
	keys    int  // key presses handled so far
	looking bool // a look-up is running
}

func (p probe) Init() tea.Cmd { return p.m.Init() }

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	nm, cmd := p.m.Update(msg)
	p.m = nm.(Model)
	screen := ansi.Strip(p.m.View().Content)
	p.st.mu.Lock()
	defer p.st.mu.Unlock()
	keys := p.st.snap.keys
	if _, ok := msg.(tea.KeyPressMsg); ok {
		keys++
	}
	p.st.snap, p.st.screen = snap(p.m, keys), screen
	return p, cmd
}

func snap(m Model, keys int) snapshot {
	s := snapshot{where: m.Where(), ask: m.ask, failed: m.s.lastErr != nil, outcome: m.Outcome(),
		answers: m.Answers().Values(), keys: keys, looking: lookupsLoading(m.s)}
	if r, ok := m.form.focused(); ok && m.scr == scrForm {
		s.path, s.value, s.typed = r.path(), r.w.value(m.s, r), r.w.typed()
	}
	return s
}

func (p probe) View() tea.View { return p.m.View() }

// program is a wizard running in teatest against the in-process sandbox.
type program struct {
	t    *testing.T
	tm   *teatest.TestModel
	st   *probeState
	srv  *sandbox.Server
	sent int // key presses sent
}

// openSandbox opens the real provider stack (SDK clients, journal) in sandbox mode with its
// history in a temporary directory.
func openSandbox(t *testing.T, history string) (providers.Provider, *sandbox.Server) {
	t.Helper()
	env := map[string]string{"XDG_STATE_HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir(), "HOME": t.TempDir()}
	p, closer, err := cloud.Open(cloud.Options{Mode: providers.Sandbox, Timeout: 5 * time.Second,
		Getenv: func(k string) string { return env[k] }, HistoryPath: history})
	if err != nil {
		t.Fatalf("open the sandbox: %v", err)
	}
	t.Cleanup(func() { closer.Close() })
	srv, ok := closer.(*sandbox.Server)
	if !ok {
		t.Fatalf("cloud.Open(Sandbox) closer is %T, want *sandbox.Server", closer)
	}
	return p, srv
}

func startProgram(t *testing.T, opts Options) *program {
	t.Helper()
	history := filepath.Join(t.TempDir(), "orders.jsonl")
	p, srv := openSandbox(t, history)
	if opts.Provider == nil {
		opts.Provider = p
	}
	if opts.Mode == "" {
		opts.Mode = providers.Sandbox
	}
	if opts.Clock == nil {
		opts.Clock = steppingClock()
	}
	if opts.APIs == nil {
		opts.APIs = testRegistry
	}
	m := New(opts)
	st := &probeState{snap: snap(m, 0)}
	tm := teatest.NewTestModel(t, probe{st: st, m: m},
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	return &program{t: t, tm: tm, st: st, srv: srv}
}

func (p *program) press(keys ...string) {
	for _, k := range keys {
		p.tm.Send(keyMsg(k))
		p.sent++
	}
}

// pickAPI chooses the API id on the first screen with →, as a person reading it would (the
// look-ups an API starts are not waited for).
func (p *program) pickAPI(id flows.APIID) {
	p.t.Helper()
	for range len(testRegistry) + 1 {
		p.waitFor("the keys to be handled", func(s snapshot, _ string) bool { return s.keys >= p.sent })
		if s, _ := p.latest(); s.path == "api" && s.value == string(id) {
			return
		}
		p.press("right")
	}
	s, screen := p.latest()
	p.t.Fatalf("→ never chose %s; at %s on %s:\n%s", id, s.where, s.path, screen)
}

// latest is the snapshot after the last message.
func (p *program) latest() (snapshot, string) {
	p.st.mu.Lock()
	defer p.st.mu.Unlock()
	return p.st.snap, p.st.screen
}

// settle waits until every key sent so far was handled and no look-up runs (a person
// waits for the spinner on the field before taking its answer).
func (p *program) settle() {
	p.t.Helper()
	p.waitFor("the keys to be handled", func(s snapshot, _ string) bool { return s.keys >= p.sent && !s.looking })
}

// walk drives the running wizard to review as a person would: at each field it reads what
// the screen holds now (look-ups answer fields as they arrive), sets the answers named in
// fill (typed after ctrl+u, or stepped to with →) and presses Enter.
func (p *program) walk(fill map[string]string) {
	p.t.Helper()
	for range 200 {
		p.settle()
		s, _ := p.latest()
		if s.where == "review" {
			return
		}
		want, has := fill[s.path]
		if s.path == "api" {
			want, has = fill["api"]
		}
		switch {
		case has && s.value != want && s.typed:
			p.press("ctrl+u")
			for _, c := range want {
				p.press(string(c))
			}
		case has && s.value != want:
			p.press("right")
		default:
			p.press("enter")
		}
	}
	s, screen := p.latest()
	p.t.Fatalf("walk did not reach review; at %s on %s:\n%s", s.where, s.path, screen)
}

// waitFor waits until cond holds for the latest snapshot and screen.
func (p *program) waitFor(what string, cond func(s snapshot, screen string) bool) {
	p.t.Helper()
	deadline := time.Now().Add(30 * time.Second) // generous: a loaded machine is slow, not wrong
	for time.Now().Before(deadline) {
		if s, screen := p.latest(); cond(s, screen) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	s, screen := p.latest()
	p.t.Fatalf("timed out waiting for %s; at %s:\n%s", what, s.where, screen)
}

// quit ends the program and returns the final wizard model.
func (p *program) quit() Model {
	p.t.Helper()
	p.press("ctrl+c")
	fm := p.tm.FinalModel(p.t, teatest.WithFinalTimeout(10*time.Second))
	return fm.(probe).m
}

func TestProgramPlacesEachAPIOrderInSandbox(t *testing.T) {
	for name, fill := range map[string]map[string]string{"alibaba": fillAlibaba, "dsc": fillDSC, "workspaceapp": fillWorkspace} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := startProgram(t, Options{})
			p.walk(fill)
			p.press("y")
			p.waitFor("the order id", func(m snapshot, s string) bool {
				return m.where == "result" && m.outcome.OrderID != "" && strings.Contains(s, m.outcome.OrderID)
			})
			orders := p.srv.Orders()
			if len(orders) != 1 {
				t.Fatalf("sandbox accepted %d orders", len(orders))
			}
			m := p.quit()
			if got := m.Outcome(); got.OrderID != orders[0].OrderID || got.RequestID == "" || string(got.API) != string(orders[0].API) {
				t.Fatalf("outcome %+v, sandbox %+v", got, orders[0])
			}
		})
	}
}

func TestProgramTwoYSendOneOrder(t *testing.T) {
	t.Parallel()
	p := startProgram(t, Options{})
	p.srv.SetFault(sandbox.Fault{Kind: sandbox.FaultLatency, Delay: 400 * time.Millisecond, Count: 1})
	p.walk(fillAlibaba)
	p.press("y", "y", "enter", "y")
	p.waitFor("the result", func(m snapshot, s string) bool { return m.where == "result" })
	p.press("y") // on the result screen y means nothing either
	time.Sleep(100 * time.Millisecond)
	if n := p.srv.Hits(sandbox.PAIOrders); n != 1 {
		t.Fatalf("%d requests reached the order endpoint, want 1", n)
	}
	p.quit()
}

func TestProgramAPIErrorReturnsToReview(t *testing.T) {
	t.Parallel()
	p := startProgram(t, Options{})
	p.srv.SetFault(sandbox.Fault{Kind: sandbox.FaultThrottle, Count: 1})
	p.walk(fillDSC)
	snapBefore, _ := p.latest()
	before := snapBefore.answers
	p.press("y")
	p.waitFor("the error on review", func(m snapshot, s string) bool {
		return m.where == "review" && m.failed && strings.Contains(s, "APIGW.0308")
	})
	_, screen := p.latest()
	if !strings.Contains(screen, "throttling") || !strings.Contains(screen, "Wait a minute") || strings.Contains(screen, "Fix the field") {
		t.Fatalf("a throttled order needs throttling advice:\n%s", screen)
	}
	snapAfter, _ := p.latest()
	after := snapAfter.answers
	for k, v := range before {
		if after[k] != v {
			t.Fatalf("answer %s changed from %q to %q", k, v, after[k])
		}
	}
	// The throttle is over: y places it now.
	p.press("y")
	p.waitFor("the order id", func(m snapshot, s string) bool { return m.where == "result" })
	if m := p.quit(); m.Outcome().Failure != 0 || m.Outcome().OrderID == "" {
		t.Fatalf("outcome %+v", m.Outcome())
	}
}

func TestProgramUnknownOutcomeSaysSo(t *testing.T) {
	t.Parallel()
	p := startProgram(t, Options{})
	p.srv.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Count: 1})
	p.walk(fillAlibaba)
	p.press("y")
	p.waitFor("the unknown outcome", func(m snapshot, s string) bool { return strings.Contains(s, "MAY HAVE BEEN PLACED") })
	p.press("y")
	p.waitFor("the second confirmation", func(m snapshot, s string) bool { return m.ask == askUnknown })
	if n := p.srv.Hits(sandbox.PAIOrders); n != 1 {
		t.Fatalf("%d requests before confirming", n)
	}
	if m := p.quit(); m.Outcome().Failure != providers.Unknown {
		t.Fatalf("outcome %+v", m.Outcome())
	}
}

func TestProgramFromPrefills(t *testing.T) {
	t.Parallel()
	p := startProgram(t, Options{From: loadedFile(t, "../testdata/orders/huawei-workspaceapp.json")})
	p.waitFor("review of the loaded order", func(m snapshot, s string) bool {
		return m.where == "review" && strings.Contains(s, "workspacehost.s.large2.p01")
	})
	p.press("y")
	p.waitFor("the order id", func(m snapshot, s string) bool { return m.where == "result" })
	if o := p.srv.Orders(); len(o) != 1 || !strings.Contains(string(o[0].Body), "workspacehost.s.large2.p01") {
		t.Fatalf("sandbox orders %+v", o)
	}
	p.quit()
}

func TestProgramDuplicateAsksBeforeSending(t *testing.T) {
	t.Parallel()
	history := filepath.Join(t.TempDir(), "orders.jsonl")
	prov, srv := openSandbox(t, history)
	for i := range 2 {
		m := New(Options{Provider: prov, APIs: testRegistry, Mode: providers.Sandbox, Clock: steppingClock()})
		st := &probeState{snap: snap(m, 0)}
		tm := teatest.NewTestModel(t, probe{st: st, m: m}, teatest.WithInitialTermSize(120, 40),
			teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
		p := &program{t: t, tm: tm, st: st, srv: srv}
		p.walk(fillAlibaba)
		p.press("y")
		if i == 0 {
			p.waitFor("the order id", func(m snapshot, s string) bool { return m.where == "result" })
			p.quit()
			continue
		}
		p.waitFor("the duplicate question", func(m snapshot, s string) bool {
			return m.ask == askDuplicate && strings.Contains(s, srv.Orders()[0].OrderID)
		})
		if n := srv.Hits(sandbox.PAIOrders); n != 1 {
			t.Fatalf("%d requests before confirming the duplicate", n)
		}
		p.quit()
	}
}

// With the look-ups supplying every ID (IAM project, DSC product id, Workspace App server
// group, VPC and subnet), each API's default order is → to pick it, one Enter per step and
// y: nothing typed, at most 12 keystrokes from launch to the order ID.
func TestProgramDefaultOrdersNeedNoTyping(t *testing.T) {
	for _, tc := range []struct {
		api   flows.APIID
		price []string // what the review's price section says (fragments: the columns interleave)
	}{
		{flows.AlibabaPAI, []string{"billed by usage; no upfront price"}},
		{flows.HuaweiDSC, []string{"CNY for 1 month", "list price from the cloud's", "before discounts", "base_professional (OFFI"}},
		{flows.HuaweiWorkspaceApp, []string{"no documented price inquiry"}},
	} {
		t.Run(string(tc.api), func(t *testing.T) {
			t.Parallel()
			p := startProgram(t, Options{})
			p.walk(map[string]string{"api": string(tc.api)})
			p.waitFor("the price", func(m snapshot, s string) bool {
				flat := strings.Join(strings.Fields(s), " ")
				for _, w := range tc.price {
					if !strings.Contains(flat, w) {
						return false
					}
				}
				return true
			})
			// The in-process sandbox signs with its own keys, and the review says so
			// (credentialOf matches providers/cloud's source word for word).
			p.waitFor("the sandbox's keys named", func(_ snapshot, s string) bool { return strings.Contains(s, "the sandbox's built-in keys") })
			p.press("y")
			p.waitFor("the order id", func(m snapshot, s string) bool {
				return m.where == "result" && m.outcome.OrderID != "" && strings.Contains(s, m.outcome.OrderID)
			})
			s, _ := p.latest()
			if s.keys > 12 {
				t.Errorf("%d keystrokes from launch to the order ID, want ≤ 12", s.keys)
			}
			for path, v := range s.answers {
				if path == "project_id" && len(v) != 32 {
					t.Errorf("project_id %q: the IAM look-up should have answered it", v)
				}
			}
			orders := p.srv.Orders()
			if len(orders) != 1 {
				t.Fatalf("sandbox accepted %d orders", len(orders))
			}
			t.Logf("%s: %d keystrokes", tc.api, s.keys)
			p.quit()
		})
	}
}

// postFault sets a sandbox fault over HTTP, as a person or script would.
func postFault(t *testing.T, srv *sandbox.Server, body string) {
	t.Helper()
	resp, err := http.Post(srv.URL()+"/_sandbox/faults", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		t.Fatalf("POST /_sandbox/faults %s: %s", body, resp.Status)
	}
}

// A look-up the sandbox delays by 3 s does not delay a key: the person moves and types
// while the spinner turns, and the answer fills the field when it comes.
func TestProgramSlowLookUpNeverDelaysAKey(t *testing.T) {
	t.Parallel()
	p := startProgram(t, Options{})
	postFault(t, p.srv, `{"kind":"latency","delay":"3s","call":"lookups"}`)
	p.pickAPI(flows.HuaweiDSC)
	p.press("enter") // region & account: the IAM look-up is on its way
	start := time.Now()
	for _, k := range []string{"down", "up", "down", "up"} {
		p.press(k)
	}
	p.waitFor("the keys", func(s snapshot, _ string) bool { return s.keys >= p.sent })
	if took := time.Since(start); took > time.Second {
		t.Fatalf("4 keys took %v while a look-up was delayed 3 s", took)
	}
	s, screen := p.latest()
	if !s.looking || !strings.Contains(screen, "looking up") || s.answers["project_id"] != "" {
		t.Fatalf("the look-up should still be running (spinner on the field):\n%s", screen)
	}
	p.waitFor("the project id", func(s snapshot, _ string) bool { return len(s.answers["project_id"]) == 32 })
	p.quit()
}

// A look-up that fails says why at the field and leaves it typable.
func TestProgramFailedLookUpLeavesTheFieldTypable(t *testing.T) {
	t.Parallel()
	p := startProgram(t, Options{})
	postFault(t, p.srv, `{"kind":"http500","call":"lookups"}`)
	p.pickAPI(flows.HuaweiDSC)
	p.press("enter")
	p.waitFor("the failure", func(s snapshot, screen string) bool {
		return !s.looking && strings.Contains(screen, "look-up failed")
	})
	p.press("down") // region → project id
	for _, c := range "0a1b2c3d4e5f60718293a4b5c6d7e8f9" {
		p.press(string(c))
	}
	p.waitFor("the typed id", func(s snapshot, _ string) bool {
		return s.answers["project_id"] == "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
	})
	if _, screen := p.latest(); !strings.Contains(screen, "look-up failed") {
		t.Fatalf("the reason went away:\n%s", screen)
	}
	p.quit()
}

// A DSC order is created unpaid: the result says so with the console link; p shows what is
// paid and asks; Enter and n pay nothing; y pays once.
func TestProgramPaysADSCOrderOnlyAfterItsOwnConfirmation(t *testing.T) {
	t.Parallel()
	p := startProgram(t, Options{})
	p.walk(map[string]string{"api": string(flows.HuaweiDSC)})
	p.press("y")
	p.waitFor("the unpaid order", func(m snapshot, s string) bool {
		return m.where == "result" && strings.Contains(s, "UNPAID") && strings.Contains(s, "https://")
	})
	p.press("p")
	p.waitFor("the payment question", func(m snapshot, s string) bool {
		return m.ask == askPay && strings.Contains(s, "3750.00 CNY") && strings.Contains(s, "Sandbox: nothing is bought")
	})
	if _, s := p.latest(); strings.Contains(s, "SPENDS MONEY") {
		t.Errorf("the sandbox's payment question says it spends money:\n%s", s)
	}
	p.press("enter", "n")
	p.waitFor("no question", func(m snapshot, s string) bool { return m.ask == askNone && m.keys >= p.sent })
	if n := len(p.srv.Payments()); n != 0 {
		t.Fatalf("%d payments without y", n)
	}
	p.press("p", "y")
	p.waitFor("the payment", func(m snapshot, s string) bool { return strings.Contains(s, "Order paid") })
	pays := p.srv.Payments()
	if len(pays) != 1 || pays[0].OrderID != p.srv.Orders()[0].OrderID {
		t.Fatalf("payments %+v for orders %+v", pays, p.srv.Orders())
	}
	p.press("p") // paid: p offers nothing more
	p.settle()   // the p has been handled
	if m, _ := p.latest(); m.ask != askNone || len(p.srv.Payments()) != 1 {
		t.Fatalf("p after paying: ask %v, %d payments", m.ask, len(p.srv.Payments()))
	}
	p.quit()
}

// The DSC product id follows the item: another spec code is priced again and its product id
// replaces the one the look-up filled in before (a stale id is never sent).
func TestDSCProductIDFollowsTheSpec(t *testing.T) {
	prov, _ := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
	d := newDriver(t, Options{Provider: prov}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	d.keys("enter", "enter") // region & account (project from IAM), products
	const item = "body.product_infos[0]."
	a := d.m.Answers()
	first := a.Get(item + "product_id")
	if want := sandbox.DSCProductID("cn-north-4", a.Get(item+"resource_spec_code"), 2); first != want {
		t.Fatalf("product id %q, want the inquiry's %q", first, want)
	}
	d.focus(item + "resource_spec_code")
	d.keys("right")
	spec := d.m.Answers().Get(item + "resource_spec_code")
	got := d.m.Answers().Get(item + "product_id")
	if want := sandbox.DSCProductID("cn-north-4", spec, 2); got != want || got == first {
		t.Fatalf("after the spec became %s: product id %q, want %q (was %q)", spec, got, want, first)
	}
	// Back to the first spec: its inquiry was answered already (the session's cache), and
	// the product id comes back from it rather than staying empty and "required".
	d.keys("left")
	if got := d.m.Answers().Get(item + "product_id"); got != first {
		t.Fatalf("after the spec went back: product id %q, want %q again\n%s", got, first, d.view())
	}
}

// A failed price inquiry says so at the review and never blocks placing the order.
func TestFailedPriceInquiryDoesNotBlockPlacing(t *testing.T) {
	prov, srv := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
	d := newDriver(t, Options{Provider: prov}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	last := string(d.m.s.steps[len(d.m.s.steps)-1])
	for i := 0; i < 12 && d.m.Where() != last; i++ {
		d.keys("enter")
	}
	// Both tries of the inquiry fail (lookups.Cache asks a read-only call twice).
	srv.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Call: sandbox.CallBSSRate, Count: 2})
	d.keys("enter")
	v := strings.Join(strings.Fields(d.view()), " ")
	if d.m.Where() != "review" || !strings.Contains(v, "price unknown") || !strings.Contains(v, "still be placed") {
		t.Fatalf("at %s:\n%s", d.m.Where(), d.view())
	}
	d.keys("y")
	if d.m.Where() != "result" || len(srv.Orders()) != 1 {
		t.Fatalf("y after a failed price inquiry: at %s, %d orders\n%s", d.m.Where(), len(srv.Orders()), d.view())
	}
}

// The subnet list follows the VPC: choosing another VPC drops the subnet the look-up filled
// in for the first one and fills one of the new VPC's.
func TestWorkspaceSubnetFollowsTheVPC(t *testing.T) {
	prov, _ := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
	d := newDriver(t, Options{Provider: prov}, 120, 40)
	d.pickAPI(flows.HuaweiWorkspaceApp)
	const cs = "body.resources[0].create_services."
	for i := 0; i < 8 && d.m.Where() != string(flows.StepProperties); i++ {
		d.keys("enter")
	}
	a := d.m.Answers()
	vpc, subnet := a.Get(cs+"vpc_id"), a.Get(cs+"subnet_id")
	if vpc != sandbox.VPCWorkspaceID || subnet == "" {
		t.Fatalf("vpc %q subnet %q: the server group's VPC and subnet should come first\n%s", vpc, subnet, d.view())
	}
	d.focus(cs + "vpc_id")
	// vpc_id is a text field with suggestions: type the other VPC's id.
	d.keys("ctrl+u")
	d.typ(sandbox.VPCDefaultID)
	got := d.m.Answers().Get(cs + "subnet_id")
	if got == "" || got == subnet {
		t.Fatalf("after choosing %s the subnet is %q (was %q)\n%s", sandbox.VPCDefaultID, got, subnet, d.view())
	}
	if !strings.Contains(d.view(), "vpc-default") {
		t.Fatalf("the VPC's label is not beside its id:\n%s", d.view())
	}
}

// The screens only the sandbox reaches (the price, the unpaid result, the payment question,
// the looked-up labels) are whole in Chinese too.
func TestChineseLookUpPriceAndPaymentScreens(t *testing.T) {
	prov, _ := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
	d := newDriver(t, Options{Provider: prov, Lang: i18n.ZH}, 120, 40)
	check := func(where string, want ...string) {
		t.Helper()
		v := d.view()
		for _, l := range strings.Split(v, "\n") {
			if m := asciiProse.FindString(commands.ReplaceAllString(l, "")); m != "" {
				t.Errorf("%s: English %q in the Chinese screen: %q", where, m, l)
			}
		}
		flat := strings.Join(strings.Fields(v), " ")
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s lacks %q:\n%s", where, w, v)
			}
		}
	}
	d.pickAPI(flows.HuaweiDSC)
	d.keys("enter")
	check("region", "项目 ID")
	d.walk(nil)
	check("review", "价格", "CNY", "云平台询价接口给出的官网价格")
	d.keys("y")
	check("result", "尚未支付", "按 p")
	d.keys("p")
	check("pay question", "支付订单", "CNY", "沙箱:不会真实购买")
	d.keys("y")
	check("paid", "订单已支付")
}

package ui

import (
	"os"
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
	"cloudorder/providers"
	"cloudorder/providers/cloud"
	"cloudorder/providers/sandbox"
)

// probe wraps the wizard in a running program and keeps its latest model and screen, so a
// test waits on what the person would see instead of parsing the renderer's byte stream.
type probe struct {
	st *probeState
	m  Model
}

type probeState struct {
	mu     sync.Mutex
	m      Model
	screen string
}

func (p probe) Init() tea.Cmd { return p.m.Init() }

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	nm, cmd := p.m.Update(msg)
	p.m = nm.(Model)
	screen := ansi.Strip(p.m.View().Content)
	p.st.mu.Lock()
	p.st.m, p.st.screen = p.m, screen
	p.st.mu.Unlock()
	return p, cmd
}

func (p probe) View() tea.View { return p.m.View() }

// program is a wizard running in teatest against the in-process sandbox.
type program struct {
	t   *testing.T
	tm  *teatest.TestModel
	st  *probeState
	srv *sandbox.Server
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
	st := &probeState{}
	m := New(opts)
	st.m = m
	tm := teatest.NewTestModel(t, probe{st: st, m: m},
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	return &program{t: t, tm: tm, st: st, srv: srv}
}

func (p *program) press(keys ...string) {
	for _, k := range keys {
		p.tm.Send(keyMsg(k))
	}
}

// waitFor waits until cond holds for the latest model and screen.
func (p *program) waitFor(what string, cond func(m Model, screen string) bool) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		p.st.mu.Lock()
		m, screen := p.st.m, p.st.screen
		p.st.mu.Unlock()
		if cond(m, screen) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	p.st.mu.Lock()
	defer p.st.mu.Unlock()
	p.t.Fatalf("timed out waiting for %s; at %s:\n%s", what, p.st.m.Where(), p.st.screen)
}

// quit ends the program and returns the final wizard model.
func (p *program) quit() Model {
	p.t.Helper()
	p.press("ctrl+c")
	fm := p.tm.FinalModel(p.t, teatest.WithFinalTimeout(10*time.Second))
	return fm.(probe).m
}

// plan returns the keys that take a person from launch to review for fill.
func plan(t *testing.T, fill map[string]string) []string {
	t.Helper()
	return newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40).walk(fill)
}

func TestProgramPlacesEachAPIOrderInSandbox(t *testing.T) {
	for name, fill := range map[string]map[string]string{"alibaba": fillAlibaba, "dsc": fillDSC, "workspaceapp": fillWorkspace} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := startProgram(t, Options{})
			p.press(plan(t, fill)...)
			p.waitFor("review", func(m Model, s string) bool { return m.Where() == "review" })
			p.press("y")
			p.waitFor("the order id", func(m Model, s string) bool {
				return m.Where() == "result" && m.Outcome().OrderID != "" && strings.Contains(s, m.Outcome().OrderID)
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
	p.press(plan(t, fillAlibaba)...)
	p.waitFor("review", func(m Model, s string) bool { return m.Where() == "review" })
	p.press("y", "y", "enter", "y")
	p.waitFor("the result", func(m Model, s string) bool { return m.Where() == "result" })
	p.press("y") // on the result screen y means nothing either
	time.Sleep(100 * time.Millisecond)
	if n := p.srv.Hits(flows.AlibabaPAI); n != 1 {
		t.Fatalf("%d requests reached the order endpoint, want 1", n)
	}
	p.quit()
}

func TestProgramAPIErrorReturnsToReview(t *testing.T) {
	t.Parallel()
	p := startProgram(t, Options{})
	p.srv.SetFault(sandbox.Fault{Kind: sandbox.FaultThrottle, Count: 1})
	p.press(plan(t, fillDSC)...)
	p.waitFor("review", func(m Model, s string) bool { return m.Where() == "review" })
	before := p.st.m.Answers().Values()
	p.press("y")
	p.waitFor("the error on review", func(m Model, s string) bool {
		return m.Where() == "review" && m.s.lastErr != nil && strings.Contains(s, "APIGW.0308")
	})
	p.st.mu.Lock()
	screen := p.st.screen
	p.st.mu.Unlock()
	if !strings.Contains(screen, "throttling") || !strings.Contains(screen, "Wait a minute") || strings.Contains(screen, "Fix the field") {
		t.Fatalf("a throttled order needs throttling advice:\n%s", screen)
	}
	p.st.mu.Lock()
	after := p.st.m.Answers().Values()
	p.st.mu.Unlock()
	for k, v := range before {
		if after[k] != v {
			t.Fatalf("answer %s changed from %q to %q", k, v, after[k])
		}
	}
	// The throttle is over: y places it now.
	p.press("y")
	p.waitFor("the order id", func(m Model, s string) bool { return m.Where() == "result" })
	if m := p.quit(); m.Outcome().Failure != 0 || m.Outcome().OrderID == "" {
		t.Fatalf("outcome %+v", m.Outcome())
	}
}

func TestProgramUnknownOutcomeSaysSo(t *testing.T) {
	t.Parallel()
	p := startProgram(t, Options{})
	p.srv.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Count: 1})
	p.press(plan(t, fillAlibaba)...)
	p.waitFor("review", func(m Model, s string) bool { return m.Where() == "review" })
	p.press("y")
	p.waitFor("the unknown outcome", func(m Model, s string) bool { return strings.Contains(s, "OUTCOME UNKNOWN") })
	p.press("y")
	p.waitFor("the second confirmation", func(m Model, s string) bool { return m.ask == askUnknown })
	if n := p.srv.Hits(flows.AlibabaPAI); n != 1 {
		t.Fatalf("%d requests before confirming", n)
	}
	if m := p.quit(); m.Outcome().Failure != providers.Unknown {
		t.Fatalf("outcome %+v", m.Outcome())
	}
}

func TestProgramFromPrefills(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../testdata/orders/huawei-workspaceapp.json")
	if err != nil {
		t.Fatal(err)
	}
	api, a, problems, err := flows.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	p := startProgram(t, Options{From: &Loaded{Name: "huawei-workspaceapp.json", API: api, Answers: a, Problems: problems}})
	p.waitFor("review of the loaded order", func(m Model, s string) bool {
		return m.Where() == "review" && strings.Contains(s, "workspacehost.s.large2.p01")
	})
	p.press("y")
	p.waitFor("the order id", func(m Model, s string) bool { return m.Where() == "result" })
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
		st := &probeState{}
		m := New(Options{Provider: prov, Mode: providers.Sandbox})
		st.m = m
		tm := teatest.NewTestModel(t, probe{st: st, m: m}, teatest.WithInitialTermSize(120, 40),
			teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
		p := &program{t: t, tm: tm, st: st, srv: srv}
		p.press(plan(t, fillAlibaba)...)
		p.waitFor("review", func(m Model, s string) bool { return m.Where() == "review" })
		p.press("y")
		if i == 0 {
			p.waitFor("the order id", func(m Model, s string) bool { return m.Where() == "result" })
			p.quit()
			continue
		}
		p.waitFor("the duplicate question", func(m Model, s string) bool {
			return m.ask == askDuplicate && strings.Contains(s, srv.Orders()[0].OrderID)
		})
		if n := srv.Hits(flows.AlibabaPAI); n != 1 {
			t.Fatalf("%d requests before confirming the duplicate", n)
		}
		p.quit()
	}
}

package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cloudorder/catalog"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/ui/uitest"
)

// fakeProvider is a scripted provider for direct model tests: it records every Submit.
type fakeProvider struct {
	mu      sync.Mutex
	orders  []flows.Order
	err     error         // returned by Submit when set
	delay   time.Duration // Submit waits this long
	lookups map[string][]flows.Option
	dup     *providers.Recent
}

func (f *fakeProvider) Submit(ctx context.Context, o flows.Order) (providers.Result, error) {
	f.mu.Lock()
	f.orders = append(f.orders, o)
	err, delay := f.err, f.delay
	n := len(f.orders)
	f.mu.Unlock()
	if delay > 0 {
		time.Sleep(delay)
	}
	if err != nil {
		return providers.Result{}, err
	}
	return providers.Result{OrderID: "ORDER-" + string(rune('0'+n)), RequestID: "REQ-1", Response: map[string]any{"Message": "ok"}}, nil
}

func (f *fakeProvider) Lookup(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	if opts, ok := f.lookups[q.Name]; ok {
		return opts, nil
	}
	// Not a transient failure: lookups.Cache does not ask twice.
	return nil, &providers.Error{Kind: providers.Invalid, Message: "no look-up " + q.Name}
}

func (f *fakeProvider) Target(api flows.APIID, region string) providers.Target {
	return providers.Target{Mode: providers.Sandbox, Endpoint: "http://127.0.0.1:1", Credential: providers.SandboxKeys, MaskedKey: "SAND****",
		CLI: cliOf(api)}
}

// cliOf is api's CLI mapping in the catalog (what the real providers put in their targets).
func cliOf(api flows.APIID) providers.CLI {
	a, _ := catalog.Find(api)
	return a.CLI
}

func (f *fakeProvider) RecentDuplicate(o flows.Order, within time.Duration) (providers.Recent, bool) {
	if f.dup != nil {
		return *f.dup, true
	}
	return providers.Recent{}, false
}

func (f *fakeProvider) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.orders)
}

// testRegistry is the wizard's first step in every test here, in this order, and the APIs
// their order files may name: an API added to the catalog, or moved in it, changes no test's
// keys or pictures until it is listed here.
var testRegistry = flows.Registry{flows.PAI, flows.DSC, flows.WorkspaceApp}

// loadedFile is the order file at path as --from hands it to the wizard: loaded through the
// test registry, named by its base name.
func loadedFile(t testing.TB, path string) *Loaded {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	api, a, problems, err := testRegistry.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	return &Loaded{Name: filepath.Base(path), API: api, Answers: a, Problems: problems}
}

// driver runs a Model synchronously: each key goes through Update, and the commands it
// returns run to completion (ticks and clipboard writes are dropped), as a program would.
type driver struct {
	t *testing.T
	m Model
}

func newDriver(t *testing.T, opts Options, w, h int) *driver {
	t.Helper()
	if opts.Mode == "" {
		opts.Mode = providers.Sandbox
	}
	if opts.Now == nil {
		opts.Now = func() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) }
	}
	if opts.APIs == nil {
		opts.APIs = testRegistry
	}
	if opts.Clock == nil {
		opts.Clock = steppingClock()
	}
	d := &driver{t: t, m: New(opts)}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.m.Init())
	return d
}

// steppingClock is a confirmation clock on which a second passes between any two readings:
// every key comes well after its question (placement.Debounce), for the tests that are not
// about timing. The protocol's own tests use real or hand-moved clocks.
func steppingClock() func() time.Time {
	var mu sync.Mutex
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		at = at.Add(time.Second)
		return at
	}
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	d.m = uitest.Send(d.t, d.m, msg)
}

// run executes cmd and feeds its messages back, breadth first (uitest.Run).
func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	d.m = uitest.Run(d.t, d.m, cmd)
}

func (d *driver) keys(ks ...string) {
	d.t.Helper()
	for _, k := range ks {
		d.send(keyMsg(k))
	}
}

func (d *driver) typ(s string) {
	d.t.Helper()
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (d *driver) view() string { return ansi.Strip(d.m.View().Content) }

// keyMsg builds a key press from its name ("enter", "esc", "y", "shift+tab", "ctrl+c").
func keyMsg(k string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"space":     {Code: tea.KeySpace, Text: " "},
		"backspace": {Code: tea.KeyBackspace},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
		"ctrl+n":    {Code: 'n', Mod: tea.ModCtrl},
		"q":         {Code: 'q', Text: "q"},
		"f1":        {Code: tea.KeyF1},
	}
	if m, ok := special[k]; ok {
		return m
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }

// walk drives the wizard from the focused step to review the way a person would: Enter on
// every field, except that fields named in fill (by path) are set first — text typed after
// ctrl+u, pick-one values reached with →. It returns the keys it pressed, so a program-level
// test can replay exactly the same keys.
func (d *driver) walk(fill map[string]string) []string {
	d.t.Helper()
	var pressed []string
	press := func(k string) {
		pressed = append(pressed, k)
		d.keys(k)
	}
	for i := 0; i < 400 && d.m.Where() != "review"; i++ {
		pressed = append(pressed, d.answerFocused(fill)...)
		press("enter")
	}
	if d.m.Where() != "review" {
		d.t.Fatalf("walk did not reach review; at %s\n%s", d.m.Where(), d.view())
	}
	return pressed
}

// answerFocused gives the focused field fill's answer for it (by path), when fill names one
// it does not hold yet, the way a person would: text typed after ctrl+u, a pick-one value
// reached with →. It returns the keys it pressed.
func (d *driver) answerFocused(fill map[string]string) []string {
	d.t.Helper()
	r, ok := d.m.form.focused()
	if !ok {
		return nil
	}
	want, has := fill[r.path()]
	if !has || d.value(r) == want {
		return nil
	}
	var pressed []string
	press := func(k string) {
		pressed = append(pressed, k)
		d.keys(k)
	}
	switch r.w.(type) {
	case textWidget:
		press("ctrl+u")
		for _, c := range want {
			press(string(c))
		}
	default:
		for j := 0; j < 40 && d.value(r) != want; j++ {
			press("right")
		}
	}
	if d.value(r) != want {
		d.t.Fatalf("could not set %s to %q (is %q)\n%s", r.path(), want, d.value(r), d.view())
	}
	return pressed
}

// Answers to type for each API beyond its documented defaults (required fields without one).
var (
	fillAlibaba = map[string]string{"api": string(flows.AlibabaPAI)}
	fillDSC     = map[string]string{
		"api":                              string(flows.HuaweiDSC),
		"project_id":                       "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
		"body.product_infos[0].product_id": "OFFI740586375358963717",
	}
	fillWorkspace = map[string]string{
		"api":        string(flows.HuaweiWorkspaceApp),
		"project_id": "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
		"body.resources[0].create_services.product_id":      "workspace.appstream.general.xlarge.4",
		"body.resources[0].create_services.server_group_id": "1",
		"body.resources[0].create_services.subnet_id":       "197c1aa4-2611-48bd-a3af-ac4ce2c17c4c",
		"body.resources[0].create_services.vpc_id":          "3a7c2d10-98b5-4e0f-a1c4-6e2b9f8d7c55",
	}
)

// value is the answer a row shows.
func (d *driver) value(r row) string { return r.w.value(d.m.s, r) }

// focused is the focused row of the form.
func (d *driver) focused() row {
	r, _ := d.m.form.focused()
	return r
}

// focus moves the focus to the row editing path on the current step, up or down as the
// person would, whatever rows come before it.
func (d *driver) focus(path string) {
	d.t.Helper()
	f := d.m.form
	want := slices.IndexFunc(f.rows, func(r row) bool { return r.path() == path && r.w.focusable() })
	if want < 0 {
		d.t.Fatalf("no row %s on step %s:\n%s", path, d.m.Where(), d.view())
	}
	for range len(f.rows) + 1 {
		switch r, ok := d.m.form.focused(); {
		case ok && r.path() == path:
			return
		case d.m.form.cur < want:
			d.keys("down")
		default:
			d.keys("up")
		}
	}
	d.t.Fatalf("could not focus %s on step %s:\n%s", path, d.m.Where(), d.view())
}

// pickAPI chooses the API id on the first step with → as a person would, whatever the
// order of the registry, and returns how many keys that took; the focus stays on the first
// step.
func (d *driver) pickAPI(id flows.APIID) (pressed int) {
	d.t.Helper()
	d.goStep(flows.StepAPI)
	d.focus("api")
	for range len(d.m.s.apis) {
		if d.m.s.api.ID == id {
			return pressed
		}
		d.keys("right")
		pressed++
	}
	d.t.Fatalf("no API %s in the wizard:\n%s", id, d.view())
	return pressed
}

// goStep goes to step st of the chosen API: esc back, or enter forward through fields that
// need no answer (it fails the test when one blocks the way).
func (d *driver) goStep(st flows.Step) {
	d.t.Helper()
	want := slices.Index(d.m.s.steps, st)
	if want < 0 {
		d.t.Fatalf("API %s has no step %s", d.m.s.api.ID, st)
	}
	for range 400 {
		now := slices.Index(d.m.s.steps, flows.Step(d.m.Where()))
		switch {
		case d.m.Where() == "review":
			d.keys("esc")
		case now == want:
			return
		case now > want:
			d.keys("esc")
		default:
			before, cur := now, d.m.form.cur
			d.keys("enter")
			if d.m.form.step == before && d.m.form.cur == cur && d.m.Where() != "review" {
				d.t.Fatalf("step %s does not let enter through toward %s:\n%s", d.m.Where(), st, d.view())
			}
		}
	}
	d.t.Fatalf("did not reach step %s:\n%s", st, d.view())
}

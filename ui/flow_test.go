package ui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
)

func TestEnterTakesTheDefaultsStepByStep(t *testing.T) {
	for name, tc := range map[string]struct {
		opts Options
		api  flows.APIID // picked on the first screen with →
		fill map[string]string
	}{
		"alibaba": {api: flows.AlibabaPAI},
		"workspaceapp with look-ups": {api: flows.HuaweiWorkspaceApp, opts: Options{ProjectID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9"},
			fill: map[string]string{
				"body.resources[0].create_services.server_group_id": "1",
				"body.resources[0].create_services.subnet_id":       "197c1aa4-2611-48bd-a3af-ac4ce2c17c4c",
				"body.resources[0].create_services.vpc_id":          "3a7c2d10-98b5-4e0f-a1c4-6e2b9f8d7c55",
			}},
	} {
		t.Run(name, func(t *testing.T) {
			p := &fakeProvider{lookups: map[string][]flows.Option{
				"workspaceapp/products":           {{Value: "workspace.appstream.general.xlarge.4"}},
				"workspaceapp/availability-zones": {{Value: "cn-north-4a"}},
			}}
			tc.opts.Provider = p
			d := newDriver(t, tc.opts, 120, 40)
			right := d.pickAPI(tc.api)
			keys := right
			steps := len(d.m.s.steps)
			typed := 0
			for i := 0; i < 40 && d.m.Where() != "review"; i++ {
				if want, ok := tc.fill[d.focused().path()]; ok && d.value(d.focused()) != want {
					d.keys("ctrl+u")
					d.typ(want)
					typed++
				}
				d.keys("enter")
				keys++
			}
			if d.m.Where() != "review" {
				t.Fatalf("not at review after %d keys:\n%s", keys, d.view())
			}
			// One Enter per step, plus one per field a person must type (IDs no look-up gives).
			if want := right + steps + len(tc.fill); keys > want || typed != len(tc.fill) {
				t.Fatalf("%d keys (typed %d fields) from launch to review, want at most %d", keys, typed, want)
			}
			d.keys("y")
			if d.m.Where() != "result" || p.count() != 1 {
				t.Fatalf("y: at %s with %d orders", d.m.Where(), p.count())
			}
			if name == "alibaba" && keys+1 > 12 {
				t.Fatalf("%d keystrokes from launch to order ID, want ≤ 12", keys+1)
			}
		})
	}
}

func TestLookUpResultAnswersARequiredField(t *testing.T) {
	p := &fakeProvider{lookups: map[string][]flows.Option{
		"huawei/projects":       {{Value: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", Label: i18n.T("cn-north-4", "cn-north-4")}},
		"workspaceapp/products": {{Value: "workspace.appstream.general.xlarge.4"}, {Value: "other"}}}}
	d := newDriver(t, Options{Provider: p}, 120, 40)
	d.pickAPI(flows.HuaweiWorkspaceApp) // choosing the API starts its look-ups: the project first, then what runs in it
	if got := d.m.Answers().Get("project_id"); got != "0a1b2c3d4e5f60718293a4b5c6d7e8f9" {
		t.Fatalf("project_id %q: the IAM look-up should answer it", got)
	}
	if got := d.m.Answers().Get("body.resources[0].create_services.product_id"); got != "workspace.appstream.general.xlarge.4" {
		t.Fatalf("product_id %q: the look-up's first result should answer the required field", got)
	}
}

func TestEnterStaysOnAFieldThatBlocksAndJumpsToTheNextThatNeedsAnAnswer(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	d.keys("enter") // region & account; project_id is empty
	if got := d.focused().path(); got != "region" {
		t.Fatalf("focus on %s", got)
	}
	d.keys("enter")
	if got := d.focused().path(); got != "project_id" || d.m.Where() != "region" {
		t.Fatalf("enter on a valid region went to %s at %s, want the empty required project_id", got, d.m.Where())
	}
	d.keys("enter")
	if got := d.focused().path(); got != "project_id" || !strings.Contains(d.view(), "needs a valid answer first") {
		t.Fatalf("enter on an empty required field moved to %s:\n%s", got, d.view())
	}
	d.typ("0a1b2c3d4e5f60718293a4b5c6d7e8f9")
	d.keys("enter")
	if d.m.Where() != "products" {
		t.Fatalf("enter after the last needed answer: at %s\n%s", d.m.Where(), d.view())
	}
}

func TestShiftTabGoesToThePreviousFieldAndEscToThePreviousStep(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.keys("enter", "enter", "enter") // Alibaba billing
	if d.m.Where() != "billing" {
		t.Fatalf("at %s", d.m.Where())
	}
	d.keys("down", "down")
	second := d.focused().path()
	d.keys("shift+tab")
	if got := d.focused().path(); got == second || d.m.Where() != "billing" {
		t.Fatalf("shift+tab from %s: %s at %s", second, got, d.m.Where())
	}
	for i := 0; i < 10 && d.m.Where() == "billing"; i++ {
		d.keys("shift+tab")
	}
	if d.m.Where() != "products" || d.focused().path() != "body.Products[0].ProductCode" {
		t.Fatalf("shift+tab from the first field: at %s on %s, want products' last field", d.m.Where(), d.focused().path())
	}
	d.keys("enter", "down", "down")
	at := d.focused().path()
	d.keys("esc")
	if d.m.Where() != "products" {
		t.Fatalf("esc: at %s", d.m.Where())
	}
	d.keys("enter")
	if d.m.Where() != "billing" || d.focused().path() != at {
		t.Fatalf("back on billing at %s, want the field left (%s)", d.focused().path(), at)
	}
}

func TestReviewEditJumpsToAFieldAndEnterReturns(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.walk(fillAlibaba)
	keys := 0
	press := func(ks ...string) {
		d.keys(ks...)
		keys += len(ks)
	}
	press("e")
	if !strings.Contains(d.view(), "Jump to a field") {
		t.Fatalf("e did not open the field list:\n%s", d.view())
	}
	d.typ("auto-renew")
	keys += len("auto-renew")
	press("enter")
	if d.m.Where() != "billing" || d.focused().path() != "body.Products[0].AutoRenew" {
		t.Fatalf("jump: at %s on %s", d.m.Where(), d.focused().path())
	}
	press("space", "enter")
	if d.m.Where() != "review" {
		t.Fatalf("enter after the change: at %s", d.m.Where())
	}
	if got := d.m.Answers().Get("body.Products[0].AutoRenew"); got != "true" {
		t.Fatalf("AutoRenew %q", got)
	}
	if !strings.Contains(d.m.s.order.BodyJSON(), `"AutoRenew": true`) {
		t.Fatal("the review's order was not rebuilt")
	}
	if keys-len("auto-renew") > 4 {
		t.Fatalf("changing one billing field from review took %d keys besides the filter", keys)
	}
}

func TestQQuitsOutsideTextFieldsAndIsALetterInThem(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.keys("enter") // region: a text field
	d.keys("ctrl+u", "q")
	if got := d.m.Answers().Get("region"); got != "q" {
		t.Fatalf("q in a text field: region %q", got)
	}
	d.keys("esc")
	_, cmd := d.m.Update(keyMsg("q"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q on a pick-one field did not quit")
	}
	if !d.m.Outcome().Cancelled {
		t.Fatal("quitting before sending must say nothing was sent")
	}
}

func TestCtrlCOnReviewSaysCancelledOnlyWhenNothingWasSent(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.walk(fillAlibaba)
	_, cmd := d.m.Update(keyMsg("ctrl+c"))
	if cmd == nil || cmd() != tea.Quit() || !d.m.Outcome().Cancelled {
		t.Fatalf("ctrl+c on review: outcome %+v", d.m.Outcome())
	}

	p := &fakeProvider{err: &providers.Error{Kind: providers.Rejected, Code: "InvalidParameter", Message: "no"}}
	d = newDriver(t, Options{Provider: p}, 120, 40)
	d.walk(fillAlibaba)
	d.keys("y")
	d.m.Update(keyMsg("q"))
	if o := d.m.Outcome(); o.Cancelled || o.Failure != providers.Rejected {
		t.Fatalf("quit after a rejected order: %+v", o)
	}
}

func TestTextFieldSuggestsDocumentedValues(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.keys("enter", "ctrl+u")
	d.typ("cn-sh")
	if v := d.view(); !strings.Contains(v, "cn-shanghai") || !strings.Contains(v, "tab complete") {
		t.Fatalf("no completion shown for cn-sh:\n%s", v)
	}
	d.keys("tab")
	if got := d.m.Answers().Get("region"); got != "cn-shanghai" {
		t.Fatalf("tab took %q", got)
	}
	d.keys("ctrl+u")
	d.typ(" cn-beijing")
	if got := d.m.Answers().Get("region"); got != "cn-beijing" {
		t.Fatalf("a typed leading space is kept out of the answer, got %q", got)
	}
}

func TestAdviceFollowsTheKindOfFailure(t *testing.T) {
	timeout := &providers.Error{Kind: providers.Unknown, Err: fmt.Errorf("post: %w", errors.New("net/http: request canceled (Client.Timeout exceeded while awaiting headers)"))}
	reset := &providers.Error{Kind: providers.Unknown, Err: fmt.Errorf("read: %w", syscall.ECONNRESET)}
	for name, tc := range map[string]struct {
		err  error
		want []string
		not  []string
	}{
		"throttled": {&providers.Error{Kind: providers.Rejected, HTTPStatus: 400, Code: "Throttling.User", Message: "Request was denied due to user flow control.", RequestID: "R1"},
			[]string{"throttling", "Wait a minute", "Throttling.User", "R1"}, []string{"Fix the field"}},
		"huawei throttled": {&providers.Error{Kind: providers.Rejected, HTTPStatus: 429, Code: "APIGW.0308", Message: "The throttling threshold has been reached"},
			[]string{"throttling", "Wait a minute"}, nil},
		"429 with a service's own code": {&providers.Error{Kind: providers.Rejected, HTTPStatus: 429, Code: "DSC.42900001", Message: "Too many requests"},
			[]string{"throttling", "Wait a minute"}, []string{"Fix the field"}},
		"signature": {&providers.Error{Kind: providers.Rejected, HTTPStatus: 400, Code: "SignatureDoesNotMatch", Message: "The request signature does not conform"},
			[]string{"did not accept the credentials", "the sandbox's built-in keys", "the clock"}, []string{"Fix the field"}},
		"invalid parameter": {&providers.Error{Kind: providers.Rejected, HTTPStatus: 400, Code: "InvalidParameter", Message: "Invalid parameter: body.Products[0].PricingCycle: DataWorks_share supports only Month"},
			[]string{"rejected a value", "Press e, then enter, to go to"}, nil},
		"timeout": {timeout, []string{"MAY HAVE BEEN PLACED", "No answer arrived within the 30s limit", "Client.Timeout", "cloudorder history"}, nil},
		"reset":   {reset, []string{"MAY HAVE BEEN PLACED", "connection was cut"}, nil},
		"invalid": {&providers.Error{Kind: providers.Invalid, Message: "missing credentials: ALIBABA_CLOUD_ACCESS_KEY_ID"}, []string{"Not sent", "Fix what is named above"}, []string{"MAY HAVE"}},
		"not sent": {&providers.Error{Kind: providers.NotSent, Err: fmt.Errorf("dial: %w", syscall.ECONNREFUSED)},
			[]string{"Not sent: nothing left this machine", "safe to try again", "Nothing is listening at the endpoint"}, []string{"MAY HAVE"}},
		// Server text cannot drive the terminal: escapes and newlines are shown inert.
		"hostile text": {&providers.Error{Kind: providers.Rejected, HTTPStatus: 400, Code: "Bad\x1b[2JCode", Message: "line\nrequest_id: FORGED", RequestID: "R\u202eX"},
			[]string{`Bad\x1b[2JCode`, `line\nrequest_id: FORGED`, `R\u202eX`}, nil},
	} {
		t.Run(name, func(t *testing.T) {
			d := newDriver(t, Options{Provider: &fakeProvider{err: tc.err}, Timeout: 30 * time.Second}, 120, 40)
			d.walk(fillAlibaba)
			d.keys("y")
			v := strings.Join(strings.Fields(strings.ReplaceAll(d.view(), "┃", " ")), " ")
			for _, w := range tc.want {
				if !strings.Contains(v, w) {
					t.Errorf("advice lacks %q:\n%s", w, d.view())
				}
			}
			for _, w := range tc.not {
				if strings.Contains(v, w) {
					t.Errorf("advice says %q:\n%s", w, d.view())
				}
			}
		})
	}
}

func TestInvalidParameterJumpsToTheField(t *testing.T) {
	p := &fakeProvider{err: &providers.Error{Kind: providers.Rejected, Code: "InvalidParameter", Message: "Invalid parameter: body.Products[0].PricingCycle: DataWorks_share supports only Month"}}
	d := newDriver(t, Options{Provider: p}, 120, 40)
	d.walk(fillAlibaba)
	d.keys("y", "e", "enter")
	if d.m.Where() != "billing" || d.focused().path() != "body.Products[0].PricingCycle" {
		t.Fatalf("e, enter after the error: at %s on %s", d.m.Where(), d.focused().path())
	}
}

func TestInFlightShowsElapsedAndLimit(t *testing.T) {
	// A provider without a history: y sends at once (the answer never arrives in this test).
	d := newDriver(t, Options{Provider: struct{ providers.Provider }{&fakeProvider{}}, Timeout: 30 * time.Second}, 120, 40)
	d.walk(fillAlibaba)
	d.m.Update(keyMsg("y"))
	if v := d.view(); !strings.Contains(v, "elapsed of the 30s limit") {
		t.Fatalf("in flight:\n%s", v)
	}
}

func TestCopyIsReportedHonestly(t *testing.T) {
	d := newDriver(t, Options{Provider: idProvider{&fakeProvider{}, "210292536260646"}}, 120, 40)
	d.walk(fillAlibaba)
	d.keys("y", "c")
	if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, "your terminal may not support it") {
		t.Fatalf("copy:\n%s", d.view())
	}
}

// panelColumn returns the column of the help panel's bar on each body line that has one.
func panelColumn(view string) []int {
	var cols []int
	for _, l := range strings.Split(view, "\n") {
		if i := strings.Index(l, "│"); i >= 0 {
			cols = append(cols, ansi.StringWidth(l[:i]))
		}
	}
	return cols
}

func TestHelpPanelKeepsItsColumnAndScrolls(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 30)
	for _, where := range []string{"api", "region", "products", "billing"} {
		if d.m.Where() != where {
			d.keys("enter")
		}
		cols := panelColumn(d.view())
		if len(cols) < 20 {
			t.Fatalf("%s: the help panel's bar is on %d lines:\n%s", where, len(cols), d.view())
		}
		for _, c := range cols {
			if c != cols[0] || c < 50 {
				t.Fatalf("%s: the help panel moves between columns %d and %d:\n%s", where, cols[0], c, d.view())
			}
		}
	}
	// region: its help names every endpoint, then 22 suggestions; the last one (na-south-1 ·
	// Mexico) is below the window until the panel scrolls.
	const last = "na-south-1 · Mexico"
	d.keys("esc", "esc")
	if strings.Contains(d.view(), last) {
		t.Fatalf("the test needs a panel taller than its window:\n%s", d.view())
	}
	d.keys("pgdown", "pgdown")
	if v := d.view(); !strings.Contains(v, last) || !strings.Contains(v, "of ") {
		t.Fatalf("pgdown did not scroll the help panel to its end:\n%s", v)
	}
}

func TestMessagesWrapInFullAtEverySize(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 60}} {
		d := newDriver(t, Options{Provider: &fakeProvider{}}, size[0], size[1])
		d.keys("enter", "enter")
		d.focus("body.Products[0].ProductCode")
		for range 5 {
			if d.m.Answers().Get("body.Products[0].ProductCode") == "PAI_share" {
				break
			}
			d.keys("right")
		}
		d.keys("enter") // billing, where PricingCycle warns
		d.focus("body.Products[0].PricingCycle")
		v := d.view()
		flat := strings.Join(strings.Fields(helpPanelText(v)), " ")
		msg := "the docs do not say which PricingCycle PAI_share accepts; Hour matches the other pay-as-you-go products"
		if !strings.Contains(flat, msg) {
			t.Errorf("%v: the warning is not shown in full:\n%s", size, v)
		}
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, "⚠") && strings.Contains(l, "…") {
				t.Errorf("%v: a warning line is cut: %q", size, l)
			}
		}
	}
}

// helpPanelText is the text of the help panel: the column right of its bar when it has one,
// else the lines under the rule.
func helpPanelText(view string) string {
	var out []string
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		if j := strings.Index(l, "│"); j >= 0 {
			out = append(out, l[j+len("│"):])
		} else if strings.HasPrefix(l, "────") {
			return strings.Join(lines[i+1:], "\n")
		}
	}
	return strings.Join(out, "\n")
}

// asciiProse finds English words shown in the Chinese interface: two or more lower-case
// words in a row (names, codes, IDs and JSON are single tokens).
var asciiProse = regexp.MustCompile(`\b[a-z]{2,} [a-z]{2,}\b`)

// commands are quoted command lines (`cloudorder history`), the same in every language.
var commands = regexp.MustCompile("`[^`]*`")

func TestChineseScreensHaveNoEnglishProse(t *testing.T) {
	screens(t, 120, 40, func(where string, d *driver) {
		t.Helper()
		if where == "review command" {
			return // the CLI's own words: TestCommandViewInChinese checks the view's
		}
		d.m.s.lang = i18n.ZH
		d.m.restyle()
		reLang(d.m.wizard)
		for _, l := range strings.Split(d.view(), "\n") {
			if strings.Contains(l, "long message") || strings.Contains(l, "no look-up") {
				continue // the cloud's and the provider's own words are shown as they came
			}
			l = commands.ReplaceAllString(l, "")
			if m := asciiProse.FindString(l); m != "" {
				t.Errorf("%s: English %q in the Chinese screen: %q", where, m, l)
			}
		}
		d.m.s.lang = i18n.EN
		reLang(d.m.wizard)
	})
}

// reLang rebuilds the key maps in the session's language (the language is fixed at start in
// the program; the test flips it to check every screen in both).
func reLang(m *wizard) {
	l := m.s.lang
	m.askKm = DefaultAskKeyMap(l)
	m.form.lk = DefaultListKeyMap(l)
	m.review.lk = DefaultListKeyMap(l)
	m.result.km = DefaultResultKeyMap(l)
	m.save.km = DefaultPromptKeyMap(l)
	m.flight.km = FlightKeyMap{Interrupt: bind(l, []string{"ctrl+c"}, "ctrl+c", khQuit)}
	m.review.laidOut = ""
	m.head = headerCache{}
}

// The wizard says the one advice table's words (placement.AdviseError), as submit and plain
// mode do (advice_frontends_test.go): throttled, rejected, unknown, not sent.
func TestWizardSaysTheAdviceTablesWords(t *testing.T) {
	for name, err := range map[string]*providers.Error{
		"throttled": {Kind: providers.Rejected, HTTPStatus: 400, Code: "Throttling.User", Message: "flow control"},
		"rejected":  {Kind: providers.Rejected, HTTPStatus: 404, Code: "InvalidAccessKeyId.NotFound", Message: "not found"},
		"unknown":   {Kind: providers.Unknown, HTTPStatus: 500, Code: "InternalError", Message: "boom"},
		"not sent":  {Kind: providers.NotSent, Err: errors.New("dial tcp: connection refused")},
	} {
		t.Run(name, func(t *testing.T) {
			a := placement.AdviseError(err)
			hint, _, _ := strings.Cut(a.Hint.EN, "%s")
			d := newDriver(t, Options{Provider: &fakeProvider{err: err}}, 90, 60) // one pane: the summary's lines whole
			d.walk(fillAlibaba)
			d.keys("y")
			v := strings.Join(strings.Fields(strings.ReplaceAll(d.view(), "┃", " ")), " ")
			if !strings.Contains(v, a.Headline.EN) || !strings.Contains(v, strings.TrimSpace(hint)) {
				t.Errorf("the wizard does not say %q / %q:\n%s", a.Headline.EN, hint, d.view())
			}
		})
	}
}

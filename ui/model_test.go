package ui

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

func TestDefaultsPlaceEachAPIOrder(t *testing.T) {
	for name, fill := range map[string]map[string]string{"alibaba": fillAlibaba, "dsc": fillDSC, "workspaceapp": fillWorkspace} {
		t.Run(name, func(t *testing.T) {
			p := &fakeProvider{}
			d := newDriver(t, Options{Provider: p}, 120, 40)
			d.walk(fill)
			if flows.Blocking(d.m.s.problems) {
				t.Fatalf("review has blocking problems: %v", d.m.s.problems)
			}
			d.keys("y")
			if d.m.Where() != "result" || p.count() != 1 {
				t.Fatalf("at %s with %d orders\n%s", d.m.Where(), p.count(), d.view())
			}
			if v := d.view(); !strings.Contains(v, "ORDER-1") || !strings.Contains(v, "REQ-1") {
				t.Fatalf("result does not show the ids:\n%s", v)
			}
			if got := d.m.Outcome(); got.OrderID != "ORDER-1" || got.Failure != 0 {
				t.Fatalf("outcome %+v", got)
			}
		})
	}
}

func TestBackKeepsAnswers(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.keys("enter") // API → region
	d.keys("ctrl+u")
	d.typ("cn-shanghai")
	d.keys("enter")                 // → products
	d.keys("down", "down", "right") // ProductCode → MaxCompute_share
	code := d.m.Answers().Get("body.Products[0].ProductCode")
	d.keys("esc")
	if d.m.Where() != "region" || !strings.Contains(d.view(), "cn-shanghai") {
		t.Fatalf("back did not show the region answer:\n%s", d.view())
	}
	d.keys("shift+tab")
	if d.m.Where() != "api" {
		t.Fatalf("shift+tab: at %s", d.m.Where())
	}
	d.keys("enter", "enter")
	if got := d.m.Answers().Get("body.Products[0].ProductCode"); got != code || code != "MaxCompute_share" {
		t.Fatalf("ProductCode %q after going back and forth, want %q (MaxCompute_share)", got, code)
	}
	if got := d.m.Answers().Get("region"); got != "cn-shanghai" {
		t.Fatalf("region %q", got)
	}
}

func TestInvalidValueShowsMessageAndBlocksNext(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	d.keys("enter") // region & account
	d.focus("project_id")
	d.typ("not-hex")
	if !strings.Contains(d.view(), "must be 32 lower-case hex characters") {
		t.Fatalf("no message under the field as it is typed:\n%s", d.view())
	}
	told := false
	for range 10 {
		d.keys("enter")
		told = told || strings.Contains(d.view(), "needs a valid answer first")
		if d.m.Where() != "region" {
			t.Fatalf("moved past an invalid step to %s", d.m.Where())
		}
	}
	if !told {
		t.Fatalf("no reason given for staying:\n%s", d.view())
	}
	d.focus("body.zone")
	d.keys("enter")
	if r := d.focused(); r.path() != "project_id" {
		t.Fatalf("focus not on the invalid field but %s", r.path())
	}
	d.keys("esc")
	if d.m.Where() != "api" {
		t.Fatalf("esc from an invalid step went to %s", d.m.Where())
	}
	d.keys("enter")
	if got := d.m.Answers().Get("project_id"); got != "not-hex" {
		t.Fatalf("invalid answer not kept: %q", got)
	}
}

func TestDependentFieldFollowsProductCode(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.keys("enter", "enter") // → products
	d.focus("body.Products[0].ProductCode")
	cycle := func(want string) {
		for range 5 {
			if d.m.Answers().Get("body.Products[0].ProductCode") == want {
				return
			}
			d.keys("right")
		}
		t.Fatalf("could not choose %s", want)
	}
	cycle("OSS_share")
	if got := d.m.Answers().Get("body.Products[0].PricingCycle"); got != "Hour" {
		t.Fatalf("OSS_share: PricingCycle %q, want Hour", got)
	}
	cycle("DataWorks_share")
	if got := d.m.Answers().Get("body.Products[0].PricingCycle"); got != "Month" {
		t.Fatalf("DataWorks_share: PricingCycle %q, want Month", got)
	}
	// Type-to-filter picks too: "oss" then enter.
	d.typ("oss")
	d.keys("enter")
	if got := d.m.Answers().Get("body.Products[0].ProductCode"); got != "OSS_share" {
		t.Fatalf("filter pick: %q", got)
	}
	d.keys("enter") // billing shows the new cycle
	if !strings.Contains(d.view(), "Hour") {
		t.Fatalf("billing step does not show Hour:\n%s", d.view())
	}
}

func TestEnterOnReviewDoesNotSubmit(t *testing.T) {
	p := &fakeProvider{}
	d := newDriver(t, Options{Provider: p}, 120, 40)
	d.walk(fillAlibaba)
	d.keys("enter", "enter", "space", "enter")
	if p.count() != 0 || d.m.Where() != "review" {
		t.Fatalf("enter on review: %d orders, at %s", p.count(), d.m.Where())
	}
	if !strings.Contains(d.view(), "press y to place") {
		t.Fatalf("no hint:\n%s", d.view())
	}
}

func TestTwoYSendOneOrder(t *testing.T) {
	p := &fakeProvider{}
	d := newDriver(t, Options{Provider: p}, 120, 40)
	d.walk(fillAlibaba)
	// Press y twice before the first answer arrives: the commands of both are collected and
	// only then run, as a slow network would have it.
	m1, c1 := d.m.Update(keyMsg("y"))
	m2, c2 := m1.Update(keyMsg("y"))
	m3, c3 := m2.Update(keyMsg("enter"))
	d.m = m3.(Model)
	if d.m.Where() != "submitting" {
		t.Fatalf("at %s", d.m.Where())
	}
	if c2 != nil || c3 != nil {
		t.Fatal("keys while in flight returned commands")
	}
	d.run(c1)
	if p.count() != 1 || d.m.Where() != "result" {
		t.Fatalf("%d orders sent, at %s", p.count(), d.m.Where())
	}
}

func TestCtrlCInFlightAsksFirst(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.walk(fillAlibaba)
	m1, _ := d.m.Update(keyMsg("y"))
	m1, _ = m1.Update(duplicateMsg{}) // the history has no twin: the order is sent (its command held back)
	m2, cmd := m1.Update(keyMsg("ctrl+c"))
	d.m = m2.(Model)
	if cmd != nil || !strings.Contains(d.view(), "outcome may stay unknown") {
		t.Fatalf("ctrl+c in flight did not ask:\n%s", d.view())
	}
	m3, _ := d.m.Update(keyMsg("n"))
	d.m = m3.(Model)
	if d.m.ask != askNone || d.m.Where() != "submitting" {
		t.Fatal("n did not keep waiting")
	}
	d.send(keyMsg("ctrl+c"))
	nm, cmd := d.m.Update(keyMsg("y"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("y did not quit")
	}
	if nm.(Model).Outcome().Failure != providers.Unknown {
		t.Fatal("quitting in flight must report an unknown outcome")
	}
}

func TestAPIErrorReturnsToReviewWithAnswersKept(t *testing.T) {
	p := &fakeProvider{err: &providers.Error{Kind: providers.Rejected, HTTPStatus: 400, Code: "InvalidParameter",
		Message: "PricingCycle is invalid", RequestID: "REQ-ERR-7"}}
	d := newDriver(t, Options{Provider: p}, 120, 40)
	d.walk(fillAlibaba)
	before := d.m.Answers().Values()
	d.keys("y")
	v := d.view()
	if d.m.Where() != "review" {
		t.Fatalf("at %s", d.m.Where())
	}
	for _, want := range []string{"rejected", "InvalidParameter", "PricingCycle is invalid", "REQ-ERR-7"} {
		if !strings.Contains(v, want) {
			t.Fatalf("error panel lacks %q:\n%s", want, v)
		}
	}
	if after := d.m.Answers().Values(); len(after) != len(before) {
		t.Fatal("answers changed")
	}
	if d.m.Outcome().Failure != providers.Rejected {
		t.Fatalf("failure %v", d.m.Outcome().Failure)
	}
	// Fixed on the cloud side: y again places it, and the failure is forgotten.
	p.err = nil
	d.keys("y")
	if d.m.Where() != "result" || d.m.Outcome().Failure != 0 {
		t.Fatalf("retry: at %s, outcome %+v", d.m.Where(), d.m.Outcome())
	}
}

func TestUnknownOutcomeNeedsSecondConfirmation(t *testing.T) {
	p := &fakeProvider{err: &providers.Error{Kind: providers.Unknown, HTTPStatus: 500, Code: "InternalError", Message: "boom", RequestID: "R5"}}
	d := newDriver(t, Options{Provider: p}, 120, 40)
	d.walk(fillAlibaba)
	d.keys("y")
	if !strings.Contains(d.view(), "MAY HAVE BEEN PLACED") {
		t.Fatalf("unknown outcome not said clearly:\n%s", d.view())
	}
	d.keys("y")
	if p.count() != 1 || d.m.ask != askUnknown {
		t.Fatalf("y after an unknown outcome sent without asking (%d orders)", p.count())
	}
	d.keys("n")
	if p.count() != 1 {
		t.Fatal("n sent")
	}
	p.err = nil
	d.keys("y", "y")
	if p.count() != 1 || d.m.ask != askUnknown {
		t.Fatalf("y y after an unknown outcome: %d orders", p.count())
	}
	d.keys("a", "g", "a", "i", "n")
	if p.count() != 2 || d.m.Where() != "result" {
		t.Fatalf("confirmed resend: %d orders, at %s", p.count(), d.m.Where())
	}
}

func TestDuplicateAsksAgain(t *testing.T) {
	p := &fakeProvider{dup: &providers.Recent{Outcome: "ok", OrderID: "OLD-1", At: time.Date(2025, 1, 2, 2, 4, 5, 0, time.UTC)}}
	d := newDriver(t, Options{Provider: p}, 120, 40)
	d.walk(fillAlibaba)
	d.keys("y")
	if p.count() != 0 || !strings.Contains(d.view(), "OLD-1") {
		t.Fatalf("duplicate not asked:\n%s", d.view())
	}
	d.keys("esc")
	if p.count() != 0 || d.m.Where() != "review" {
		t.Fatal("esc sent")
	}
	d.keys("y", "y")
	if p.count() != 0 {
		t.Fatalf("y y placed the duplicate: %d orders", p.count())
	}
	d.keys("a", "g", "a", "i", "n")
	if p.count() != 1 {
		t.Fatalf("%d orders after confirming", p.count())
	}
}

func TestFromPrefillsAndOpensReview(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}, From: loadedFile(t, "../testdata/orders/alibaba-oss.json")}, 120, 40)
	if d.m.Where() != "review" {
		t.Fatalf("valid file opened at %s", d.m.Where())
	}
	if v := d.view(); !strings.Contains(v, "OSS_share") || !strings.Contains(v, "commodity_type") {
		t.Fatalf("review lacks the loaded order:\n%s", v)
	}
	d.keys("esc")
	if d.m.Where() != "properties" {
		t.Fatalf("esc from review: %s", d.m.Where())
	}
}

func TestFromWithProblemsOpensAtTheField(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}, From: loadedFile(t, "../testdata/invalid/alibaba-wrong-cycle.json")}, 120, 40)
	if d.m.Where() == "review" {
		t.Fatal("an invalid file opened at review")
	}
	if !strings.Contains(d.view(), "✗") {
		t.Fatalf("problem not shown:\n%s", d.view())
	}
	// What the order leaves out (an unknown field, a property that does not apply) is listed
	// on the step it opens at, beside the problems marked at their fields.
	if v := d.view(); !strings.Contains(v, `body.Products[0].Colour: unknown field "Colour"`) || !strings.Contains(v, "InstanceProperties.ord_time: applies only") {
		t.Fatalf("left-out values not listed at %s:\n%s", d.m.Where(), v)
	}
}

func TestSaveWritesOrderFileAndNeverOverwritesSilently(t *testing.T) {
	dir := t.TempDir()
	d := newDriver(t, Options{Mode: providers.DryRun, SaveDir: dir}, 120, 40)
	d.walk(fillAlibaba)
	d.keys("y")
	if !strings.Contains(d.view(), "Dry run") {
		t.Fatalf("y in a dry run:\n%s", d.view())
	}
	d.keys("s", "enter")
	want := filepath.Join(dir, "order-alibaba-pai-CreateProductOrders-20250102-030405.json")
	st, err := os.Stat(want)
	if err != nil {
		t.Fatalf("not saved: %v\n%s", err, d.view())
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", st.Mode().Perm())
	}
	data, _ := os.ReadFile(want)
	if _, _, ps, err := testRegistry.Load(data); err != nil || flows.Blocking(ps) {
		t.Fatalf("saved file does not load cleanly: %v %v", err, ps)
	}
	os.WriteFile(want, []byte("keep me"), 0o600)
	d.keys("s", "enter")
	if d.m.ask != askOverwrite {
		t.Fatalf("existing file: no question\n%s", d.view())
	}
	d.keys("n")
	if b, _ := os.ReadFile(want); string(b) != "keep me" {
		t.Fatal("overwritten without asking")
	}
	d.keys("s", "enter", "y")
	if b, _ := os.ReadFile(want); string(b) == "keep me" {
		t.Fatal("y did not overwrite")
	}
	if got := d.m.Outcome().Saved; len(got) != 2 {
		t.Fatalf("saved %v", got)
	}
}

func TestPasteIsTrimmedToOneLine(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	d.keys("enter")
	d.focus("project_id")
	d.keys("ctrl+u")
	d.send(tea.PasteMsg{Content: "  0a1b2c3d4e5f6071\n8293a4b5c6d7e8f9 \r\n"})
	if got := d.m.Answers().Get("project_id"); got != "0a1b2c3d4e5f60718293a4b5c6d7e8f9" {
		t.Fatalf("pasted %q", got)
	}
}

func TestRepeatedGroupAddRemove(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.keys("enter", "enter") // products; focus on the Products group row
	d.keys("a")
	if n := d.m.Answers().Count("body.Products"); n != 2 {
		t.Fatalf("after a: %d items", n)
	}
	if !strings.Contains(d.view(), "Products #2") {
		t.Fatalf("new item not shown:\n%s", d.view())
	}
	d.keys("x", "x")
	if n := d.m.Answers().Count("body.Products"); n != 1 {
		t.Fatalf("after x x: %d items (min 1)", n)
	}
	if !strings.Contains(d.view(), "at least 1") {
		t.Fatalf("no reason for keeping the last item:\n%s", d.view())
	}
}

func TestChineseInterface(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}, Lang: i18n.ZH}, 120, 40)
	v := d.view()
	for _, want := range []string{"沙箱", "接口", "地域与账号", "退出"} {
		if !strings.Contains(v, want) {
			t.Fatalf("no %q in:\n%s", want, v)
		}
	}
}

func TestLiveBannerIsLoud(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}, Mode: providers.Live, NoColor: true}, 80, 24)
	if v := d.view(); !strings.Contains(v, "LIVE") || !strings.Contains(v, "COST MONEY") {
		t.Fatalf("live banner:\n%s", v)
	}
}

// A file whose only problems cannot be shown at a field (an unknown key) opens where the
// note listing them is shown, not at a review that would hide what was left out.
func TestFromWithDroppedKeysSaysSo(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}, From: loadedFile(t, "../testdata/cases/unknown-key.json")}, 120, 40)
	if d.m.Where() == "review" || !strings.Contains(d.view(), `body.DryRun: unknown field "DryRun"`) {
		t.Fatalf("opened at %s without the note:\n%s", d.m.Where(), d.view())
	}
}

// --from then s saves a file JSON-equal to the one opened: lists stay lists (an item with a
// comma is not split, [] is kept), "" stays, nothing is defaulted in.
func TestFromThenSaveIsJSONEqual(t *testing.T) {
	files, _ := filepath.Glob("../testdata/orders/*.json")
	for _, file := range append(files, "../testdata/cases/lists-exact.json") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, _ := os.ReadFile(file)
			api, a, problems, err := testRegistry.Load(data)
			if err != nil || flows.Blocking(problems) {
				t.Fatalf("load: %v %v", err, problems)
			}
			dir := t.TempDir()
			d := newDriver(t, Options{Mode: providers.DryRun, SaveDir: dir, From: &Loaded{Name: file, API: api, Answers: a, Problems: problems}}, 120, 40)
			d.keys("s", "enter")
			saved, _ := filepath.Glob(filepath.Join(dir, "*.json"))
			if len(saved) != 1 {
				t.Fatalf("saved %v from %s\n%s", saved, d.m.Where(), d.view())
			}
			got, _ := os.ReadFile(saved[0])
			var x, y any
			_ = json.Unmarshal(data, &x)
			_ = json.Unmarshal(got, &y)
			if !reflect.DeepEqual(x, y) {
				t.Fatalf("saved file differs from the one opened:\n%s\nopened:\n%s", got, data)
			}
		})
	}
}

// An identical earlier attempt whose outcome is unknown, or a history that cannot be read,
// asks as for an unknown outcome: it may have bought the order already.
func TestDuplicateOfAnUnknownOutcomeAsksAsUnknown(t *testing.T) {
	for name, r := range map[string]providers.Recent{
		"unknown":    {ID: "h-7", Outcome: "unknown", At: time.Date(2025, 1, 2, 2, 4, 5, 0, time.UTC)},
		"unreadable": {Err: errors.New("torn\x1b[31m line")},
	} {
		t.Run(name, func(t *testing.T) {
			p := &fakeProvider{dup: &r}
			d := newDriver(t, Options{Provider: p}, 120, 40)
			d.walk(fillAlibaba)
			d.keys("y")
			v := strings.Join(strings.Fields(d.view()), " ")
			if p.count() != 0 || !strings.Contains(v, "could buy twice") || strings.Contains(v, "succeeded") || strings.Contains(v, "\x1b[31m") {
				t.Fatalf("not asked as for an unknown outcome:\n%s", d.view())
			}
			d.keys("y")
			if p.count() != 0 {
				t.Fatalf("a second y placed it again: %d orders", p.count())
			}
			d.keys("a", "g", "a", "i", "n")
			if p.count() != 1 {
				t.Fatalf("%d orders after confirming", p.count())
			}
		})
	}
}

// An --endpoint on this machine that is not the sandbox is named, in both languages, and
// never announced as LIVE or as safe.
func TestLocalEndpointBannerNamesTheURL(t *testing.T) {
	for lang, want := range map[i18n.Lang]string{i18n.EN: "LOCAL ENDPOINT http://127.0.0.1:1", i18n.ZH: "本地接入点 http://127.0.0.1:1"} {
		d := newDriver(t, Options{Provider: &fakeProvider{}, Mode: providers.LocalEndpoint, Lang: lang}, 120, 40)
		v := d.view()
		if !strings.Contains(v, want) || strings.Contains(v, "LIVE") || strings.Contains(v, "SANDBOX ·") || strings.Contains(v, "正式环境") || strings.Contains(v, "订单发往本地沙箱") {
			t.Fatalf("%s banner:\n%s", lang, v)
		}
	}
}

// In live mode the first screen says which credentials will be used, or what is missing,
// the chosen API's cloud first; no other screen or mode repeats it.
func TestLiveFirstScreenSaysTheCredentials(t *testing.T) {
	creds := []Credential{
		{Cloud: "alibaba", Found: true, Text: i18n.T("Alibaba Cloud: env ALIBABA_CLOUD_ACCESS_KEY_ID LTAI****", "阿里云:env ALIBABA_CLOUD_ACCESS_KEY_ID LTAI****")},
		{Cloud: "huawei", Text: i18n.T("Huawei Cloud: missing: set HUAWEICLOUD_SDK_AK (looked at: env)", "华为云:缺少凭证:请设置 HUAWEICLOUD_SDK_AK(已查找:env)")},
	}
	d := newDriver(t, Options{Provider: &fakeProvider{}, Mode: providers.Live, Credentials: creds}, 120, 40)
	v := d.view()
	ali, hw := strings.Index(v, "✓ Alibaba Cloud: env ALIBABA_CLOUD_ACCESS_KEY_ID LTAI****"), strings.Index(v, "✗ Huawei Cloud: missing")
	if ali < 0 || hw < ali {
		t.Fatalf("credentials on the first screen (Alibaba's first):\n%s", v)
	}
	d.pickAPI(flows.HuaweiDSC) // Huawei's credential comes first now
	v = d.view()
	if hw, ali := strings.Index(v, "✗ Huawei Cloud"), strings.Index(v, "✓ Alibaba Cloud"); hw < 0 || ali < hw {
		t.Fatalf("the chosen API's cloud is not first:\n%s", v)
	}
	d.keys("enter")
	if strings.Contains(d.view(), "Credentials orders will use") {
		t.Fatalf("the credentials block is for the first screen:\n%s", d.view())
	}
	s := newDriver(t, Options{Provider: &fakeProvider{}, Credentials: creds}, 120, 40) // sandbox
	if strings.Contains(s.view(), "Credentials orders will use") {
		t.Fatalf("sandbox mode shows live credentials:\n%s", s.view())
	}
	// A local endpoint that is not the sandbox is sent the person's keys: they are named too.
	l := newDriver(t, Options{Provider: &fakeProvider{}, Mode: providers.LocalEndpoint, Credentials: creds}, 120, 40)
	if !strings.Contains(l.view(), "✗ Huawei Cloud: missing") {
		t.Fatalf("a local endpoint's first screen does not name the credentials:\n%s", l.view())
	}
}

// config.toml's [regions] names each cloud's default region: a new session of an API of that
// cloud starts there, and the other cloud keeps its documented default.
func TestConfiguredRegionsPrefill(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}, Regions: map[string]string{"huawei": "cn-east-3"}}, 120, 40)
	if got := d.m.Answers().Get("region"); got != "cn-hangzhou" {
		t.Fatalf("Alibaba region %q, want the documented default cn-hangzhou", got)
	}
	d.pickAPI(flows.HuaweiDSC)
	if d.m.API().ID != flows.HuaweiDSC {
		t.Fatalf("right chose %s", d.m.API().ID)
	}
	if got := d.m.Answers().Get("region"); got != "cn-east-3" {
		t.Fatalf("DSC region %q, want config.toml's cn-east-3", got)
	}
}

// ctrl+c while the history is checked for a duplicate stops before anything is sent: no
// "quit?" whose y could land on the duplicate question that replaces it, and no order when
// the check answers later — found or not.
func TestCtrlCWhileCheckingSendsNothing(t *testing.T) {
	for _, dup := range []*providers.Recent{nil, {Outcome: "ok", OrderID: "OLD-1", At: time.Date(2025, 1, 2, 2, 4, 5, 0, time.UTC)}} {
		p := &fakeProvider{dup: dup}
		d := newDriver(t, Options{Provider: p}, 120, 40)
		d.walk(fillAlibaba)
		nm, check := d.m.Update(keyMsg("y")) // the check's command, held back: it is still running
		d.m = nm.(Model)
		d.keys("ctrl+c")
		if d.m.Where() != "review" || d.m.ask != askNone || !strings.Contains(d.view(), "nothing was sent") {
			t.Fatalf("duplicate %v: ctrl+c while checking: at %s, ask %v:\n%s", dup != nil, d.m.Where(), d.m.ask, d.view())
		}
		d.run(check) // the check answers now
		if p.count() != 0 || d.m.Where() != "review" || d.m.ask != askNone {
			t.Fatalf("duplicate %v: after the check answered: %d orders, at %s, ask %v", dup != nil, p.count(), d.m.Where(), d.m.ask)
		}
		d.keys("ctrl+c") // nothing was ever sent: quitting says so
		if s := d.m.s; s.attempts != 0 {
			t.Fatalf("duplicate %v: %d attempts counted, none sent", dup != nil, s.attempts)
		}
	}
}

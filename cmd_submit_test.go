package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/placement"
	"cloudorder/providers/huawei"
	"cloudorder/providers/journal"
	"cloudorder/providers/sandbox"
)

// The three example orders, one per API (the lead's testdata).
var submitCases = []struct {
	api  flows.APIID
	file string
	code string // the error code the sandbox answers a throttled request with
}{
	{flows.AlibabaPAI, "testdata/orders/alibaba-oss.json", "Throttling.User"},
	{flows.HuaweiDSC, "testdata/orders/huawei-dsc.json", "APIGW.0308"},
	{flows.HuaweiWorkspaceApp, "testdata/orders/huawei-workspaceapp.json", "APIGW.0308"},
}

// submitEnv is a hermetic environment: HOME and the XDG dirs under a temp dir, so history
// and settings never touch the real ones.
func submitEnv(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	return map[string]string{"HOME": filepath.Join(dir, "home"), "XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_STATE_HOME": filepath.Join(dir, "state"), "LANG": "en_US.UTF-8"}
}

// withSandboxKeys adds the sandbox's published keys as the person's own credentials, for runs
// that use --endpoint against a sandbox the test started.
func withSandboxKeys(env map[string]string) map[string]string {
	env["ALIBABA_CLOUD_ACCESS_KEY_ID"] = sandbox.AlibabaAccessKeyID
	env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = sandbox.AlibabaAccessKeySecret
	env["HUAWEICLOUD_SDK_AK"] = sandbox.HuaweiAK
	env["HUAWEICLOUD_SDK_SK"] = sandbox.HuaweiSK
	return env
}

func startSandbox(t *testing.T) *sandbox.Server {
	t.Helper()
	s := sandbox.New(sandbox.Options{})
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// lookAlike serves s without its identity probe: a local endpoint that is not provably the
// sandbox (LOCAL ENDPOINT), so orders to it are signed with the person's own credentials.
func lookAlike(t *testing.T, s *sandbox.Server) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/_sandbox/health" {
			http.NotFound(w, r)
			return
		}
		s.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestSubmitSandboxPlacesEachAPI(t *testing.T) {
	for _, tc := range submitCases {
		t.Run(string(tc.api), func(t *testing.T) {
			env := submitEnv(t)
			out, errOut, code := runForTest(t, env, "", "submit", tc.file, "--sandbox", "--yes")
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, errOut)
			}
			if !strings.Contains(out, "order_id: ") || !strings.Contains(out, "request_id: ") {
				t.Fatalf("stdout lacks order_id/request_id:\n%s", out)
			}
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if _, v, _ := strings.Cut(line, ": "); v == "" {
					t.Errorf("empty value in %q", line)
				}
			}
			entries, err := journal.Read(historyFile(env))
			if err != nil || len(entries) != 1 || entries[0].Outcome != journal.OutcomeOK {
				t.Fatalf("history = %+v, %v; want one ok entry", entries, err)
			}
		})
	}
}

func TestSubmitJSONOutput(t *testing.T) {
	out, errOut, code := runForTest(t, submitEnv(t), "", "submit", "testdata/orders/alibaba-pai-and-oss.json", "--sandbox", "--yes", "--output", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"order_id", "request_id", "Message", "BuyProductRequestId", "ProductIds"} {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON output lacks %s: %s", k, out)
		}
	}
}

// The body that reaches the API is the order file's body: same keys, same values.
func TestSubmitSendsTheFileBody(t *testing.T) {
	for _, tc := range submitCases {
		t.Run(string(tc.api), func(t *testing.T) {
			s := startSandbox(t)
			_, errOut, code := runForTest(t, withSandboxKeys(submitEnv(t)), "", "submit", tc.file, "--endpoint", s.URL(), "--yes")
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			// The endpoint answered as the sandbox: it says so after the order, as --sandbox does.
			if !strings.Contains(errOut, placement.SandboxNothingBought.EN) {
				t.Errorf("no %q after an order placed on the probed sandbox:\n%s", placement.SandboxNothingBought.EN, errOut)
			}
			orders := s.Orders()
			if len(orders) != 1 {
				t.Fatalf("sandbox recorded %d orders, want 1", len(orders))
			}
			var file flows.Order
			data, _ := os.ReadFile(tc.file)
			if err := json.Unmarshal(data, &file); err != nil {
				t.Fatal(err)
			}
			if where, same := huawei.SameJSON(file.Body, orders[0].Body); !same {
				t.Fatalf("wire body differs from the file at %s\nfile: %s\nwire: %s", where, file.CompactBody(), orders[0].Body)
			}
		})
	}
}

func TestSubmitFailuresAreSentOnceAndExplained(t *testing.T) {
	faults := []struct {
		kind    string
		want    int
		timeout string
		say     string
	}{
		{sandbox.FaultThrottle, exitRejected, "5s", "throttling requests: this order was not placed"},
		{sandbox.FaultHTTP500, exitUnknown, "5s", "MAY HAVE BEEN PLACED"},
		{sandbox.FaultReset, exitUnknown, "5s", "MAY HAVE BEEN PLACED"},
		{sandbox.FaultHang, exitUnknown, "1s", "MAY HAVE BEEN PLACED"},
	}
	t.Parallel() // the hang cases wait out their --timeout: every case waits together
	for _, tc := range submitCases {
		for _, f := range faults {
			t.Run(string(tc.api)+"/"+f.kind, func(t *testing.T) {
				t.Parallel()
				s := startSandbox(t)
				s.SetFault(sandbox.Fault{Kind: f.kind, API: sandbox.API(tc.api)})
				env := withSandboxKeys(submitEnv(t))
				start := time.Now()
				_, errOut, code := runForTest(t, env, "", "submit", tc.file, "--endpoint", s.URL(), "--yes", "--timeout", f.timeout)
				if code != f.want {
					t.Fatalf("exit %d, want %d; stderr:\n%s", code, f.want, errOut)
				}
				if hits := s.Hits(sandbox.API(tc.api)); hits != 1 {
					t.Fatalf("the order endpoint was hit %d times, want exactly 1", hits)
				}
				if !strings.Contains(errOut, f.say) {
					t.Errorf("stderr does not say %q:\n%s", f.say, errOut)
				}
				if f.kind == sandbox.FaultThrottle && (!strings.Contains(errOut, tc.code) || !strings.Contains(errOut, "request_id: ")) {
					t.Errorf("a rejection must show code %s and the request id:\n%s", tc.code, errOut)
				}
				if f.want == exitUnknown && !strings.Contains(errOut, "cloudorder history") {
					t.Errorf("an unknown outcome must point at the history:\n%s", errOut)
				}
				if f.kind == sandbox.FaultHang && time.Since(start) > 10*time.Second {
					t.Errorf("--timeout 1s took %v", time.Since(start))
				}
			})
		}
	}
}

func TestSubmitWrongSecretIsRejected(t *testing.T) {
	for _, tc := range submitCases {
		t.Run(string(tc.api), func(t *testing.T) {
			s := startSandbox(t)
			env := withSandboxKeys(submitEnv(t))
			env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "WrongAlibabaSecret00000000000000"
			env["HUAWEICLOUD_SDK_SK"] = "WrongHuaweiSecretKey00000000000000000000"
			_, errOut, code := runForTest(t, env, "", "submit", tc.file, "--endpoint", lookAlike(t, s), "--yes")
			if code != exitRejected {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitRejected, errOut)
			}
			if len(s.Orders()) != 0 {
				t.Fatal("the sandbox accepted an order with a wrong secret")
			}
		})
	}
}

// An --endpoint that answers the sandbox's identity probe is announced as SANDBOX ("nothing is
// bought"), so it is sent the sandbox's published keys, never the person's: a look-alike
// answering the probe collects no request signed with real credentials.
func TestProbedSandboxNeverGetsThePersonsKeys(t *testing.T) {
	s := startSandbox(t)
	var sawPersonsKey atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.Header.Get("Authorization"), "LTAI5tPersonsOwnKey00") ||
			strings.Contains(r.Header.Get("Authorization"), "PERSONSOWNHUAWEIAK00") {
			sawPersonsKey.Store(true)
		}
		s.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	for _, tc := range submitCases {
		env := submitEnv(t)
		env["ALIBABA_CLOUD_ACCESS_KEY_ID"], env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "LTAI5tPersonsOwnKey00", "PersonsOwnSecret00000000000000"
		env["HUAWEICLOUD_SDK_AK"], env["HUAWEICLOUD_SDK_SK"] = "PERSONSOWNHUAWEIAK00", "PersonsOwnHuaweiSecret000000000000000000"
		out, errOut, code := runForTest(t, env, "", "submit", tc.file, "--endpoint", srv.URL, "--yes")
		if code != exitOK || !strings.Contains(out, "order_id: ") {
			t.Fatalf("%s: exit %d: %s%s", tc.api, code, out, errOut)
		}
	}
	if sawPersonsKey.Load() {
		t.Fatal("a request to the probed sandbox carried the person's own key")
	}
}

func TestSubmitInvalidOrderSendsNothing(t *testing.T) {
	s := startSandbox(t)
	_, errOut, code := runForTest(t, withSandboxKeys(submitEnv(t)), "", "submit", "testdata/invalid/alibaba-wrong-cycle.json", "--endpoint", s.URL(), "--yes")
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d: %s", code, exitInvalid, errOut)
	}
	if !strings.HasPrefix(errOut, "testdata/invalid/alibaba-wrong-cycle.json: body.") {
		t.Errorf("problems must read FILE: path: rule, got:\n%s", errOut)
	}
	if s.Hits(sandbox.PAIOrders) != 0 {
		t.Fatal("an invalid order reached the API")
	}
}

func TestSubmitMissingCredentialsSaysWhereItLooked(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"testdata/orders/alibaba-oss.json", "ALIBABA_CLOUD_ACCESS_KEY_ID"},
		{"testdata/orders/huawei-dsc.json", "HUAWEICLOUD_SDK_AK"},
	} {
		_, errOut, code := runForTest(t, submitEnv(t), "", "submit", tc.file, "--yes")
		if code != exitInvalid || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "looked at") {
			t.Errorf("%s: exit %d, stderr:\n%s", tc.file, code, errOut)
		}
	}
}

func TestSubmitUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"submit"},
		{"submit", "a.json", "b.json"},
		{"submit", "testdata/orders/alibaba-oss.json", "--output", "yaml"},
		{"submit", "testdata/orders/alibaba-oss.json", "--endpoint", "http://example.com", "--yes"},
		{"submit", "testdata/orders/alibaba-oss.json", "--endpoint", "https://example.com/path", "--yes"},
		{"submit", "testdata/orders/alibaba-oss.json", "--sandbox", "--endpoint", "http://127.0.0.1:1", "--yes"},
		{"submit", "no-such-file.json", "--yes"},
	} {
		if _, errOut, code := runForTest(t, submitEnv(t), "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d; stderr:\n%s", args, code, exitUsage, errOut)
		}
	}
}

// Without --yes, submit asks on a terminal and refuses without one.
func TestSubmitConfirmation(t *testing.T) {
	file := "testdata/orders/alibaba-oss.json"
	_, errOut, code := runForTest(t, submitEnv(t), "y\n", "submit", file, "--sandbox")
	if code != exitUsage || !strings.Contains(errOut, "--yes") {
		t.Fatalf("non-terminal stdin: exit %d, stderr:\n%s", code, errOut)
	}

	defer func(f func(io.Reader) bool) { isTerminal = f }(isTerminal)
	isTerminal = func(io.Reader) bool { return true }
	defer stepConfirmClock()()
	env := submitEnv(t)
	out, errOut, code := runForTest(t, env, "n\n", "submit", file, "--sandbox")
	if code != exitUsage || out != "" {
		t.Fatalf("answer n: exit %d, stdout %q", code, out)
	}
	for _, want := range []string{"Place this order? [y/N]", "SANDBOX", "alibaba/pai/CreateProductOrders", "cn-hangzhou", "LTAI****", "\"OSS_share\"", "http://127.0.0.1:"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, errOut)
		}
	}
	// A local endpoint that is not the sandbox is named as such (the summary once printed an
	// empty line there).
	local := lookAlike(t, startSandbox(t))
	if _, errOut, _ := runForTest(t, withSandboxKeys(submitEnv(t)), "n\n", "submit", file, "--endpoint", local); !strings.Contains(errOut, "LOCAL ENDPOINT "+local+" · not the cloud") {
		t.Errorf("the summary does not announce the local endpoint:\n%s", errOut)
	}
	out, errOut, code = runForTest(t, env, "y\n", "submit", file, "--sandbox")
	if code != exitOK || !strings.Contains(out, "order_id: ") {
		t.Fatalf("answer y: exit %d\n%s%s", code, out, errOut)
	}
	// The same order again: asked twice, and the second "no" keeps it unsent.
	out, errOut, code = runForTest(t, env, "y\nn\n", "submit", file, "--sandbox")
	if code != exitUsage || out != "" || !strings.Contains(errOut, "an identical order succeeded") || !strings.Contains(errOut, "Place it again anyway?") {
		t.Fatalf("duplicate, answers y then n: exit %d\n%s%s", code, out, errOut)
	}
}

func TestSubmitDuplicateWithYes(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	file := "testdata/orders/huawei-dsc.json"
	if _, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes"); code != exitOK {
		t.Fatalf("first: exit %d: %s", code, errOut)
	}
	_, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes")
	if code != exitUsage || !strings.Contains(errOut, "--allow-duplicate") {
		t.Fatalf("duplicate with --yes: exit %d, stderr:\n%s", code, errOut)
	}
	if s.Hits(sandbox.DSCOrders) != 1 {
		t.Fatal("a refused duplicate reached the API")
	}
	if _, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes", "--allow-duplicate"); code != exitOK {
		t.Fatalf("--allow-duplicate: exit %d: %s", code, errOut)
	}
	if s.Hits(sandbox.DSCOrders) != 2 {
		t.Fatalf("hits = %d, want 2", s.Hits(sandbox.DSCOrders))
	}
}

// While an order hangs, its intent is already in the history; afterwards history calls the
// outcome unknown.
func TestSubmitIntentIsWrittenBeforeTheAnswer(t *testing.T) {
	t.Parallel() // waits out a hang
	s := startSandbox(t)
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHang, API: sandbox.WorkspaceAppOrders})
	env := withSandboxKeys(submitEnv(t))
	path := historyFile(env)
	var wg sync.WaitGroup
	wg.Add(1)
	var code int
	go func() {
		defer wg.Done()
		_, _, code = runForTest(t, env, "", "submit", "testdata/orders/huawei-workspaceapp.json", "--endpoint", s.URL(), "--yes", "--timeout", "2s")
	}()
	deadline := time.Now().Add(5 * time.Second)
	for s.Hits(sandbox.WorkspaceAppOrders) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	entries, err := journal.Read(path)
	if err != nil || len(entries) != 1 || entries[0].Outcome != journal.OutcomePending || entries[0].Intent.BodySHA256 == "" {
		t.Fatalf("mid-flight history = %+v, %v; want one pending intent", entries, err)
	}
	wg.Wait()
	if code != exitUnknown {
		t.Fatalf("exit %d, want %d", code, exitUnknown)
	}
	out, _, hcode := runForTest(t, env, "", "history")
	if hcode != exitOK || !strings.Contains(out, "unknown — check the console") {
		t.Fatalf("history: exit %d\n%s", hcode, out)
	}
}

// --profile picks a named profile instead of the environment; a missing one is named, and
// nothing is sent.
func TestSubmitProfileFlag(t *testing.T) {
	env := submitEnv(t)
	env["HUAWEICLOUD_SDK_AK"], env["HUAWEICLOUD_SDK_SK"] = "ENVAK", "env-sk"
	_, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--yes", "--profile", "staging")
	if code != exitInvalid || !strings.Contains(errOut, "no [staging] section") && !strings.Contains(errOut, "no such file") {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "section [staging]") {
		t.Errorf("the missing profile must be named:\n%s", errOut)
	}
}

func TestSubmitProfileFlagSignsWithTheProfile(t *testing.T) {
	s := startSandbox(t)
	env := submitEnv(t)
	env["HUAWEICLOUD_SDK_AK"], env["HUAWEICLOUD_SDK_SK"] = "ENVAK", "wrong-env-sk" // would be rejected
	creds := filepath.Join(env["HOME"], ".huaweicloud", "credentials")
	if err := os.MkdirAll(filepath.Dir(creds), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(creds, []byte("[train]\nak = "+sandbox.HuaweiAK+"\nsk = "+sandbox.HuaweiSK+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--endpoint", s.URL(), "--yes", "--profile", "train")
	if code != exitOK || !strings.Contains(out, "order_id: CS") || len(s.Orders()) != 1 {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
}

// A setup error from opening the provider is said in the session's language.
func TestSubmitSetupErrorInChinese(t *testing.T) {
	env := submitEnv(t)
	env["LANG"] = "zh_CN.UTF-8"
	_, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/alibaba-oss.json", "--sandbox", "--endpoint", "http://127.0.0.1:1", "--yes")
	if code != exitUsage || !strings.Contains(errOut, "不能与 --endpoint 同时使用") || strings.Contains(errOut, "cannot be combined") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

// stepConfirmClock makes a second pass between any two readings of the confirmation clock, so
// answers piped to a "terminal" count (the tests that are not about timing); it returns the
// restore.
func stepConfirmClock() func() {
	old := confirmClock
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	confirmClock = func() time.Time {
		at = at.Add(time.Second)
		return at
	}
	return func() { confirmClock = old }
}

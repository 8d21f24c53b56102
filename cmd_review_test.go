package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var digestRE = regexp.MustCompile(`\b[0-9a-f]{64}\b`)

// reviewJSON reviews file with args and decodes the document.
func reviewJSON(t *testing.T, env map[string]string, file string, args ...string) reviewDoc {
	t.Helper()
	out, errOut, code := runForTest(t, env, "", append([]string{"review", file, "--output", "json"}, args...)...)
	var d reviewDoc
	if code != exitOK || json.Unmarshal([]byte(out), &d) != nil {
		t.Fatalf("review %s: exit %d %s%s", file, code, out, errOut)
	}
	return d
}

func TestReviewDocumentsEveryExample(t *testing.T) {
	files, _ := filepath.Glob("testdata/orders/*.json")
	for _, f := range files {
		env := submitEnv(t)
		d := reviewJSON(t, env, f, "--sandbox")
		if !digestRE.MatchString(d.Digest) || len(d.Summary) == 0 || len(d.Price.Lines) == 0 || d.Command == "" ||
			!strings.Contains(d.Submit, "--expect-digest "+d.Digest) || d.Target.Mode != "sandbox" {
			t.Errorf("%s: %+v", f, d)
		}
		var body any
		if json.Unmarshal(d.Body, &body) != nil {
			t.Errorf("%s: body is not JSON: %s", f, d.Body)
		}
		for _, format := range []struct{ output, lang, want string }{
			{"text", "en", "Request body (exactly what is sent)"}, {"text", "zh", "摘要值"},
			{"markdown", "en", "```json"}, {"markdown", "zh", "### 警告"},
		} {
			out, errOut, code := runForTest(t, env, "", "review", f, "--sandbox", "--output", format.output, "--lang", format.lang)
			if code != exitOK || !strings.Contains(out, format.want) || !strings.Contains(out, d.Digest) {
				t.Errorf("%s %s %s: exit %d, want %q and the digest:\n%s%s", f, format.output, format.lang, code, format.want, out, errOut)
			}
		}
		// Nothing was sent: the history is empty.
		if ids := historyIDs(t, env); len(ids) != 0 {
			t.Errorf("%s: review wrote %d history entries", f, len(ids))
		}
	}
}

// Without credentials or --sandbox the review is still written, offline, and says why there
// is no price.
func TestReviewWithoutCredentialsSaysWhyNoPrice(t *testing.T) {
	d := reviewJSON(t, submitEnv(t), "testdata/orders/huawei-dsc.json")
	if d.Target.Mode != "live" || d.Price.Priced || !strings.Contains(d.Price.Lines[0].EN, "HUAWEICLOUD_SDK_AK") {
		t.Errorf("%+v", d)
	}
	d = reviewJSON(t, submitEnv(t), "testdata/orders/alibaba-oss.json")
	if d.Price.Priced || len(d.Price.Lines) == 0 {
		t.Errorf("alibaba: %+v", d.Price)
	}
}

func TestReviewRefusesInvalidOrders(t *testing.T) {
	_, errOut, code := runForTest(t, submitEnv(t), "", "review", "testdata/cases/wrong-product-code.json")
	if code != exitInvalid || !strings.Contains(errOut, "ProductCode") || !strings.Contains(errOut, "no review") {
		t.Errorf("exit %d %q", code, errOut)
	}
	for _, args := range [][]string{{"review"}, {"review", "a", "b"}, {"review", "testdata/orders/alibaba-oss.json", "--output", "pdf"},
		{"review", "testdata/orders/alibaba-oss.json", "--shell", "fish"}, {"review", "no-such.json"}} {
		if _, errOut, code := runForTest(t, submitEnv(t), "", args...); code != exitUsage {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
}

// submit --expect-digest sends the reviewed order and refuses, sending nothing, one that
// changed after the review.
func TestSubmitExpectDigest(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	dir := t.TempDir()
	file := writeOrder(t, dir, "dsc.json", "testdata/orders/huawei-dsc.json", func(map[string]any) {})
	reviewed := reviewJSON(t, env, file, "--endpoint", s.URL()).Digest

	// The file changes after the review: refused, nothing sent.
	writeOrder(t, dir, "dsc.json", "testdata/orders/huawei-dsc.json", func(o map[string]any) { body(o)["period_num"] = 12 })
	_, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes", "--expect-digest", reviewed)
	if code != exitInvalid || !strings.Contains(errOut, "not sent") || !strings.Contains(errOut, reviewed) {
		t.Fatalf("changed file: exit %d %q", code, errOut)
	}
	if n := len(s.Orders()); n != 0 {
		t.Fatalf("changed file: the sandbox received %d orders", n)
	}
	if ids := historyIDs(t, env); len(ids) != 0 {
		t.Fatalf("changed file: %d history entries", len(ids))
	}
	zh := withSandboxKeys(submitEnv(t))
	zh["LANG"] = "zh_CN.UTF-8"
	_, errOut, _ = runForTest(t, zh, "", "submit", file, "--endpoint", s.URL(), "--yes", "--expect-digest", reviewed)
	if !strings.Contains(errOut, "未发送") {
		t.Errorf("zh: %q", errOut)
	}

	// The reviewed file again: sent, once ("sha256:" and upper case accepted).
	writeOrder(t, dir, "dsc.json", "testdata/orders/huawei-dsc.json", func(map[string]any) {})
	out, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes", "--expect-digest", "sha256:"+strings.ToUpper(reviewed))
	if code != exitOK || !strings.HasPrefix(out, "order_id: ") {
		t.Fatalf("reviewed file: exit %d %s%s", code, out, errOut)
	}
	if n := len(s.Orders()); n != 1 {
		t.Fatalf("reviewed file: the sandbox received %d orders", n)
	}

	// A digest that is not one is a usage error.
	if _, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes", "--expect-digest", "abc"); code != exitUsage {
		t.Errorf("malformed digest: exit %d %q", code, errOut)
	}
}

// The review printed for the in-process sandbox and submit --sandbox agree on the digest.
func TestReviewedSandboxOrderIsAccepted(t *testing.T) {
	env := submitEnv(t)
	d := reviewJSON(t, env, "testdata/orders/alibaba-pai-and-oss.json", "--sandbox")
	out, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/alibaba-pai-and-oss.json", "--sandbox", "--yes", "--expect-digest", d.Digest)
	if code != exitOK {
		t.Fatalf("exit %d %s%s", code, out, errOut)
	}
}

// With credentials the review asks the target's own price inquiry for the exact body —
// here a loopback sandbox at --endpoint, signed with its keys — and sends nothing that buys.
func TestReviewPricesWithCredentialsAndBuysNothing(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	d := reviewJSON(t, env, "testdata/orders/huawei-dsc.json", "--endpoint", s.URL())
	in := reviewJSON(t, submitEnv(t), "testdata/orders/huawei-dsc.json", "--sandbox") // the in-process sandbox's price, for comparison
	if !d.Price.Priced || d.Price.Total == "" || d.Price.Total != in.Price.Total || d.Price.Currency != in.Price.Currency || d.Target.Endpoint != s.URL() {
		t.Errorf("not priced by the endpoint's inquiry: %+v (target %+v)", d.Price, d.Target)
	}
	// Workspace App has no documented price inquiry: the review says so rather than guess.
	d = reviewJSON(t, env, "testdata/orders/huawei-workspaceapp.json", "--endpoint", s.URL())
	if d.Price.Priced || len(d.Price.Lines) == 0 || !strings.Contains(d.Price.Lines[0].EN, "no documented price inquiry") {
		t.Errorf("workspace app: %+v", d.Price)
	}
	if n := len(s.Orders()); n != 0 {
		t.Fatalf("the review placed %d orders", n)
	}
}

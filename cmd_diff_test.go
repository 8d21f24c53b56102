package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/providers/sandbox"
)

// writeOrder writes an order file made from example (a testdata order) changed by edit.
func writeOrder(t *testing.T, dir, name, example string, edit func(o map[string]any)) string {
	t.Helper()
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	var o map[string]any
	if err := json.Unmarshal(data, &o); err != nil {
		t.Fatal(err)
	}
	edit(o)
	out, _ := json.MarshalIndent(o, "", " ")
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func body(o map[string]any) map[string]any { return o["body"].(map[string]any) }

func TestDiffSameOrderIsZero(t *testing.T) {
	dir := t.TempDir()
	// The same OSS order with its properties listed the other way round and re-indented.
	reordered := writeOrder(t, dir, "oss.json", "testdata/orders/alibaba-oss.json", func(o map[string]any) {
		props := body(o)["Products"].([]any)[0].(map[string]any)["InstanceProperties"].([]any)
		props[0], props[1] = props[1], props[0]
	})
	for _, lang := range []string{"en", "zh"} {
		out, errOut, code := runForTest(t, submitEnv(t), "", "diff", "testdata/orders/alibaba-oss.json", reordered, "--lang", lang)
		if code != exitOK {
			t.Fatalf("%s: exit %d, want 0: %s%s", lang, code, out, errOut)
		}
		if want := map[string]string{"en": "no difference", "zh": "没有差异"}[lang]; !strings.Contains(out, want) {
			t.Errorf("%s: %s", lang, out)
		}
	}
}

func TestDiffNamesChangesWithTheirMeaning(t *testing.T) {
	dir := t.TempDir()
	changed := writeOrder(t, dir, "dsc.json", "testdata/orders/huawei-dsc.json", func(o map[string]any) {
		body(o)["period_type"] = 3
		body(o)["discount_id"] = "d-1"
		delete(body(o), "is_auto_renew")
	})
	out, errOut, code := runForTest(t, submitEnv(t), "", "diff", "testdata/orders/huawei-dsc.json", changed)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	for _, want := range []string{"~ body.period_type (Period type)", "2 [Month — Monthly period.] → 3 [Year — Yearly period.]",
		"+ body.discount_id (Discount ID)", `"d-1"`, "- body.is_auto_renew (Auto-renew)", "0 [No — Do not renew automatically.]"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q:\n%s", want, out)
		}
	}
	out, _, _ = runForTest(t, submitEnv(t), "", "diff", "testdata/orders/huawei-dsc.json", changed, "--lang", "zh")
	if !strings.Contains(out, "订购周期类型") || !strings.Contains(out, "按年订购") {
		t.Errorf("zh:\n%s", out)
	}
	out, _, code = runForTest(t, submitEnv(t), "", "diff", "testdata/orders/huawei-dsc.json", changed, "--output", "json")
	var d struct {
		Same    bool     `json:"same"`
		Changes []Change `json:"changes"`
	}
	if code != 1 || json.Unmarshal([]byte(out), &d) != nil || d.Same || len(d.Changes) != 3 {
		t.Fatalf("json: exit %d %s", code, out)
	}
	if c := d.Changes[0]; c.Path != "body.discount_id" && c.Path != "body.is_auto_renew" && c.Path != "body.period_type" {
		t.Errorf("first change %+v", c)
	}
}

// The price difference comes from the sandbox's price inquiry of both exact bodies.
func TestDiffPriceDeltaFromTheSandbox(t *testing.T) {
	dir := t.TempDir()
	id := sandbox.DSCProductID("cn-north-4", "base_professional", 2)
	one := writeOrder(t, dir, "one.json", "testdata/orders/huawei-dsc.json", func(o map[string]any) {
		body(o)["product_infos"].([]any)[0].(map[string]any)["product_id"] = id
	})
	three := writeOrder(t, dir, "three.json", one, func(o map[string]any) { body(o)["period_num"] = 3 })
	out, errOut, code := runForTest(t, submitEnv(t), "", "diff", one, three, "--sandbox", "--output", "json")
	var d struct {
		Price priceDiff `json:"price"`
	}
	if code != 1 || json.Unmarshal([]byte(out), &d) != nil {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if d.Price.Old == "" || d.Price.New == "" || !strings.HasPrefix(d.Price.Delta, "+") || d.Price.Currency == "" {
		t.Fatalf("price: %+v", d.Price)
	}
	out, _, _ = runForTest(t, submitEnv(t), "", "diff", one, three, "--sandbox")
	if !strings.Contains(out, d.Price.Delta+" "+d.Price.Currency) {
		t.Errorf("text does not show the delta %s:\n%s", d.Price.Delta, out)
	}
	// Without credentials and without --sandbox, nothing is asked and the reason is said.
	out, _, _ = runForTest(t, submitEnv(t), "", "diff", one, three)
	if !strings.Contains(out, "price unknown") || !strings.Contains(out, "HUAWEICLOUD_SDK_AK") {
		t.Errorf("no credentials:\n%s", out)
	}
}

// A history entry is a side like a file: the order it sent.
func TestDiffAgainstAHistoryEntry(t *testing.T) {
	env := submitEnv(t)
	if _, errOut, code := runForTest(t, env, "", "submit", "testdata/orders/alibaba-dataworks.json", "--sandbox", "--yes"); code != exitOK {
		t.Fatal(errOut)
	}
	id := historyIDs(t, env)[0]
	out, errOut, code := runForTest(t, env, "", "diff", "testdata/orders/alibaba-dataworks.json", id)
	if code != exitOK || !strings.Contains(out, "history entry "+id) {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	out, _, code = runForTest(t, env, "", "diff", id, "testdata/orders/alibaba-oss.json")
	if code != 1 || !strings.Contains(out, "~ body.Products[0].ProductCode (Product code)") ||
		!strings.Contains(flat(out), `"DataWorks_share" [DataWorks (pay-as-you-go) — DataWorks pay-as-you-go; billed monthly.] → "OSS_share"`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestDiffUnreadableIsTwo(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	_ = os.WriteFile(broken, []byte(`{"api": `), 0o600)
	for _, args := range [][]string{
		{"diff", "testdata/orders/alibaba-oss.json"},
		{"diff", "testdata/orders/alibaba-oss.json", "no-such-file-or-entry"},
		{"diff", "testdata/orders/alibaba-oss.json", broken},
		{"diff", "-", "-"},
		{"diff", "a", "b", "--output", "yaml"},
	} {
		_, errOut, code := runForTest(t, submitEnv(t), "", args...)
		if code != exitUsage || errOut == "" {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
	_, errOut, _ := runForTest(t, submitEnv(t), "", "diff", "testdata/orders/alibaba-oss.json", "nope", "--lang", "zh")
	if !strings.Contains(errOut, "既不是订单文件也不是历史记录") {
		t.Errorf("zh: %q", errOut)
	}
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"cloudorder/flows"
)

// historyIDs returns the history's entry ids, oldest first.
func historyIDs(t *testing.T, env map[string]string) []string {
	t.Helper()
	out, errOut, code := runForTest(t, env, "", "history", "--output", "json")
	var items []historyItem
	if code != exitOK || json.Unmarshal([]byte(out), &items) != nil {
		t.Fatalf("history: exit %d %s", code, errOut)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

func decodeJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	return v
}

// Every documented example, sent to the sandbox, comes back out of the history as an order
// file JSON-equal to the one sent, which validates as it did, diffs equal to its entry, and
// is sent again, reviewed and bound to its digest, as the same order.
func TestHistoryExportGivesBackEveryOrderSent(t *testing.T) {
	files, _ := filepath.Glob("testdata/orders/*.json")
	if len(files) < 7 {
		t.Fatalf("found %d example orders", len(files))
	}
	env := submitEnv(t)
	for _, f := range files {
		if _, errOut, code := runForTest(t, env, "", "submit", f, "--sandbox", "--yes"); code != exitOK {
			t.Fatalf("%s: submit exit %d: %s", f, code, errOut)
		}
	}
	ids := historyIDs(t, env)
	if len(ids) != len(files) {
		t.Fatalf("%d entries for %d orders", len(ids), len(files))
	}
	dir := t.TempDir()
	for i, f := range files {
		out, errOut, code := runForTest(t, env, "", "history", "export", ids[i])
		if code != exitOK {
			t.Fatalf("%s: export exit %d: %s", f, code, errOut)
		}
		orig, _ := os.ReadFile(f)
		if !reflect.DeepEqual(decodeJSON(t, orig), decodeJSON(t, []byte(out))) {
			t.Errorf("%s: exported order differs:\n%s", f, out)
		}
		exported := filepath.Join(dir, filepath.Base(f))
		if err := os.WriteFile(exported, []byte(out), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, errOut, code := runForTest(t, env, "", "validate", exported); code != exitOK {
			t.Errorf("%s: exported file does not validate: %s", f, errOut)
		}
		if out, errOut, code := runForTest(t, env, "", "diff", exported, ids[i]); code != exitOK {
			t.Errorf("%s: diff of the exported file and its entry: exit %d: %s%s", f, code, out, errOut)
		}
		// Reviewed and sent again, bound to the reviewed digest: the same order as the first time.
		out, errOut, code = runForTest(t, env, "", "review", exported, "--sandbox", "--output", "json")
		var doc struct{ Digest string }
		if code != exitOK || json.Unmarshal([]byte(out), &doc) != nil || doc.Digest == "" {
			t.Fatalf("%s: review of the exported file: exit %d: %s", f, code, errOut)
		}
		if _, errOut, code := runForTest(t, env, "", "submit", exported, "--sandbox", "--yes", "--allow-duplicate", "--expect-digest", doc.Digest); code != exitOK {
			t.Errorf("%s: the exported file does not submit: exit %d: %s", f, code, errOut)
		}
	}
	again := historyIDs(t, env)
	if len(again) != 2*len(files) {
		t.Fatalf("%d entries after sending %d exported files again", len(again), len(files))
	}
	for i, f := range files {
		first, _, _ := runForTest(t, env, "", "history", "export", ids[i])
		second, _, _ := runForTest(t, env, "", "history", "export", again[len(files)+i])
		if !reflect.DeepEqual(decodeJSON(t, []byte(first)), decodeJSON(t, []byte(second))) {
			t.Errorf("%s: sent again from the export, a different order went out:\n%s\n%s", f, first, second)
		}
	}
}

func TestHistoryShowsTheWholeRecord(t *testing.T) {
	env := submitEnv(t)
	out, _, code := runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--sandbox", "--yes")
	if code != exitOK {
		t.Fatal(out)
	}
	orderID := strings.TrimPrefix(strings.Split(out, "\n")[0], "order_id: ")
	id := historyIDs(t, env)[0]
	list, _, _ := runForTest(t, env, "", "history")
	if !strings.Contains(list, id) {
		t.Errorf("history does not list the entry id %s:\n%s", id, list)
	}
	short := id[len(id)-8:] // the random end names it
	for _, l := range []struct{ lang, entry, price string }{{"en", "Entry", "Price"}, {"zh", "记录", "价格"}} {
		out, errOut, code := runForTest(t, env, "", "history", "show", short, "--lang", l.lang)
		if code != exitOK {
			t.Fatalf("%s: exit %d %s", l.lang, code, errOut)
		}
		// The body is indented as one block: its braces in one column, its keys two further.
		for _, want := range []string{l.entry, id, string(flows.HuaweiDSC), "cn-north-4", "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
			orderID, `"resource_spec_code": "base_professional"`, l.price, "\n  {\n    \"charging_mode\": 0,", "\n  }\n"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: missing %q:\n%s", l.lang, want, out)
			}
		}
	}
	out, _, _ = runForTest(t, env, "", "history", "show", id, "--output", "json")
	var rec struct {
		ID       string          `json:"id"`
		OrderID  string          `json:"order_id"`
		Outcome  string          `json:"outcome"`
		Body     json.RawMessage `json:"body"`
		Payments []historyItem   `json:"payments"`
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil || rec.ID != id || rec.OrderID != orderID || rec.Outcome != "ok" ||
		!strings.Contains(string(rec.Body), "base_professional") || rec.Payments == nil {
		t.Errorf("json: %v %s", err, out)
	}
}

func TestHistoryShowAndExportRefuseUnknownEntries(t *testing.T) {
	env := submitEnv(t)
	runForTest(t, env, "", "submit", "testdata/orders/alibaba-oss.json", "--sandbox", "--yes")
	runForTest(t, env, "", "submit", "testdata/orders/alibaba-dataworks.json", "--sandbox", "--yes")
	for _, args := range [][]string{{"history", "show", "nope"}, {"history", "export", "nope"}, {"history", "export"},
		{"history", "show", "2"}, // the date part starts both ids: it names two entries
		{"history", "show", "a", "b"}} {
		_, errOut, code := runForTest(t, env, "", args...)
		if code != exitUsage || errOut == "" {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
	// Chinese puts the file first and the entry second: the same arguments, in their places.
	_, errOut, _ := runForTest(t, env, "", "history", "show", "nope", "--lang", "zh")
	if !strings.Contains(errOut, "orders.jsonl 中没有历史记录 \"nope\"") {
		t.Errorf("zh: %q", errOut)
	}
}

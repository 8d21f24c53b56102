package main

import (
	"encoding/json"

	"github.com/mattn/go-runewidth"
	"strings"
	"testing"

	"cloudorder/providers/sandbox"
)

func TestHistoryListsOutcomes(t *testing.T) {
	env := submitEnv(t)
	if out, _, code := runForTest(t, env, "", "history"); code != exitOK || !strings.Contains(out, "no orders yet") {
		t.Fatalf("empty history: exit %d, %q", code, out)
	}
	out, _, _ := runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--sandbox", "--yes")
	orderID := strings.TrimPrefix(strings.Split(out, "\n")[0], "order_id: ")
	s := startSandbox(t)
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultThrottle})
	runForTest(t, withSandboxKeys(env), "", "submit", "testdata/orders/alibaba-oss.json", "--endpoint", s.URL(), "--yes")
	s.ClearFaults()
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500})
	runForTest(t, withSandboxKeys(env), "", "submit", "testdata/orders/huawei-workspaceapp.json", "--endpoint", s.URL(), "--yes")

	out, _, code := runForTest(t, env, "", "history")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) != 4 {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for i, want := range []string{"huawei/dsc/CreateProductOrder", "alibaba/pai/CreateProductOrders", "huawei/workspaceapp/CreateOrder"} {
		if !strings.Contains(lines[i+1], want) {
			t.Errorf("line %d = %q, want %s (oldest first)", i+1, lines[i+1], want)
		}
	}
	if !strings.Contains(lines[1], "ok") || !strings.Contains(lines[1], orderID) ||
		!strings.Contains(lines[2], "rejected: Throttling.User") || !strings.Contains(lines[3], "unknown — check the console") {
		t.Errorf("history:\n%s", out)
	}

	out, _, code = runForTest(t, env, "", "history", "--output", "json")
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil || code != exitOK || len(items) != 3 {
		t.Fatalf("json: exit %d, %v\n%s", code, err, out)
	}
	if items[0]["order_id"] != orderID || items[1]["outcome"] != "rejected" || items[2]["outcome"] != "unknown" || items[2]["recorded"] != true {
		t.Errorf("json items %v", items)
	}
	env["LANG"] = "zh_CN.UTF-8"
	out, _, _ = runForTest(t, env, "", "history")
	if !strings.Contains(out, "未知 — 请在控制台核实") || !strings.Contains(out, "沙箱") {
		t.Errorf("zh history:\n%s", out)
	}
	// Every column starts at the same display cell on every line, in both languages.
	for _, lang := range []string{"en_US.UTF-8", "zh_CN.UTF-8"} {
		env["LANG"] = lang
		out, _, _ := runForTest(t, env, "", "history")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		starts := columnStarts(lines[0])
		for _, l := range lines[1:] {
			got := columnStarts(l)
			if len(got) != len(starts) {
				t.Fatalf("%s: %d columns on %q, header has %d:\n%s", lang, len(got), l, len(starts), out)
			}
			for i := range starts {
				if got[i] != starts[i] {
					t.Fatalf("%s: column %d starts at cell %d on %q, at %d in the header:\n%s", lang, i, got[i], l, starts[i], out)
				}
			}
		}
	}
	if _, _, code := runForTest(t, env, "", "history", "--output", "xml"); code != exitUsage {
		t.Errorf("bad --output: exit %d", code)
	}
}

// columnStarts lists the display cells where a history line's columns start: after a run of
// two or more spaces (one space is inside a cell, like "2025-01-02 03:04:05").
func columnStarts(l string) []int {
	starts := []int{0}
	cell, spaces := 0, 0
	for _, r := range l {
		if r == ' ' {
			spaces++
		} else {
			if spaces >= 2 {
				starts = append(starts, cell)
			}
			spaces = 0
		}
		cell += runewidth.RuneWidth(r)
	}
	return starts
}

package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"cloudorder/flows"
)

// The review's summary shows a group's heading only above answers of that group: the
// Workspace App's Region & account step has an optional availability zone inside
// "Resource #1 › Service to create", and with the zone unanswered the two headings stood
// alone under the step, looking like answers that were lost.
func TestSummaryHeadingsHaveAnswersUnderThem(t *testing.T) {
	prov, _ := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
	d := newDriver(t, Options{Provider: prov}, 120, 40)
	d.pickAPI(flows.HuaweiWorkspaceApp)
	d.walk(nil)
	if d.m.Where() != "review" {
		t.Fatalf("at %s", d.m.Where())
	}
	lines := strings.Split(ansi.Strip(d.m.review.summary(400).text()), "\n")
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
	for i, l := range lines {
		if indent(l) < 2 || strings.Contains(l, ":") || strings.TrimSpace(l) == "" {
			continue // not a group heading
		}
		if i+1 >= len(lines) || indent(lines[i+1]) <= indent(l) {
			next := ""
			if i+1 < len(lines) {
				next = lines[i+1]
			}
			t.Errorf("heading %q has no answer under it (next: %q)", l, next)
		}
	}
}

// The help panel of an item's heading names the item as it is now: the panel is cached by
// what it shows, and the item's title (its product code) was not part of the key, so after
// DataWorks became MaxCompute the panel still said "Products #1 · DataWorks_share".
func TestItemHeadingHelpFollowsTheItem(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.keys("enter", "enter") // Products
	d.focus("body.Products[0]")
	if v := d.view(); !strings.Contains(v, "│ Products #1 · DataWorks_share") {
		t.Fatalf("heading's help:\n%s", v)
	}
	d.focus("body.Products[0].ProductCode")
	d.keys("right")
	code := d.m.Answers().Get("body.Products[0].ProductCode")
	d.keys("up")
	if v := d.view(); !strings.Contains(v, "│ Products #1 · "+code) {
		t.Fatalf("after the product became %s, the heading's help:\n%s", code, v)
	}
}

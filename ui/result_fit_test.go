package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/flows"
)

// At 60×20 the payment question takes five lines of the footer: the result above it used
// to be cut wherever the window ended, mid-sentence ("…立即支付:会先显示支付内容,按 y").
// Now the offer the question repeats gives way to the question, and no sentence is cut.
func TestResultWithPayQuestionFitsSmallWindows(t *testing.T) {
	for _, lang := range []flows.Lang{flows.EN, flows.ZH} {
		prov, _ := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
		d := newDriver(t, Options{Provider: prov, Lang: lang}, 60, 20)
		d.keys("right")
		d.walk(nil)
		d.keys("y")
		if d.m.Where() != "result" {
			t.Fatalf("%s: at %s after y:\n%s", lang, d.m.Where(), d.view())
		}
		d.keys("p")
		s := d.m.s
		v := strings.Join(strings.Fields(d.view()), " ")
		flat := func(t flows.Text) string { return strings.Join(strings.Fields(s.say(t)), " ") }
		if !strings.Contains(strings.ReplaceAll(v, " ", ""), strings.ReplaceAll(flat(txtUnpaid), " ", "")) {
			t.Errorf("%s: the unpaid sentence is not whole:\n%s", lang, d.view())
		}
		offer := flat(txtPayOffer)
		if strings.Contains(v, offer[:12]) {
			t.Errorf("%s: the pay offer is shown beside the question that repeats it:\n%s", lang, d.view())
		}
		if note := flat(txtScrollIDs); strings.Contains(v, note[:12]) && !strings.Contains(v, note) {
			t.Errorf("%s: the scroll-back note is cut:\n%s", lang, d.view())
		}
	}
}

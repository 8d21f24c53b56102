package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/providers/sandbox"
)

// A DSC order is created unpaid: submit says so and how to pay it (text and JSON); pay pays it
// once through the sandbox, shows the amount without claiming the sandbox spends money, and
// refuses a second payment naming the first; history shows unpaid, then paid.
func TestSubmitUnpaidThenPayOnce(t *testing.T) {
	s := startSandbox(t)
	env := submitEnv(t) // a probed sandbox signs with its own keys
	file := catalogueDSC(t)
	out, errOut, code := runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes")
	if code != exitOK {
		t.Fatalf("submit: exit %d\n%s", code, errOut)
	}
	id := regexp.MustCompile(`order_id: (\S+)`).FindStringSubmatch(out)
	// The command printed pays where the order was sent: the same --endpoint.
	if id == nil || !strings.Contains(out, "placed, unpaid — pay with `cloudorder pay "+id[1]+" --endpoint "+s.URL()+"` or in the console: https://") {
		t.Fatalf("submit does not say the order is unpaid and how to pay it:\n%s", out)
	}
	if out, _, _ := runForTest(t, env, "", "history"); !strings.Contains(out, "unpaid — cloudorder pay "+id[1]+" --endpoint "+s.URL()) {
		t.Errorf("history does not say unpaid:\n%s", out)
	}

	// Without --yes and without a terminal nothing is paid.
	if _, errOut, code := runForTest(t, env, "yes\n", "pay", id[1], "--endpoint", s.URL()); code != exitUsage || len(s.Payments()) != 0 {
		t.Fatalf("pay without a terminal: exit %d, %d payments\n%s", code, len(s.Payments()), errOut)
	}
	out, errOut, code = runForTest(t, env, "", "pay", id[1], "--endpoint", s.URL(), "--yes")
	if code != exitOK || len(s.Payments()) != 1 || s.Payments()[0].OrderID != id[1] || !strings.Contains(out, "paid: "+id[1]) {
		t.Fatalf("pay: exit %d, payments %+v\n%s%s", code, s.Payments(), out, errOut)
	}
	if !regexp.MustCompile(`Pay order `+id[1]+` \(huawei/dsc/CreateProductOrder, cn-north-4\): \d+\.\d\d CNY`).MatchString(errOut) ||
		strings.Contains(errOut, "SPENDS MONEY") || !strings.Contains(errOut, "Sandbox: nothing is bought") {
		t.Errorf("the payment's review line (amount, no money spent in the sandbox):\n%s", errOut)
	}
	_, errOut, code = runForTest(t, env, "", "pay", id[1], "--endpoint", s.URL(), "--yes")
	if code != exitUsage || len(s.Payments()) != 1 || !strings.Contains(errOut, "this order was paid at") {
		t.Fatalf("second pay: exit %d, %d payments\n%s", code, len(s.Payments()), errOut)
	}
	out, _, _ = runForTest(t, env, "", "history", "--output", "json")
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	paid := 0
	for _, it := range items {
		if it["order_id"] == id[1] && it["api"] == string(flows.HuaweiDSC) && it["paid"] == true {
			paid++
		}
	}
	if paid != 1 {
		t.Errorf("history --output json does not show the order paid:\n%s", out)
	}

	// JSON: "paid": false and the pay command.
	out, errOut, code = runForTest(t, env, "", "submit", file, "--endpoint", s.URL(), "--yes", "--allow-duplicate", "--output", "json")
	var obj map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &obj) != nil || obj["paid"] != false ||
		obj["pay_command"] != "cloudorder pay "+obj["order_id"].(string)+" --endpoint "+s.URL() {
		t.Fatalf("submit --output json of an unpaid order: exit %d\n%s%s", code, out, errOut)
	}
}

// An order that does not create unpaid orders is not paid separately; one unknown to the
// history needs its region; one the cloud does not hold is refused in the payment's words.
func TestPayRefusesWhatItCannotPay(t *testing.T) {
	s := startSandbox(t)
	env := submitEnv(t)
	out, _, code := runForTest(t, env, "", "submit", "testdata/orders/alibaba-oss.json", "--endpoint", s.URL(), "--yes")
	id := regexp.MustCompile(`order_id: (\S+)`).FindStringSubmatch(out)
	if code != exitOK || id == nil || strings.Contains(out, "unpaid") {
		t.Fatalf("alibaba order: exit %d\n%s", code, out)
	}
	if _, errOut, code := runForTest(t, env, "", "pay", id[1], "--endpoint", s.URL(), "--yes"); code != exitInvalid || !strings.Contains(errOut, "not paid separately") {
		t.Errorf("paying an Alibaba order: exit %d\n%s", code, errOut)
	}
	if _, errOut, code := runForTest(t, env, "", "pay", "CS-NOT-HERE", "--endpoint", s.URL(), "--yes"); code != exitUsage || !strings.Contains(errOut, "--region") {
		t.Errorf("an order not in the history: exit %d\n%s", code, errOut)
	}
	// A payment the cloud refuses is said in pay's words: nothing was paid (not "nothing was
	// bought … send it again", the order's words).
	_, errOut, code := runForTest(t, env, "", "pay", "CS-NOT-HERE", "--region", "cn-north-4", "--endpoint", s.URL(), "--yes")
	if code != 3 || !strings.Contains(errOut, "The payment was refused; nothing was paid.") || !strings.Contains(errOut, "then pay again") ||
		strings.Contains(errOut, "nothing was bought") || strings.Contains(errOut, "send it again") {
		t.Errorf("a refused payment: exit %d\n%s", code, errOut)
	}
	if len(s.Payments()) != 0 {
		t.Errorf("payments %+v", s.Payments())
	}
	// An endpoint the gate refuses is said as pay's, not submit's.
	_, errOut, code = runForTest(t, env, "", "pay", "CS1", "--region", "cn-north-4", "--endpoint", "http://example.com", "--yes")
	if code != exitUsage || !strings.HasPrefix(errOut, "cloudorder pay: ") || !strings.Contains(errOut, "nothing was sent") {
		t.Errorf("pay to a refused endpoint: exit %d\n%s", code, errOut)
	}
}

// catalogueDSC is testdata/orders/huawei-dsc.json with the product id the sandbox's catalogue
// gives its spec and period (the file carries one from another catalogue: the review says so).
func catalogueDSC(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/orders/huawei-dsc.json")
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), "OFFI740586375358963717", sandbox.DSCProductID("cn-north-4", "base_professional", 2), 1))
	path := filepath.Join(t.TempDir(), "dsc.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

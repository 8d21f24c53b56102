package e2e

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudorder/placement"
)

// In a real terminal: the order is placed and its answer lost (the sandbox's
// reset-after-placing), the review says it may have been placed and offers n; n asks the
// cloud's order records with a spinner, shows the order the sandbox placed, and the exit
// lines say it was placed — without a second order.
func TestCheckNowInATerminalFindsThePlacedOrder(t *testing.T) {
	needTmux(t)
	bin := cloudorderBinary(t)
	url := runningSandbox(t, bin)
	postJSON(t, url+"/_sandbox/faults", `{"kind":"reset-after-placing","count":1}`)
	order, err := filepath.Abs(filepath.Join("..", "testdata", "orders", "huawei-dsc.json"))
	if err != nil {
		t.Fatal(err)
	}
	x, _ := startWizard(t, bin, "checknow", "--endpoint", url, "--lang", "en", "--from", order)
	x.waitFor("Request body (exactly what is sent)", false, 30*time.Second)
	settled(x)
	time.Sleep(placement.Debounce + 250*time.Millisecond) // the review is read
	x.run("send-keys", "-t", "wiz", "y")
	x.waitFor("MAY HAVE BEEN PLACED", false, 30*time.Second)
	flatWait(x, "n asks the cloud's order records now", 30*time.Second)
	ids := sandboxOrderIDs(t, url)
	if len(ids) != 1 {
		t.Fatalf("the sandbox holds %d orders, want 1", len(ids))
	}
	x.run("send-keys", "-t", "wiz", "n")
	flatWait(x, "PLACED: the cloud has exactly one matching order, "+ids[0], 30*time.Second)
	x.run("send-keys", "-t", "wiz", "C-c")
	s := x.waitFor("EXIT=", true, 30*time.Second)
	if flat := strings.Join(strings.Fields(s), " "); !strings.Contains(flat, "show it WAS placed: order "+ids[0]) {
		t.Errorf("the exit lines do not say what the check found:\n%s", s)
	}
	if n := len(sandboxOrderIDs(t, url)); n != 1 {
		t.Fatalf("check now: the sandbox holds %d orders, want 1", n)
	}
}

// flatWait polls the pane until its text, wrapping and borders gone, contains want.
func flatWait(x tmux, want string, within time.Duration) {
	x.t.Helper()
	var s string
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		s = x.screen(false)
		if strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(s, "┃", " ")), " "), want) {
			return
		}
	}
	x.t.Fatalf("timed out after %v waiting for %q; the pane shows:\n%s", within, want, s)
}

// sandboxOrderIDs are the ids of the orders the sandbox has accepted, oldest first.
func sandboxOrderIDs(t *testing.T, url string) []string {
	t.Helper()
	resp, err := http.Get(url + "/_sandbox/orders")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var orders []struct {
		OrderID string `json:"order_id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&orders); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(orders))
	for i, o := range orders {
		ids[i] = o.OrderID
	}
	return ids
}

package sandbox

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An order book that cannot be kept is the cloud's internal error, and the answer says why
// without naming the state file: its path is of the caller's machine and names the client.
func TestUnkeptBookIsAnInternalErrorNamingNoFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cloudorder", "sandbox")
	state := filepath.Join(dir, "orders.json")
	s := startSandbox(t, Options{State: state})
	// A directory where the book should be: every read of the book fails from now on.
	if err := os.Remove(state); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if err := os.Mkdir(state, 0o700); err != nil {
		t.Fatal(err)
	}
	_, alibabaErr := alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 0)
	fresh := strings.Replace(dscBody, "OFFI740586375358963717", DSCProductID("cn-north-4", "base_professional", 2), 1)
	_, huaweiErr := dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), fresh)
	for code, err := range map[string]error{"InternalError": alibabaErr, "dsc.50000001": huaweiErr} {
		if err == nil {
			t.Fatalf("%s: accepted an order it could not keep", code)
		}
		msg := err.Error()
		if !strings.Contains(msg, "the order book could not be kept") || !strings.Contains(msg, code) {
			t.Errorf("%s: %s", code, msg)
		}
		if strings.Contains(strings.ToLower(msg), "cloudorder") || strings.Contains(msg, dir) {
			t.Errorf("%s: the answer names the state file: %s", code, msg)
		}
	}
	if n := len(s.Orders()); n != 0 {
		t.Errorf("%d orders recorded without a book", n)
	}
}

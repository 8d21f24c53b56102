package sandbox

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Two sandbox processes with one state file (Options.State) see each other's orders: an order
// placed through the real SDK on one is in the other's book when it starts, and one placed
// later on the second is in the first's billing reads.
func TestStateKeepsTheBookAcrossServers(t *testing.T) {
	state := filepath.Join(t.TempDir(), "sandbox", "orders.json")
	a := startSandbox(t, Options{State: state})
	resp, err := dscOrder(t, dscClient(t, a, HuaweiSK, ProjectID, 0), dscBody)
	if err != nil {
		t.Fatal(err)
	}
	first := *resp.OrderId
	if fi, err := os.Stat(state); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("state file: %v %v", fi, err)
	}
	if fi, err := os.Stat(filepath.Dir(state)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("state dir: %v %v", fi, err)
	}

	b := startSandbox(t, Options{State: state})
	if got := b.Orders(); len(got) != 1 || got[0].OrderID != first {
		t.Fatalf("second server's book = %+v", got)
	}
	w, err := wsaOrder(t, wsaClient(t, b, HuaweiSK, ProjectID, 0), wsaBody)
	if err != nil {
		t.Fatal(err)
	}
	book, err := a.book(huaweiBSS)
	if err != nil || len(book) != 2 || book[0].OrderID != first || book[1].OrderID != *w.OrderId {
		t.Fatalf("first server's billing book = %+v, %v", book, err)
	}
	// Without a state file the book is this server's alone, as before.
	if c := startSandbox(t, Options{}); len(c.Orders()) != 0 {
		t.Fatal("a server without state saw other orders")
	}
}

// A state file that is not the sandbox's book is refused when the server starts, naming it;
// it is never read as an empty book, nor overwritten.
func TestStateRefusesWhatIsNotABook(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.json")
	if err := os.WriteFile(corrupt, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no fifo here:", err)
	}
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, []byte(`{"orders":[`+strings.Repeat(" ", maxState)+`]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{corrupt: "is not a sandbox order book", fifo: "is not a regular file", big: "is larger than"} {
		err := New(Options{State: path}).Start("127.0.0.1:0")
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", filepath.Base(path), err)
		}
	}
	if data, _ := os.ReadFile(corrupt); string(data) != "{not json" {
		t.Error("the refused file was changed")
	}
}

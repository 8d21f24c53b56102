package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The order book across processes. The in-process sandbox (--sandbox) lives as long as one
// command, but an order it accepted must still be there for the next one — `cloudorder pay`
// pays it, `cloudorder status` reads it — as a cloud's would. With Options.State the book
// (orders and payments) is kept in that file: read when the server starts and before each
// billing read or payment, written after each order and payment, always under the file's lock
// so two sandbox processes never lose each other's orders. Without it the book is memory only.

// maxState bounds the state file: a sandbox account with more orders than fit is refused
// rather than read without limit (a thousand orders take about 1 MiB).
const maxState = 16 << 20

// stateBook is the state file's content.
type stateBook struct {
	Version  int       `json:"version"`
	Orders   []Order   `json:"orders"`
	Payments []Payment `json:"payments"`
}

// syncState brings the book in memory and the state file together under the file's lock: the
// file's orders and payments are merged in, then change runs (nil for a read) with s.mu held,
// and when it reports a change the book is written back. Without a state file only change
// runs. Must be called without s.mu held.
func (s *Server) syncState(change func() bool) error {
	if s.state == "" {
		if change != nil {
			s.mu.Lock()
			change()
			s.mu.Unlock()
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(s.state), 0o700); err != nil {
		return fmt.Errorf("sandbox state: %w", err)
	}
	lock, err := os.OpenFile(s.state+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("sandbox state: %w", err)
	}
	defer lock.Close()
	if err := lockFile(lock); err != nil {
		return fmt.Errorf("sandbox state: lock %s: %w", lock.Name(), err)
	}
	onFile, err := readState(s.state)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mergeLocked(onFile)
	if change == nil || !change() {
		return nil
	}
	return writeState(s.state, stateBook{Version: 1, Orders: s.orders, Payments: s.paid})
}

// stateTrouble is what a cloud's internal-error answer says when the book cannot be kept: the
// cause, without the state file's location — an answer names no file of the caller's machine,
// and that path names the client (…/cloudorder/sandbox/orders.json).
func (s *Server) stateTrouble(err error) string {
	msg := strings.TrimPrefix(err.Error(), "sandbox state: ")
	msg = strings.ReplaceAll(msg, s.state, "the order book")
	msg = strings.ReplaceAll(msg, filepath.Dir(s.state), "the order book's directory")
	return "the order book could not be kept: " + msg
}

// mergeLocked adds the file's orders and payments this server does not have yet, oldest
// first (s.mu held).
func (s *Server) mergeLocked(b stateBook) {
	for _, o := range b.Orders {
		if !slices.ContainsFunc(s.orders, func(x Order) bool { return x.OrderID == o.OrderID && x.API == o.API }) {
			s.orders = append(s.orders, o)
		}
	}
	for _, p := range b.Payments {
		if !slices.ContainsFunc(s.paid, func(x Payment) bool { return x.OrderID == p.OrderID }) {
			s.paid = append(s.paid, p)
		}
	}
	slices.SortStableFunc(s.orders, func(a, b Order) int { return a.At.Compare(b.At) })
	slices.SortStableFunc(s.paid, func(a, b Payment) int { return a.At.Compare(b.At) })
}

// readState reads the book at path: a missing file is an empty book; anything but a regular
// file, or one larger than maxState, is refused.
func readState(path string) (stateBook, error) {
	var b stateBook
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return b, nil
	case err != nil:
		return b, fmt.Errorf("sandbox state: %w", err)
	case !fi.Mode().IsRegular():
		return b, fmt.Errorf("sandbox state: %s is not a regular file", path)
	case fi.Size() > maxState:
		return b, fmt.Errorf("sandbox state: %s is larger than %d bytes; move it away to start an empty book", path, maxState)
	}
	// Swapped for a FIFO or a symlink since Lstat: opening does not wait nor follow, and the
	// open file is checked again.
	f, err := os.OpenFile(path, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		return b, fmt.Errorf("sandbox state: %w", err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return b, fmt.Errorf("sandbox state: %s is not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxState+1))
	if err != nil {
		return b, fmt.Errorf("sandbox state: %w", err)
	}
	if len(data) > maxState {
		return b, fmt.Errorf("sandbox state: %s is larger than %d bytes; move it away to start an empty book", path, maxState)
	}
	if err := json.Unmarshal(data, &b); err != nil {
		return b, fmt.Errorf("sandbox state: %s is not a sandbox order book (%v); move it away to start an empty book", path, err)
	}
	return b, nil
}

// writeState replaces the file at path with b: written beside it (0600) and renamed over it,
// so a reader never sees half a book.
func writeState(path string, b stateBook) error {
	data, err := json.Marshal(b)
	if err != nil {
		return fmt.Errorf("sandbox state: %w", err)
	}
	if len(data) > maxState {
		return fmt.Errorf("sandbox state: the order book would exceed %d bytes", maxState)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".orders-*.json")
	if err != nil {
		return fmt.Errorf("sandbox state: %w", err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; removes a failed write's leftover
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("sandbox state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("sandbox state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("sandbox state: %w", err)
	}
	return nil
}

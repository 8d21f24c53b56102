package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular refuses a history path that is a symlink, a FIFO, a device or a directory:
// appending to (or chmodding) whatever it leads to is not the journal's business, and a FIFO
// would hang the reader.
var ErrNotRegular = errors.New("the history must be a regular file (not a symlink, FIFO, device or directory)")

// appendRecord writes one record as one JSON line in one write call and fsyncs it, so an
// intent is on disk before the order leaves the machine. If the file does not end in a
// newline (a write cut short by a crash or a full disk), the record starts a new line, so the
// torn line can never swallow it. A file the journal creates is 0600 in a 0700 directory
// (orders name accounts and projects); an existing file's mode is left alone.
func appendRecord(path string, r Record) error {
	line, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode history record: %w", err)
	}
	line = append(line, '\n')
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create history directory: %w", err)
	}
	f, created, err := openAppend(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if !created && !endsInNewline(f) {
		line = append([]byte{'\n'}, line...)
	}
	// One write call per record: O_APPEND keeps concurrent writers' lines whole.
	if _, err := f.Write(line); err != nil {
		return fmt.Errorf("write history: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync history: %w", err)
	}
	if created {
		syncDir(dir) // make the new file's name durable too
	}
	return f.Close()
}

// openAppend opens the history for appending: created exclusively (so the journal knows the
// file is its own) or, if it exists, only when it is a regular file reached without a symlink.
func openAppend(path string) (f *os.File, created bool, err error) {
	f, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE|os.O_EXCL|noFollow, 0o600)
	if err == nil {
		return f, true, nil
	}
	if !errors.Is(err, fs.ErrExist) {
		return nil, false, fmt.Errorf("open history: %w", err)
	}
	if err := checkRegular(path); err != nil {
		return nil, false, err
	}
	f, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND|noFollow|nonBlock, 0)
	if err != nil {
		return nil, false, fmt.Errorf("open history: %w", err)
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, false, fmt.Errorf("open history %s: %w", path, ErrNotRegular)
	}
	return f, false, nil
}

// checkRegular looks at path itself (not what a symlink points to).
func checkRegular(path string) error {
	fi, err := os.Lstat(path)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("history %s: %w", path, ErrNotRegular)
	}
	return nil
}

// endsInNewline reports whether the file is empty or its last byte is '\n'. An unreadable
// last byte counts as torn: an extra newline only makes an empty line, which readers skip.
func endsInNewline(f *os.File) bool {
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	if fi.Size() == 0 {
		return true
	}
	var last [1]byte
	// The file is open write-only; read the last byte through a second, read-only handle.
	rf, err := os.OpenFile(f.Name(), os.O_RDONLY|noFollow|nonBlock, 0)
	if err != nil {
		return false
	}
	defer rf.Close()
	if _, err := rf.ReadAt(last[:], fi.Size()-1); err != nil {
		return false
	}
	return last[0] == '\n'
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Log is the history as read: its records, and the lines that could not be read.
type Log struct {
	Records []Record
	// Torn are the 1-based numbers of lines that are not whole records (a write cut short by a
	// crash or a full disk). They are skipped; every other line still counts.
	Torn []int
}

// ReadLog reads every record. A missing file is an empty history. Lines have no length limit
// (a record holds a whole order body). A torn line is skipped and reported; if a writer of an
// older version glued the next record onto it, that record is recovered.
func ReadLog(path string) (Log, error) {
	data, err := readHistory(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Log{}, nil
	}
	if err != nil {
		return Log{}, err
	}
	var l Log
	for n, line := range bytes.Split(data, []byte{'\n'}) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		r, whole := parseLine(line)
		if !whole {
			l.Torn = append(l.Torn, n+1)
		}
		if r.ID != "" {
			l.Records = append(l.Records, r)
		}
	}
	return l, nil
}

// readHistory reads the file without following a symlink and without blocking on a FIFO.
func readHistory(path string) ([]byte, error) {
	if err := checkRegular(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fs.ErrNotExist
		}
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|noFollow|nonBlock, 0)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("read history %s: %w", path, ErrNotRegular)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	return data, nil
}

// recordStart is how every record line begins (Record's first field).
var recordStart = []byte(`{"kind":"`)

// parseLine decodes one line. A line that is not one record is torn; the record glued after
// the torn part, if any, is returned.
func parseLine(line []byte) (Record, bool) {
	return parseTorn(line, func(r Record) bool { return r.ID != "" })
}

// parseTorn decodes line as a T that complete says is whole (a Record, or the scans' head). A
// line that is not one is torn; the T glued after the torn part, if any, is returned with
// false.
func parseTorn[T any](line []byte, complete func(T) bool) (T, bool) {
	var v T
	if json.Unmarshal(line, &v) == nil && complete(v) {
		return v, true
	}
	for i := 1; i < len(line); i++ {
		j := bytes.Index(line[i:], recordStart)
		if j < 0 {
			break
		}
		i += j
		var g T
		if json.Unmarshal(line[i:], &g) == nil && complete(g) {
			return g, false
		}
	}
	var none T
	return none, false
}

// ReadRecords reads every record, skipping torn lines (see ReadLog).
func ReadRecords(path string) ([]Record, error) {
	l, err := ReadLog(path)
	return l.Records, err
}

// History is the journal's orders, oldest first, and the torn lines skipped.
type History struct {
	Entries []Entry
	Torn    []int
}

// Load returns the history's orders, oldest first, each intent joined with its outcome.
func Load(path string) (History, error) {
	l, err := ReadLog(path)
	if err != nil {
		return History{}, err
	}
	h := History{Torn: l.Torn}
	index := map[string]int{}
	for _, r := range l.Records {
		switch r.Kind {
		case KindIntent:
			index[r.ID] = len(h.Entries)
			h.Entries = append(h.Entries, Entry{Intent: r})
		case KindOutcome:
			if i, ok := index[r.ID]; ok {
				e := &h.Entries[i]
				e.Outcome, e.Result, e.Finished = r.Outcome, r, r.At
			}
		case KindResolution, KindStatus: // resolution.go: about an earlier intent, never an order
			if i, ok := index[r.ID]; ok {
				attach(&h.Entries[i], r)
			}
		}
	}
	return h, nil
}

// Read returns the history's orders (see Load), without the torn-line report.
func Read(path string) ([]Entry, error) {
	h, err := Load(path)
	return h.Entries, err
}

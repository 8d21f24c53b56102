package journal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// appendRecord writes one record as one JSON line and fsyncs it, so an intent is on disk
// before the order leaves the machine. The file is created 0600 in a 0700 directory (orders
// name accounts and projects); a file found with wider permissions is narrowed.
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
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, fs.ErrNotExist)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("open history: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().Perm()&0o077 != 0 {
		if err := f.Chmod(0o600); err != nil {
			return fmt.Errorf("narrow history permissions: %w", err)
		}
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

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// ReadRecords reads every record. A missing file is an empty history. A line that is not a
// record (say, half written when the machine lost power) is skipped, not fatal: the rest of
// the history still matters.
func ReadRecords(path string) ([]Record, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	var out []Record
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		var r Record
		if json.Unmarshal(sc.Bytes(), &r) != nil || r.ID == "" {
			continue
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// Read returns the history's orders, oldest first, each intent joined with its outcome.
func Read(path string) ([]Entry, error) {
	recs, err := ReadRecords(path)
	if err != nil {
		return nil, err
	}
	var out []Entry
	index := map[string]int{}
	for _, r := range recs {
		switch r.Kind {
		case KindIntent:
			index[r.ID] = len(out)
			out = append(out, Entry{Intent: r})
		case KindOutcome:
			if i, ok := index[r.ID]; ok {
				out[i].Outcome, out[i].Result, out[i].Finished = r.Outcome, r, r.At
			}
		}
	}
	return out, nil
}

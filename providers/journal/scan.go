package journal

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"cloudorder/flows"
)

// The history grows by every order ever placed (10^5 records is two years of a busy team's
// scripts), while what a command needs of it is small: the duplicate guard the last 24 hours,
// `status` one order, `history` one line at a time. The scans here read the file from its end
// in blocks and decode of each line only the fields they compare (head): a body is decoded
// only for the one record asked for, or for a record written before digests existed.

// head is what the scans compare of a record: everything but the body.
type head struct {
	Kind      string      `json:"kind"`
	ID        string      `json:"id"`
	At        time.Time   `json:"at"`
	API       flows.APIID `json:"api"`
	Digest    string      `json:"digest"`
	Outcome   string      `json:"outcome"`
	OrderID   string      `json:"order_id"`
	RequestID string      `json:"request_id"`
}

// parseHead decodes a line's head; a torn line yields the record glued after it, if any (as
// parseLine does for whole records).
func parseHead(line []byte) (head, bool) {
	return parseTorn(line, func(h head) bool { return h.ID != "" })
}

// openHistory opens the history for reading the way readHistory does (no symlink followed, no
// wait on a FIFO, a regular file only) and returns its size. A missing file is fs.ErrNotExist.
func openHistory(path string) (*os.File, int64, error) {
	if err := checkRegular(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, 0, fs.ErrNotExist
		}
		return nil, 0, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|noFollow|nonBlock, 0)
	if err != nil {
		return nil, 0, fmt.Errorf("read history: %w", err)
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, 0, fmt.Errorf("read history %s: %w", path, ErrNotRegular)
	}
	return f, fi.Size(), nil
}

// backwardBlock is how much of the history one read takes when scanning from the end.
const backwardBlock = 64 << 10

// scanBackward calls fn with each non-empty line of f's first end bytes, the last line first,
// until fn returns false. The line is only valid during the call.
func scanBackward(f io.ReaderAt, end int64, fn func(line []byte) bool) error {
	// buf holds one block followed by the rest of the line the block ends in (tail), which
	// was read before it: both are kept in two buffers that grow only for a longer line.
	var buf, tail []byte
	for pos := end; pos > 0; {
		n := min(backwardBlock, pos)
		pos -= n
		if need := int(n) + len(tail); cap(buf) < need {
			buf = make([]byte, need, max(need, 2*backwardBlock))
		}
		data := buf[:int(n)+len(tail)]
		copy(data[n:], tail)
		if _, err := f.ReadAt(data[:n], pos); err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read history: %w", err)
		}
		for {
			i := bytes.LastIndexByte(data, '\n')
			if i < 0 {
				break
			}
			if line := data[i+1:]; len(bytes.TrimSpace(line)) > 0 && !fn(line) {
				return nil
			}
			data = data[:i]
		}
		// data is the start of a line that began before pos.
		tail = append(tail[:0], data...)
	}
	if len(bytes.TrimSpace(tail)) > 0 {
		fn(tail)
	}
	return nil
}

// scanForward calls fn with each non-empty line of f from offset from to end, in order.
func scanForward(f io.ReaderAt, from, end int64, fn func(line []byte) bool) error {
	r := bufio.NewReaderSize(io.NewSectionReader(f, from, end-from), backwardBlock)
	for {
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 && !fn(bytes.TrimSuffix(line, []byte{'\n'})) {
			return nil
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read history: %w", err)
		}
	}
}

// idTime is when the intent whose id this is was written (newID's time prefix).
func idTime(id string) (time.Time, bool) {
	const layout = "20060102T150405.000Z"
	if len(id) < len(layout) {
		return time.Time{}, false
	}
	t, err := time.Parse(layout, id[:len(layout)])
	return t, err == nil
}

// reorderSlack is how far out of time order the history's lines can be: an intent is stamped
// before the lock it is written under is taken (lockWait), an outcome when the answer came;
// a clock set back an hour stays within it too.
const reorderSlack = time.Hour

// attempt is an intent met by a backward scan, with the outcome written after it (if any).
type attempt struct {
	intent  head
	line    []byte // the intent's line: valid only during the call
	outcome head   // zero when none was written (pending)
	settled bool   // an outcome was found
	// resolution is the newest resolution of an unknown or pending outcome (resolution.go);
	// zero when there is none.
	resolution head
}

// at is when the attempt counts from: its outcome's time, or its intent's when pending.
func (a attempt) at() time.Time {
	if a.settled {
		return a.outcome.At
	}
	return a.intent.At
}

// mayHaveBought reports whether the attempt succeeded or may have: ok, unknown or pending —
// unless the cloud's orders showed it was not placed (a resolution, resolution.go).
func (a attempt) mayHaveBought() bool {
	if a.settled && a.outcome.Outcome == OutcomeOK {
		return true
	}
	unknown := !a.settled || a.outcome.Outcome == OutcomeUnknown || a.outcome.Outcome == OutcomePending
	return unknown && a.resolution.Outcome != ResolvedNotPlaced
}

// quickHead reads a line's kind and id from the start every record line has (Record's first
// fields, in json.Marshal's order), without decoding the line; ok is false for any other line.
func quickHead(line []byte) (kind, id string, ok bool) {
	rest, found := bytes.CutPrefix(line, recordStart)
	if !found {
		return "", "", false
	}
	k, rest, found := bytes.Cut(rest, []byte(`","id":"`))
	if !found || bytes.ContainsAny(k, `"\`) {
		return "", "", false
	}
	i, _, found := bytes.Cut(rest, []byte(`"`))
	if !found || bytes.ContainsRune(i, '\\') {
		return "", "", false
	}
	return string(k), string(i), true
}

// scanAttempts calls fn with each intent of the history, newest first, joined with its outcome.
// It stops when fn returns false, or — when since is not zero — once it has read past
// since - reorderSlack and no outcome written since then waits for its intent. With keep,
// a whole-history scan decodes only the lines keep accepts (and the intents of outcomes it
// kept): the others are passed over by their kind and id alone (quickHead).
func scanAttempts(path string, since time.Time, fn func(a attempt) bool, keep ...func(line []byte) bool) (end int64, err error) {
	f, end, err := openHistory(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	outcomes := map[string]head{}    // outcomes met whose intent is not yet met, by intent id
	resolutions := map[string]head{} // the newest resolution of each intent not yet met
	waiting := 0                     // of those, written since `since`
	stop := since.Add(-reorderSlack)
	err = scanBackward(f, end, func(line []byte) bool {
		if len(keep) > 0 && since.IsZero() && !keep[0](line) {
			if kind, id, ok := quickHead(line); ok && (kind == KindOutcome || kind == KindIntent && outcomes[id].ID == "" && resolutions[id].ID == "") {
				if kind == KindIntent {
					delete(outcomes, id)
				}
				return true
			}
		}
		h, _ := parseHead(line)
		switch h.Kind {
		case KindResolution:
			if _, later := resolutions[h.ID]; !later { // the last written counts
				resolutions[h.ID] = h
			}
		case KindOutcome:
			if _, later := outcomes[h.ID]; !later { // the last written counts
				outcomes[h.ID] = h
				if !since.IsZero() && !h.At.Before(since) {
					waiting++
				}
			}
		case KindIntent:
			o, settled := outcomes[h.ID]
			if settled {
				delete(outcomes, h.ID)
				if !since.IsZero() && !o.At.Before(since) {
					waiting--
				}
			}
			res := resolutions[h.ID]
			delete(resolutions, h.ID)
			if !fn(attempt{intent: h, line: line, outcome: o, settled: settled, resolution: res}) {
				return false
			}
		}
		if since.IsZero() || h.ID == "" || !h.At.Before(stop) {
			return true
		}
		// Past the window: go on only for an outcome in it whose intent is still to come,
		// and only as far as that intent's own time (in its id) says it can be.
		for id, o := range outcomes {
			if t, ok := idTime(id); !o.At.Before(since) && (!ok || t.Before(h.At.Add(-reorderSlack))) {
				delete(outcomes, id) // its intent is not in the file (a torn line)
				waiting--
			}
		}
		return waiting > 0
	})
	return end, err
}

// intentIsOrder reports whether the intent of a scan is an attempt at the order key; a record
// written before digests is decoded whole to compute its digests (recordDigests).
func intentIsOrder(apis flows.Registry, h head, line []byte, key string) bool {
	if h.Digest != "" {
		return h.Digest == key
	}
	r, _ := parseLine(line)
	return r.ID == h.ID && isOrder(apis, r, key)
}

// startedSince reports whether an intent for the order key was appended to the history after
// offset from (the file's size when this process last looked), and the history's size now.
// A history that shrank since is read whole.
func startedSince(apis flows.Registry, path, key string, from int64) (bool, int64, error) {
	f, end, err := openHistory(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, 0, nil
	}
	if err != nil {
		return false, 0, err
	}
	defer f.Close()
	if from > end {
		from = 0
	}
	found := false
	err = scanForward(f, from, end, func(line []byte) bool {
		h, _ := parseHead(line)
		found = h.Kind == KindIntent && intentIsOrder(apis, h, line, key)
		return !found
	})
	return found, end, err
}

// historySize is the history's size now (0 when it does not exist).
func historySize(path string) int64 {
	fi, err := os.Lstat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

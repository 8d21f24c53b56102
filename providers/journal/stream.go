package journal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"

	"cloudorder/providers"
)

// Streaming the history for `cloudorder history`: entries oldest first, each whole (intent,
// outcome, resolution, status), while holding only the entries still waiting for a record
// further down the file. A first pass reads each line's kind and id only (quickHead) to learn
// which intents never get an outcome and where each entry's last resolution or status is; the
// second decodes the entries shown and hands each on as soon as nothing later can change it.

// StreamOptions chooses which entries Stream gives.
type StreamOptions struct {
	// Since: only orders started at or after it (zero: all).
	Since time.Time
	// Limit: only the newest Limit of those (0: all).
	Limit int
}

// StreamInfo is what Stream learnt of the whole history on its way.
type StreamInfo struct {
	// Torn are the 1-based numbers of lines that are not whole records (see Log.Torn).
	Torn []int
	// Payments are the outcomes of the payments in the history by the order id they paid: ok,
	// or unknown for one that may have gone through (a success wins) — known before the first
	// entry is given, since a payment is written after the order it pays.
	Payments map[string]string
}

// Stream calls fn with the history's entries that opts selects, oldest first, as Load joins
// them, and stops at fn's first error (returned). A missing file is an empty history.
func Stream(path string, opts StreamOptions, fn func(Entry, StreamInfo) error) (StreamInfo, error) {
	info := StreamInfo{Payments: map[string]string{}}
	f, size, err := openHistory(path)
	if errors.Is(err, fs.ErrNotExist) {
		return info, nil
	}
	if err != nil {
		return info, err
	}
	defer f.Close()

	// First pass: kinds and ids only.
	open := map[string]bool{}     // intents without an outcome so far
	lastNote := map[string]int{}  // the line of an entry's last resolution or status record
	payFor := map[string]string{} // payment intent id → the order id it pays
	paid := map[string]string{}   // payment intent id → its outcome
	torn := map[int]bool{}
	var shown int // intents opts.Since keeps
	err = eachLine(f, size, func(n int, line []byte) {
		kind, id, ok := quickHead(line)
		if !ok || !json.Valid(line) { // torn, or a record glued after a torn part
			h, _ := parseHead(line)
			info.Torn, torn[n] = append(info.Torn, n), true
			kind, id = h.Kind, h.ID
			if id == "" {
				return
			}
		}
		switch kind {
		case KindIntent:
			open[id] = true
			if selected(id, line, opts.Since) {
				shown++
			}
			if bytes.Contains(line, []byte(`"api":"`+providers.PayOrdersAPI+`"`)) {
				var pay struct {
					Body struct {
						OrderID string `json:"order_id"`
					} `json:"body"`
				}
				if json.Unmarshal(line, &pay) == nil && pay.Body.OrderID != "" {
					payFor[id] = pay.Body.OrderID
				}
			}
		case KindOutcome:
			delete(open, id)
			if _, ok := payFor[id]; ok {
				h, _ := parseHead(line)
				paid[id] = h.Outcome
			}
		case KindResolution, KindStatus:
			lastNote[id] = n
		}
	})
	if err != nil {
		return info, err
	}
	for id, order := range payFor {
		switch paid[id] {
		case OutcomeOK:
			info.Payments[order] = OutcomeOK
		case OutcomeUnknown, OutcomePending:
			if info.Payments[order] != OutcomeOK {
				info.Payments[order] = OutcomeUnknown
			}
		}
	}
	skip := 0
	if opts.Limit > 0 && shown > opts.Limit {
		skip = shown - opts.Limit
	}

	// Second pass: the entries, each handed on once complete.
	var queue []*Entry
	index := map[string]*Entry{}
	var fnErr error
	flush := func(n int) {
		for len(queue) > 0 && fnErr == nil {
			e := queue[0]
			id := e.Intent.ID
			if n >= 0 && (e.Outcome == OutcomePending && !open[id] || lastNote[id] > n) {
				return // a record further down still belongs to it
			}
			queue[0] = nil
			queue = queue[1:]
			delete(index, id)
			fnErr = fn(*e, info)
		}
	}
	err = eachLine(f, size, func(n int, line []byte) {
		if fnErr != nil {
			return
		}
		kind, id, ok := quickHead(line)
		if !ok || torn[n] {
			h, _ := parseHead(line)
			kind, id = h.Kind, h.ID
		}
		switch {
		case kind == KindIntent:
			if !selected(id, line, opts.Since) {
				return
			}
			if skip > 0 {
				skip--
				return
			}
			if r, _ := parseLine(line); r.ID != "" {
				e := &Entry{Intent: r}
				queue = append(queue, e)
				index[r.ID] = e
			}
		case index[id] != nil:
			r, _ := parseLine(line)
			e := index[id]
			switch r.Kind {
			case KindOutcome:
				e.Outcome, e.Result, e.Finished = r.Outcome, r, r.At
			case KindResolution, KindStatus:
				attach(e, r)
			}
		default:
			return
		}
		flush(n)
	})
	if err != nil {
		return info, err
	}
	flush(-1)
	return info, fnErr
}

// selected reports whether the intent with id, on line, was started at or after since: by its
// id's time stamp, or, for an id of another shape, by the record's own time.
func selected(id string, line []byte, since time.Time) bool {
	if since.IsZero() {
		return true
	}
	at, ok := idTime(id)
	if !ok {
		h, _ := parseHead(line)
		at = h.At
	}
	return !at.Before(since)
}

// eachLine calls fn with each non-empty line of f's first size bytes and its 1-based number
// (every line counted, as Log.Torn counts them). Lines have no length limit.
func eachLine(f io.ReaderAt, size int64, fn func(n int, line []byte)) error {
	r := bufio.NewReaderSize(io.NewSectionReader(f, 0, size), backwardBlock)
	var long []byte
	for n := 1; ; n++ {
		line, err := r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) { // a line longer than the buffer
			long = append(long[:0], line...)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = r.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if t := bytes.TrimSuffix(line, []byte{'\n'}); len(bytes.TrimSpace(t)) > 0 {
			fn(n, t)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read history: %w", err)
		}
	}
}

package flows

import (
	"bytes"
	"encoding/json"
	"strconv"

	"cloudorder/i18n"
)

// MaxFileSize is the largest order file cloudorder reads (1 MiB): an order is a few KiB, and
// the limit keeps a wrong file (or an endless pipe) from being read into memory.
const MaxFileSize = 1 << 20

// MaxDepth and MaxValues bound an order file's shape before anything else reads it: the
// deepest documented order nests five levels (body.Products[0].InstanceProperties[0].Code)
// and the largest holds a few hundred values, while a 1 MiB file could nest half a million
// levels or hold a quarter of a million values — costs that grow with depth or width in the
// decoder, the loader and validation. Past either bound the file is not an order.
const (
	MaxDepth  = 64
	MaxValues = 5_000
)

// checkShape refuses, in one pass over the bytes with no allocation, a file that nests deeper
// than MaxDepth or holds more than MaxValues values (a value is an object, an array, or an
// item or member after a comma). It runs before the JSON decoder; malformed JSON that passes
// is left to the decoder to report.
func checkShape(data []byte) error {
	depth, values, inString := 0, 0, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
			values++
			if depth > MaxDepth {
				line, col := lineCol(data, i)
				return &SyntaxError{Line: line, Col: col, Msg: i18n.Tf(
					"nested deeper than %d levels: not an order (an order nests about five)",
					"嵌套超过 %d 层:不是订单(订单约嵌套五层)", MaxDepth)}
			}
		case '}', ']':
			depth--
		case ',':
			values++
		}
		if values > MaxValues {
			line, col := lineCol(data, i)
			return &SyntaxError{Line: line, Col: col, Msg: i18n.Tf(
				"more than %d values: not an order (an order holds a few hundred)",
				"超过 %d 个值:不是订单(订单通常只有几百个值)", MaxValues)}
		}
	}
	return nil
}

// scanned is what a token walk of an order file finds besides its values: keys given twice,
// and strings a terminal would act on. Where a path starts in the file is looked up only for
// the paths problems name (offsets), so the walk holds one path's segments at a time, never
// a string per value.
type scanned struct {
	data  []byte
	dups  []Problem
	alias map[string]string // a path with no place of its own → the path whose place it takes
}

// segment is one step of a JSON path: a key, or an array index (key == "" and index >= 0).
type segment struct {
	key   string
	index int
}

// pathOf is the path of the segments, as join and ItemPath spell it.
func pathOf(segs []segment) string {
	var b []byte
	for i, s := range segs {
		switch {
		case s.index >= 0:
			b = append(strconv.AppendInt(append(b, '['), int64(s.index), 10), ']')
		case i > 0:
			b = append(append(b, '.'), s.key...)
		default:
			b = append(b, s.key...)
		}
	}
	return string(b)
}

// scan walks the tokens of data, which has already decoded as one JSON value.
// encoding/json keeps the last of two equal keys without a word, while the cloud may take
// either: a duplicate key at any depth is an error naming its path.
func scan(data []byte) scanned {
	s := scanned{data: data}
	w := walker{dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	w.visitKey = func(k string) {
		if r, bad := terminalActiveIn(k); bad {
			// Reported at the object: the key itself must not reach a terminal.
			s.dups = append(s.dups, Problem{Path: pathOf(w.path[:len(w.path)-1]), Msg: i18n.Text{
				EN: "key " + strconv.Quote(k) + ": " + terminalActiveMsg(r).EN, ZH: "键 " + strconv.Quote(k) + ":" + terminalActiveMsg(r).ZH}})
		}
	}
	w.duplicate = func(k string) {
		s.dups = append(s.dups, Problem{Path: pathOf(w.path), Msg: i18n.Tf("duplicate key %q: JSON leaves open which value counts; give it once",
			"键 %q 重复:JSON 未规定以哪个值为准;请只写一次", k)})
	}
	w.visitString = func(v string) {
		// Every string of the file, property names included, must show as it is sent.
		if r, bad := terminalActiveIn(v); bad {
			s.dups = append(s.dups, Problem{Path: pathOf(w.path), Msg: terminalActiveMsg(r)})
		}
	}
	w.value()
	return s
}

// walker visits the tokens of one JSON value, keeping the path as a stack of segments.
type walker struct {
	dec         *json.Decoder
	path        []segment
	visitKey    func(k string) // a member's key (the path ends with it)
	duplicate   func(k string) // a key given twice in one object (the path ends with it)
	visitString func(v string) // a string value (the path is its own)
	visitStart  func(off int)  // a value that starts after off (the end of the token before it)
}

func (w *walker) value() bool {
	off := int(w.dec.InputOffset())
	tok, err := w.dec.Token()
	if err != nil {
		return false
	}
	if w.visitStart != nil {
		w.visitStart(off)
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for w.dec.More() {
			t, err := w.dec.Token()
			if err != nil {
				return false
			}
			k, _ := t.(string)
			w.path = append(w.path, segment{key: k, index: -1})
			if w.visitKey != nil {
				w.visitKey(k)
			}
			if seen[k] && w.duplicate != nil {
				w.duplicate(k)
			}
			seen[k] = true
			if !w.value() {
				return false
			}
			w.path = w.path[:len(w.path)-1]
		}
	case json.Delim('['):
		for i := 0; w.dec.More(); i++ {
			w.path = append(w.path, segment{index: i})
			if !w.value() {
				return false
			}
			w.path = w.path[:len(w.path)-1]
		}
	default:
		if v, ok := tok.(string); ok && w.visitString != nil {
			w.visitString(v)
		}
		return true
	}
	_, err = w.dec.Token() // the closing delimiter
	return err == nil
}

// offsets returns where each of paths (or, for a path the file does not have, its nearest
// ancestor) starts, for ordering problems. One walk of the file; a value's path is compared
// by its running hash, so no path string is built except for the ones asked for.
func (s scanned) offsets(paths []string) map[string]int {
	out := map[string]int{}
	want := map[uint64][]string{} // hash → the asked-for paths and ancestors with that hash
	for _, p := range paths {
		for q := p; q != ""; q = parentPath(q) {
			if a, ok := s.alias[q]; ok {
				q = a
			}
			h := hashString(fnvBasis, q)
			if containsString(want[h], q) {
				break // this ancestor and its own are already asked for
			}
			want[h] = append(want[h], q)
		}
	}
	if len(want) == 0 {
		return out
	}
	var hashes []uint64 // hashes[d]: the hash of the current path's first d segments
	w := walker{dec: json.NewDecoder(bytes.NewReader(s.data))}
	w.dec.UseNumber()
	w.visitStart = func(off int) {
		// The path is the parent's (hashes[n-1]) and one segment more; the root's is "".
		n := len(w.path)
		hashes = hashes[:n]
		h := uint64(fnvBasis)
		if n > 0 {
			h = hashes[n-1]
			seg := w.path[n-1]
			switch {
			case seg.index >= 0:
				h = hashString(h, "["+strconv.Itoa(seg.index)+"]")
			case n > 1:
				h = hashString(hashString(h, "."), seg.key)
			default:
				h = hashString(h, seg.key)
			}
		}
		hashes = append(hashes, h)
		if candidates := want[h]; len(candidates) > 0 {
			if p := pathOf(w.path); containsString(candidates, p) {
				if _, ok := out[p]; !ok {
					out[p] = off
				}
			}
		}
	}
	w.value()
	return out
}

// takePlace makes path sort where other starts: a property read into its own path (an
// InstanceProperties item's Code) sorts at its item.
func (s *scanned) takePlace(path, other string) {
	if s.alias == nil {
		s.alias = map[string]string{}
	}
	s.alias[path] = other
}

// offsetIn is where path, or its nearest ancestor the file has, starts (0 when none).
func (s scanned) offsetIn(offsets map[string]int, path string) int {
	for p := path; p != ""; p = parentPath(p) {
		q := p
		if a, ok := s.alias[q]; ok {
			q = a
		}
		if off, ok := offsets[q]; ok {
			return off
		}
	}
	return 0
}

const (
	fnvBasis = 14695981039346656037
	fnvPrime = 1099511628211
)

// hashString continues an FNV-1a hash over s: hashing a path piece by piece gives the hash of
// the whole path.
func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parentPath drops the last element of a path: "a.b[2]" → "a.b", "a.b" → "a".
func parentPath(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		switch p[i] {
		case '.':
			return p[:i]
		case '[':
			return p[:i]
		}
	}
	return ""
}

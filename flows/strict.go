package flows

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// MaxFileSize is the largest order file cloudorder reads (1 MiB): an order is a few KiB, and
// the limit keeps a wrong file (or an endless pipe) from being read into memory.
const MaxFileSize = 1 << 20

// scanned is what a token walk of an order file finds besides its values: keys given twice,
// and where each path starts, so that problems are listed in file order.
type scanned struct {
	dups    []Problem
	offsets map[string]int // JSON path → byte offset where it starts
}

// scan walks the tokens of data, which has already decoded as one JSON value.
// encoding/json keeps the last of two equal keys without a word, while the cloud may take
// either: a duplicate key at any depth is an error naming its path.
func scan(data []byte) scanned {
	s := scanned{offsets: map[string]int{}}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	s.value(dec, "")
	return s
}

func (s *scanned) value(dec *json.Decoder, path string) bool {
	tok, err := dec.Token()
	if err != nil {
		return false
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			off := int(dec.InputOffset())
			t, err := dec.Token()
			if err != nil {
				return false
			}
			k, _ := t.(string)
			p := join(path, k)
			if r, bad := terminalActiveIn(k); bad {
				// Reported at the object: the key itself must not reach a terminal.
				s.dups = append(s.dups, Problem{Path: path, Msg: Text{
					EN: "key " + strconv.Quote(k) + ": " + terminalActiveMsg(r).EN, ZH: "键 " + strconv.Quote(k) + ":" + terminalActiveMsg(r).ZH}})
			}
			if seen[k] {
				s.dups = append(s.dups, Problem{Path: p, Msg: Tf("duplicate key %q: JSON leaves open which value counts; give it once",
					"键 %q 重复:JSON 未规定以哪个值为准;请只写一次", k)})
			} else {
				s.offsets[p] = off
			}
			seen[k] = true
			if !s.value(dec, p) {
				return false
			}
		}
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			p := ItemPath(path, i)
			s.offsets[p] = int(dec.InputOffset())
			if !s.value(dec, p) {
				return false
			}
		}
	default:
		// Every string of the file, property names included, must show as it is sent.
		if v, ok := tok.(string); ok {
			if r, bad := terminalActiveIn(v); bad {
				s.dups = append(s.dups, Problem{Path: path, Msg: terminalActiveMsg(r)})
			}
		}
		return true
	}
	_, err = dec.Token() // the closing delimiter
	return err == nil
}

// offset returns where path (or its nearest ancestor in the file) starts, for ordering
// problems; paths the file does not have sort at their parent.
func (s scanned) offset(path string) int {
	for p := path; p != ""; p = parentPath(p) {
		if off, ok := s.offsets[p]; ok {
			return off
		}
	}
	return 0
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

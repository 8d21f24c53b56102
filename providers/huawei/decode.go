package huawei

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strings"
)

// decodeStrict fills an SDK model from the order body. Unknown fields are errors: a key the
// SDK model lacks would be silently dropped, and the person would be billed for an order that
// differs from the one they reviewed.
func decodeStrict(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("the order body does not fit the SDK's request model: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("the order body has data after its JSON object")
	}
	return nil
}

// faithful checks that what the SDK will send (model, encoded as the SDK encodes it) says
// exactly what the order body says: the SDK always writes its required fields and drops
// nothing it knows, so a field absent from the body but required by the model, or a value
// the model changes (a string enum given as a number), shows up here instead of on the bill.
func faithful(body []byte, model any) error {
	var sent bytes.Buffer
	enc := json.NewEncoder(&sent)
	enc.SetEscapeHTML(false) // as the SDK encodes request bodies
	if err := enc.Encode(model); err != nil {
		return fmt.Errorf("encode the request as the SDK would: %w", err)
	}
	want, err := decodeAny(body)
	if err != nil {
		return err
	}
	got, err := decodeAny(sent.Bytes())
	if err != nil {
		return err
	}
	if p, ok := firstDifference("body", want, got); !ok {
		return fmt.Errorf("the SDK would send something other than the reviewed body at %s", p)
	}
	return nil
}

func decodeAny(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("decode JSON: %w", err)
	}
	return v, nil
}

// SameJSON reports whether two JSON documents are semantically equal (key order, white space
// and number spelling aside), and where they first differ.
func SameJSON(a, b []byte) (string, bool) {
	x, err := decodeAny(a)
	if err != nil {
		return "first document: " + err.Error(), false
	}
	y, err := decodeAny(b)
	if err != nil {
		return "second document: " + err.Error(), false
	}
	return firstDifference("$", x, y)
}

// firstDifference walks two decoded JSON values; numbers compare by value.
func firstDifference(path string, a, b any) (string, bool) {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return path, false
		}
		keys := make([]string, 0, len(x)+len(y))
		for k := range x {
			keys = append(keys, k)
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			xv, xok := x[k]
			yv, yok := y[k]
			if xok != yok {
				return path + "." + k, false
			}
			if p, ok := firstDifference(path+"."+k, xv, yv); !ok {
				return p, false
			}
		}
		return "", true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return path, false
		}
		for i := range x {
			if p, ok := firstDifference(fmt.Sprintf("%s[%d]", path, i), x[i], y[i]); !ok {
				return p, false
			}
		}
		return "", true
	case json.Number:
		y, ok := b.(json.Number)
		if !ok || !sameNumber(x, y) {
			return path, false
		}
		return "", true
	}
	if a != b {
		return path, false
	}
	return "", true
}

func sameNumber(a, b json.Number) bool {
	x, okx := new(big.Float).SetString(strings.TrimSpace(a.String()))
	y, oky := new(big.Float).SetString(strings.TrimSpace(b.String()))
	if !okx || !oky {
		return a == b
	}
	return x.Cmp(y) == 0
}

// exactly decodes body strictly into model and checks that the SDK would send it as it is.
func exactly(body []byte, model any) error {
	if err := decodeStrict(body, model); err != nil {
		return err
	}
	return faithful(body, model)
}

package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The request parameters an API reference documents — name, type, whether required, the
// valid values — written as data in each API's file and checked here, against the decoded
// body. Parameters the reference does not name are ignored, as the clouds' gateways do; a rule
// the reference does not state is not checked.

// jsonKind is a parameter's documented type.
type jsonKind int

const (
	kString  jsonKind = iota + 1
	kInteger          // Integer / Long: a whole JSON number
	kInt32            // Huawei "Integer" (int32 in the SDK models)
	kNumber           // Double
	kBoolean
	kObject
	kArray
)

func (k jsonKind) String() string {
	return map[jsonKind]string{kString: "String", kInteger: "Long", kInt32: "Integer", kNumber: "Double",
		kBoolean: "Boolean", kObject: "Object", kArray: "Array"}[k]
}

// param is one documented parameter.
type param struct {
	name     string
	kind     jsonKind
	required bool
	items    jsonKind // arrays: the elements' type
	fields   []param  // objects, or arrays of objects: their parameters
	enum     []string // strings: the valid values
	ints     []int64  // integers: the valid values
	// min and max bound an integer (nil = unbounded); multipleOf > 0 requires a multiple.
	min, max   *int64
	multipleOf int64
	// boolText also accepts "true"/"false" as a string where the reference's own example sends one.
	boolText bool
}

func bound(n int64) *int64 { return &n }

// problem is one broken documented rule.
type problem struct {
	path    string
	missing bool   // a required parameter is absent (or null)
	why     string // otherwise: what is wrong
}

// pathStyle writes parameter paths the way the cloud names them in its messages.
type pathStyle struct {
	field func(parent, name string) string
	index func(parent string, i int) string
}

var (
	// alibabaPaths: Products.1.ProductCode (flattened, 1-based, as Alibaba's messages name them).
	alibabaPaths = pathStyle{
		field: func(p, n string) string { return strings.TrimPrefix(p+"."+n, ".") },
		index: func(p string, i int) string { return p + "." + strconv.Itoa(i+1) },
	}
	// huaweiPaths: product_infos[0].product_id.
	huaweiPaths = pathStyle{
		field: func(p, n string) string { return strings.TrimPrefix(p+"."+n, ".") },
		index: func(p string, i int) string { return p + "[" + strconv.Itoa(i) + "]" },
	}
)

// decodeBody decodes a JSON object body (numbers kept exact); an empty body is an empty object.
func decodeBody(body []byte) (map[string]any, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return map[string]any{}, nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("unexpected data after the JSON value")
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("the body is not a JSON object")
	}
	return m, nil
}

// checkParams returns the first broken rule of obj against ps, in document order (the clouds
// name one problem at a time), or nil.
func checkParams(obj map[string]any, ps []param, parent string, style pathStyle) *problem {
	for _, p := range ps {
		path := style.field(parent, p.name)
		v, present := obj[p.name]
		if !present || v == nil {
			if p.required {
				return &problem{path: path, missing: true}
			}
			continue
		}
		if pr := checkValue(v, p, path, style); pr != nil {
			return pr
		}
	}
	return nil
}

func checkValue(v any, p param, path string, style pathStyle) *problem {
	wrongType := &problem{path: path, why: "must be of type " + p.kind.String()}
	switch p.kind {
	case kString:
		s, ok := v.(string)
		if !ok {
			return wrongType
		}
		if len(p.enum) > 0 && !slices.Contains(p.enum, s) {
			return &problem{path: path, why: fmt.Sprintf("%q is not one of %s", s, strings.Join(p.enum, ", "))}
		}
	case kBoolean:
		if _, ok := v.(bool); ok {
			return nil
		}
		if s, ok := v.(string); ok && p.boolText && (s == "true" || s == "false") {
			return nil
		}
		return wrongType
	case kNumber:
		if _, ok := v.(json.Number); !ok {
			return wrongType
		}
	case kInteger, kInt32:
		num, ok := v.(json.Number)
		if !ok {
			return wrongType
		}
		n, err := strconv.ParseInt(num.String(), 10, 64)
		if err != nil || (p.kind == kInt32 && (n < math.MinInt32 || n > math.MaxInt32)) {
			return wrongType
		}
		if len(p.ints) > 0 && !slices.Contains(p.ints, n) {
			vals := make([]string, len(p.ints))
			for i, x := range p.ints {
				vals[i] = strconv.FormatInt(x, 10)
			}
			return &problem{path: path, why: fmt.Sprintf("%d is not one of %s", n, strings.Join(vals, ", "))}
		}
		if (p.min != nil && n < *p.min) || (p.max != nil && n > *p.max) {
			return &problem{path: path, why: fmt.Sprintf("%d is out of range %s", n, rangeText(p.min, p.max))}
		}
		if p.multipleOf > 0 && n%p.multipleOf != 0 {
			return &problem{path: path, why: fmt.Sprintf("%d is not a multiple of %d", n, p.multipleOf)}
		}
	case kObject:
		m, ok := v.(map[string]any)
		if !ok {
			return wrongType
		}
		return checkParams(m, p.fields, path, style)
	case kArray:
		list, ok := v.([]any)
		if !ok {
			return wrongType
		}
		for i, item := range list {
			ip := param{name: p.name, kind: p.items, fields: p.fields, enum: p.enum}
			if pr := checkValue(item, ip, style.index(path, i), style); pr != nil {
				return pr
			}
		}
	}
	return nil
}

func rangeText(min, max *int64) string {
	lo, hi := "", ""
	if min != nil {
		lo = strconv.FormatInt(*min, 10)
	}
	if max != nil {
		hi = strconv.FormatInt(*max, 10)
	}
	return "[" + lo + ", " + hi + "]"
}

// Accessors for decoded bodies: the zero value when absent or of another type (the
// documented-type check has already refused those).

func objAt(m map[string]any, key string) map[string]any {
	v, _ := m[key].(map[string]any)
	return v
}

func listAt(m map[string]any, key string) []map[string]any {
	raw, _ := m[key].([]any)
	out := make([]map[string]any, 0, len(raw))
	for _, x := range raw {
		if o, ok := x.(map[string]any); ok {
			out = append(out, o)
		}
	}
	return out
}

func strAt(m map[string]any, key string) (string, bool) {
	s, ok := m[key].(string)
	return s, ok
}

func intAt(m map[string]any, key string) (int64, bool) {
	n, ok := m[key].(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(n.String(), 10, 64)
	return i, err == nil
}

package flows

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// SyntaxError is malformed JSON in an order file, with the 1-based line and column.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// Load reads an order file strictly. A file that is not a JSON object is an error; every other
// defect — unknown keys (top level or in body), wrong JSON types, broken rules — is a Problem
// with its JSON path. The answers hold everything that could be read, so the wizard can open
// the order with nothing lost. api is nil when the "api" value is missing or unknown.
func Load(data []byte) (api *API, a *Answers, problems []Problem, err error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var top any
	if err := dec.Decode(&top); err != nil {
		return nil, nil, nil, syntaxError(data, err)
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		line, col := lineCol(data, len(data)-len(rest))
		return nil, nil, nil, &SyntaxError{Line: line, Col: col, Msg: "unexpected data after the order object"}
	}
	obj, ok := top.(map[string]any)
	if !ok {
		return nil, nil, nil, &SyntaxError{Line: 1, Col: 1, Msg: "an order file is one JSON object"}
	}
	l := &loader{a: NewEmptyAnswers()}
	for _, k := range sortedKeys(obj) {
		if !slices.Contains([]string{"api", "region", "project_id", "body"}, k) {
			l.problem(k, Tf("unknown key %q: an order file has api, region, project_id and body", "未知键 %q:订单文件只包含 api、region、project_id 和 body", k))
		}
	}
	id, _ := obj["api"].(string)
	api = Find(APIID(id))
	if api == nil {
		l.problem("api", Tf("unknown API %q: use one of %s", "未知接口 %q:请使用 %s 之一", id, apiList()))
		return nil, l.a, l.problems, nil
	}
	for _, f := range api.Fields {
		v, present := obj[f.Name]
		if !present {
			continue
		}
		l.value(f, v, f.Name, "")
	}
	if api.AfterLoad != nil {
		api.AfterLoad(l.a)
	}
	l.inapplicable(api)
	api.markUnanswered(l.a)
	problems = append(l.problems, api.Validate(l.a)...)
	return api, l.a, dedupe(problems), nil
}

// loader collects answers and type problems while walking a decoded order.
type loader struct {
	a        *Answers
	problems []Problem
	loaded   []string // paths of the scalar values the file set, in file order
}

// inapplicable reports values the file sets for fields that do not apply to this order (say,
// odps_specification_type on an OSS_share product): the wizard would never send them.
func (l *loader) inapplicable(api *API) {
	applicable := map[string]bool{}
	walk(l.a, api.Fields, "", "", func(v visit) bool {
		applicable[v.path] = true
		return true
	})
	for _, p := range l.loaded {
		if applicable[p] {
			continue
		}
		msg := T("does not apply to this order", "不适用于此订单")
		if f := api.FieldAt(p); f != nil && !f.AppliesWhen.IsZero() {
			msg = Text{EN: "applies only " + f.AppliesWhen.EN, ZH: "仅适用于" + f.AppliesWhen.ZH}
		}
		l.problem(p, msg)
	}
}

func (l *loader) problem(path string, msg Text) {
	l.problems = append(l.problems, Problem{Path: path, Msg: msg})
}

// value reads one JSON value for field f at path.
func (l *loader) value(f *Field, v any, path, item string) {
	if v == nil {
		l.problem(path, T("must not be null: leave the key out instead", "不能为 null:不需要时请省略该键"))
		return
	}
	switch f.Kind {
	case Object:
		l.object(f.Fields, v, path, item)
	case Array:
		items, ok := v.([]any)
		if !ok {
			l.problem(path, Tf("must be a JSON array, not %s", "必须是 JSON 数组,而不是%s", jsonType(v)))
			return
		}
		l.a.counts[path] = len(items)
		for i, it := range items {
			ip := ItemPath(path, i)
			l.object(f.Fields, it, ip, ip)
		}
	case Properties:
		l.properties(f, v, path)
	default:
		l.scalar(f, v, path)
	}
}

// object reads a JSON object against fields; keys the docs do not define are problems.
func (l *loader) object(fields []*Field, v any, path, item string) {
	obj, ok := v.(map[string]any)
	if !ok {
		l.problem(path, Tf("must be a JSON object, not %s", "必须是 JSON 对象,而不是%s", jsonType(v)))
		return
	}
	byName := map[string]*Field{}
	var names []string
	for _, f := range fields {
		if !f.Local {
			byName[f.Name] = f
			names = append(names, f.Name)
		}
	}
	for _, k := range sortedKeys(obj) {
		f := byName[k]
		if f == nil {
			l.problem(join(path, k), Tf("unknown field %q: documented fields here are %s", "未知字段 %q:此处的文档字段为 %s", k, strings.Join(names, ", ")))
			continue
		}
		l.value(f, obj[k], join(path, k), item)
	}
}

// properties reads Alibaba's [{"Code","Value","Name"}] list into one answer per Code.
func (l *loader) properties(f *Field, v any, path string) {
	items, ok := v.([]any)
	if !ok {
		l.problem(path, Tf("must be a JSON array of {Code, Value, Name}, not %s", "必须是 {Code, Value, Name} 的 JSON 数组,而不是%s", jsonType(v)))
		return
	}
	var codes []string
	for _, p := range f.Fields {
		codes = append(codes, p.Name)
	}
	for i, it := range items {
		ip := ItemPath(path, i)
		obj, ok := it.(map[string]any)
		if !ok {
			l.problem(ip, Tf("must be a JSON object, not %s", "必须是 JSON 对象,而不是%s", jsonType(it)))
			continue
		}
		for _, k := range sortedKeys(obj) {
			if k != "Code" && k != "Value" && k != "Name" {
				l.problem(join(ip, k), Tf("unknown field %q: a property has Code, Value and Name", "未知字段 %q:实例属性只包含 Code、Value 和 Name", k))
			}
		}
		code, okc := obj["Code"].(string)
		value, okv := obj["Value"].(string)
		if !okc || !okv {
			l.problem(ip, T("needs Code and Value, both JSON strings", "需要 Code 和 Value,且都是 JSON 字符串"))
			continue
		}
		if !slices.Contains(codes, code) {
			l.problem(join(ip, "Code"), Tf("unknown property %q: documented codes are %s", "未知属性 %q:文档中的属性为 %s", code, strings.Join(codes, ", ")))
			continue
		}
		pp := join(path, code)
		if l.a.Has(pp) {
			l.problem(join(ip, "Code"), Tf("property %q is listed twice", "属性 %q 重复出现", code))
			continue
		}
		l.a.choose(pp, value)
		l.loaded = append(l.loaded, pp)
		if name, has := obj["Name"]; has {
			s, ok := name.(string)
			if !ok {
				l.problem(join(ip, "Name"), Tf("must be a JSON string, not %s", "必须是 JSON 字符串,而不是%s", jsonType(name)))
			}
			l.a.put(pp+NameSuffix, s)
		} else {
			l.a.put(pp+NameSuffix, "")
		}
	}
}

// scalar reads a JSON scalar, keeping its text as the answer even when the JSON type is wrong,
// so the wizard can show and fix it.
func (l *loader) scalar(f *Field, v any, path string) {
	text := scalarText(v)
	l.a.choose(path, text)
	l.loaded = append(l.loaded, path)
	want := map[Kind]string{String: "string", Integer: "number", Number: "number", Boolean: "boolean", StringList: "array"}[f.Kind]
	got := jsonType(v)
	switch {
	case f.Kind == StringList:
		items, ok := v.([]any)
		if !ok {
			l.problem(path, Tf("must be a JSON array of strings, not %s", "必须是字符串的 JSON 数组,而不是%s", got))
			return
		}
		var parts []string
		for i, it := range items {
			s, ok := it.(string)
			if !ok {
				l.problem(ItemPath(path, i), Tf("must be a JSON string, not %s", "必须是 JSON 字符串,而不是%s", jsonType(it)))
			}
			parts = append(parts, s)
		}
		l.a.choose(path, strings.Join(parts, ", "))
	case jsonTypeName(v) != want:
		l.problem(path, typeMismatch(f.Kind, v))
	case f.Kind == Integer:
		if _, err := v.(json.Number).Int64(); err != nil {
			l.problem(path, Tf("must be a JSON integer, not %s", "必须是 JSON 整数,而不是 %s", text))
		}
	}
}

func typeMismatch(k Kind, v any) Text {
	name := map[Kind]Text{
		String:  T("a JSON string", "JSON 字符串"),
		Integer: T("a JSON integer", "JSON 整数"),
		Number:  T("a JSON number", "JSON 数字"),
		Boolean: T("a JSON boolean (true or false)", "JSON 布尔值(true 或 false)"),
	}[k]
	got := jsonType(v)
	if s, ok := v.(string); ok {
		got = fmt.Sprintf("the string %q", s)
	}
	return Text{EN: "must be " + name.EN + ", not " + got, ZH: "必须是" + name.ZH + ",而不是 " + got}
}

func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func jsonTypeName(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "null"
}

func jsonType(v any) string {
	return map[string]string{"string": "a string", "number": "a number", "boolean": "a boolean",
		"array": "an array", "object": "an object", "null": "null"}[jsonTypeName(v)]
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func dedupe(ps []Problem) []Problem {
	seen := map[string]bool{}
	var out []Problem
	for _, p := range ps {
		k := p.Path + "\x00" + p.Msg.EN
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// syntaxError turns a decoder error into a SyntaxError with line and column.
func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := len(data)
	msg := err.Error()
	switch {
	case errors.As(err, &se):
		off = int(se.Offset) - 1 // Offset counts the offending byte itself
	case errors.As(err, &te):
		off = int(te.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		msg = "unexpected end of file"
	}
	line, col := lineCol(data, off)
	return &SyntaxError{Line: line, Col: col, Msg: msg}
}

// lineCol converts a byte offset to a 1-based line and column (columns count runes).
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, len([]rune(string(before[start:]))) + 1
}

package flows

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// SyntaxError is malformed JSON in an order file, with the 1-based line and column.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// ErrTooLarge is an order file over MaxFileSize.
var ErrTooLarge = fmt.Errorf("too large: an order file is at most %d bytes (1 MiB)", MaxFileSize)

// Load reads an order file strictly. A file that is not one JSON object (or is larger than
// 1 MiB, or not UTF-8) is an error; every other defect — unknown keys (top level or in body),
// keys given twice, wrong JSON types, broken rules — is a Problem with its JSON path, listed
// in file order. The answers keep everything the file says with nothing coerced: values of
// the wrong type stay as they were (reported until changed), "" / {} / [] stay explicit, and
// lists stay lists, so the wizard can open the order at its problems and a save writes back
// what was read. api is nil when the "api" value is missing or unknown.
func Load(data []byte) (api *API, a *Answers, problems []Problem, err error) {
	if len(data) > MaxFileSize {
		return nil, nil, nil, ErrTooLarge
	}
	if !utf8.Valid(data) {
		line, col := lineCol(data, firstInvalidUTF8(data))
		return nil, nil, nil, &SyntaxError{Line: line, Col: col, Msg: "not valid UTF-8 text"}
	}
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
	sc := scan(data)
	l := &loader{a: NewEmptyAnswers(), sc: sc}
	id, _ := obj["api"].(string)
	api = Find(APIID(id))
	l.topKeys(api, obj)
	if api == nil {
		l.problem("api", Tf("unknown API %q: use one of %s", "未知接口 %q:请使用 %s 之一", id, apiList()))
		return nil, l.a, l.sorted(append(sc.dups, l.problems...)), nil
	}
	for _, f := range api.Fields {
		v, present := obj[f.Name]
		if !present {
			continue
		}
		l.value(f, v, f.Name, "")
	}
	l.stickDuplicates(api)
	if api.AfterLoad != nil {
		api.AfterLoad(l.a)
	}
	api.markUnanswered(l.a)
	valid := api.Validate(l.a)
	l.inapplicable(api, valid)
	problems = append(append(sc.dups, l.problems...), valid...)
	if !Blocking(problems) {
		problems = append(problems, faithful(api.Build(l.a), obj)...)
	}
	return api, l.a, l.sorted(problems), nil
}

// stickDuplicates keeps a duplicate key's problem on the answer it left (the last value), so
// the wizard shows it at the field until the person sets the value once.
func (l *loader) stickDuplicates(api *API) {
	for _, d := range l.sc.dups {
		f := api.FieldAt(d.Path)
		if _, stuck := l.a.stuck[d.Path]; f == nil || !f.Kind.IsScalar() || stuck || !l.a.Has(d.Path) {
			continue
		}
		l.a.stuck[d.Path] = stuckValue{raw: string(scalarJSON(f.Kind, l.a.Get(d.Path))), problem: d}
	}
}

// topKeys reports keys an order file for api does not have. project_id is only for APIs
// whose path has a {project_id} parameter.
func (l *loader) topKeys(api *API, obj map[string]any) {
	keys := []string{"api"}
	if api == nil {
		keys = append(keys, "region", "project_id", "body")
	} else {
		for _, f := range api.Fields {
			if !f.Local {
				keys = append(keys, f.Name)
			}
		}
	}
	for _, k := range sortedKeys(obj) {
		switch {
		case slices.Contains(keys, k):
		case k == "project_id":
			l.problem(k, Tf("%s has no project: project_id is only for APIs with a {project_id} path parameter (the Huawei Cloud APIs); remove it",
				"%s 没有项目:project_id 只用于路径中有 {project_id} 参数的接口(华为云接口);请删除", api.ID))
		default:
			l.problem(k, Tf("unknown key %q: an order file has %s", "未知键 %q:订单文件只包含 %s", k, strings.Join(keys, ", ")))
		}
	}
}

// sorted lists problems in file order (by where their path, or its nearest ancestor, starts),
// one per path and message.
func (l *loader) sorted(ps []Problem) []Problem {
	ps = dedupe(ps)
	slices.SortStableFunc(ps, func(x, y Problem) int { return l.sc.offset(x.Path) - l.sc.offset(y.Path) })
	return ps
}

// loader collects answers and type problems while walking a decoded order.
type loader struct {
	a        *Answers
	sc       scanned
	problems []Problem
	loaded   []string // paths of the scalar values the file set, in file order
}

// inapplicable reports values the file sets for fields that do not apply to this order (say,
// odps_specification_type on an OSS_share product): the wizard would never send them. When a
// field that decides what applies (Field.Selects, e.g. ProductCode) is itself invalid, its
// item's values are not reported: the person must fix the selector first.
func (l *loader) inapplicable(api *API, valid []Problem) {
	applicable := map[string]bool{}
	var badItems []string
	walk(l.a, api.Fields, "", "", func(v visit) bool {
		applicable[v.path] = true
		if v.f.Kind == Array {
			for i := range l.a.Count(v.path) {
				applicable[ItemPath(v.path, i)] = true // an item of the wrong type is Validate's to report
			}
		}
		if v.f.Selects && Blocking(ProblemsAt(valid, v.path)) {
			badItems = append(badItems, v.item)
		}
		return true
	})
	for _, p := range l.loaded {
		if applicable[p] || slices.ContainsFunc(badItems, func(item string) bool { return item == "" || strings.HasPrefix(p, item+".") }) {
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

// stick keeps a value the field cannot take exactly as the file gives it, with its problem.
func (l *loader) stick(path string, v any, msg Text) {
	raw, _ := marshalJSON(v)
	l.a.load(path, scalarText(v))
	l.a.stuck[path] = stuckValue{raw: string(raw), problem: Problem{Path: path, Msg: msg}}
	l.loaded = append(l.loaded, path)
}

// value reads one JSON value for field f at path.
func (l *loader) value(f *Field, v any, path, item string) {
	if v == nil {
		l.stick(path, v, T("must not be null: leave the key out instead", "不能为 null:不需要时请省略该键"))
		return
	}
	switch f.Kind {
	case Object:
		l.object(f, v, path, item)
	case Array:
		items, ok := v.([]any)
		if !ok {
			l.stick(path, v, Tf("must be a JSON array, not %s", "必须是 JSON 数组,而不是%s", jsonType(v)))
			return
		}
		l.a.counts[path] = len(items)
		if len(items) == 0 {
			l.a.empty[path] = true
		}
		for i, it := range items {
			ip := ItemPath(path, i)
			l.object(&Field{Kind: Object, Fields: f.Fields}, it, ip, ip)
		}
	case Properties:
		l.properties(f, v, path)
	default:
		l.scalar(f, v, path)
	}
}

// object reads a JSON object against f's fields; keys the docs do not define are problems.
func (l *loader) object(f *Field, v any, path, item string) {
	obj, ok := v.(map[string]any)
	if !ok {
		l.stick(path, v, Tf("must be a JSON object, not %s", "必须是 JSON 对象,而不是%s", jsonType(v)))
		return
	}
	if len(obj) == 0 {
		l.a.empty[path] = true
	}
	byName := map[string]*Field{}
	var names []string
	for _, sub := range f.Fields {
		if !sub.Local {
			byName[sub.Name] = sub
			names = append(names, sub.Name)
		}
	}
	for _, k := range sortedKeys(obj) {
		sub := byName[k]
		if sub == nil {
			l.problem(join(path, k), Tf("unknown field %q: documented fields here are %s", "未知字段 %q:此处的文档字段为 %s", k, strings.Join(names, ", ")))
			continue
		}
		l.value(sub, obj[k], join(path, k), item)
	}
}

// properties reads Alibaba's [{"Code","Value","Name"}] list into one answer per Code.
func (l *loader) properties(f *Field, v any, path string) {
	items, ok := v.([]any)
	if !ok {
		l.stick(path, v, Tf("must be a JSON array of {Code, Value, Name}, not %s", "必须是 {Code, Value, Name} 的 JSON 数组,而不是%s", jsonType(v)))
		return
	}
	if len(items) == 0 {
		l.a.empty[path] = true
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
		l.sc.offsets[pp] = l.sc.offsets[ip]
		l.a.load(pp, value)
		if value == "" {
			l.a.empty[pp] = true
		}
		l.a.codes[path] = append(l.a.codes[path], code)
		l.loaded = append(l.loaded, pp)
		name, has := obj["Name"]
		s, isString := name.(string)
		switch {
		case !has:
			l.a.put(pp+NameSuffix, "")
		case !isString:
			l.problem(join(ip, "Name"), Tf("must be a JSON string, not %s", "必须是 JSON 字符串,而不是%s", jsonType(name)))
			l.a.put(pp+NameSuffix, "")
		default:
			l.a.put(pp+NameSuffix, s)
			if s == "" {
				l.a.empty[pp+NameSuffix] = true
			}
		}
	}
}

// scalar reads a JSON scalar. A value of the field's JSON type becomes its answer text (and
// is checked by Validate like a typed one); any other value is kept as it is and reported.
func (l *loader) scalar(f *Field, v any, path string) {
	switch want := map[Kind]string{String: "string", Integer: "number", Number: "number", Boolean: "boolean", StringList: "array"}[f.Kind]; {
	case f.Kind == StringList:
		text, ok := listText(v)
		if !ok {
			l.stick(path, v, T("must be a JSON array of strings", "必须是字符串的 JSON 数组"))
			return
		}
		l.a.load(path, text)
	case jsonTypeName(v) != want:
		l.stick(path, v, typeMismatch(f.Kind, v))
		return
	case f.Kind == Integer && !isIntLiteral(v.(json.Number).String()):
		l.stick(path, v, Tf("must be a JSON integer, not %s", "必须是 JSON 整数,而不是 %s", v))
		return
	default:
		l.a.load(path, scalarText(v))
		if v == "" {
			l.a.empty[path] = true
		}
	}
	l.loaded = append(l.loaded, path)
}

// listText turns a JSON array of strings into the answer text of a StringList: "a, b" when
// every item survives comma splitting unchanged, else the array itself as JSON (items with
// commas, spaces at the ends, empty items, the empty list), so nothing is split or dropped.
func listText(v any) (string, bool) {
	items, ok := v.([]any)
	if !ok {
		return "", false
	}
	parts := make([]string, len(items))
	plain := len(items) > 0
	for i, it := range items {
		s, ok := it.(string)
		if !ok {
			return "", false
		}
		parts[i] = s
		plain = plain && s != "" && s == strings.TrimSpace(s) && !strings.Contains(s, ",") && !strings.HasPrefix(s, "[")
	}
	if plain {
		return strings.Join(parts, ", "), true
	}
	return string(listJSON(parts)), true
}

// firstInvalidUTF8 returns the offset of the first byte that is not UTF-8.
func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
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

package flows

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"cloudorder/i18n"
)

// SyntaxError is malformed JSON in an order file, with the 1-based line and column.
type SyntaxError struct {
	Line, Col int
	Msg       i18n.Text // what is wrong, in both languages; the JSON decoder's own words in both
}

func (e *SyntaxError) Error() string { return e.Text().EN }

// Text is the error in both languages, where it is.
func (e *SyntaxError) Text() i18n.Text {
	return i18n.Tf("line %d, column %d: %s", "第 %d 行第 %d 列:%s", e.Line, e.Col, e.Msg)
}

// ErrTooLarge is an order file over MaxFileSize: nothing of it is read as an order.
var ErrTooLarge = i18n.Errorf("too large: an order file is at most %d bytes (1 MiB); nothing was read as an order",
	"文件过大:订单文件最多 %d 字节(1 MiB);未作为订单读取", MaxFileSize)

// byteOrderMark is U+FEFF in UTF-8, which some editors write first; JSON (RFC 8259, section
// 8.1) does not allow it, and the decoder would name its first byte as a character 'ï'.
var byteOrderMark = []byte("\xEF\xBB\xBF")

// Load reads an order file strictly. A file that is not one JSON object (or is larger than
// 1 MiB, or not UTF-8) is an error; every other defect — unknown keys (top level or in body),
// keys given twice, wrong JSON types, broken rules — is a Problem with its JSON path, listed
// in file order. The answers keep everything the file says with nothing coerced: values of
// the wrong type stay as they were (reported until changed), "" / {} / [] stay explicit, and
// lists stay lists, so the wizard can open the order at its problems and a save writes back
// what was read. api is nil when the "api" value is missing or not one of r.
func (r Registry) Load(data []byte) (api *API, a *Answers, problems []Problem, err error) {
	if len(data) > MaxFileSize {
		return nil, nil, nil, ErrTooLarge
	}
	if !utf8.Valid(data) {
		line, col := lineCol(data, firstInvalidUTF8(data))
		return nil, nil, nil, &SyntaxError{Line: line, Col: col, Msg: i18n.T("not valid UTF-8 text", "不是有效的 UTF-8 文本")}
	}
	if bytes.HasPrefix(data, byteOrderMark) {
		return nil, nil, nil, &SyntaxError{Line: 1, Col: 1, Msg: i18n.T(
			"the file starts with a byte order mark (U+FEFF BOM), which JSON does not allow: save it as UTF-8 without BOM",
			"文件以字节顺序标记(U+FEFF,BOM)开头,JSON 不允许:请保存为不带 BOM 的 UTF-8")}
	}
	if err := checkShape(data); err != nil {
		return nil, nil, nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var top any
	if err := dec.Decode(&top); err != nil {
		return nil, nil, nil, syntaxError(data, err)
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		line, col := lineCol(data, len(data)-len(rest))
		return nil, nil, nil, &SyntaxError{Line: line, Col: col, Msg: i18n.T("unexpected data after the order object", "订单对象之后还有其他内容")}
	}
	obj, ok := top.(map[string]any)
	if !ok {
		return nil, nil, nil, &SyntaxError{Line: 1, Col: 1, Msg: i18n.T("an order file is one JSON object", "订单文件必须是一个 JSON 对象")}
	}
	sc := scan(data)
	l := &loader{a: NewEmptyAnswers(), sc: sc}
	id, _ := obj["api"].(string)
	api = r.Find(APIID(id))
	l.topKeys(api, obj)
	if api == nil {
		l.problem("api", i18n.Tf("unknown API %q: use one of %s", "未知接口 %q:请使用 %s 之一", id, r.ids()))
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
	l.a.restructure() // the loader wrote the maps directly: nothing cached may survive
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
			l.problem(k, i18n.Tf("%s has no project: project_id is only for APIs with a {project_id} path parameter (the Huawei Cloud APIs); remove it",
				"%s 没有项目:project_id 只用于路径中有 {project_id} 参数的接口(华为云接口);请删除", api.ID))
		default:
			l.problem(k, i18n.Tf("unknown key %q: an order file has %s", "未知键 %q:订单文件只包含 %s", k, strings.Join(keys, ", ")))
		}
	}
}

// sorted lists problems in file order (by where their path, or its nearest ancestor, starts),
// one per path and message.
func (l *loader) sorted(ps []Problem) []Problem {
	ps = dedupe(ps)
	paths := make([]string, len(ps))
	for i, p := range ps {
		paths[i] = p.Path
	}
	offsets := l.sc.offsets(paths)
	slices.SortStableFunc(ps, func(x, y Problem) int { return l.sc.offsetIn(offsets, x.Path) - l.sc.offsetIn(offsets, y.Path) })
	return ps
}

func typeMismatch(k Kind, v any) i18n.Text {
	name := map[Kind]i18n.Text{
		String:  i18n.T("a JSON string", "JSON 字符串"),
		Integer: i18n.T("a JSON integer", "JSON 整数"),
		Number:  i18n.T("a JSON number", "JSON 数字"),
		Boolean: i18n.T("a JSON boolean (true or false)", "JSON 布尔值(true 或 false)"),
	}[k]
	got := jsonType(v)
	if s, ok := v.(string); ok {
		got = i18n.Tf("the string %q", "字符串 %q", s)
	}
	return i18n.Tf("must be %s, not %s", "必须是 %s,而不是%s", name, got)
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

// jsonType names v's JSON type in both languages, for "must be …, not <type>".
func jsonType(v any) i18n.Text {
	return map[string]i18n.Text{"string": i18n.T("a string", "字符串"), "number": i18n.T("a number", "数字"),
		"boolean": i18n.T("a boolean", "布尔值"), "array": i18n.T("an array", "数组"), "object": i18n.T("an object", "对象"),
		"null": i18n.T("null", "null")}[jsonTypeName(v)]
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
	msg := i18n.T("malformed JSON: "+err.Error(), "JSON 格式错误:"+err.Error())
	switch {
	case errors.As(err, &se):
		off = int(se.Offset) - 1 // Offset counts the offending byte itself
	case errors.As(err, &te):
		off = int(te.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		msg = i18n.T("malformed JSON: unexpected end of file", "JSON 格式错误:文件意外结束")
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

package flows

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"

	"cloudorder/i18n"
)

// loader collects answers and type problems while walking a decoded order.
type loader struct {
	a        *Answers
	sc       scanned
	problems []Problem
	loaded   []string // paths of the values the file sets, parents before children
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
	var reported []string
	for _, p := range l.loaded {
		under := func(parent string) bool {
			return parent == "" || strings.HasPrefix(p, parent+".") || strings.HasPrefix(p, parent+"[")
		}
		if applicable[p] || slices.Contains(reported, p) || slices.ContainsFunc(badItems, under) || slices.ContainsFunc(reported, under) {
			continue // applies, or already said of it or of what contains it
		}
		reported = append(reported, p)
		msg := i18n.T("does not apply to this order", "不适用于此订单")
		if f := api.FieldAt(p); f != nil && !f.AppliesWhen.IsZero() {
			msg = i18n.Text{EN: "applies only " + f.AppliesWhen.EN, ZH: "仅适用于" + f.AppliesWhen.ZH}
		}
		l.problem(p, msg)
	}
}

func (l *loader) problem(path string, msg i18n.Text) {
	l.problems = append(l.problems, Problem{Path: path, Msg: msg})
}

// stick keeps a value the field cannot take exactly as the file gives it, with its problem.
func (l *loader) stick(path string, v any, msg i18n.Text) {
	raw, _ := marshalJSON(v)
	l.a.load(path, scalarText(v))
	l.a.stuck[path] = stuckValue{raw: string(raw), problem: Problem{Path: path, Msg: msg}}
	l.loaded = append(l.loaded, path)
}

// value reads one JSON value for field f at path.
func (l *loader) value(f *Field, v any, path, item string) {
	l.loaded = append(l.loaded, path) // containers too: an empty {} or [] is a value the file sets
	if v == nil {
		l.stick(path, v, i18n.T("must not be null: leave the key out instead", "不能为 null:不需要时请省略该键"))
		return
	}
	switch f.Kind {
	case Object:
		l.object(f, v, path, item)
	case Array:
		items, ok := v.([]any)
		if !ok {
			l.stick(path, v, i18n.Tf("must be a JSON array, not %s", "必须是 JSON 数组,而不是%s", jsonType(v)))
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
		l.stick(path, v, i18n.Tf("must be a JSON object, not %s", "必须是 JSON 对象,而不是%s", jsonType(v)))
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
			l.problem(join(path, k), i18n.Tf("unknown field %q: documented fields here are %s", "未知字段 %q:此处的文档字段为 %s", k, strings.Join(names, ", ")))
			continue
		}
		l.value(sub, obj[k], join(path, k), item)
	}
}

// properties reads Alibaba's [{"Code","Value","Name"}] list into one answer per Code.
func (l *loader) properties(f *Field, v any, path string) {
	items, ok := v.([]any)
	if !ok {
		l.stick(path, v, i18n.Tf("must be a JSON array of {Code, Value, Name}, not %s", "必须是 {Code, Value, Name} 的 JSON 数组,而不是%s", jsonType(v)))
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
			l.problem(ip, i18n.Tf("must be a JSON object, not %s", "必须是 JSON 对象,而不是%s", jsonType(it)))
			continue
		}
		for _, k := range sortedKeys(obj) {
			if k != "Code" && k != "Value" && k != "Name" {
				l.problem(join(ip, k), i18n.Tf("unknown field %q: a property has Code, Value and Name", "未知字段 %q:实例属性只包含 Code、Value 和 Name", k))
			}
		}
		code, okc := obj["Code"].(string)
		value, okv := obj["Value"].(string)
		if !okc || !okv {
			l.problem(ip, i18n.T("needs Code and Value, both JSON strings", "需要 Code 和 Value,且都是 JSON 字符串"))
			continue
		}
		if !slices.Contains(codes, code) {
			l.problem(join(ip, "Code"), i18n.Tf("unknown property %q: documented codes are %s", "未知属性 %q:文档中的属性为 %s", code, strings.Join(codes, ", ")))
			continue
		}
		pp := join(path, code)
		if l.a.Has(pp) {
			l.problem(join(ip, "Code"), i18n.Tf("property %q is listed twice", "属性 %q 重复出现", code))
			continue
		}
		l.sc.takePlace(pp, ip)
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
			l.problem(join(ip, "Name"), i18n.Tf("must be a JSON string, not %s", "必须是 JSON 字符串,而不是%s", jsonType(name)))
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
			l.stick(path, v, i18n.T("must be a JSON array of strings", "必须是字符串的 JSON 数组"))
			return
		}
		l.a.load(path, text)
	case jsonTypeName(v) != want:
		l.stick(path, v, typeMismatch(f.Kind, v))
		return
	case f.Kind == Integer && !isIntLiteral(v.(json.Number).String()):
		l.stick(path, v, i18n.Tf("must be a JSON integer, not %s", "必须是 JSON 整数,而不是 %s", v))
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

package flows

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// Build turns answers into the order: the request body in declaration order, exactly as the
// API documents it. It never fails: a value that does not convert (say "abc" for an integer)
// is written as a JSON string so the preview shows it; Validate reports it and blocks sending.
func (api *API) Build(a *Answers) Order {
	o := Order{API: api.ID, Region: a.Get("region"), ProjectID: a.Get("project_id")}
	body := api.FieldAt("body")
	var buf bytes.Buffer
	writeObject(&buf, a, api, body.Fields, "body", "", true)
	o.Body = json.RawMessage(buf.Bytes())
	return o
}

// BodyJSON returns the body indented for people to read.
func (o Order) BodyJSON() string {
	var out bytes.Buffer
	if err := json.Indent(&out, o.Body, "", "  "); err != nil {
		return string(o.Body)
	}
	return out.String()
}

// writeObject writes the applicable fields of an object; it reports whether anything was
// written besides the braces. force writes "{}" even when empty. api is set at the top level,
// where each outermost item's JSON is kept until the item changes (flows/incremental.go).
func writeObject(buf *bytes.Buffer, a *Answers, api *API, fields []*Field, parent, item string, force bool) bool {
	var inner bytes.Buffer
	n := 0
	for _, f := range fields {
		if f.Local {
			continue
		}
		path := join(parent, f.Name)
		c := Ctx{A: a, Path: path, Item: item}
		if !f.AppliesAt(c) {
			continue
		}
		var val bytes.Buffer
		if st, ok := a.stuck[path]; ok {
			val.WriteString(st.raw) // as the file had it: reported, never sent
		} else if !writeValue(&val, a, api, f, path, item) {
			continue
		}
		if n > 0 {
			inner.WriteByte(',')
		}
		inner.Write(quote(f.Name))
		inner.WriteByte(':')
		inner.Write(val.Bytes())
		n++
	}
	if n == 0 && !force {
		return false
	}
	buf.WriteByte('{')
	buf.Write(inner.Bytes())
	buf.WriteByte('}')
	return n > 0
}

// writeValue writes one field's JSON value; false means the field is left out.
func writeValue(buf *bytes.Buffer, a *Answers, api *API, f *Field, path, item string) bool {
	switch f.Kind {
	case Object:
		return writeObject(buf, a, api, f.Fields, path, item, f.Required || a.empty[path])
	case Array:
		n := a.Count(path)
		if n == 0 && !f.Required && !a.empty[path] {
			return false
		}
		buf.WriteByte('[')
		if api != nil {
			writeItems(buf, a, api, f, path)
		} else {
			for i := range n {
				if i > 0 {
					buf.WriteByte(',')
				}
				writeItem(buf, a, f, ItemPath(path, i))
			}
		}
		buf.WriteByte(']')
		return true
	case Properties:
		return writeProperties(buf, a, f, path, item)
	}
	if !a.Given(path) {
		return false
	}
	buf.Write(scalarJSON(f.Kind, a.Get(path)))
	return true
}

// writeItem writes one item of an Array: its object, or a loaded value that is not one.
func writeItem(buf *bytes.Buffer, a *Answers, f *Field, ip string) {
	if st, ok := a.stuck[ip]; ok {
		buf.WriteString(st.raw)
		return
	}
	writeObject(buf, a, nil, f.Fields, ip, ip, true)
}

// writeItems writes the items of the outermost Array f at path, each kept as JSON until it
// changes: building a long order's body wrote every item again.
func writeItems(buf *bytes.Buffer, a *Answers, api *API, f *Field, path string) {
	arr := a.incFor(api).array(a, path, f)
	for i, e := range arr.items {
		if i > 0 {
			buf.WriteByte(',')
		}
		if !e.jsonOK {
			var b bytes.Buffer
			a.recording(e, func() { writeItem(&b, a, f, e.path) })
			e.json, e.jsonOK = b.Bytes(), true
		}
		buf.Write(e.json)
	}
}

// writeProperties writes Alibaba's [{"Code":…,"Value":…,"Name":…}] list, one entry per
// applicable property with a value, in declaration order.
func writeProperties(buf *bytes.Buffer, a *Answers, f *Field, path, item string) bool {
	n := 0
	for _, p := range propertyOrder(a, f, path) {
		pp := join(path, p.Name)
		v := a.Get(pp)
		if !a.Given(pp) || !p.AppliesAt(Ctx{A: a, Path: pp, Item: item}) {
			continue
		}
		if n == 0 {
			buf.WriteByte('[')
		} else {
			buf.WriteByte(',')
		}
		buf.WriteString(`{"Code":`)
		buf.Write(quote(p.Name))
		buf.WriteString(`,"Value":`)
		buf.Write(quote(v))
		name := p.PropName
		if p.PropNameFor != nil {
			name = p.PropNameFor(Ctx{A: a, Path: pp, Item: item})
		}
		if a.Has(pp + NameSuffix) {
			name = a.Get(pp + NameSuffix)
		}
		if name != "" || a.empty[pp+NameSuffix] {
			buf.WriteString(`,"Name":`)
			buf.Write(quote(name))
		}
		buf.WriteByte('}')
		n++
	}
	switch {
	case n > 0:
		buf.WriteByte(']')
	case a.empty[path]:
		buf.WriteString("[]")
	default:
		return false
	}
	return true
}

// propertyOrder lists a Properties field's codes in the order a loaded file gave them, then
// the rest in declaration order.
func propertyOrder(a *Answers, f *Field, path string) []*Field {
	var out []*Field
	for _, code := range a.codes[path] {
		for _, p := range f.Fields {
			if p.Name == code {
				out = append(out, p)
			}
		}
	}
	for _, p := range f.Fields {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// NameSuffix marks the answer holding a loaded property's own "Name", kept for round trips.
const NameSuffix = "#name"

// scalarJSON converts typed text to its JSON form, falling back to a JSON string.
func scalarJSON(k Kind, v string) []byte {
	switch k {
	case Integer:
		if isIntLiteral(v) {
			return []byte(v)
		}
	case Number:
		if _, err := strconv.ParseFloat(v, 64); err == nil && json.Valid([]byte(v)) {
			return []byte(v)
		}
	case Boolean:
		if v == "true" || v == "false" {
			return []byte(v)
		}
	case StringList:
		if items, ok := parseListJSON(v); ok {
			return listJSON(items)
		}
		return listJSON(SplitList(v))
	}
	return quote(v)
}

// parseListJSON reads a StringList answer written as a JSON array of strings (how a loaded
// list whose items contain commas, or the empty list, is kept).
func parseListJSON(v string) ([]string, bool) {
	if !strings.HasPrefix(v, "[") {
		return nil, false
	}
	var items []string
	if err := json.Unmarshal([]byte(v), &items); err != nil || items == nil {
		return nil, false
	}
	return items, true
}

// listJSON writes strings as a compact JSON array.
func listJSON(items []string) []byte {
	var q [][]byte
	for _, s := range items {
		q = append(q, quote(s))
	}
	return append(append([]byte{'['}, bytes.Join(q, []byte{','})...), ']')
}

// marshalJSON encodes v compactly without escaping <, > and & (as the builder writes strings).
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// SplitList splits comma-separated text into trimmed, non-empty items.
func SplitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// quote writes s as a JSON string without escaping <, > and & (the SDKs do not either).
func quote(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return bytes.TrimRight(b.Bytes(), "\n")
}

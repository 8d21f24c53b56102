package flows

import (
	"bytes"
	"encoding/json"
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
	writeObject(&buf, a, body.Fields, "body", "", true)
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
// written besides the braces. force writes "{}" even when empty.
func writeObject(buf *bytes.Buffer, a *Answers, fields []*Field, parent, item string, force bool) bool {
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
		if !writeValue(&val, a, f, path, item) {
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
func writeValue(buf *bytes.Buffer, a *Answers, f *Field, path, item string) bool {
	switch f.Kind {
	case Object:
		return writeObject(buf, a, f.Fields, path, item, f.Required)
	case Array:
		n := a.Count(path)
		if n == 0 && !f.Required {
			return false
		}
		buf.WriteByte('[')
		for i := range n {
			if i > 0 {
				buf.WriteByte(',')
			}
			ip := ItemPath(path, i)
			writeObject(buf, a, f.Fields, ip, ip, true)
		}
		buf.WriteByte(']')
		return true
	case Properties:
		return writeProperties(buf, a, f, path, item)
	}
	v := a.Get(path)
	if v == "" {
		return false
	}
	buf.Write(scalarJSON(f.Kind, v))
	return true
}

// writeProperties writes Alibaba's [{"Code":…,"Value":…,"Name":…}] list, one entry per
// applicable property with a value, in declaration order.
func writeProperties(buf *bytes.Buffer, a *Answers, f *Field, path, item string) bool {
	n := 0
	for _, p := range f.Fields {
		pp := join(path, p.Name)
		v := a.Get(pp)
		if v == "" || !p.AppliesAt(Ctx{A: a, Path: pp, Item: item}) {
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
		if name != "" {
			buf.WriteString(`,"Name":`)
			buf.Write(quote(name))
		}
		buf.WriteByte('}')
		n++
	}
	if n == 0 {
		return false
	}
	buf.WriteByte(']')
	return true
}

// NameSuffix marks the answer holding a loaded property's own "Name", kept for round trips.
const NameSuffix = "#name"

// scalarJSON converts typed text to its JSON form, falling back to a JSON string.
func scalarJSON(k Kind, v string) []byte {
	switch k {
	case Integer:
		if _, ok := canonicalInt(v); ok {
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
		var items [][]byte
		for _, s := range SplitList(v) {
			items = append(items, quote(s))
		}
		return append(append([]byte{'['}, bytes.Join(items, []byte{','})...), ']')
	}
	return quote(v)
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

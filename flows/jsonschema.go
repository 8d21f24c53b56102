package flows

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"cloudorder/i18n"
)

// JSON Schema (draft 2020-12, https://json-schema.org/draft/2020-12/json-schema-core) of an
// API's order file, generated from the same declarations validation reads, so an editor
// (VS Code's JSON support, yaml-language-server) checks and completes an order file as it is
// typed. It states types, required keys, documented values (closed ones as enum, open ones as
// examples), bounds, patterns and additionalProperties: false at every level, and, as if/then,
// values that depend on a sibling (PricingCycle by ProductCode). What a schema cannot state —
// rules across fields, fields that apply only to some products, cloudorder's own checks — is
// listed in the root description.
//
// Descriptions are in lang; the other language rides along as "x-description-en"/"-zh" (and
// "x-enumDescriptions-…"), which validators ignore. "enumDescriptions" is VS Code's keyword.

// SchemaDialect is the meta-schema the generated schemas declare.
const SchemaDialect = "https://json-schema.org/draft/2020-12/schema"

// node is a JSON object that keeps its keys in the order they were set, so the schema reads
// top-down like the order file.
type node struct {
	keys []string
	vals map[string]any
}

func newNode() *node { return &node{vals: map[string]any{}} }

func (n *node) set(k string, v any) *node {
	if _, ok := n.vals[k]; !ok {
		n.keys = append(n.keys, k)
	}
	n.vals[k] = v
	return n
}

// MarshalJSON writes the keys in insertion order.
func (n *node) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range n.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(quote(k))
		b.WriteByte(':')
		v, err := marshalJSON(n.vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// schemaGen carries what every node needs: the API and the language of the descriptions.
type schemaGen struct {
	api   *API
	lang  i18n.Lang
	other i18n.Lang
	rules []i18n.Text // what the schema cannot state, for the root description
}

// JSONSchema returns the order file's JSON Schema for the API, indented, with descriptions in
// lang (the other language as x- annotations).
func (api *API) JSONSchema(lang i18n.Lang) ([]byte, error) {
	g := &schemaGen{api: api, lang: lang, other: i18n.EN}
	if lang == i18n.EN {
		g.other = i18n.ZH
	}
	root := newNode().set("$schema", SchemaDialect).
		set("$id", "https://cloudorder.invalid/schema/"+string(api.ID)+".json").
		set("title", api.Title.In(lang))
	props := newNode()
	props.set("api", g.describe(newNode().set("const", string(api.ID)), i18n.T("The API this order is for.", "此订单所用的接口。")))
	required := []string{"api"}
	for _, f := range api.Fields {
		if f.Local {
			continue
		}
		props.set(f.Name, g.field(f, f.Name, ""))
		if f.Required || f.Name == "body" {
			required = append(required, f.Name)
		}
	}
	root.set("type", "object").set("properties", props).set("required", required).set("additionalProperties", false)
	for _, r := range api.Rules {
		g.rules = append(g.rules, r.Says)
	}
	// What validate refuses in any order file, beyond any one field (flows/strict.go, load.go).
	g.rules = append(g.rules, i18n.T("Any value: no control or text-direction characters; no key given twice; no number with more digits than a 64-bit number keeps.",
		"任何取值:不得含控制字符或文字方向字符;同一键不得出现两次;数字的位数不得超过 64 位数值所能保存的精度。"))
	desc := i18n.T(api.Help.EN+" Docs: "+api.DocURL, api.Help.ZH+" 文档:"+api.DocURL)
	{
		head := i18n.T("\n\nRules this schema cannot state (cloudorder validate checks them):", "\n\n此 Schema 无法表达的规则(cloudorder validate 会检查):")
		desc.EN += head.EN
		desc.ZH += head.ZH
		for _, r := range g.rules {
			desc.EN += "\n- " + r.EN
			desc.ZH += "\n- " + r.ZH
		}
	}
	g.describe(root, desc)
	var b bytes.Buffer
	raw, err := root.MarshalJSON()
	if err != nil {
		return nil, err
	}
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// describe sets description in the schema's language and the other as an x- annotation.
func (g *schemaGen) describe(n *node, t i18n.Text) *node {
	if t.IsZero() {
		return n
	}
	n.set("description", t.In(g.lang))
	n.set("x-description-"+string(g.other), t.In(g.other))
	return n
}

// field is the schema of one field at its doc path; item is the concrete path of the enclosing
// array item, for values that depend on a sibling.
func (g *schemaGen) field(f *Field, path, item string) *node {
	n := newNode()
	help := f.Help
	if !f.Label.IsZero() {
		help = i18n.T(f.Label.EN+". "+f.Help.EN, f.Label.ZH+"。"+f.Help.ZH)
	}
	g.describe(n, help)
	g.note(f, path)
	switch f.Kind {
	case String, Integer, Number, Boolean:
		g.scalar(n, f, item)
	case StringList:
		n.set("type", "array").set("items", newNode().set("type", "string"))
	case Object:
		g.object(n, f.Fields, path, item)
	case Array:
		n.set("type", "array")
		if f.MinItems > 0 {
			n.set("minItems", f.MinItems)
		}
		if f.MaxItems > 0 {
			n.set("maxItems", f.MaxItems)
		}
		itemPath := path + "[]"
		n.set("items", g.object(newNode(), f.Fields, itemPath, concrete(itemPath)))
	case Properties:
		g.properties(n, f, path, item)
	}
	return n
}

// note collects what the schema cannot state about a field for the root description.
func (g *schemaGen) note(f *Field, path string) {
	say := func(t i18n.Text) {
		if !t.IsZero() {
			g.rules = append(g.rules, i18n.T(path+": "+t.EN, path+":"+t.ZH))
		}
	}
	if !f.AppliesWhen.IsZero() {
		say(i18n.Tf("applies only %s", "仅适用于%s", f.AppliesWhen))
		if f.Required {
			say(i18n.T("required wherever it applies", "适用时必填"))
		}
	}
	say(f.CheckSays)
	if f.OptionsBy != "" && strings.HasPrefix(f.OptionsBy, "/") {
		say(i18n.Tf("its values depend on %s", "取值取决于 %s", strings.TrimPrefix(f.OptionsBy, "/")))
	}
}

// object fills an object schema: its properties, the required ones (those that always apply),
// no other keys, and if/then for values that depend on a sibling.
func (g *schemaGen) object(n *node, fields []*Field, path, item string) *node {
	props := newNode()
	var required []string
	var conds []any
	for _, f := range fields {
		if f.Local {
			continue
		}
		props.set(f.Name, g.field(f, join(path, f.Name), item))
		if f.Required && f.Applies == nil {
			required = append(required, f.Name)
		}
		conds = append(conds, g.dependentValues(f, item)...)
	}
	n.set("type", "object").set("properties", props)
	if len(required) > 0 {
		n.set("required", required)
	}
	n.set("additionalProperties", false)
	if len(conds) > 0 {
		n.set("allOf", conds)
	}
	return n
}

// dependentValues states a field's values per value of the sibling they depend on.
func (g *schemaGen) dependentValues(f *Field, item string) []any {
	if f.OptionsBy == "" || strings.HasPrefix(f.OptionsBy, "/") || f.Open {
		return nil
	}
	var out []any
	for _, c := range g.api.optionsCasesFor(f, item) {
		vals := make([]any, len(c.Options))
		for i, o := range c.Options {
			vals[i] = enumValue(f.Kind, o.Value)
		}
		ifNode := newNode().set("properties", newNode().set(f.OptionsBy, newNode().set("const", c.When))).set("required", []string{f.OptionsBy})
		thenNode := newNode().set("properties", newNode().set(f.Name, newNode().set("enum", vals)))
		out = append(out, newNode().set("if", ifNode).set("then", thenNode))
	}
	return out
}

// scalar fills a scalar's type, values, bounds and pattern.
func (g *schemaGen) scalar(n *node, f *Field, item string) {
	n.set("type", map[Kind]string{String: "string", Integer: "integer", Number: "number", Boolean: "boolean"}[f.Kind])
	opts := g.allOptions(f, item)
	if len(opts) > 0 && f.Kind != Boolean {
		vals := make([]any, len(opts))
		en, zh := make([]string, len(opts)), make([]string, len(opts))
		for i, o := range opts {
			vals[i] = enumValue(f.Kind, o.Value)
			en[i], zh[i] = optionText(o).EN, optionText(o).ZH
		}
		key := "enum"
		if f.Open {
			key = "examples"
		}
		n.set(key, vals)
		if !f.Open {
			descs := map[i18n.Lang][]string{i18n.EN: en, i18n.ZH: zh}
			n.set("enumDescriptions", descs[g.lang]).set("x-enumDescriptions-"+string(g.other), descs[g.other])
		}
	}
	if d := f.Default; d != "" && f.DefaultFor == nil {
		n.set("default", enumValue(f.Kind, d))
	}
	switch f.Kind {
	case Integer:
		lo, hi := int64(math.MinInt32), int64(math.MaxInt32) // the SDKs' int32 unless declared
		if f.HasMin {
			lo = f.Min
		}
		if f.HasMax {
			hi = f.Max
		}
		n.set("minimum", lo).set("maximum", hi)
		if f.Multiple > 0 {
			n.set("multipleOf", f.Multiple)
		}
	case Number:
		if f.HasMin {
			n.set("minimum", f.Min)
		}
		if f.HasMax {
			n.set("maximum", f.Max)
		}
	case String:
		if f.Pattern != "" {
			n.set("pattern", f.Pattern)
		}
		switch {
		case f.MinLen > 0:
			n.set("minLength", f.MinLen)
		case f.Required && f.Pattern == "" && (len(opts) == 0 || f.Open):
			n.set("minLength", 1) // validation: a required value must not be empty
		}
		if f.MaxLen > 0 {
			n.set("maxLength", f.MaxLen)
		}
	}
}

// allOptions is every value a field can be offered: its own, or the union over the answer
// its values depend on.
func (g *schemaGen) allOptions(f *Field, item string) []Option {
	if f.OptionsFor == nil {
		return f.Options
	}
	var out []Option
	for _, c := range g.api.optionsCasesFor(f, item) {
		for _, o := range c.Options {
			if !offered(out, o.Value) {
				out = append(out, o)
			}
		}
	}
	return out
}

// properties is Alibaba's [{"Code", "Value", "Name"}] list: each entry one of the declared
// codes, its Value checked by that code's rules.
func (g *schemaGen) properties(n *node, f *Field, path, item string) {
	var codes []any
	var conds []any
	for _, p := range f.Fields {
		codes = append(codes, p.Name)
		value := newNode()
		g.scalar(value, p, item)
		g.describe(value, i18n.T(p.Label.EN+". "+p.Help.EN, p.Label.ZH+"。"+p.Help.ZH))
		g.note(p, join(path, p.Name))
		ifNode := newNode().set("properties", newNode().set("Code", newNode().set("const", p.Name))).set("required", []string{"Code"})
		conds = append(conds, newNode().set("if", ifNode).set("then", newNode().set("properties", newNode().set("Value", value))))
	}
	entry := newNode().set("type", "object").set("properties", newNode().
		set("Code", g.describe(newNode().set("enum", codes), i18n.T("The property's code.", "实例属性 Code。"))).
		set("Value", g.describe(newNode().set("type", "string"), i18n.T("The property's value.", "实例属性 Value。"))).
		set("Name", g.describe(newNode().set("type", "string"), i18n.T("The property's display name, as the docs give it.", "实例属性 Name(文档给出的名称)。")))).
		set("required", []string{"Code", "Value"}).set("additionalProperties", false).set("allOf", conds)
	n.set("type", "array").set("items", entry)
}

// optionText is what a value means, for enumDescriptions: its label, and its help.
func optionText(o Option) i18n.Text {
	t := o.Label
	if !o.Help.IsZero() {
		t = i18n.T(o.Label.EN+" — "+o.Help.EN, o.Label.ZH+" — "+o.Help.ZH)
	}
	return t
}

// enumValue is a documented value as the JSON the file holds: a number for Integer/Number.
func enumValue(k Kind, v string) any {
	switch k {
	case Integer, Number:
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			return json.Number(v)
		}
	case Boolean:
		return v == "true"
	}
	return v
}

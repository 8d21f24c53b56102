package flows

import (
	"math"
	"slices"
	"strings"

	"cloudorder/i18n"
)

// APIDoc is an API as `cloudorder explain` shows it: read off the declarations, so what a
// learner reads is what the wizard offers and validation enforces.
type APIDoc struct {
	ID     APIID      `json:"api"`
	Title  i18n.Text  `json:"title"`
	Help   i18n.Text  `json:"help"`
	Method string     `json:"method"`
	Path   string     `json:"path"`
	DocURL string     `json:"doc_url"`
	Fields []FieldDoc `json:"fields"`
	Rules  []RuleDoc  `json:"rules,omitempty"`
}

// RuleDoc is a cross-field rule in words and the fields it involves.
type RuleDoc struct {
	Says  i18n.Text `json:"says"`
	Paths []string  `json:"paths"`
}

// ValueDoc is one documented value and what choosing it means.
type ValueDoc struct {
	Value string    `json:"value"`
	Label i18n.Text `json:"label"`
	Help  i18n.Text `json:"help,omitzero"`
}

// ValuesCase is the values a field offers while the answer it depends on is When.
type ValuesCase struct {
	When   string   `json:"when"`
	Values []string `json:"values"`
}

// ValuesBy says that a field's values depend on another answer (Field.OptionsBy).
type ValuesBy struct {
	Path  string       `json:"path"` // the answer they depend on, e.g. "body.Products[].ProductCode"
	Cases []ValuesCase `json:"cases"`
}

// FieldDoc is one field, in the tree's order (Depth 0 at the top of the order file).
type FieldDoc struct {
	Path  string    `json:"path"` // e.g. "body.Products[].PricingCycle"; array items are "[]"
	Depth int       `json:"depth"`
	Type  string    `json:"type"` // the JSON type, e.g. "string", "array of objects"
	Label i18n.Text `json:"label"`
	Help  i18n.Text `json:"help"`
	// Required: the API (or cloudorder, RequiredWhy) needs the field wherever it applies.
	Required    bool       `json:"required"`
	RequiredWhy i18n.Text  `json:"required_why,omitzero"`
	Local       bool       `json:"local,omitempty"` // the wizard asks it, the order never carries it
	Values      []ValueDoc `json:"values,omitempty"`
	Open        bool       `json:"open,omitempty"` // Values are suggestions; other values pass the rules
	ValuesBy    *ValuesBy  `json:"values_by,omitempty"`
	Default     string     `json:"default,omitempty"`
	// DefaultFollows: the default is derived from other answers (the value shown is the
	// wizard's starting one) and follows them until the person sets the field.
	DefaultFollows bool        `json:"default_follows,omitempty"`
	Minimum        *int64      `json:"minimum,omitempty"`
	Maximum        *int64      `json:"maximum,omitempty"`
	MultipleOf     int64       `json:"multiple_of,omitempty"`
	MinItems       int         `json:"min_items,omitempty"`
	MaxItems       int         `json:"max_items,omitempty"`
	MinLength      int         `json:"min_length,omitempty"`
	MaxLength      int         `json:"max_length,omitempty"`
	Pattern        string      `json:"pattern,omitempty"`
	PatternRule    i18n.Text   `json:"pattern_rule,omitzero"`
	AppliesWhen    i18n.Text   `json:"applies_when,omitzero"`
	Rule           i18n.Text   `json:"rule,omitzero"`           // the field's own rule across fields (Field.CheckSays)
	Rules          []i18n.Text `json:"rules,omitempty"`         // the API's rules that involve the field
	Decision       i18n.Text   `json:"decision,omitzero"`       // where the docs are silent, what cloudorder decided
	Lookup         string      `json:"lookup,omitempty"`        // the account look-up that offers more values
	DocURL         string      `json:"doc_url"`                 // the API's reference page
	Children       int         `json:"children,omitempty"`      // sub-fields that follow in the list
	ItemCode       string      `json:"property_code,omitempty"` // a Properties entry: its Code
	ItemName       string      `json:"property_name,omitempty"` // a Properties entry: the documented Name sent beside Value
}

// Doc returns the API's documentation model.
func (api *API) Doc() APIDoc {
	d := APIDoc{ID: api.ID, Title: api.Title, Help: api.Help, Method: api.Method, Path: api.Path, DocURL: api.DocURL}
	for _, r := range api.Rules {
		var paths []string
		for _, p := range r.Paths {
			paths = append(paths, api.docPath(p))
		}
		d.Rules = append(d.Rules, RuleDoc{Says: r.Says, Paths: paths})
	}
	defaults := api.NewAnswers()
	d.Fields = api.fieldDocs(defaults, api.Fields, "", "", "", 0, d.Rules)
	return d
}

// FieldDoc returns the documentation of the field at path (array indexes optional,
// "Products[0].ProductCode" or "body.Products[].ProductCode"; a path outside the body may
// leave "body." out), with its sub-fields; ok is false when no field is declared there.
func (api *API) FieldDoc(path string) (docs []FieldDoc, ok bool) {
	path = strings.ReplaceAll(path, "[]", "")
	f := api.FieldAt(path)
	if f == nil && !strings.HasPrefix(path, "body.") {
		path = "body." + path
		f = api.FieldAt(path)
	}
	if f == nil {
		return nil, false
	}
	want := api.docPath(path)
	all := api.Doc().Fields
	for i, fd := range all {
		if fd.Path == want {
			return all[i : i+1+fd.Children], true
		}
	}
	return nil, false
}

// docPath spells a path the way FieldDoc.Path does: indexes dropped, "[]" after each array.
func (api *API) docPath(path string) string {
	fields := api.Fields
	var out []string
	for _, name := range splitPath(path) {
		var found *Field
		for _, f := range fields {
			if f.Name == name {
				found = f
			}
		}
		if found == nil {
			out = append(out, name)
			continue
		}
		if found.Kind == Array {
			name += "[]"
		}
		out = append(out, name)
		fields = found.Fields
	}
	return strings.Join(out, ".")
}

// concrete turns a doc path into the path of the first item of every array ("[]" → "[0]"),
// where the wizard's starting answers hold the defaults.
func concrete(docPath string) string { return strings.ReplaceAll(docPath, "[]", "[0]") }

func (api *API) fieldDocs(defaults *Answers, fields []*Field, parent, item, itemDoc string, depth int, rules []RuleDoc) []FieldDoc {
	var out []FieldDoc
	for _, f := range fields {
		path := join(parent, f.Name)
		if f.Kind == Array {
			path += "[]"
		}
		d := FieldDoc{Path: path, Depth: depth, Type: jsonTypeOf(f), Label: f.Label, Help: f.Help, Required: f.Required,
			RequiredWhy: f.RequiredWhy, Local: f.Local, Open: f.Open, AppliesWhen: f.AppliesWhen, Rule: f.CheckSays,
			Decision: f.Decision, Lookup: f.Lookup, DocURL: api.DocURL, MinItems: f.MinItems, MaxItems: f.MaxItems,
			MinLength: f.MinLen, MaxLength: f.MaxLen, Pattern: f.Pattern, PatternRule: f.PatternRule}
		if d.Required && d.RequiredWhy.IsZero() && !f.Local {
			d.RequiredWhy = i18n.T("the API requires it", "接口要求此字段")
		}
		if strings.HasSuffix(parent, "InstanceProperties") {
			d.ItemCode, d.ItemName = f.Name, f.PropName
		}
		api.docValues(&d, f, item, itemDoc)
		docBounds(&d, f)
		docDefault(&d, f, defaults)
		declared := strings.ReplaceAll(path, "[]", "")
		for _, r := range rules {
			for _, p := range r.Paths {
				if strings.ReplaceAll(p, "[]", "") == declared {
					d.Rules = append(d.Rules, r.Says)
					break
				}
			}
		}
		childItem, childItemDoc := item, itemDoc
		if f.Kind == Array {
			childItem, childItemDoc = concrete(path), path
		}
		kids := api.fieldDocs(defaults, f.Fields, path, childItem, childItemDoc, depth+1, rules)
		d.Children = len(kids)
		out = append(out, d)
		out = append(out, kids...)
	}
	return out
}

// docValues fills the documented values: a field's own, or, where they depend on another
// answer (OptionsBy), the values for each of its values and their union.
func (api *API) docValues(d *FieldDoc, f *Field, item, itemDoc string) {
	add := func(o Option) {
		if !slices.ContainsFunc(d.Values, func(v ValueDoc) bool { return v.Value == o.Value }) {
			d.Values = append(d.Values, ValueDoc(o))
		}
	}
	if f.OptionsFor == nil || f.OptionsBy == "" {
		for _, o := range f.OptionsAt(Ctx{A: NewEmptyAnswers(), Item: item}) {
			add(o)
		}
		return
	}
	for _, c := range api.optionsCasesFor(f, item) {
		vals := make([]string, len(c.Options))
		for i, o := range c.Options {
			vals[i] = o.Value
			add(o)
		}
		if d.ValuesBy == nil {
			selector := strings.TrimPrefix(f.OptionsBy, "/")
			if !strings.HasPrefix(f.OptionsBy, "/") && itemDoc != "" {
				selector = itemDoc + "." + selector
			}
			d.ValuesBy = &ValuesBy{Path: selector}
		}
		d.ValuesBy.Cases = append(d.ValuesBy.Cases, ValuesCase{When: c.When, Values: vals})
	}
}

// OptionsCase is what OptionsFor offers while the answer it depends on (OptionsBy) is When.
type OptionsCase struct {
	When    string
	Options []Option
}

// optionsCasesFor evaluates f's OptionsFor for every documented value of the answer it depends on
// (Field.OptionsBy); item is the concrete path of f's enclosing array item ("" at top level).
// Nil when f's values depend on nothing declared.
func (api *API) optionsCasesFor(f *Field, item string) []OptionsCase {
	if f.OptionsFor == nil || f.OptionsBy == "" {
		return nil
	}
	abs, isAbs := strings.CutPrefix(f.OptionsBy, "/")
	selPath := abs
	if !isAbs && item != "" {
		selPath = item + "." + f.OptionsBy
	}
	sel := api.FieldAt(selPath)
	if sel == nil {
		return nil
	}
	var out []OptionsCase
	for _, o := range sel.Options {
		a := NewEmptyAnswers()
		a.put(selPath, o.Value)
		out = append(out, OptionsCase{When: o.Value, Options: f.OptionsFor(Ctx{A: a, Item: item})})
	}
	return out
}

// docBounds fills numeric bounds: the declared ones, and int32's where an Integer declares none
// (the SDKs' type).
func docBounds(d *FieldDoc, f *Field) {
	if f.Kind != Integer && f.Kind != Number {
		return
	}
	lo, hi := f.Min, f.Max
	if f.Kind == Integer && (len(f.Options) == 0 || f.Open) {
		if !f.HasMin {
			lo = math.MinInt32
		}
		if !f.HasMax {
			hi = math.MaxInt32
		}
		d.Minimum, d.Maximum = &lo, &hi
	} else {
		if f.HasMin {
			d.Minimum = &lo
		}
		if f.HasMax {
			d.Maximum = &hi
		}
	}
	d.MultipleOf = f.Multiple
}

// docDefault fills the default the wizard starts from: the first item's where the field is
// inside an array.
func docDefault(d *FieldDoc, f *Field, defaults *Answers) {
	if !f.Kind.IsScalar() {
		return
	}
	d.DefaultFollows = f.DefaultFor != nil
	if v := defaults.Get(concrete(d.Path)); v != "" {
		d.Default = v
		return
	}
	d.Default = f.Default
}

// jsonTypeOf names a field's JSON type.
func jsonTypeOf(f *Field) string {
	switch f.Kind {
	case String:
		return "string"
	case Integer:
		return "integer"
	case Number:
		return "number"
	case Boolean:
		return "boolean"
	case StringList:
		return "array of strings"
	case Object:
		return "object"
	case Array:
		return "array of objects"
	case Properties:
		return "array of {Code, Value, Name}"
	}
	return "?"
}

package flows

import (
	"regexp"
	"slices"
	"strings"

	"cloudorder/i18n"
)

// Kind is the JSON shape of a field's value.
type Kind int

// Field kinds. Scalars hold one answer string; Object, Array and Properties hold sub-fields.
const (
	String     Kind = iota // JSON string
	Integer                // JSON integer (int32 unless Field.Max says otherwise)
	Number                 // JSON number (float)
	Boolean                // JSON true/false — never the string "true"
	StringList             // JSON array of strings; answered as "a, b", or as a JSON array when items hold commas
	Object                 // JSON object of Fields
	Array                  // JSON array of objects, each of Fields (a repeated group)
	Properties             // Alibaba InstanceProperties: [{Code, Value, Name}], one Field per Code
)

// IsScalar reports whether a field of this kind holds a single answer.
func (k Kind) IsScalar() bool { return k <= StringList }

// Step is a stage of the wizard; each field belongs to one.
type Step string

// The wizard's steps, in order.
const (
	StepAPI        Step = "api"
	StepRegion     Step = "region"
	StepProducts   Step = "products"
	StepBilling    Step = "billing"
	StepProperties Step = "properties"
	StepVolumes    Step = "volumes"
)

// AllSteps lists every step in wizard order.
var AllSteps = []Step{StepAPI, StepRegion, StepProducts, StepBilling, StepProperties, StepVolumes}

// StepTitle is the breadcrumb label of each step.
var StepTitle = map[Step]i18n.Text{
	StepAPI:        i18n.T("API", "接口"),
	StepRegion:     i18n.T("Region & account", "区域与账号"),
	StepProducts:   i18n.T("Products", "产品"),
	StepBilling:    i18n.T("Billing", "计费"),
	StepProperties: i18n.T("Instance properties", "实例属性"),
	StepVolumes:    i18n.T("Volumes", "磁盘"),
}

// StepTitle is step st's title for this API in the words of its console: the region step
// names the region as the API's region field does (Alibaba 地域, Huawei 区域).
func (api *API) StepTitle(st Step) i18n.Text {
	if f := api.FieldAt("region"); st == StepRegion && f != nil {
		return i18n.Tf("%s & account", "%s与账号", f.Label)
	}
	return StepTitle[st]
}

// RegionWord is what this API's console calls a region, lower case in English: Alibaba 地域,
// Huawei 区域 (its region field's label).
func (api *API) RegionWord() i18n.Text {
	if f := api.FieldAt("region"); f != nil {
		return i18n.T(strings.ToLower(f.Label.EN), f.Label.ZH)
	}
	return i18n.T("region", "区域")
}

// BodyTitle heads the request body wherever an order is reviewed (the wizard, plain mode).
var BodyTitle = i18n.T("Request body (exactly what is sent)", "请求体(与发送内容完全一致)")

// Option is one documented value of a field.
type Option struct {
	Value string
	Label i18n.Text // short human label shown in pickers
	Help  i18n.Text // what choosing it means
}

// Ctx is what a field's dynamic parts see: all answers and where the field sits.
type Ctx struct {
	A    *Answers
	Path string // this field's path, e.g. "body.Products[0].PricingCycle"
	Item string // the nearest enclosing array item, e.g. "body.Products[0]"; "" at top level
}

// Sibling returns the answer at name relative to the enclosing array item (or the top level).
func (c Ctx) Sibling(name string) string {
	if c.Item == "" {
		return c.A.Get(name)
	}
	return c.A.Get(c.Item + "." + name)
}

// Get returns the answer at an absolute path.
func (c Ctx) Get(path string) string { return c.A.Get(path) }

// Field declares one request field (or one wizard-only answer) as data the UI renders generically.
type Field struct {
	Name     string // JSON key; for Properties sub-fields, the property Code
	Kind     Kind
	Required bool // the API requires it (Huawei: the SDK model's non-pointer fields)
	// RequiredWhy is set where the docs call the field optional and cloudorder requires it
	// anyway: the message says so, and why.
	RequiredWhy i18n.Text
	Step        Step
	Label       i18n.Text
	Help        i18n.Text
	Example     string // placeholder shown in an empty input

	// Local fields are wizard-only answers that shape the choices but are never sent
	// (e.g. whether a MaxCompute account is inside mainland China).
	Local bool

	Options    []Option           // documented values
	OptionsFor func(Ctx) []Option // documented values that depend on other answers
	// Open means the options are suggestions: any value passing the other rules is accepted.
	Open bool
	// OptionsRule is the message for a value outside closed options (names the documented
	// rule); nil means the generic "must be one of …".
	OptionsRule *i18n.Text
	// Lookup names a provider look-up whose results are offered as extra suggestions
	// (e.g. "workspaceapp/products"); the field stays usable when the look-up fails.
	Lookup string
	// LookupInputs are the other answers the look-up depends on (input name → where the
	// answer is, see LookupInput): the look-up runs again when one of them changes. Region and
	// project id are always inputs.
	LookupInputs []LookupInput
	// Placeholder is the grey hint of an empty input when Example would mislead: an ID a
	// person cannot know must never be hinted with something that looks like a value.
	Placeholder i18n.Text

	Default    string
	DefaultFor func(Ctx) string

	Applies func(Ctx) bool // nil means always; a field that does not apply is neither shown nor sent
	// Selects marks a field other fields' Applies read (ProductCode): while it is invalid,
	// values of its item are not also reported as not applying.
	Selects     bool
	AppliesWhen i18n.Text                  // says when Applies holds, for a loaded order that sets it anyway
	Check       func(Ctx, string) *Problem // extra rule on a non-empty value (Problem.Path is filled in)
	// CheckSays is what Check enforces, in words: explain shows it and the JSON Schema lists
	// it among the rules a schema cannot say (Check is code; nothing else can read it).
	CheckSays i18n.Text

	// Pattern is a regular expression (RE2, anchored by the expression itself) the whole
	// value must match; PatternRule is the message when it does not. Validation, explain and
	// the JSON Schema all read it, so the rule is stated once.
	Pattern     string
	PatternRule i18n.Text
	// MinLen and MaxLen bound a String's length in characters (MaxLen 0 = unbounded).
	MinLen, MaxLen int

	// OptionsBy names the answer OptionsFor depends on, as LookupInput.From does (a sibling
	// "ProductCode", or "/region" absolute): explain lists the values per value of it, and
	// the JSON Schema states them as if/then rules.
	OptionsBy string

	// Decision says where the docs are silent or contradict each other on this field and
	// what cloudorder decided (a default, a requirement, a reading of an example).
	Decision i18n.Text

	Min, Max int64 // inclusive numeric bounds for Integer/Number, when HasMin/HasMax
	HasMin   bool
	HasMax   bool
	Multiple int64 // Integer must be a multiple of this, when > 0

	Fields             []*Field // sub-fields of Object, Array items and Properties
	MinItems, MaxItems int      // Array item bounds (MaxItems 0 = unbounded)
	SummaryKey         string   // Array: the sub-field whose value titles an item
	PropName           string   // Properties sub-field: the documented "Name" sent beside Value
	PropNameFor        func(Ctx) string
	// Rank orders the wizard's rows among siblings (lower first) where the documented JSON
	// order, which the builder keeps, reads badly; 0 keeps declaration order.
	Rank int
}

// LookupInput is one answer a look-up depends on. From is a path relative to the field's
// enclosing array item, as Ctx.Sibling reads it ("resource_type", "create_services.vpc_id"),
// or, starting with "/", an absolute path ("/body.period_type").
type LookupInput struct {
	Name string // the provider's name for it, e.g. "vpc_id"
	From string
	// Optional inputs refine the answer (which entry comes first) but the look-up can run
	// without them; the others must be answered first.
	Optional bool
}

// LookupInputsAt resolves f's look-up inputs in context, for providers.LookupQuery.Inputs.
func (f *Field) LookupInputsAt(c Ctx) map[string]string {
	if len(f.LookupInputs) == 0 {
		return nil
	}
	out := make(map[string]string, len(f.LookupInputs))
	for _, in := range f.LookupInputs {
		if abs, ok := strings.CutPrefix(in.From, "/"); ok {
			out[in.Name] = c.Get(abs)
		} else {
			out[in.Name] = c.Sibling(in.From)
		}
	}
	return out
}

// OptionsAt returns the documented values of f in context.
func (f *Field) OptionsAt(c Ctx) []Option {
	if f.OptionsFor != nil {
		return f.OptionsFor(c)
	}
	return f.Options
}

// OfferedAt is what f offers a person in context: its documented values (yes and no for a
// Boolean that documents none), then found — a look-up's values — not already among them.
// The wizard's pickers and plain mode's numbered lists show the same.
func (f *Field) OfferedAt(c Ctx, found []Option) []Option {
	opts := slices.Clone(f.OptionsAt(c))
	if f.Kind == Boolean && len(opts) == 0 {
		opts = []Option{{Value: "true", Label: i18n.T("Yes", "是")}, {Value: "false", Label: i18n.T("No", "否")}}
	}
	for _, o := range found {
		if !slices.ContainsFunc(opts, func(x Option) bool { return x.Value == o.Value }) {
			opts = append(opts, o)
		}
	}
	return opts
}

// DefaultAt returns the documented default of f in context.
func (f *Field) DefaultAt(c Ctx) string {
	if f.DefaultFor != nil {
		return f.DefaultFor(c)
	}
	return f.Default
}

// AppliesAt reports whether f is part of the order in context.
func (f *Field) AppliesAt(c Ctx) bool { return f.Applies == nil || f.Applies(c) }

// Problem is one broken rule: where, what, and whether it blocks the order.
type Problem struct {
	Path    string    // JSON path in the order file, e.g. "body.Products[0].PricingCycle"
	Msg     i18n.Text // names the rule
	Warning bool      // a warning does not make the order invalid
}

// Error renders the problem in English.
func (p Problem) Error() string { return p.Path + ": " + p.Msg.EN }

// Rule is a cross-field rule of an API: Check runs over all answers; Says is the rule in
// words, for explain and the JSON Schema's description (which cannot state such rules);
// Paths are the fields it involves (declared paths, e.g. "body.product_infos.resource_type").
type Rule struct {
	Says  i18n.Text
	Paths []string
	Check func(a *Answers) []Problem
}

// API declares one ordering API: its identity, fields and rules.
type API struct {
	ID     APIID
	Cloud  string // "alibaba" or "huawei"
	Title  i18n.Text
	Help   i18n.Text
	Method string
	Path   string // documented path, e.g. "/v1/{project_id}/period/order"
	DocURL string

	Fields []*Field // top level of the order file: region, project_id and body
	Rules  []Rule
	// AfterLoad derives Local answers from a loaded body (e.g. the MaxCompute site).
	AfterLoad func(a *Answers)
	// OrderIDPattern is the shape of the order id the API answers with, as its documents give
	// it: an answer's id is server text, and only one of this shape is put on the clipboard.
	OrderIDPattern string
}

// IsOrderID reports whether id has the shape of the API's documented order ids
// (OrderIDPattern); an API that documents none accepts no id.
func (api *API) IsOrderID(id string) bool {
	return api != nil && api.OrderIDPattern != "" && regexp.MustCompile(api.OrderIDPattern).MatchString(id)
}

package flows

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"cloudorder/i18n"
)

// compileSchema compiles the generated schema with an independent JSON Schema validator,
// which also checks it against the draft 2020-12 meta-schema.
func compileSchema(t *testing.T, api *API, lang i18n.Lang) *jsonschema.Schema {
	t.Helper()
	raw, err := api.JSONSchema(lang)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("schema of %s is not JSON: %v", api.ID, err)
	}
	c := jsonschema.NewCompiler()
	url := "https://cloudorder.invalid/schema/" + string(api.ID) + ".json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("schema of %s does not compile: %v", api.ID, err)
	}
	return sch
}

// instance reads an order file for the validator, and the API it names.
func instance(t *testing.T, path string) (any, *API) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var head struct {
		API APIID `json:"api"`
	}
	_ = json.Unmarshal(data, &head)
	api := testAPIs.Find(head.API)
	if api == nil {
		t.Fatalf("%s: unknown api %q", path, head.API)
	}
	return v, api
}

func TestSchemaAcceptsEveryDocumentedExample(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "orders", "*.json"))
	if len(files) < 7 {
		t.Fatalf("want the documented examples, found %d files", len(files))
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, f := range files {
			v, api := instance(t, f)
			if err := compileSchema(t, api, lang).Validate(v); err != nil {
				t.Errorf("%s (%s): schema refuses a documented example: %v", filepath.Base(f), lang, err)
			}
		}
	}
}

// schemaCases sorts testdata/cases: the errors a schema can state (types, documented values,
// unknown keys, bounds, patterns and lengths) must be refused; the others it cannot see, and
// the reason is given, so that a new case has to be sorted here.
var schemaCases = map[string]string{
	"auto-pay-string": "refuse", "duration-fraction": "refuse", "duration-string": "refuse",
	"item-not-object": "refuse", "list-not-strings": "refuse", "null-auto-renew": "refuse",
	"empty-charge-type": "refuse", "empty-os-type": "refuse", "empty-property-value": "refuse",
	"wrong-product-code": "refuse", "unknown-key": "refuse", "alibaba-project-id": "refuse",
	"alibaba-project-id-number": "refuse", "measure-id-negative": "refuse", "measure-id-zero": "refuse",
	"period-num-huge": "refuse", "period-num-int32": "refuse", "empty-product-id": "refuse",
	"empty-service-id": "refuse", "product-code-missing": "refuse",
	"inapplicable-empty-properties": "cross-field: InstanceProperties applies only to some product codes (listed in the description)",

	"add-volumes-empty-object":          "cross-field: a disk order, once given, needs service_id and disks",
	"add-volumes-no-disks":              "cross-field: a disk order needs 1–10 disks",
	"add-volumes-no-service":            "cross-field: a disk order needs its service_id",
	"dup-key-deep-volume":               "duplicate keys are gone once JSON is decoded",
	"dup-key-duration":                  "duplicate keys are gone once JSON is decoded",
	"dup-key-property-value":            "duplicate keys are gone once JSON is decoded",
	"dup-key-top-region":                "duplicate keys are gone once JSON is decoded",
	"escape-sequence-in-a-value":        "control characters: cloudorder's own rule for what a terminal shows",
	"text-direction-override-in-a-name": "text-direction characters: cloudorder's own rule for what a terminal shows",
	"number-precision":                  "a number's precision in float64 is not a schema rule",
	"lists-exact":                       "valid",
	"maxcompute-no-spec-warns":          "valid, with a warning",
	"region-unsupported":                "valid, with a warning",
	"reserved-nics":                     "valid, with a warning",
	"reserved-security-groups-empty":    "valid, with a warning",
}

func TestSchemaRefusesTypeEnumAndUnknownKeyErrors(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "cases", "*.json"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		why, sorted := schemaCases[name]
		if !sorted {
			t.Errorf("%s: new case: sort it in schemaCases (refuse, or why a schema cannot see it)", name)
			continue
		}
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			v, api := instance(t, f)
			err := compileSchema(t, api, lang).Validate(v)
			switch {
			case why == "refuse" && err == nil:
				t.Errorf("%s (%s): schema accepts it; validate says %s", name, lang, want(t, f))
			case why != "refuse" && strings.HasPrefix(why, "valid") && err != nil:
				t.Errorf("%s (%s): schema refuses a valid order: %v", name, lang, err)
			}
		}
	}
}

func want(t *testing.T, jsonFile string) string {
	b, _ := os.ReadFile(strings.TrimSuffix(jsonFile, ".json") + ".want")
	return strings.TrimSpace(string(b))
}

// What the schema cannot state is in its description, in the schema's language: every rule
// across fields and what validate refuses in any file.
func TestSchemaDescriptionListsWhatItCannotState(t *testing.T) {
	for _, api := range testAPIs {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			raw, err := api.JSONSchema(lang)
			if err != nil {
				t.Fatal(err)
			}
			var root struct{ Description string }
			if err := json.Unmarshal(raw, &root); err != nil {
				t.Fatal(err)
			}
			says := []string{map[i18n.Lang]string{i18n.EN: "control or text-direction characters", i18n.ZH: "控制字符或文字方向字符"}[lang]}
			for _, r := range api.Rules {
				says = append(says, r.Says.In(lang))
			}
			for _, s := range says {
				if !strings.Contains(root.Description, s) {
					t.Errorf("%s %s: description does not list %q:\n%s", api.ID, lang, s, root.Description)
				}
			}
		}
	}
}

package flows

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// caseFiles are the order files of ../testdata/cases: each NAME.json comes with NAME.want,
// the lines `cloudorder validate` prints for it without the "FILE: " prefix ("ok" last when
// the order is valid). The root package checks the same files through the command.
func caseFiles(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "cases", "*.json"))
	if len(files) < 25 {
		t.Fatalf("expected the rule cases, found %d", len(files))
	}
	return files
}

// validateLines renders Load's verdict the way `cloudorder validate` prints it.
func validateLines(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		warn := ""
		if p.Warning {
			warn = "warning: "
		}
		out = append(out, p.Path+": "+warn+p.Msg.EN)
	}
	if !Blocking(ps) {
		out = append(out, "ok")
	}
	return out
}

func TestRuleCases(t *testing.T) {
	for _, file := range caseFiles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			wantData, err := os.ReadFile(strings.TrimSuffix(file, ".json") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			api, a, ps, err := testAPIs.Load(data)
			if err != nil || api == nil {
				t.Fatalf("load: %v %v", err, ps)
			}
			got := strings.Join(validateLines(ps), "\n")
			if want := strings.TrimSpace(string(wantData)); got != want {
				t.Fatalf("validate says\n%s\nwant\n%s", got, want)
			}
			seen := map[string]bool{}
			for _, p := range ps {
				if p.Msg.ZH == "" {
					t.Errorf("%s: no Chinese", p)
				}
				if seen[p.Path] {
					t.Errorf("more than one message for %s: %v", p.Path, ps) // one problem, one message
				}
				seen[p.Path] = true
			}
			// The wizard re-validates the answers: every problem at a value the file gave
			// stays visible at its field until the person changes it.
			again := api.Validate(a)
			for _, p := range ps {
				if f := api.FieldAt(p.Path); f != nil && f.Kind.IsScalar() && a.Has(p.Path) && len(ProblemsAt(again, p.Path)) == 0 && !strings.HasPrefix(p.Msg.EN, "applies only") {
					t.Errorf("%s is not reported again by Validate: the wizard would hide it", p)
				}
			}
			// Nothing is coerced or dropped without a problem saying so: where the order the
			// wizard would save differs from the file, a problem names that place.
			if where, same := sameJSON("", decode(t, data), decode(t, mustFile(t, api.Build(a)))); !same {
				named := false
				for _, p := range ps {
					named = named || strings.HasPrefix(where, p.Path) || strings.HasPrefix(p.Path, where)
				}
				if !named {
					t.Errorf("the saved order differs from the file at %q and no problem says so: %v", where, ps)
				}
			}
		})
	}
}

func decode(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode: %v\n%s", err, data)
	}
	return v
}

// Any valid order file opened and saved again is JSON-equal to it, and saving is stable.
func TestEveryOrderFileRoundTripsExactly(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "orders", "*.json"))
	cases, _ := filepath.Glob(filepath.Join("..", "testdata", "cases", "*.json"))
	for _, file := range append(files, cases...) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, _ := os.ReadFile(file)
			api, a, ps, err := testAPIs.Load(data)
			if err != nil || api == nil {
				t.Fatalf("load: %v", err)
			}
			if strings.Contains(file, "orders") && Blocking(ps) {
				t.Fatalf("valid order reported invalid: %v", ps)
			}
			if Blocking(ps) {
				return // TestRuleCases covers what an invalid file keeps
			}
			saved := mustFile(t, api.Build(a))
			if where, same := sameJSON("", decode(t, data), decode(t, saved)); !same {
				t.Fatalf("saved order differs at %s:\n%s", where, saved)
			}
			api2, a2, _, err := testAPIs.Load(saved)
			if err != nil {
				t.Fatal(err)
			}
			if again := mustFile(t, api2.Build(a2)); !bytes.Equal(again, saved) {
				t.Fatalf("second save differs:\n%s\n%s", again, saved)
			}
		})
	}
}

// Lists stay lists: items with commas, spaces or nothing in them, and the empty list, come
// back exactly; "" stays an explicit empty string; {} and [] stay.
func TestTrickyValuesRoundTrip(t *testing.T) {
	base := readOrder(t, "../testdata/orders/huawei-dsc.json")
	item := `{"cloud_service_type": "hws.service.type.sdg", "product_id": "OFFI1", "resource_size": 1, "resource_size_measure_id": 14,
		"resource_spec_code": "base_standard", "resource_type": "hws.resource.type.dsc.base", "all_resource_names": %s, "display_id": ""}`
	for _, list := range []string{`["orders,2024", "crm"]`, `[]`, `[""]`, `[" padded "]`, `["a", "b"]`, `["[x]"]`, `["引号\"", "<&>"]`} {
		t.Run(list, func(t *testing.T) {
			file := `{"api": "huawei/dsc/CreateProductOrder", "region": "cn-north-4", "project_id": "` + base.ProjectID + `", "body": {` +
				`"charging_mode": 0, "cloud_service_type": "hws.service.type.sdg", "period_num": 1, "period_type": 2, "region_id": "cn-north-4", "zone": "CH", ` +
				`"product_infos": [` + strings.Replace(item, "%s", list, 1) + `]}}`
			api, a, ps, err := testAPIs.Load([]byte(file))
			if err != nil || Blocking(ps) {
				t.Fatalf("load: %v %v", err, ps)
			}
			saved := mustFile(t, api.Build(a))
			if where, same := sameJSON("", decode(t, []byte(file)), decode(t, saved)); !same {
				t.Fatalf("differs at %s:\n%s", where, saved)
			}
		})
	}
	// The person's comma-separated text still works, and a JSON array typed in is taken as one.
	api := testAPIs.Find(HuaweiDSC)
	a := api.NewAnswers()
	path := "body.product_infos[0].all_resource_names"
	for text, want := range map[string]string{"a, b,,c ": `["a","b","c"]`, `["x,y"]`: `["x,y"]`, `[]`: `[]`} {
		api.Set(a, path, text)
		if got := string(scalarJSON(StringList, a.Get(path))); got != want {
			t.Errorf("%q builds %s, want %s", text, got, want)
		}
	}
	api.Set(a, path, `["x",`)
	if ps := ProblemsAt(api.Validate(a), path); len(ps) != 1 || !strings.Contains(ps[0].Msg.EN, "JSON array of strings") {
		t.Errorf("broken JSON list: %v", ps)
	}
}

// Changing a value that loaded with the wrong type makes it the person's answer: the problem
// goes, and the value is built with the field's type.
func TestStuckValueClearsWhenSet(t *testing.T) {
	data, _ := os.ReadFile("../testdata/cases/auto-pay-string.json")
	api, a, _, _ := testAPIs.Load(data)
	if p := ProblemsAt(api.Validate(a), "body.AutoPay"); len(p) != 1 {
		t.Fatalf("want the type problem, got %v", p)
	}
	if !strings.Contains(string(api.Build(a).Body), `"AutoPay":"true"`) {
		t.Fatalf("the loaded string must be kept as it was: %s", api.Build(a).Body)
	}
	api.Set(a, "body.AutoPay", "true")
	if p := ProblemsAt(api.Validate(a), "body.AutoPay"); len(p) != 0 {
		t.Fatalf("problem stays after Set: %v", p)
	}
	if !strings.Contains(string(api.Build(a).Body), `"AutoPay":true`) {
		t.Fatalf("want a boolean: %s", api.Build(a).Body)
	}
}

func TestTooLargeAndNotUTF8(t *testing.T) {
	if _, _, _, err := testAPIs.Load(bytes.Repeat([]byte(" "), MaxFileSize+1)); err != ErrTooLarge {
		t.Errorf("want ErrTooLarge, got %v", err)
	}
	_, _, _, err := testAPIs.Load([]byte("{\"api\": \"x\xff\"}"))
	if se, ok := err.(*SyntaxError); !ok || se.Col != 11 || !strings.Contains(se.Msg.EN, "UTF-8") || !strings.Contains(se.Text().ZH, "第 1 行第 11 列:不是有效的 UTF-8") {
		t.Errorf("want a UTF-8 syntax error at column 11, got %v", err)
	}
}

// project_id is a field exactly where the API's path has a {project_id} parameter.
func TestProjectIDOnlyWithThePathParameter(t *testing.T) {
	for _, api := range testAPIs {
		if has, want := api.FieldAt("project_id") != nil, strings.Contains(api.Path, "{project_id}"); has != want {
			t.Errorf("%s: project_id field %v, path %s", api.ID, has, api.Path)
		}
	}
}

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"cloudorder/catalog"
	"cloudorder/flows"
	"cloudorder/i18n"
)

// flat joins wrapped lines, for looking for a phrase that may wrap.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// explainLangs runs a test body in both languages.
var explainLangs = []struct{ lang, word string }{{"en", "required"}, {"zh", "必填"}}

func TestExplainListsTheAPIs(t *testing.T) {
	for _, l := range explainLangs {
		out, errOut, code := runForTest(t, submitEnv(t), "", "explain", "--lang", l.lang)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", l.lang, code, errOut)
		}
		for _, a := range catalog.Flows() {
			if !strings.Contains(out, string(a.ID)) || !strings.Contains(out, a.Title.In(i18n.Lang(l.lang))) || !strings.Contains(out, a.DocURL) {
				t.Errorf("%s: %s missing its id, title or doc URL:\n%s", l.lang, a.ID, out)
			}
		}
	}
}

// The tree names every field the declarations have, with its type and whether it is
// required, in either language, and stays within 80 columns (only a URL may not).
func TestExplainTreeShowsEveryFieldAt80Columns(t *testing.T) {
	for _, a := range catalog.Flows() {
		for _, l := range explainLangs {
			out, errOut, code := runForTest(t, submitEnv(t), "", "explain", string(a.ID), "--lang", l.lang)
			if code != exitOK {
				t.Fatalf("%s %s: exit %d: %s", a.ID, l.lang, code, errOut)
			}
			for _, f := range a.Doc().Fields {
				if !strings.Contains(out, f.Path+" · "+f.Type) {
					t.Errorf("%s %s: field %s (%s) not in the tree", a.ID, l.lang, f.Path, f.Type)
				}
			}
			if !strings.Contains(out, l.word) {
				t.Errorf("%s %s: no field says %q", a.ID, l.lang, l.word)
			}
			for _, line := range strings.Split(out, "\n") {
				if runewidth.StringWidth(line) > 80 && !strings.HasPrefix(strings.TrimSpace(line), "http") {
					t.Errorf("%s %s: line wider than 80 columns: %q", a.ID, l.lang, line)
				}
			}
		}
	}
}

func TestExplainOneFieldInFull(t *testing.T) {
	env := submitEnv(t)
	out, _, code := runForTest(t, env, "", "explain", string(flows.AlibabaPAI), "Products[].PricingCycle")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"body.Products[].PricingCycle", "Values by body.Products[].ProductCode", "DataWorks_share → Month",
		"OSS_share → Hour", "Month — Month: Monthly billing.", "Where the docs are silent", "PAI_share", catalog.Flow(flows.AlibabaPAI).DocURL} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q:\n%s", want, out)
		}
	}
	out, _, _ = runForTest(t, env, "", "explain", string(flows.HuaweiDSC), "body.product_infos[0].usage_factor", "--lang", "zh")
	if !strings.Contains(out, "已使用系数") || !strings.Contains(out, "按需计费") {
		t.Errorf("zh field:\n%s", out)
	}
	out, _, _ = runForTest(t, env, "", "explain", string(flows.HuaweiWorkspaceApp), "resources.add_volumes.service_id")
	for _, want := range []string{"1–255 characters", "cloudorder requires it once add_volumes is given", "A disk order (add_volumes)"} {
		if !strings.Contains(flat(out), want) {
			t.Errorf("service_id: missing %q:\n%s", want, out)
		}
	}
}

// Every field in full, in either language, fits 80 columns (only a URL may not) and names
// its path, and its help.
func TestExplainEveryFieldAt80Columns(t *testing.T) {
	env := submitEnv(t)
	for _, a := range catalog.Flows() {
		for _, f := range a.Doc().Fields {
			for _, l := range explainLangs {
				out, errOut, code := runForTest(t, env, "", "explain", string(a.ID), f.Path, "--lang", l.lang)
				if code != exitOK || !strings.HasPrefix(out, f.Path+"\n") {
					t.Fatalf("%s %s %s: exit %d: %s%s", a.ID, f.Path, l.lang, code, out, errOut)
				}
				if h := f.Help.In(i18n.Lang(l.lang)); h != "" && !strings.Contains(strings.Join(strings.Fields(out), ""), strings.Join(strings.Fields(h), "")) {
					t.Errorf("%s %s %s: the help is not shown:\n%s", a.ID, f.Path, l.lang, out)
				}
				for _, line := range strings.Split(out, "\n") {
					if runewidth.StringWidth(line) > 80 && !strings.HasPrefix(strings.TrimSpace(line), "http") {
						t.Errorf("%s %s %s: line wider than 80 columns: %q", a.ID, f.Path, l.lang, line)
					}
				}
			}
		}
	}
}

func TestExplainJSON(t *testing.T) {
	env := submitEnv(t)
	out, _, code := runForTest(t, env, "", "explain", string(flows.AlibabaPAI), "--output", "json")
	var doc flows.APIDoc
	if code != exitOK || json.Unmarshal([]byte(out), &doc) != nil || doc.ID != flows.AlibabaPAI || len(doc.Fields) < 10 || len(doc.Rules) == 0 {
		t.Fatalf("exit %d, %d fields: %s", code, len(doc.Fields), out)
	}
	out, _, _ = runForTest(t, env, "", "explain", string(flows.AlibabaPAI), "body.Products.PricingCycle", "--output", "json")
	var one struct {
		Field flows.FieldDoc `json:"field"`
	}
	if err := json.Unmarshal([]byte(out), &one); err != nil || one.Field.ValuesBy == nil {
		t.Fatalf("%v: %s", err, out)
	}
	got := map[string]string{}
	for _, c := range one.Field.ValuesBy.Cases {
		got[c.When] = strings.Join(c.Values, ",")
	}
	if got["DataWorks_share"] != "Month" || got["OSS_share"] != "Hour" || got["MaxCompute_share"] != "Hour" || got["PAI_share"] != "Hour,Month" {
		t.Errorf("values by ProductCode: %v", got)
	}
	if one.Field.Label.EN == "" || one.Field.Label.ZH == "" {
		t.Errorf("JSON carries both languages: %+v", one.Field.Label)
	}
}

func TestExplainRefusesUnknownNames(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"explain", "alibaba/pai/Nope"}, "unknown API"},
		{[]string{"explain", string(flows.HuaweiDSC), "body.nope"}, "has no field"},
		{[]string{"explain", string(flows.HuaweiDSC), "--output", "yaml"}, "--output"},
		{[]string{"explain", "--lang", "fr"}, "--lang"},
		{[]string{"explain", "a", "b", "c"}, "usage"},
		{[]string{"schema"}, "usage"},
		{[]string{"schema", "huawei/dsc/Nope"}, "unknown API"},
	} {
		_, errOut, code := runForTest(t, submitEnv(t), "", tc.args...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q", tc.args, code, errOut)
		}
	}
	_, errOut, _ := runForTest(t, submitEnv(t), "", "explain", "nope", "--lang", "zh")
	if !strings.Contains(errOut, "未知接口") {
		t.Errorf("zh: %q", errOut)
	}
}

func TestSchemaPrintsTheAPIsSchemaInEitherLanguage(t *testing.T) {
	for _, a := range catalog.Flows() {
		for _, l := range explainLangs {
			out, errOut, code := runForTest(t, submitEnv(t), "", "schema", string(a.ID), "--lang", l.lang)
			var s map[string]any
			if code != exitOK || json.Unmarshal([]byte(out), &s) != nil {
				t.Fatalf("%s %s: exit %d %s", a.ID, l.lang, code, errOut)
			}
			if s["$schema"] != flows.SchemaDialect || s["additionalProperties"] != false {
				t.Errorf("%s: root %v", a.ID, s)
			}
			body := s["properties"].(map[string]any)["body"].(map[string]any)
			if body["additionalProperties"] != false {
				t.Errorf("%s: body allows unknown keys", a.ID)
			}
			desc, _ := s["description"].(string)
			if (l.lang == "zh") != strings.Contains(desc, "文档") {
				t.Errorf("%s %s: description in the wrong language: %q", a.ID, l.lang, desc)
			}
		}
	}
}

package flows

import (
	"strings"
	"testing"
)

// ruleCase sets up answers, then sets path to value, and expects the problems at path:
// want "" accepts; otherwise the message must contain want (and be a warning if warn).
type ruleCase struct {
	name  string
	setup [][2]string
	path  string
	value string
	want  string
	warn  bool
}

func runRules(t *testing.T, id APIID, cases []ruleCase) {
	t.Helper()
	api := testAPIs.Find(id)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := api.NewAnswers()
			for _, kv := range tc.setup {
				api.Set(a, kv[0], kv[1])
			}
			api.Set(a, tc.path, tc.value)
			got := ProblemsAt(api.Validate(a), tc.path)
			if tc.want == "" {
				for _, p := range got {
					if !p.Warning {
						t.Fatalf("%s=%q rejected: %v", tc.path, tc.value, got)
					}
				}
				if tc.warn && len(got) == 0 {
					t.Fatalf("%s=%q: want a warning", tc.path, tc.value)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0].Msg.EN, tc.want) || got[0].Warning != tc.warn {
				t.Fatalf("%s=%q: want one %s containing %q, got %v", tc.path, tc.value, kind(tc.warn), tc.want, got)
			}
			if got[0].Msg.ZH == "" {
				t.Fatalf("message has no Chinese: %v", got[0])
			}
		})
	}
}

func kind(warn bool) string {
	if warn {
		return "warning"
	}
	return "error"
}

const p0 = "body.Products[0]."

func TestAlibabaRules(t *testing.T) {
	pc := func(code string) [][2]string { return [][2]string{{p0 + "ProductCode", code}} }
	runRules(t, AlibabaPAI, []ruleCase{
		{name: "DataWorks Month", setup: pc("DataWorks_share"), path: p0 + "PricingCycle", value: "Month"},
		{name: "DataWorks Hour", setup: pc("DataWorks_share"), path: p0 + "PricingCycle", value: "Hour", want: "DataWorks_share supports only Month"},
		{name: "OSS Hour", setup: pc("OSS_share"), path: p0 + "PricingCycle", value: "Hour"},
		{name: "OSS Month", setup: pc("OSS_share"), path: p0 + "PricingCycle", value: "Month", want: "OSS_share supports only Hour"},
		{name: "MaxCompute Hour", setup: pc("MaxCompute_share"), path: p0 + "PricingCycle", value: "Hour"},
		{name: "MaxCompute Month", setup: pc("MaxCompute_share"), path: p0 + "PricingCycle", value: "Month", want: "MaxCompute_share supports only Hour"},
		{name: "PAI Hour warns", setup: pc("PAI_share"), path: p0 + "PricingCycle", value: "Hour", want: "do not say", warn: true},
		{name: "PAI Month warns", setup: pc("PAI_share"), path: p0 + "PricingCycle", value: "Month", want: "do not say", warn: true},
		{name: "PAI Year", setup: pc("PAI_share"), path: p0 + "PricingCycle", value: "Year", want: "must be one of Hour / Month"},
		{name: "Duration 1", path: p0 + "Duration", value: "1"},
		{name: "Duration 2", path: p0 + "Duration", value: "2", want: "only 1 is supported"},
		{name: "Duration text", path: p0 + "Duration", value: "one", want: "must be a whole number"},
		{name: "ChargeType POSTPAY", path: p0 + "ChargeType", value: "POSTPAY"},
		{name: "ChargeType PREPAY", path: p0 + "ChargeType", value: "PREPAY", want: "only POSTPAY is supported"},
		{name: "OrderType BUY", path: p0 + "OrderType", value: "BUY"},
		{name: "OrderType RENEW", path: p0 + "OrderType", value: "RENEW", want: "only BUY is supported"},
		{name: "ProductCode OSS", path: p0 + "ProductCode", value: "OSS_share"},
		{name: "ProductCode unknown", path: p0 + "ProductCode", value: "ECS_share", want: "must be one of DataWorks_share, MaxCompute_share, PAI_share / OSS_share"},
		{name: "ProductCode empty", path: p0 + "ProductCode", value: "", want: "cloudorder requires this: an order without a product code buys nothing"},
		{name: "AutoPay false", path: "body.AutoPay", value: "false"},
		{name: "AutoPay yes", path: "body.AutoPay", value: "yes", want: "must be true or false"},
		{name: "AutoRenew TRUE", path: p0 + "AutoRenew", value: "TRUE", want: "must be true or false"},
		{name: "region listed", path: "region", value: "ap-southeast-1"},
		{name: "region unlisted but well-formed", path: "region", value: "cn-qingdao"},
		{name: "region malformed", path: "region", value: "Hangzhou", want: "is not a region id"},
		{name: "property region malformed", path: p0 + "InstanceProperties.region", value: "shanghai", want: "is not a region id"},
		{name: "OSS commodity", setup: pc("OSS_share"), path: p0 + "InstanceProperties.commodity_type", value: "oss"},
		{name: "OSS commodity other", setup: pc("OSS_share"), path: p0 + "InstanceProperties.commodity_type", value: "oss-ia", want: "must be one of oss"},
		{name: "OSS ord_time empty", setup: pc("OSS_share"), path: p0 + "InstanceProperties.ord_time", value: "", want: "cloudorder requires this: the docs' OSS_share and MaxCompute_share examples set it"},
		{name: "MaxCompute mainland spec empty", setup: pc("MaxCompute_share"), path: p0 + "InstanceProperties.odps_specification_type", value: "", want: "cloudorder requires this:"},
	})
}

func TestDSCRules(t *testing.T) {
	i0 := "body.product_infos[0]."
	db := [][2]string{{i0 + "resource_type", dscDB}}
	runRules(t, HuaweiDSC, []ruleCase{
		{name: "charging 0", path: "body.charging_mode", value: "0"},
		{name: "charging 1 warns", path: "body.charging_mode", value: "1", want: "sold yearly/monthly", warn: true},
		{name: "charging 2 warns", path: "body.charging_mode", value: "2", want: "sold yearly/monthly", warn: true},
		{name: "charging 3", path: "body.charging_mode", value: "3", want: "must be one of 0, 1 / 2"},
		{name: "period month", path: "body.period_type", value: "2"},
		{name: "period year", path: "body.period_type", value: "3"},
		{name: "period day", path: "body.period_type", value: "1", want: "must be one of 2 / 3"},
		{name: "period_num 1", path: "body.period_num", value: "1"},
		{name: "period_num 36", path: "body.period_num", value: "36"},
		{name: "period_num 0", path: "body.period_num", value: "0", want: "must be at least 1"},
		{name: "period_num huge", path: "body.period_num", value: "4294967296", want: "must be at most 2147483647"},
		{name: "auto renew 1", path: "body.is_auto_renew", value: "1"},
		{name: "auto renew 2", path: "body.is_auto_renew", value: "2", want: "must be one of 0 / 1"},
		{name: "service type", path: "body.cloud_service_type", value: "hws.service.type.ebs", want: "DSC orders use hws.service.type.sdg"},
		{name: "item service type", path: i0 + "cloud_service_type", value: "hws.service.type.ebs", want: "DSC orders use hws.service.type.sdg"},
		{name: "resource type db", path: i0 + "resource_type", value: dscDB},
		{name: "resource type other", path: i0 + "resource_type", value: "hws.resource.type.dsc.api", want: "must be one of"},
		{name: "base spec", path: i0 + "resource_spec_code", value: "base_standard"},
		{name: "base with DB spec", path: i0 + "resource_spec_code", value: "DB_standard", want: "must be one of base_standard / base_professional"},
		{name: "db spec", setup: db, path: i0 + "resource_spec_code", value: "DB_professional"},
		{name: "db with OBS spec", setup: db, path: i0 + "resource_spec_code", value: "OBS_professional", want: "must be one of DB_standard / DB_professional"},
		{name: "db measure 30", setup: db, path: i0 + "resource_size_measure_id", value: "30"},
		{name: "db measure 17 warns", setup: db, path: i0 + "resource_size_measure_id", value: "17", want: "measured with 30", warn: true},
		{name: "base measure 14", path: i0 + "resource_size_measure_id", value: "14"},
		{name: "size 0", path: i0 + "resource_size", value: "0", want: "must be at least 1"},
		{name: "size decimal", path: i0 + "resource_size", value: "1.5", want: "must be a whole number"},
		{name: "region_id mismatch", path: "body.region_id", value: "cn-east-3", want: "must be the region of the project, cn-north-4"},
		{name: "region unknown", path: "region", value: "cn-north-7", want: "must be one of"},
		{name: "region DSC", path: "region", value: "eu-west-101"},
		{name: "project id", path: "project_id", value: "0a1b2c3d4e5f60718293a4b5c6d7e8f9"},
		{name: "project id short", path: "project_id", value: "0a1b2c", want: "32 lower-case hex"},
		{name: "product id", path: i0 + "product_id", value: "OFFI740586375358963717"},
		{name: "product id spaces", path: i0 + "product_id", value: "OFFI 7405", want: "letters, digits"},
		{name: "usage value", path: i0 + "usage_value", value: "1.5"},
		{name: "usage value text", path: i0 + "usage_value", value: "lots", want: "must be a number"},
		{name: "zone", path: "body.zone", value: "CH"},
		{name: "zone empty", path: "body.zone", value: "", want: "required"},
	})
}

func TestWorkspaceAppRules(t *testing.T) {
	r := "body.resources[0]."
	cs := r + "create_services."
	runRules(t, HuaweiWorkspaceApp, []ruleCase{
		{name: "type", path: "body.type", value: "createApps"},
		{name: "type other", path: "body.type", value: "deleteApps", want: "only createApps is supported"},
		{name: "period month", path: r + "period_type", value: "2"},
		{name: "period year", path: r + "period_type", value: "3"},
		{name: "period hourly warns", path: r + "period_type", value: "4", want: "bandwidth add-on", warn: true},
		{name: "period absolute warns", path: r + "period_type", value: "5", want: "attaching resources", warn: true},
		{name: "period one-off warns", path: r + "period_type", value: "6", want: "one-off charging", warn: true},
		{name: "period 7", path: r + "period_type", value: "7", want: "must be one of 2, 3, 4, 5 / 6"},
		{name: "period_num 0", path: r + "period_num", value: "0", want: "must be at least 1"},
		{name: "period_num needed", path: r + "period_num", value: "", want: "needed with a monthly or yearly"},
		{name: "subscription 0", path: r + "subscription_num", value: "0", want: "must be at least 1"},
		{name: "root SSD", path: cs + "root_volume.type", value: "SSD"},
		{name: "root ESSD", path: cs + "root_volume.type", value: "ESSD"},
		{name: "root NVME", path: cs + "root_volume.type", value: "NVME", want: "must be one of ESSD, SSD, GPSSD, SAS / SATA"},
		{name: "root 10", path: cs + "root_volume.size", value: "10"},
		{name: "root 1024", path: cs + "root_volume.size", value: "1024", want: "multiple of 10"},
		{name: "root 1020", path: cs + "root_volume.size", value: "1020"},
		{name: "root 1030", path: cs + "root_volume.size", value: "1030", want: "between 10 and 1024"},
		{name: "root 0", path: cs + "root_volume.size", value: "0", want: "between 10 and 1024"},
		{name: "root 15", path: cs + "root_volume.size", value: "15", want: "multiple of 10"},
		{name: "os Windows", path: cs + "os_type", value: "Windows"},
		{name: "os Linux warns", path: cs + "os_type", value: "Linux", want: "only Windows", warn: true},
		{name: "os Mac", path: cs + "os_type", value: "macOS", want: "must be one of Windows / Linux"},
		{name: "agent true", path: cs + "update_access_agent", value: "true"},
		{name: "agent string", path: cs + "update_access_agent", value: "yes", want: "must be true or false"},
		{name: "console url", path: r + "cloud_service_console_url", value: "https://console.huaweicloud.com/"},
		{name: "console url bad", path: r + "cloud_service_console_url", value: "console", want: "http(s) URL"},
		{name: "server group required", path: cs + "server_group_id", value: "", want: "required"},
		{name: "region WSA", path: "region", value: "ap-southeast-3"},
		{name: "region not WSA", path: "region", value: "eu-west-101", want: "must be one of"},
	})
}

// A data disk may be up to 32768 GB; the system disk only 1024.
func TestDataDiskSize(t *testing.T) {
	api := testAPIs.Find(HuaweiWorkspaceApp)
	a := api.NewAnswers()
	dv := "body.resources[0].create_services.data_volumes"
	api.AddItem(a, dv)
	for v, ok := range map[string]bool{"10": true, "32760": true, "32770": false, "5": false} {
		api.Set(a, dv+"[0].size", v)
		if got := len(ProblemsAt(api.Validate(a), dv+"[0].size")) == 0; got != ok {
			t.Errorf("data disk size %s accepted=%v, want %v", v, got, ok)
		}
	}
	for range 12 {
		api.AddItem(a, dv)
	}
	if n := a.Count(dv); n != 10 {
		t.Fatalf("AddItem must stop at 10 data disks, have %d", n)
	}
}

// Rules over counts and items that the wizard cannot produce but a file can.
func TestLoadedOrderRules(t *testing.T) {
	cases := []struct {
		file, edit, path, want string
	}{
		{"huawei-workspaceapp.json", `"resources": [` + wsaResource + `, ` + wsaResource + `]`, "body.resources", "allows at most 1 item(s), has 2"},
		{"huawei-workspaceapp.json", `"resources": []`, "body.resources", "needs at least 1 item(s), has 0"},
		{"huawei-dsc.json", `"product_infos": [` + dscBaseItem + `, ` + dscBaseItem + `]`, "body.product_infos[1].resource_type", "one DSC edition"},
		{"alibaba-pai-and-oss.json", `"Products": [{"ProductCode": "PAI_share", "InstanceProperties": [{"Code": "region", "Value": "cn-beijing"}]}]`, "body.Products[0].InstanceProperties", "applies only to DataWorks_share"},
		{"alibaba-oss.json", `"Products": [{"ProductCode": "OSS_share", "InstanceProperties": [{"Code": "region", "Value": "cn-beijing"}]}]`, "body.Products[0].InstanceProperties.region", "applies only to DataWorks_share and MaxCompute_share"},
		{"alibaba-oss.json", `"Products": [{"ProductCode": "OSS_share", "InstanceProperties": [{"Code": "colour", "Value": "x"}]}]`, "body.Products[0].InstanceProperties[0].Code", `unknown property "colour"`},
		{"alibaba-oss.json", `"Products": [{"ProductCode": "OSS_share", "Duration": "1"}]`, "body.Products[0].Duration", `must be a JSON integer, not the string "1"`},
		{"alibaba-oss.json", `"Products": [{"ProductCode": "OSS_share", "Duration": 1.5}]`, "body.Products[0].Duration", `must be a JSON integer, not 1.5`},
		{"alibaba-oss.json", `"Products": [{"ProductCode": "OSS_share", "AutoRenew": null}]`, "body.Products[0].AutoRenew", "must not be null"},
		{"alibaba-oss.json", `"Products": {"ProductCode": "OSS_share"}`, "body.Products", "must be a JSON array"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			data := []byte(loadEdited(t, tc.file, tc.edit))
			_, _, ps, err := testAPIs.Load(data)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range ps {
				if strings.HasPrefix(p.Path, tc.path) && strings.Contains(p.Msg.EN, tc.want) && !p.Warning {
					found = true
				}
			}
			if !found {
				t.Fatalf("want an error at %s containing %q, got %v", tc.path, tc.want, ps)
			}
		})
	}
}

const wsaResource = `{"create_services": {"product_id": "p1", "root_volume": {"type": "SSD", "size": 80}, "server_group_id": "g", "subnet_id": "s", "vpc_id": "v"}, "period_type": 2, "period_num": 1, "subscription_num": 1}`
const dscBaseItem = `{"cloud_service_type": "hws.service.type.sdg", "product_id": "OFFI1", "resource_size": 1, "resource_size_measure_id": 14, "resource_spec_code": "base_standard", "resource_type": "hws.resource.type.dsc.base"}`

// loadEdited returns a shipped order with its body's array replaced by edit ("key": value).
func loadEdited(t *testing.T, file, edit string) string {
	t.Helper()
	o := readOrder(t, "../testdata/orders/"+file)
	key := edit[:strings.Index(edit, ":")]
	project := ""
	if o.ProjectID != "" {
		project = `"project_id": "` + o.ProjectID + `", `
	}
	extra := map[APIID]string{
		HuaweiWorkspaceApp: `"type": "createApps"`,
		HuaweiDSC:          `"charging_mode": 0, "cloud_service_type": "hws.service.type.sdg", "period_num": 1, "period_type": 2, "region_id": "cn-north-4", "zone": "CH"`,
		AlibabaPAI:         `"AutoPay": true`,
	}[o.API]
	_ = key
	return `{"api": "` + string(o.API) + `", "region": "` + o.Region + `", ` + project + `"body": {` + extra + `, ` + edit + `}}`
}

func TestOrderFileStrictness(t *testing.T) {
	cases := []struct {
		in, path, want string
	}{
		{`{"api": "alibaba/pai/CreateProductOrders", "region": "cn-hangzhou", "body": {}, "dry": true}`, "dry", `unknown key "dry"`},
		{`{"api": "aws/ec2/RunInstances", "region": "us-east-1", "body": {}}`, "api", `unknown API "aws/ec2/RunInstances"`},
		{`{"api": "alibaba/pai/CreateProductOrders", "region": "cn-hangzhou", "body": {"AutoPay": true, "Prodcts": []}}`, "body.Prodcts", `unknown field "Prodcts"`},
		{`{"api": "huawei/dsc/CreateProductOrder", "region": "cn-north-4", "body": {}}`, "project_id", "required"},
	}
	for _, tc := range cases {
		_, _, ps, err := testAPIs.Load([]byte(tc.in))
		if err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		got := ProblemsAt(ps, tc.path)
		if len(got) == 0 || !strings.Contains(got[0].Msg.EN, tc.want) {
			t.Errorf("%s: want %q at %s, got %v", tc.in, tc.want, tc.path, ps)
		}
	}
}

func TestMalformedJSONNamesLineAndColumn(t *testing.T) {
	cases := []struct {
		in        string
		line, col int
	}{
		{"{\n  \"api\": \"x\",\n  \"region\" \"cn\"\n}", 3, 12},
		{"{\"api\": \"x\"", 1, 12},
		{"[1, 2]", 1, 1},
		{"{} {}", 1, 4},
		{"", 1, 1},
		{"{\n\"a\": \"中文\" x}", 2, 11},
	}
	for _, tc := range cases {
		_, _, _, err := testAPIs.Load([]byte(tc.in))
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Errorf("%q: want a SyntaxError, got %v", tc.in, err)
			continue
		}
		if se.Line != tc.line || se.Col != tc.col {
			t.Errorf("%q: at %d:%d, want %d:%d (%s)", tc.in, se.Line, se.Col, tc.line, tc.col, se.Msg)
		}
	}
}

// A typed (or pasted) value with a control or direction character is refused as it is typed.
func TestCheckValueRefusesTerminalControls(t *testing.T) {
	api := testAPIs.Find(HuaweiDSC)
	f := api.FieldAt("body.product_infos[0].product_id")
	if f == nil {
		t.Fatal("no product_id field")
	}
	for _, v := range []string{"OFFI\u202e1", "OFFI\x1b[2J", "OFFI\u00851"} {
		ps := CheckValue(f, Ctx{A: api.NewAnswers(), Path: "body.product_infos[0].product_id"}, v)
		if len(ps) != 1 || !strings.Contains(ps[0].Msg.EN, "control or text-direction character") || ps[0].Msg.ZH == "" {
			t.Errorf("%q: %v", v, ps)
		}
	}
}

// Type errors read whole in Chinese: the JSON type and the offending string in Chinese words.
func TestTypeErrorsInChinese(t *testing.T) {
	_, _, problems, err := testAPIs.Load([]byte(`{"api":"alibaba/pai/CreateProductOrders","region":"cn-hangzhou","body":{"AutoPay":"true","Products":{}}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"body.AutoPay":  `必须是 JSON 布尔值(true 或 false),而不是字符串 "true"`,
		"body.Products": "必须是 JSON 数组,而不是对象",
	}
	for _, p := range problems {
		if w, ok := want[p.Path]; ok {
			if p.Msg.ZH != w {
				t.Errorf("%s: %q, want %q", p.Path, p.Msg.ZH, w)
			}
			delete(want, p.Path)
		}
	}
	if len(want) != 0 {
		t.Errorf("no problem at %v: %+v", want, problems)
	}
}

// A DSC item added after the edition defaults to an expansion package, so the order stays
// valid (an order buys one edition); the first item is the edition.
func TestDSCAddedItemDefaultsToAnExpansionPackage(t *testing.T) {
	api := testAPIs.Find(HuaweiDSC)
	a := api.NewAnswers()
	api.Set(a, "project_id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
	api.Set(a, "body.product_infos[0].product_id", "OFFI000000000000000001")
	api.AddItem(a, "body.product_infos")
	if got := a.Get("body.product_infos[0].resource_type"); got != "hws.resource.type.dsc.base" {
		t.Fatalf("first item %q", got)
	}
	if got := a.Get("body.product_infos[1].resource_type"); got != "hws.resource.type.dsc.db" {
		t.Fatalf("added item %q, want the database expansion package", got)
	}
	for _, p := range api.Validate(a) {
		if strings.Contains(p.Msg.EN, "one DSC edition") {
			t.Fatalf("the added item makes the order invalid: %v", p)
		}
	}
}

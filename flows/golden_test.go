package flows

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// docExamples are the seed pages' own request examples, entered as a person would answer the
// wizard (docs' placeholders replaced by realistic values). Each must build the order file in
// testdata/orders exactly.
var docExamples = []struct {
	file    string
	api     APIID
	items   map[string]int // array path → items to add beyond the minimum
	answers [][2]string    // in the order a person would answer
}{
	{
		file: "alibaba-dataworks.json", api: AlibabaPAI,
		answers: [][2]string{
			{"region", "cn-shanghai"}, {"body.AutoPay", "true"},
			{"body.Products[0].ProductCode", "DataWorks_share"}, {"body.Products[0].AutoRenew", "true"},
			{"body.Products[0].ChargeType", "POSTPAY"}, {"body.Products[0].OrderType", "BUY"},
			{"body.Products[0].PricingCycle", "Month"}, {"body.Products[0].Duration", "1"},
			{"body.Products[0].InstanceProperties.region", "cn-shanghai"},
		},
	},
	{
		file: "alibaba-oss.json", api: AlibabaPAI,
		answers: [][2]string{{"body.Products[0].ProductCode", "OSS_share"}},
	},
	{
		file: "alibaba-maxcompute-mainland.json", api: AlibabaPAI,
		answers: [][2]string{{"body.Products[0].ProductCode", "MaxCompute_share"}},
	},
	{
		file: "alibaba-maxcompute-international.json", api: AlibabaPAI,
		answers: [][2]string{{"body.Products[0].ProductCode", "MaxCompute_share"}, {"body.Products[0].site", "international"}},
	},
	{
		file: "alibaba-pai-and-oss.json", api: AlibabaPAI, items: map[string]int{"body.Products": 1},
		answers: [][2]string{
			{"region", "cn-beijing"},
			{"body.Products[0].ProductCode", "PAI_share"}, {"body.Products[1].ProductCode", "OSS_share"},
		},
	},
	{
		file: "huawei-dsc.json", api: HuaweiDSC,
		answers: [][2]string{
			{"region", "cn-north-4"}, {"project_id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"},
			{"body.charging_mode", "0"}, {"body.is_auto_renew", "0"}, {"body.period_num", "1"}, {"body.period_type", "2"},
			{"body.zone", "CH"},
			{"body.product_infos[0].product_id", "OFFI740586375358963717"},
			{"body.product_infos[0].resource_size", "30"}, {"body.product_infos[0].resource_size_measure_id", "30"},
			{"body.product_infos[0].resource_spec_code", "base_professional"},
		},
	},
	{
		file: "huawei-workspaceapp.json", api: HuaweiWorkspaceApp,
		items: map[string]int{"body.resources[0].add_volumes.volumes": 1, "body.resources[0].create_services.data_volumes": 1},
		answers: [][2]string{
			{"project_id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"},
			{"body.resources[0].add_volumes.service_id", "5b8e1f6c-3f0e-4c0a-9d52-2f6b1c7e9a10"},
			{"body.resources[0].add_volumes.volumes[0].size", "10"},
			{"body.resources[0].add_volumes.volumes[0].cluster_id", "c950ee97-587c-4f24-8a74-3367e3da570f"},
			{"body.resources[0].cloud_service_console_url", "https://console.huaweicloud.com/appstream/?region=cn-north-4"},
			{"body.resources[0].create_services.availability_zone", "cn-north-4a"},
			{"body.resources[0].create_services.data_volumes[0].size", "10"},
			{"body.resources[0].create_services.data_volumes[0].cluster_id", "c950ee97-587c-4f24-8a74-3367e3da570f"},
			{"body.resources[0].create_services.ou_name", "apps"},
			{"body.resources[0].create_services.product_id", "workspacehost.s.large2.p01"},
			{"body.resources[0].create_services.flavor_id", "c3.large.4"},
			{"body.resources[0].create_services.root_volume.size", "10"},
			{"body.resources[0].create_services.root_volume.cluster_id", "c950ee97-587c-4f24-8a74-3367e3da570f"},
			{"body.resources[0].create_services.server_group_id", "1"},
			{"body.resources[0].create_services.service_type", "DEDICATED"},
			{"body.resources[0].create_services.subnet_id", "197c1aa4-2611-48bd-a3af-ac4ce2c17c4c"},
			{"body.resources[0].create_services.vpc_id", "3a7c2d10-98b5-4e0f-a1c4-6e2b9f8d7c55"},
			{"body.resources[0].create_services.update_access_agent", "true"},
			{"body.resources[0].is_auto_renew", "1"}, {"body.resources[0].period_num", "3"},
			{"body.resources[0].period_type", "3"}, {"body.resources[0].subscription_num", "3"},
		},
	},
}

func TestDocExamplesBuildFromAnswers(t *testing.T) {
	for _, ex := range docExamples {
		t.Run(ex.file, func(t *testing.T) {
			api := testAPIs.Find(ex.api)
			a := api.NewAnswers()
			for path, n := range ex.items {
				for range n {
					api.AddItem(a, path)
				}
			}
			for _, kv := range ex.answers {
				api.Set(a, kv[0], kv[1])
			}
			if ps := api.Validate(a); Blocking(ps) {
				t.Fatalf("answers invalid: %v", ps)
			}
			got := api.Build(a)
			want := readOrder(t, filepath.Join("..", "testdata", "orders", ex.file))
			assertSameJSON(t, got, want)
			golden(t, "build-"+ex.file, []byte(got.BodyJSON()+"\n"))
		})
	}
}

// Every shipped order loads without blocking problems and rebuilds to the same body.
func TestOrderFilesRoundTrip(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "orders", "*.json"))
	if len(files) < 7 {
		t.Fatalf("expected the doc example orders, found %d", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, _ := os.ReadFile(f)
			api, a, ps, err := testAPIs.Load(data)
			if err != nil || api == nil {
				t.Fatalf("load: %v %v", err, ps)
			}
			if Blocking(ps) {
				t.Fatalf("valid order reported invalid: %v", ps)
			}
			got := api.Build(a)
			assertSameJSON(t, got, readOrder(t, f))
			// Saving and loading again changes nothing.
			file, err := got.MarshalFile()
			if err != nil {
				t.Fatal(err)
			}
			api2, a2, _, err := testAPIs.Load(file)
			if err != nil {
				t.Fatal(err)
			}
			if again := api2.Build(a2); !bytes.Equal(again.Body, got.Body) {
				t.Fatalf("second round trip differs:\n%s\n%s", again.Body, got.Body)
			}
		})
	}
}

// The Workspace App doc example sends update_access_agent as the string "true" (and fills the
// reserved nics/security_groups with "string"): the string is an error, the rest warnings.
func TestDocExampleStringTrueIsFlagged(t *testing.T) {
	data, _ := os.ReadFile(filepath.Join("..", "testdata", "invalid", "workspaceapp-doc-example.json"))
	_, a, ps, err := testAPIs.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	path := "body.resources[0].create_services.update_access_agent"
	got := ProblemsAt(ps, path)
	if len(got) != 1 || got[0].Warning || got[0].Msg.EN != `must be a JSON boolean (true or false), not the string "true"` {
		t.Fatalf("problems at %s = %v", path, got)
	}
	if a.Get(path) != "true" {
		t.Fatalf("the typed value must be kept for the wizard, got %q", a.Get(path))
	}
	var warnings int
	for _, p := range ps {
		if p.Warning {
			warnings++
		}
	}
	if warnings != 2 {
		t.Fatalf("want the two reserved-field warnings, got %v", ps)
	}
}

func readOrder(t *testing.T, path string) Order {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var o Order
	if err := json.Unmarshal(data, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

func assertSameJSON(t *testing.T, got, want Order) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got.Body, &g); err != nil {
		t.Fatalf("built body is not JSON: %v\n%s", err, got.Body)
	}
	_ = json.Unmarshal(want.Body, &w)
	if !reflect.DeepEqual(g, w) || got.API != want.API || got.Region != want.Region || got.ProjectID != want.ProjectID {
		t.Fatalf("built order differs from the doc example\n got: %s %s %s %s\nwant: %s %s %s %s",
			got.API, got.Region, got.ProjectID, got.BodyJSON(), want.API, want.Region, want.ProjectID, want.BodyJSON())
	}
}

// golden compares data with testdata/golden/name; -update rewrites it.
func golden(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		_ = os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test ./flows -update): %v", err)
	}
	if !bytes.Equal(want, data) {
		t.Fatalf("%s changed:\n got: %s\nwant: %s", path, data, want)
	}
}

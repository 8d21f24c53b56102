package flows

import (
	"strings"
	"testing"

	"cloudorder/i18n"
)

// A dependent choice follows its parent: the PricingCycle the docs allow for each product.
func TestDependentFieldFollowsParent(t *testing.T) {
	api := testAPIs.Find(AlibabaPAI)
	a := api.NewAnswers()
	cycle := p0 + "PricingCycle"
	steps := []struct{ code, want string }{
		{"DataWorks_share", "Month"}, {"OSS_share", "Hour"}, {"DataWorks_share", "Month"}, {"MaxCompute_share", "Hour"}, {"PAI_share", "Hour"},
	}
	for _, s := range steps {
		api.Set(a, p0+"ProductCode", s.code)
		if got := a.Get(cycle); got != s.want {
			t.Fatalf("after ProductCode=%s PricingCycle=%q, want %q", s.code, got, s.want)
		}
	}
}

// A derived default follows its parent until the person sets it; then it is theirs.
func TestDerivedDefaultStopsFollowingOnceSet(t *testing.T) {
	api := testAPIs.Find(AlibabaPAI)
	a := api.NewAnswers()
	prop := p0 + "InstanceProperties.region"
	api.Set(a, "region", "cn-beijing")
	if got := a.Get(prop); got != "cn-beijing" {
		t.Fatalf("product region=%q, want it to follow the order's region", got)
	}
	api.Set(a, prop, "cn-shanghai")
	api.Set(a, "region", "cn-shenzhen")
	if got := a.Get(prop); got != "cn-shanghai" {
		t.Fatalf("product region=%q: a value the person set must be kept", got)
	}
	// DSC's region_id may only be the project's region, so it always follows.
	dsc := testAPIs.Find(HuaweiDSC)
	d := dsc.NewAnswers()
	dsc.Set(d, "region", "cn-east-3")
	if got := d.Get("body.region_id"); got != "cn-east-3" {
		t.Fatalf("region_id=%q, want cn-east-3", got)
	}
}

// Fields that start to apply get their defaults; answers of fields that stop applying are kept
// (and not sent), so switching back restores them.
func TestAnswersSurviveSwitchingProducts(t *testing.T) {
	api := testAPIs.Find(AlibabaPAI)
	a := api.NewAnswers()
	api.Set(a, p0+"ProductCode", "MaxCompute_share")
	api.Set(a, p0+"InstanceProperties.region", "cn-beijing")
	api.Set(a, p0+"ProductCode", "PAI_share")
	if body := string(api.Build(a).Body); strings.Contains(body, "InstanceProperties") {
		t.Fatalf("PAI_share takes no properties: %s", body)
	}
	api.Set(a, p0+"ProductCode", "MaxCompute_share")
	if got := a.Get(p0 + "InstanceProperties.region"); got != "cn-beijing" {
		t.Fatalf("typed property lost: %q", got)
	}
	api.Set(a, p0+"site", "international")
	if body := string(api.Build(a).Body); strings.Contains(body, "odps_specification_type") {
		t.Fatalf("outside mainland China MaxCompute has no odps_specification_type: %s", body)
	}
}

func TestAddRemoveItemsKeepOtherAnswers(t *testing.T) {
	api := testAPIs.Find(AlibabaPAI)
	a := api.NewAnswers()
	api.AddItem(a, "body.Products")
	api.AddItem(a, "body.Products")
	api.Set(a, "body.Products[0].ProductCode", "OSS_share")
	api.Set(a, "body.Products[1].ProductCode", "PAI_share")
	api.Set(a, "body.Products[2].ProductCode", "MaxCompute_share")
	api.Set(a, "body.Products[2].site", "international")
	api.RemoveItem(a, "body.Products", 1)
	if n := a.Count("body.Products"); n != 2 {
		t.Fatalf("count %d", n)
	}
	if a.Get("body.Products[1].ProductCode") != "MaxCompute_share" || a.Get("body.Products[1].site") != "international" {
		t.Fatalf("later item not moved down: %v", a.Values())
	}
	if a.Has("body.Products[2].ProductCode") {
		t.Fatal("stale item answers left behind")
	}
	api.RemoveItem(a, "body.Products", 0)
	api.RemoveItem(a, "body.Products", 0)
	if n := a.Count("body.Products"); n != 1 {
		t.Fatalf("the minimum of one product must be restored, have %d", n)
	}
}

func TestStepsSkipWhatTheAPIDoesNotUse(t *testing.T) {
	want := map[APIID]string{
		AlibabaPAI:         "api region products billing properties",
		HuaweiDSC:          "api region products billing properties",
		HuaweiWorkspaceApp: "api region products billing properties volumes",
	}
	for id, w := range want {
		var got []string
		for _, s := range testAPIs.Find(id).Steps() {
			got = append(got, string(s))
		}
		if strings.Join(got, " ") != w {
			t.Errorf("%s steps %v, want %s", id, got, w)
		}
	}
}

func TestSlotsOfAStep(t *testing.T) {
	api := testAPIs.Find(AlibabaPAI)
	a := api.NewAnswers()
	api.AddItem(a, "body.Products")
	api.Set(a, "body.Products[1].ProductCode", "OSS_share")
	var got []string
	for _, s := range api.Slots(a, StepProperties) {
		got = append(got, s.Path)
	}
	want := []string{
		"body.Products[0]", "body.Products[0].InstanceProperties", "body.Products[0].InstanceProperties.region",
		"body.Products[1]", "body.Products[1].InstanceProperties", "body.Products[1].InstanceProperties.commodity_type", "body.Products[1].InstanceProperties.ord_time",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("slots:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	title := ItemTitle(a, api.Slots(a, StepProperties)[3])
	if title.EN != "Products #2 · OSS_share" || title.ZH != "产品 #2 · OSS_share" {
		t.Fatalf("item title %v", title)
	}
}

// Every label, help text and option label a person can see exists in English and Chinese.
func TestEveryStringIsBilingual(t *testing.T) {
	var check func(api APIID, fields []*Field, parent string)
	check = func(api APIID, fields []*Field, parent string) {
		for _, f := range fields {
			path := join(parent, f.Name)
			if path != "body" && (f.Label.EN == "" || f.Label.ZH == "" || f.Help.EN == "" || f.Help.ZH == "") {
				t.Errorf("%s %s: label/help missing a language: %+v %+v", api, path, f.Label, f.Help)
			}
			for _, o := range f.Options {
				if o.Label.EN == "" || o.Label.ZH == "" {
					t.Errorf("%s %s option %s: label missing a language", api, path, o.Value)
				}
			}
			check(api, f.Fields, path)
		}
	}
	for _, api := range testAPIs {
		if api.Title.EN == "" || api.Title.ZH == "" || api.Help.EN == "" || api.Help.ZH == "" {
			t.Errorf("%s: title/help missing a language", api.ID)
		}
		check(api.ID, api.Fields, "")
	}
	for s, title := range StepTitle {
		if title.EN == "" || title.ZH == "" {
			t.Errorf("step %s title missing a language", s)
		}
	}
}

// Every field declared as required, present in a fresh order, is either defaulted or reported.
func TestNewOrderReportsOnlyWhatHasNoDocumentedDefault(t *testing.T) {
	want := map[APIID][]string{
		AlibabaPAI: nil,
		HuaweiDSC:  {"project_id", "body.product_infos[0].product_id"},
		HuaweiWorkspaceApp: {"project_id", "body.resources[0].create_services.product_id", "body.resources[0].create_services.server_group_id",
			"body.resources[0].create_services.subnet_id", "body.resources[0].create_services.vpc_id"},
	}
	for id, paths := range want {
		api := testAPIs.Find(id)
		var got []string
		for _, p := range api.Validate(api.NewAnswers()) {
			if !p.Warning {
				got = append(got, p.Path)
			}
		}
		if strings.Join(got, " ") != strings.Join(paths, " ") {
			t.Errorf("%s: fresh order problems %v, want %v", id, got, paths)
		}
	}
}

// Adding and removing items keeps to a group's bounds and says the rule where it refuses;
// removing from an empty group is nothing to refuse.
func TestItemBoundsSayTheRule(t *testing.T) {
	api := testAPIs.Find(HuaweiWorkspaceApp)
	a := api.NewAnswers()
	one := "body.resources" // MinItems 1, MaxItems 1
	if p := api.AddItem(a, one); p == nil || p.Path != one || !strings.Contains(p.Msg.EN, "at most 1") || p.Msg.ZH == "" || a.Count(one) != 1 {
		t.Errorf("add past the maximum: %+v, %d items", p, a.Count(one))
	}
	if p := api.RemoveItem(a, one, 0); p == nil || !strings.Contains(p.Msg.EN, "at least 1") || a.Count(one) != 1 {
		t.Errorf("remove below the minimum: %+v, %d items", p, a.Count(one))
	}
	vols := "body.resources[0].add_volumes.volumes" // MinItems 0, MaxItems 10
	if p := api.RemoveItem(a, vols, a.Count(vols)-1); p != nil && a.Count(vols) == 0 {
		t.Errorf("remove from an empty group: %+v", p)
	}
	for a.Count(vols) < 10 {
		if p := api.AddItem(a, vols); p != nil {
			t.Fatalf("add item %d: %+v", a.Count(vols)+1, p)
		}
	}
	if p := api.AddItem(a, vols); p == nil || !strings.Contains(p.Msg.EN, "at most 10") {
		t.Errorf("add the eleventh disk: %+v", p)
	}
	for a.Count(vols) > 0 {
		if p := api.RemoveItem(a, vols, 0); p != nil {
			t.Fatalf("remove down to none: %+v", p)
		}
	}
	if p := api.RemoveItem(a, vols, -1); p != nil {
		t.Errorf("x on an empty group: %+v", p)
	}
}

// Each API names the region in its console's words, in every front end: Alibaba 地域, Huawei 区域.
func TestRegionInTheConsolesWords(t *testing.T) {
	for id, zh := range map[APIID]string{AlibabaPAI: "地域", HuaweiDSC: "区域", HuaweiWorkspaceApp: "区域"} {
		api := testAPIs.Find(id)
		if got := api.StepTitle(StepRegion); got.ZH != zh+"与账号" || got.EN != "Region & account" {
			t.Errorf("%s: region step %+v", id, got)
		}
		if got := api.RegionWord(); got.ZH != zh || got.EN != "region" {
			t.Errorf("%s: region word %+v", id, got)
		}
		if api.StepTitle(StepBilling) != StepTitle[StepBilling] {
			t.Errorf("%s: billing step renamed", id)
		}
	}
}

// What a field offers: its documented values, yes/no for a Boolean documenting none, then a
// look-up's values that are new.
func TestOfferedAt(t *testing.T) {
	b := &Field{Name: "b", Kind: Boolean}
	if got := b.OfferedAt(Ctx{}, nil); len(got) != 2 || got[0].Value != "true" || got[1].Label.ZH != "否" {
		t.Errorf("boolean: %+v", got)
	}
	s := &Field{Name: "s", Kind: String, Options: []Option{{Value: "a"}}}
	got := s.OfferedAt(Ctx{}, []Option{{Value: "a", Label: i18n.T("dup", "重复")}, {Value: "b"}})
	if len(got) != 2 || got[0].Label.EN != "" || got[1].Value != "b" {
		t.Errorf("documented then found: %+v", got)
	}
	if len(s.Options) != 1 {
		t.Error("OfferedAt changed the field's own options")
	}
}

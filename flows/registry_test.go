package flows

import "testing"

// testAPIs are the APIs the tests here load order files of and check the declarations of, in
// a fixed order (flows keeps no list: package catalog holds cloudorder's). An API declared in
// flows joins this list so that its declaration is checked too.
var testAPIs = Registry{PAI, DSC, WorkspaceApp}

func TestRegistryFindsByIDAndListsCloudsOnce(t *testing.T) {
	if testAPIs.Find(HuaweiDSC) != DSC || testAPIs.Find(AlibabaPAI) != PAI || testAPIs.Find("x") != nil || Registry(nil).Find(HuaweiDSC) != nil {
		t.Fatal("Find: an API by its id, nil for an id not listed")
	}
	if got := testAPIs.Clouds(); len(got) != 2 || got[0] != "alibaba" || got[1] != "huawei" {
		t.Fatalf("Clouds = %v, want [alibaba huawei]", got)
	}
	if got := (Registry{WorkspaceApp, PAI, DSC}).Clouds(); got[0] != "huawei" || got[1] != "alibaba" {
		t.Fatalf("Clouds = %v: in the list's order", got)
	}
	_, _, ps, err := (Registry{PAI}).Load([]byte(`{"api":"huawei/dsc/CreateProductOrder","region":"cn-north-4","body":{}}`))
	if err != nil || len(ps) != 1 || ps[0].Path != "api" || ps[0].Msg.EN != `unknown API "huawei/dsc/CreateProductOrder": use one of alibaba/pai/CreateProductOrders` {
		t.Fatalf("a registry loads only its own APIs: %v %v", ps, err)
	}
}

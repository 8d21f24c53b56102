package lookups

import (
	"testing"

	"cloudorder/flows"
	"cloudorder/providers"
)

func TestLookupsFollowTheirInputs(t *testing.T) {
	api := flows.WorkspaceApp
	a := api.NewAnswers()
	byName := func() map[string]Field {
		out := map[string]Field{}
		for _, l := range Of(api, a) {
			out[l.Query.Name] = l
		}
		return out
	}
	l := byName()
	for _, name := range []string{"huawei/projects", "workspaceapp/server-groups", "vpc/vpcs", "vpc/subnets", "workspaceapp/products"} {
		if _, ok := l[name]; !ok {
			t.Fatalf("no %s look-up in %v", name, l)
		}
	}
	if !l["huawei/projects"].Ready || l["vpc/vpcs"].Ready {
		t.Errorf("without a project only the project look-up is ready: %+v", l)
	}
	before := l["huawei/projects"].Query
	api.Set(a, "project_id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
	l = byName()
	// The project look-up found the id: choosing one does not make it another query, in the
	// wizard or in plain mode (Key is their cache key); the others run in the project.
	if Key(providers.Target{}, l["huawei/projects"].Query) != Key(providers.Target{}, before) || l["vpc/vpcs"].Query.ProjectID == "" {
		t.Errorf("projects query %+v (before %+v), VPCs %+v", l["huawei/projects"].Query, before, l["vpc/vpcs"].Query)
	}
	if !l["vpc/vpcs"].Ready || l["vpc/subnets"].Ready {
		t.Errorf("the subnet list waits for the VPC: %+v", l["vpc/subnets"])
	}
	api.Set(a, "body.resources[0].create_services.vpc_id", "vpc-1")
	api.Set(a, "body.resources[0].create_services.server_group_id", "sg-1")
	l = byName()
	sub := l["vpc/subnets"]
	if !sub.Ready || sub.Query.Inputs["vpc_id"] != "vpc-1" || sub.Query.Inputs["server_group_id"] != "sg-1" ||
		sub.Query.Region != "cn-north-4" || sub.Slot.Path != "body.resources[0].create_services.subnet_id" {
		t.Errorf("subnets = %+v", sub)
	}
}

func TestDSCProductIDQueryCarriesWhatItIsPricedBy(t *testing.T) {
	api := flows.DSC
	a := api.NewAnswers()
	api.Set(a, "project_id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
	var got *Field
	for _, l := range Of(api, a) {
		if l.Query.Name == "dsc/product-id" {
			got = &l
		}
	}
	if got == nil || !got.Ready {
		t.Fatalf("dsc/product-id = %+v", got)
	}
	in := got.Query.Inputs
	if in["resource_type"] != "hws.resource.type.dsc.base" || in["resource_spec_code"] != "base_professional" ||
		in["period_type"] != "2" || in["period_num"] != "1" || in["region_id"] != "cn-north-4" || in["cloud_service_type"] != "hws.service.type.sdg" {
		t.Errorf("inputs = %v", in)
	}
	api.Set(a, "body.period_type", "3")
	for _, l := range Of(api, a) {
		if l.Query.Name == "dsc/product-id" && l.Query.Inputs["period_type"] != "3" {
			t.Errorf("the period change did not reach the query: %v", l.Query.Inputs)
		}
	}
}

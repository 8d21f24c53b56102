package sandbox

import (
	"encoding/json"
	"fmt"

	"cloudorder/flows"
)

// accountProblems are what the real services refuse because of the account's own resources,
// checked for the IDs the sandbox hands out (other IDs pass, as before): a subnet that is not
// in the order's VPC, and a DSC product id that belongs to another spec, region or period (a
// stale look-up). Paths and wording as validateBody's.
// Each API's emulation names its own check (emulation.account).
func accountProblems(api flows.APIID, body []byte) []string {
	if check := emulations[api].account; check != nil {
		return check(body)
	}
	return nil
}

func networkProblems(body []byte) []string {
	var b struct {
		Resources []struct {
			CreateServices struct {
				VpcID    string `json:"vpc_id"`
				SubnetID string `json:"subnet_id"`
			} `json:"create_services"`
		} `json:"resources"`
	}
	if json.Unmarshal(body, &b) != nil {
		return nil // validateBody names the shape problem
	}
	var out []string
	for i, r := range b.Resources {
		cs := r.CreateServices
		for _, s := range sandboxSubnets {
			if s.id == cs.SubnetID && knownVPC(cs.VpcID) && s.vpcID != cs.VpcID {
				out = append(out, fmt.Sprintf("body.resources[%d].create_services.subnet_id: subnet %s is in VPC %s, not in vpc_id %s", i, s.id, s.vpcID, cs.VpcID))
			}
		}
	}
	return out
}

func knownVPC(id string) bool {
	for _, v := range sandboxVPCs {
		if v.id == id {
			return true
		}
	}
	return false
}

func productIDProblems(body []byte) []string {
	var b struct {
		PeriodType   int32  `json:"period_type"`
		RegionID     string `json:"region_id"`
		ProductInfos []struct {
			ProductID        string `json:"product_id"`
			ResourceSpecCode string `json:"resource_spec_code"`
		} `json:"product_infos"`
	}
	if json.Unmarshal(body, &b) != nil {
		return nil
	}
	var out []string
	for i, it := range b.ProductInfos {
		want := DSCProductID(b.RegionID, it.ResourceSpecCode, b.PeriodType)
		if it.ProductID == want || !sandboxProductID(it.ProductID) {
			continue
		}
		out = append(out, fmt.Sprintf("body.product_infos[%d].product_id: %s is not the product of %s in %s for period_type %d (that is %s): look it up again",
			i, it.ProductID, it.ResourceSpecCode, b.RegionID, b.PeriodType, want))
	}
	return out
}

// sandboxProductID reports whether id is one the sandbox's price inquiry can answer.
func sandboxProductID(id string) bool {
	for spec := range dscListPrices {
		for _, p := range sandboxProjects() {
			for _, pt := range []int32{2, 3} {
				if DSCProductID(p.name, spec, pt) == id {
					return true
				}
			}
		}
	}
	return false
}

package sandbox

import (
	"net/http"
	"strings"
)

// Workspace App option look-ups the wizard's pickers use, answered in the shapes of the SDK's
// response models (services/workspaceapp/v1/model: ListProductResponse, ListAvailabilityZone-
// Response, ListVolumeTypeResponse). Signed, checked and faulted like the order calls, by
// call name (calls.go); network look-ups (VPCs, subnets, server groups) are in network.go.

// product is one sellable Workspace App product (ProductDetailInfo).
type product struct {
	ProductID         string `json:"product_id"`
	FlavorID          string `json:"flavor_id"`
	Type              string `json:"type"`
	Architecture      string `json:"architecture"`
	CPU               string `json:"cpu"`
	CPUDesc           string `json:"cpu_desc"`
	Memory            string `json:"memory"` // MB
	IsGPU             bool   `json:"is_gpu"`
	SystemDiskType    string `json:"system_disk_type"`
	SystemDiskSize    string `json:"system_disk_size"`
	Descriptions      string `json:"descriptions"`
	ChargeMode        string `json:"charge_mode"` // "1" yearly/monthly, "0" pay-per-use
	ContainDataDisk   bool   `json:"contain_data_disk"`
	ResourceType      string `json:"resource_type"`
	CloudServiceType  string `json:"cloud_service_type"`
	VolumeProductType string `json:"volume_product_type"`
	Sessions          int32  `json:"sessions"`
	Status            string `json:"status"`
	CondOperationAZ   string `json:"cond_operation_az"`
	PackageType       string `json:"package_type"`
	SeriesType        string `json:"series_type"`
}

func appstream(id, flavor, cpu, memMB, desc string, sessions int32, charge string) product {
	return product{ProductID: id, FlavorID: flavor, Type: "BASE", Architecture: "x86", CPU: cpu,
		CPUDesc: cpu + " vCPUs", Memory: memMB, SystemDiskType: "SAS", SystemDiskSize: "80",
		Descriptions: desc, ChargeMode: charge, ResourceType: "hws.resource.type.workspace.appstream",
		CloudServiceType: "hws.service.type.vdi", VolumeProductType: "workspace", Sessions: sessions,
		Status:      "normal",
		PackageType: "general", SeriesType: "c7"}
}

var products = []product{
	appstream("workspace.appstream.general.xlarge.4", "s7.xlarge.4", "4", "16384", "通用型 | 4核 | 16GB | General 4 vCPUs 16 GB", 8, "1"),
	appstream("workspace.appstream.general.2xlarge.4", "s7.2xlarge.4", "8", "32768", "通用型 | 8核 | 32GB | General 8 vCPUs 32 GB", 16, "1"),
	appstream("workspace.appstream.general.2xlarge.8", "s7.2xlarge.8", "8", "65536", "通用型 | 8核 | 64GB | General 8 vCPUs 64 GB", 16, "1"),
	appstream("workspacehost.s.large2.p01", "c3.large.4", "2", "8192", "专属主机 | 2核 | 8GB | Dedicated 2 vCPUs 8 GB", 1, "1"),
	appstream("workspace.appstream.general.2xlarge.2", "s7.2xlarge.2", "8", "16384", "通用型(按需) | 8核 | 16GB | General pay-per-use 8 vCPUs 16 GB", 16, "0"),
}

// listProduct answers ListProduct, honouring the query filters the SDK sends.
func listProduct(_ *Server, c *huaweiRequest) (int, any, *apiError) {
	r := c.r
	q := r.URL.Query()
	match := func(want, got string) bool { return want == "" || want == got }
	out := []product{}
	for _, p := range products {
		if match(q.Get("product_id"), p.ProductID) && match(q.Get("flavor_id"), p.FlavorID) &&
			match(q.Get("charge_mode"), p.ChargeMode) && match(q.Get("architecture"), p.Architecture) &&
			match(q.Get("package_type"), p.PackageType) && (q.Get("os_type") == "" || q.Get("os_type") == "Windows") {
			out = append(out, p)
		}
	}
	osType := q.Get("os_type")
	if osType == "" {
		osType = "Windows"
	}
	for i := range out {
		out[i].CondOperationAZ = condOperationAZ(c.region)
	}
	return http.StatusOK, map[string]any{"availability_zone": q.Get("availability_zone"), "os_type": osType, "products": out}, nil
}

// listAvailabilityZone answers ListAvailabilityZone: the zones of the project's region.
func listAvailabilityZone(_ *Server, c *huaweiRequest) (int, any, *apiError) {
	ids := make([]string, len(products))
	for i, p := range products {
		ids[i] = p.ProductID
	}
	zone := func(id, n string, def bool, soldOut []string) map[string]any {
		return map[string]any{
			"availability_zone": id, "display_name": "可用区" + n,
			"i18n":     map[string]string{"zh_cn": "可用区" + n, "en_us": "AZ" + n},
			"sold_out": map[string]any{"products": soldOut}, "product_ids": ids,
			"visible": true, "default_availability_zone": def,
		}
	}
	zones := []map[string]any{}
	for i, z := range zonesOf(c.region) {
		soldOut := []string{}
		if z.soldOut != "" {
			soldOut = append(soldOut, z.soldOut)
		}
		zones = append(zones, zone(z.id, z.number, i == 0, soldOut))
	}
	return http.StatusOK, map[string]any{"availability_zones": zones, "total_count": len(zones)}, nil
}

// listVolumeType answers ListVolumeType with the disk types the CreateOrder doc names.
func listVolumeType(_ *Server, c *huaweiRequest) (int, any, *apiError) {
	var all []string
	for _, z := range zonesOf(c.region) {
		all = append(all, z.id)
	}
	zones := strings.Join(all, ",")
	vt := func(code, zh, en, soldOut string) map[string]any {
		return map[string]any{
			"resource_spec_code": "workspace.volume." + code, "volume_type": code, "volume_product_type": "workspace",
			"resource_type": "hws.resource.type.workspace.volume", "cloud_service_type": "hws.service.type.vdi",
			"name": []map[string]string{{"language": "zh-cn", "value": zh}, {"language": "en-us", "value": en}},
			"volume_type_extra_specs": map[string]string{
				"availability_zone": zones, "sold_out_availability_zone": soldOut,
			},
		}
	}
	last := all[len(all)-1]
	return http.StatusOK, map[string]any{"volume_types": []map[string]any{
		vt("SSD", "超高IO", "Ultra-high I/O", ""),
		vt("GPSSD", "通用型SSD", "General Purpose SSD", ""),
		vt("ESSD", "极速型SSD", "Extreme SSD", last),
		vt("SAS", "高IO", "High I/O", ""),
		vt("SATA", "普通IO", "Common I/O", zones),
	}}, nil
}

// zoneInfo is one availability zone of a region: its id, its number in the display name and
// the product sold out there, if any.
type zoneInfo struct{ id, number, soldOut string }

// zonesOf are the availability zones of region: cn-north-4's as the console lists them
// (a, b, c, g), three (a, b, c) elsewhere.
func zonesOf(region string) []zoneInfo {
	if region == "cn-north-4" {
		return []zoneInfo{{"cn-north-4a", "1", ""}, {"cn-north-4b", "2", ""}, {"cn-north-4c", "3", ""},
			{"cn-north-4g", "7", "workspacehost.s.large2.p01"}}
	}
	return []zoneInfo{{region + "a", "1", ""}, {region + "b", "2", ""}, {region + "c", "3", ""}}
}

func zoneOf(region, zone string) (zoneInfo, bool) {
	for _, z := range zonesOf(region) {
		if z.id == zone {
			return z, true
		}
	}
	return zoneInfo{}, false
}

// condOperationAZ is ProductDetailInfo.cond_operation_az: the zones it is sold in.
func condOperationAZ(region string) string {
	var parts []string
	for _, z := range zonesOf(region) {
		if z.soldOut == "" {
			parts = append(parts, z.id+"(normal)")
		}
	}
	return strings.Join(parts, ",")
}

func productByID(id string) (product, bool) {
	for _, p := range products {
		if p.ProductID == id {
			return p, true
		}
	}
	return product{}, false
}

package sandbox

import "net/http"

// The sandbox account's network and Workspace App server groups, answered in the shapes of
// the SDK models: VPC v2 ListVpcs (GET /v1/{project_id}/vpcs) and ListSubnets
// (GET /v1/{project_id}/subnets?vpc_id=…), services/vpc/v2/model; Workspace App
// ListServerGroups (GET /v1/{project_id}/app-server-groups), services/workspaceapp/v1/model.
// A server group names its subnet (not its VPC): the subnet's vpc_id links the three.

// Sandbox network IDs (UUIDs, as VPC and Workspace App use).
const (
	VPCDefaultID        = "0c6f2d2a-3b9e-4f4b-9a51-6c1f0e8b7a10"
	VPCWorkspaceID      = "5e7b9f3c-1d2a-4c8e-b6f0-2a9d8c7e6b54"
	SubnetDefaultID     = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	SubnetAppsID        = "3f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0"
	SubnetDesktopsID    = "b7c6d5e4-f3a2-4b1c-9d8e-7f6a5b4c3d2e"
	ServerGroupOfficeID = "2d7a6c9e-51b4-4f3a-8e0d-6b9c1a2f3e4d"
	ServerGroupDesignID = "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
	// The network the repository's example orders (testdata/orders) use: the subnet and
	// server group ids of the CreateOrder reference's example, in a VPC of their own.
	VPCExampleID         = "3a7c2d10-98b5-4e0f-a1c4-6e2b9f8d7c55"
	SubnetExampleID      = "197c1aa4-2611-48bd-a3af-ac4ce2c17c4c"
	ServerGroupExampleID = "1"
	// StoragePoolExampleID is the account's one dedicated storage pool (DSS), the cluster_id
	// of the CreateOrder reference's example: a disk's cluster_id names a pool of the account.
	StoragePoolExampleID = "c950ee97-587c-4f24-8a74-3367e3da570f"
)

type vpcInfo struct{ id, name, cidr string }

type subnetInfo struct{ id, name, cidr, gateway, vpcID, zone string }

type serverGroupInfo struct{ id, name, subnetID, productID, desc string }

var (
	sandboxVPCs = []vpcInfo{
		{VPCWorkspaceID, "vpc-workspace", "10.0.0.0/16"},
		{VPCDefaultID, "vpc-default", "192.168.0.0/16"},
		{VPCExampleID, "vpc-example", "172.16.0.0/16"},
	}
	sandboxSubnets = []subnetInfo{
		{SubnetAppsID, "subnet-apps", "10.0.1.0/24", "10.0.1.1", VPCWorkspaceID, "cn-north-4a"},
		{SubnetDesktopsID, "subnet-desktops", "10.0.2.0/24", "10.0.2.1", VPCWorkspaceID, "cn-north-4b"},
		{SubnetDefaultID, "subnet-default", "192.168.0.0/24", "192.168.0.1", VPCDefaultID, "cn-north-4a"},
		{SubnetExampleID, "subnet-example", "172.16.0.0/24", "172.16.0.1", VPCExampleID, "cn-north-4a"},
	}
	sandboxServerGroups = []serverGroupInfo{
		{ServerGroupOfficeID, "office-apps", SubnetAppsID, "workspace.appstream.general.xlarge.4", "Office applications"},
		{ServerGroupDesignID, "design-apps", SubnetDesktopsID, "workspace.appstream.general.2xlarge.8", "Design tools"},
		{ServerGroupExampleID, "example-apps", SubnetExampleID, "workspacehost.s.large2.p01", "Dedicated host applications"},
	}
)

const sandboxCreated = "2026-03-02T08:15:30Z"

// vpcEmulation is VPC's ListVpcs and ListSubnets (https://support.huaweicloud.com/api-vpc/vpc_api01_0003.html,
// vpc_subnet01_0003.html) for the account's project.
var vpcEmulation = emulation{name: "huawei/vpc", routes: []route{
	huaweiOp{method: http.MethodGet, path: "/v1/{project_id}/vpcs", scope: scopeProject, call: CallVPCs,
		invalid: "VPC.0002", forbidden: "VPC.0003", internal: vpcInternal, answer: listVpcs}.rest(),
	huaweiOp{method: http.MethodGet, path: "/v1/{project_id}/subnets", scope: scopeProject, call: CallSubnets,
		invalid: "VPC.0002", forbidden: "VPC.0003", internal: vpcInternal, answer: listSubnets}.rest(),
}}

var vpcInternal = apiError{http.StatusInternalServerError, "VPC.0001", "System exception."}

// networkRegion is where the account's network lives; other regions have none.
const networkRegion = "cn-north-4"

func vpcByID(region, id string) (vpcInfo, bool) {
	for _, v := range sandboxVPCs {
		if v.id == id && region == networkRegion {
			return v, true
		}
	}
	return vpcInfo{}, false
}

func subnetByID(region, id string) (subnetInfo, bool) {
	for _, sn := range sandboxSubnets {
		if sn.id == id && region == networkRegion {
			return sn, true
		}
	}
	return subnetInfo{}, false
}

func serverGroupByID(region, id string) (serverGroupInfo, bool) {
	for _, g := range sandboxServerGroups {
		if g.id == id && region == networkRegion {
			return g, true
		}
	}
	return serverGroupInfo{}, false
}

// storagePoolKnown reports whether id is a dedicated storage pool of the account in region.
func storagePoolKnown(region, id string) bool {
	return id == StoragePoolExampleID && region == networkRegion
}

func subnetName(id string) string {
	for _, s := range sandboxSubnets {
		if s.id == id {
			return s.name
		}
	}
	return ""
}

// listVpcs answers ListVpcs, honouring the id filter.
func listVpcs(_ *Server, c *huaweiRequest) (int, any, *apiError) {
	want := c.r.URL.Query().Get("id")
	out := []map[string]any{}
	for _, v := range sandboxVPCs {
		if (want != "" && want != v.id) || c.region != networkRegion {
			continue
		}
		out = append(out, map[string]any{"id": v.id, "name": v.name, "cidr": v.cidr, "description": "",
			"routes": []any{}, "status": "OK", "enterprise_project_id": "0", "tenant_id": c.projectID,
			"created_at": sandboxCreated, "updated_at": sandboxCreated})
	}
	return http.StatusOK, map[string]any{"vpcs": out}, nil
}

// listSubnets answers ListSubnets, filtered by vpc_id as the wizard asks.
func listSubnets(_ *Server, c *huaweiRequest) (int, any, *apiError) {
	want := c.r.URL.Query().Get("vpc_id")
	out := []map[string]any{}
	for _, s := range sandboxSubnets {
		if (want != "" && want != s.vpcID) || c.region != networkRegion {
			continue
		}
		out = append(out, map[string]any{"id": s.id, "name": s.name, "description": "", "cidr": s.cidr,
			"gateway_ip": s.gateway, "ipv6_enable": false, "dhcp_enable": true, "primary_dns": "100.125.1.250",
			"secondary_dns": "100.125.21.250", "dnsList": []string{"100.125.1.250", "100.125.21.250"},
			"availability_zone": s.zone, "vpc_id": s.vpcID, "status": "ACTIVE", "neutron_network_id": s.id,
			"neutron_subnet_id": s.id, "extra_dhcp_opts": []any{}, "tenant_id": c.projectID,
			"created_at": sandboxCreated, "updated_at": sandboxCreated, "available_ip_address_count": 250})
	}
	return http.StatusOK, map[string]any{"subnets": out}, nil
}

// listServerGroups answers ListServerGroups, honouring the server_group_id filter.
func listServerGroups(_ *Server, c *huaweiRequest) (int, any, *apiError) {
	want := c.r.URL.Query().Get("server_group_id")
	out := []map[string]any{}
	for _, g := range sandboxServerGroups {
		if (want != "" && want != g.id) || c.region != networkRegion {
			continue
		}
		out = append(out, map[string]any{"id": g.id, "name": g.name, "description": g.desc,
			"image_id": "a1b2c3d4-0000-4000-8000-00000000i001", "os_type": "Windows", "product_id": g.productID,
			"subnet_id": g.subnetID, "subnet_name": subnetName(g.subnetID), "system_disk_type": "SAS",
			"system_disk_size": 80, "is_vdi": false, "app_type": "SESSION_DESKTOP_APP",
			"create_time": sandboxCreated, "update_time": sandboxCreated, "enterprise_project_id": "0",
			"server_group_status": true, "site_type": "CENTER", "app_server_count": 2, "app_group_count": 1})
	}
	return http.StatusOK, map[string]any{"count": len(out), "items": out}, nil
}

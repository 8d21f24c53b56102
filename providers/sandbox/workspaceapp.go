package sandbox

import (
	"fmt"
	"net/http"
)

// Huawei Workspace App (云应用) CreateOrder (创建订单), as its reference documents it:
// https://support.huaweicloud.com/api-workspace/CreateOrder.html — required parameters and
// types as the reference and huaweicloud-sdk-go-v3's model (services/workspaceapp/v1/model:
// model_create_order_req.go, model_resource.go, model_create_services.go, model_volume.go;
// required = not a pointer, or a pointer without omitempty); type is createApps; period_type
// 2/3/4/5/6 and optional, as the SDK has it; os_type Linux/Windows; disk types ESSD, SSD,
// GPSSD, SAS, SATA; disk sizes in multiples of 10 GB, system 10–1024, data 10–32768. The
// reference's own example sends update_access_agent as the string "true": accepted. It names
// no limit on the number of resources. Errors: 400 WKS.00211102, 403 WKS.00081102, 500
// WKS.00211401 (its application error codes, https://support.huaweicloud.com/intl/th-th/api-workspace/ErrorCode_0.html).
//
// The account's rules, in the project's region: the product is in the catalogue (ListProduct)
// and flavor_id, when given, is its flavor; the availability zone is one of the region's
// (ListAvailabilityZone); the VPC, the subnet (in that VPC) and the server group are the
// account's (ListVpcs, ListSubnets, ListServerGroups), so placeholders are refused; a disk's
// cluster_id is one of the account's dedicated storage pools (network.go). The reference says
// nothing of what add_volumes.service_id names, and nics and security_groups are "reserved,
// currently unused": those are not checked against the account.

// WorkspaceAppOrders is Huawei Workspace App's CreateOrder.
const WorkspaceAppOrders API = "huawei/workspaceapp/CreateOrder"

var workspaceAppEmulation = emulation{name: "huawei/workspaceapp", api: WorkspaceAppOrders, routes: []route{
	workspaceAppCreateOrder.rest(),
	workspaceAppLookup("/v1/{project_id}/product", CallProducts, listProduct),
	workspaceAppLookup("/v1/{project_id}/availability-zone", CallZones, listAvailabilityZone),
	workspaceAppLookup("/v1/{project_id}/volume-type", CallVolumeTypes, listVolumeType),
	workspaceAppLookup("/v1/{project_id}/app-server-groups", CallServerGroups, listServerGroups),
}, billing: workspaceAppBilling} // billing_huawei.go

var workspaceAppCreateOrder = huaweiOp{
	method: http.MethodPost, path: "/v1/{project_id}/bundles/subscribe/order", scope: scopeProject,
	regions: workspaceAppRegions, api: WorkspaceAppOrders,
	invalid: "WKS.00211102", forbidden: "WKS.00081102", internal: workspaceAppInternal,
	answer: answerWorkspaceAppOrder,
}

var workspaceAppInternal = apiError{http.StatusInternalServerError, "WKS.00211401", "Internal error"}

// workspaceAppLookup is a GET look-up of Workspace App, with the order's codes.
func workspaceAppLookup(path, call string, answer func(*Server, *huaweiRequest) (int, any, *apiError)) route {
	return huaweiOp{method: http.MethodGet, path: path, scope: scopeProject, regions: workspaceAppRegions, call: call,
		invalid: "WKS.00211102", forbidden: "WKS.00081102", internal: workspaceAppInternal, answer: answer}.rest()
}

func volumeParams(min, max int64) []param {
	return []param{
		{name: "type", kind: kString, required: true, enum: []string{"ESSD", "SSD", "GPSSD", "SAS", "SATA"}},
		{name: "size", kind: kInt32, required: true, min: bound(min), max: bound(max), multipleOf: 10},
		{name: "cluster_id", kind: kString},
	}
}

var workspaceAppParams = []param{
	{name: "resources", kind: kArray, required: true, items: kObject, fields: []param{
		{name: "add_volumes", kind: kObject, fields: []param{
			{name: "service_id", kind: kString},
			{name: "volumes", kind: kArray, items: kObject, fields: volumeParams(10, 32768)},
		}},
		{name: "cloud_service_console_url", kind: kString},
		{name: "create_services", kind: kObject, required: true, fields: []param{
			{name: "availability_zone", kind: kString},
			{name: "data_volumes", kind: kArray, items: kObject, fields: volumeParams(10, 32768)},
			{name: "nics", kind: kArray, items: kObject, fields: []param{
				{name: "ip_address", kind: kString},
				{name: "subnet_id", kind: kString},
			}},
			{name: "ou_name", kind: kString},
			{name: "product_id", kind: kString, required: true},
			{name: "flavor_id", kind: kString},
			{name: "os_type", kind: kString, enum: []string{"Linux", "Windows"}},
			{name: "root_volume", kind: kObject, required: true, fields: volumeParams(10, 1024)},
			{name: "server_group_id", kind: kString, required: true},
			{name: "service_type", kind: kString},
			{name: "subnet_id", kind: kString, required: true},
			{name: "vpc_id", kind: kString, required: true},
			{name: "security_groups", kind: kArray, items: kObject, fields: []param{
				{name: "id", kind: kString},
				{name: "name", kind: kString},
			}},
			{name: "update_access_agent", kind: kBoolean, boolText: true},
		}},
		{name: "is_auto_renew", kind: kInt32, ints: []int64{0, 1}},
		{name: "period_num", kind: kInt32, min: bound(1)},
		{name: "period_type", kind: kInt32, ints: []int64{2, 3, 4, 5, 6}},
		{name: "subscription_num", kind: kInt32, required: true},
	}},
	{name: "type", kind: kString, required: true, enum: []string{"createApps"}},
}

func answerWorkspaceAppOrder(s *Server, c *huaweiRequest) (int, any, *apiError) {
	body, err := decodeBody(c.body)
	if err != nil {
		return 0, nil, c.invalidParameter("the body is not a valid JSON object")
	}
	if pr := checkParams(body, workspaceAppParams, "", huaweiPaths); pr != nil {
		return 0, nil, huaweiProblem(c, pr)
	}
	for i, res := range listAt(body, "resources") {
		at := huaweiPaths.index("resources", i)
		if e := workspaceAppAccount(c, at+".create_services", objAt(res, "create_services")); e != nil {
			return 0, nil, e
		}
		if e := storagePools(c, at+".add_volumes.volumes", listAt(objAt(res, "add_volumes"), "volumes")); e != nil {
			return 0, nil, e
		}
	}
	orderID := newHuaweiOrderID(s.now())
	if e := c.place(s, orderID); e != nil {
		return 0, nil, e
	}
	return http.StatusOK, map[string]string{"order_id": orderID}, nil
}

// workspaceAppAccount checks one resource's ids against the account in the order's region.
func workspaceAppAccount(c *huaweiRequest, at string, cs map[string]any) *apiError {
	productID, _ := strAt(cs, "product_id")
	p, ok := productByID(productID)
	if !ok {
		return c.invalidParameter(fmt.Sprintf("%s.product_id: product %q does not exist", at, productID))
	}
	if flavor, given := strAt(cs, "flavor_id"); given && flavor != p.FlavorID {
		return c.invalidParameter(fmt.Sprintf("%s.flavor_id: %q is not the flavor of product %s (%s)", at, flavor, productID, p.FlavorID))
	}
	if zone, given := strAt(cs, "availability_zone"); given {
		z, ok := zoneOf(c.region, zone)
		if !ok {
			return c.invalidParameter(fmt.Sprintf("%s.availability_zone: %q is not an availability zone of %s", at, zone, c.region))
		}
		if z.soldOut == productID {
			return c.invalidParameter(fmt.Sprintf("%s.availability_zone: product %s is sold out in %s", at, productID, zone))
		}
	}
	vpcID, _ := strAt(cs, "vpc_id")
	if _, ok := vpcByID(c.region, vpcID); !ok {
		return c.invalidParameter(fmt.Sprintf("%s.vpc_id: VPC %q does not exist in project %s", at, vpcID, c.projectID))
	}
	subnetID, _ := strAt(cs, "subnet_id")
	sn, ok := subnetByID(c.region, subnetID)
	if !ok {
		return c.invalidParameter(fmt.Sprintf("%s.subnet_id: subnet %q does not exist in project %s", at, subnetID, c.projectID))
	}
	if sn.vpcID != vpcID {
		return c.invalidParameter(fmt.Sprintf("%s.subnet_id: subnet %s is in VPC %s, not in vpc_id %s", at, subnetID, sn.vpcID, vpcID))
	}
	groupID, _ := strAt(cs, "server_group_id")
	if _, ok := serverGroupByID(c.region, groupID); !ok {
		return c.invalidParameter(fmt.Sprintf("%s.server_group_id: server group %q does not exist", at, groupID))
	}
	if e := storagePool(c, at+".root_volume", objAt(cs, "root_volume")); e != nil {
		return e
	}
	return storagePools(c, at+".data_volumes", listAt(cs, "data_volumes"))
}

// storagePool checks a disk's cluster_id, when given, against the account's dedicated storage
// pools in the order's region ("云服务器系统盘对应的存储池的ID").
func storagePool(c *huaweiRequest, at string, disk map[string]any) *apiError {
	if pool, given := strAt(disk, "cluster_id"); given && pool != "" && !storagePoolKnown(c.region, pool) {
		return c.invalidParameter(fmt.Sprintf("%s.cluster_id: storage pool %q does not exist in project %s", at, pool, c.projectID))
	}
	return nil
}

// storagePools checks the cluster_id of each disk of the list at path at.
func storagePools(c *huaweiRequest, at string, disks []map[string]any) *apiError {
	for i, d := range disks {
		if e := storagePool(c, huaweiPaths.index(at, i), d); e != nil {
			return e
		}
	}
	return nil
}

package flows

// The look-ups fields declare (Field.Lookup), by name: the provider of the API's cloud answers
// each (providers/huawei/lookup.go switches on these constants), so a name on either side that
// the other does not know does not compile.
const (
	LookupWorkspaceAppProducts          = "workspaceapp/products"
	LookupWorkspaceAppAvailabilityZones = "workspaceapp/availability-zones"
	LookupWorkspaceAppServerGroups      = "workspaceapp/server-groups"
	LookupVPCs                          = "vpc/vpcs"
	LookupSubnets                       = "vpc/subnets"
	LookupHuaweiProjects                = "huawei/projects"
	LookupDSCProductID                  = "dsc/product-id"
)

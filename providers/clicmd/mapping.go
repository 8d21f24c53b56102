// Package clicmd renders an order as the cloud's own CLI command — `aliyun` for Alibaba Cloud,
// `hcloud` (KooCLI) for Huawei Cloud — runnable as printed in a POSIX shell, PowerShell or
// cmd.exe, for reviewers and teams who run orders through their own toolchain.
package clicmd

import "cloudorder/flows"

// style is how a CLI takes the request.
type style int

const (
	// bodyArg: `aliyun <product> <Operation> --region R --endpoint HOST --body '<json>'`. The
	// aliyun CLI sends --body byte for byte (aliyun-cli openapi/commando.go, RESTful branch).
	bodyArg style = iota + 1
	// jsonInput: `hcloud <Service> <Operation> --cli-region=R --cli-jsonInput=FILE`, FILE holding
	// the parameters by position: {"path":{"project_id":…},"body":…} (KooCLI docs, "Passing API
	// Parameters with JSON File").
	jsonInput
)

// Mapping says how one API is called through its cloud's CLI. It is data keyed by API id so a
// new API adds one entry (and later moves into the API's own registration).
type Mapping struct {
	Tool      string // executable: "aliyun" or "hcloud"
	Service   string // aliyun product code (lower case) or KooCLI service name
	Operation string // API name as the CLI knows it
	File      string // jsonInput: the JSON input file the snippet writes
	Preview   string // the CLI's flag that shows the request without sending it
	style     style
}

// mappings: the aliyun product and operation from aliyun-openapi-meta
// metadatas/aiworkspace/CreateProductOrders.json; the KooCLI service names are the API
// Explorer product names (https://console.huaweicloud.com/apiexplorer/#/openapi/DSC/doc?api=CreateProductOrder,
// .../WorkspaceApp/doc?api=CreateOrder).
var mappings = map[flows.APIID]Mapping{
	flows.AlibabaPAI: {Tool: "aliyun", Service: "aiworkspace", Operation: "CreateProductOrders",
		Preview: "--cli-dry-run", style: bodyArg},
	flows.HuaweiDSC: {Tool: "hcloud", Service: "DSC", Operation: "CreateProductOrder",
		File: "DSC_CreateProductOrder.json", Preview: "--dryrun", style: jsonInput},
	flows.HuaweiWorkspaceApp: {Tool: "hcloud", Service: "WorkspaceApp", Operation: "CreateOrder",
		File: "WorkspaceApp_CreateOrder.json", Preview: "--dryrun", style: jsonInput},
}

// For returns the CLI mapping of api; ok is false when no CLI command is known for it.
func For(api flows.APIID) (Mapping, bool) {
	m, ok := mappings[api]
	return m, ok
}

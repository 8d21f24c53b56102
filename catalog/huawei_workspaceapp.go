package catalog

import (
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/huawei"
)

// huaweiWorkspaceApp is Workspace App's CreateOrder. The KooCLI service name is the API
// Explorer product name
// (https://console.huaweicloud.com/apiexplorer/#/openapi/WorkspaceApp/doc?api=CreateOrder).
var huaweiWorkspaceApp = huaweiAPI(flows.WorkspaceApp, huawei.WorkspaceApp,
	providers.CLI{Tool: "hcloud", Service: "WorkspaceApp", Operation: "CreateOrder",
		File: "WorkspaceApp_CreateOrder.json", Preview: "--dryrun"})

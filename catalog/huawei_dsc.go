package catalog

import (
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/huawei"
)

// huaweiDSC is Data Security Center's CreateProductOrder. The KooCLI service name is the API
// Explorer product name
// (https://console.huaweicloud.com/apiexplorer/#/openapi/DSC/doc?api=CreateProductOrder).
var huaweiDSC = huaweiAPI(flows.DSC, huawei.DSC,
	providers.CLI{Tool: "hcloud", Service: "DSC", Operation: "CreateProductOrder",
		File: "DSC_CreateProductOrder.json", Preview: "--dryrun"})

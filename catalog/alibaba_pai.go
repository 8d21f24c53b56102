package catalog

import (
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/alibaba"
)

// alibabaPAI is PAI (AIWorkSpace 2021-02-04) CreateProductOrders. The aliyun product code and
// operation are those of aliyun-openapi-meta metadatas/aiworkspace/CreateProductOrders.json;
// the aliyun CLI sends --body byte for byte.
var alibabaPAI = alibabaAPI(flows.PAI, alibaba.PAI,
	providers.CLI{Tool: "aliyun", Service: "aiworkspace", Operation: "CreateProductOrders", Preview: "--cli-dry-run"})

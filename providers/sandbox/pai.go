package sandbox

import (
	"net/http"

	"cloudorder/flows"
)

// Alibaba AIWorkSpace (2021-02-04) CreateProductOrders, a ROA API:
// https://help.aliyun.com/zh/pai/developer-reference/api-aiworkspace-2021-02-04-createproductorders
func init() {
	api := alibabaAPI{api: flows.Find(flows.AlibabaPAI), version: "2021-02-04", action: "CreateProductOrders", region: "cn-hangzhou"}
	emulate(emulation{api: api.api, order: func(s *Server, w http.ResponseWriter, r *http.Request, _ string) {
		s.alibabaOrder(w, r, api)
	}, billing: paiBilling})
}

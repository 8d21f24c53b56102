package sandbox

import (
	"net/http"

	"cloudorder/flows"
)

// huaweiWSA is Workspace App's CreateOrder:
// https://support.huaweicloud.com/api-workspace/CreateOrder.html; its look-ups (lookups.go)
// answer with the same error codes. A subnet outside the order's VPC is refused
// (consistency.go).
var huaweiWSA = huaweiAPI{id: flows.HuaweiWorkspaceApp, invalid: "WKS.00211102", forbidden: "WKS.00081102",
	internal:   apiError{http.StatusInternalServerError, "WKS.00211401", "Internal error"},
	regionFrom: func([]byte) string { return "cn-north-4" }}

func init() {
	emulateHuawei(huaweiWSA, emulation{account: networkProblems, billing: workspaceAppBilling})
}

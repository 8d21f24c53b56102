package sandbox

import (
	"net/http"

	"cloudorder/flows"
)

// huaweiDSC is Data Security Center's CreateProductOrder:
// https://support.huaweicloud.com/api-dsc/CreateProductOrder.html. The order's region is its
// body's region_id (validate.go's dscRegion); a stale product id is refused (consistency.go).
var huaweiDSC = huaweiAPI{id: flows.HuaweiDSC, invalid: "dsc.40000011", forbidden: "dsc.40300001",
	internal:   apiError{http.StatusInternalServerError, "dsc.50000001", "Internal server error"},
	regionFrom: dscRegion}

func init() {
	emulateHuawei(huaweiDSC, emulation{account: productIDProblems, regionPath: "body.region_id", billing: dscBilling})
}

package sandbox

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Huawei BSS for the sandbox account (services/bss/v2 shapes): the yearly/monthly price
// inquiry ListRateOnPeriodDetail (POST /v2/bills/ratings/period-resources/subscribe-rate) for
// DSC items, and PayOrders (POST /v3/orders/customer-orders/pay, 204 No Content) for orders
// the sandbox accepted. BSS is a global service: requests carry X-Domain-Id, not a project.
// Errors: 401 APIGW.0301 (signature, or X-Domain-Id not the sandbox account's) · 400 CBC.0100
// ("Invalid parameter: <path>: <rule>").

const (
	bssRatePath = "/v2/bills/ratings/period-resources/subscribe-rate"
	bssPayPath  = "/v3/orders/customer-orders/pay"
)

var bssInternal = apiError{http.StatusInternalServerError, "CBC.5000", "System error."}

// dscListPrices are the sandbox's monthly list prices in CNY per spec code (one edition, one
// database, one 1 TB OBS package). Sandbox figures, not Huawei's: a year costs ten months.
var dscListPrices = map[string]struct {
	resourceType string
	monthly      int64 // in fen (0.01 CNY)
}{
	"base_standard":     {"hws.resource.type.dsc.base", 125000},
	"base_professional": {"hws.resource.type.dsc.base", 375000},
	"DB_standard":       {"hws.resource.type.dsc.db", 30000},
	"DB_professional":   {"hws.resource.type.dsc.db", 45000},
	"OBS_standard":      {"hws.resource.type.dsc.obs", 20000},
	"OBS_professional":  {"hws.resource.type.dsc.obs", 30000},
}

// Payment is one order paid through PayOrders.
type Payment struct {
	OrderID   string    `json:"order_id"`
	RequestID string    `json:"request_id"`
	At        time.Time `json:"at"`
}

// dscExampleProductID is the catalogue's monthly professional edition in cn-north-4.
const dscExampleProductID = "OFFI740586375358963717"

// Payments returns the paid orders, oldest first.
func (s *Server) Payments() []Payment {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Payment{}, s.paid...)
}

// DSCProductID is the catalog product id the sandbox prices spec in region with: "OFFI" and
// 18 digits, stable for the same inputs, like Huawei's (e.g. OFFI740586375358963717).
func DSCProductID(region, spec string, periodType int32) string {
	if region == "cn-north-4" && spec == "base_professional" && periodType == 2 {
		return dscExampleProductID // the id the repository's example order (testdata/orders) uses
	}
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s|%s|%d", region, spec, periodType)))
	n := new(big.Int).SetBytes(sum[:8])
	n.Mod(n, big.NewInt(1e18))
	return fmt.Sprintf("OFFI%018d", n)
}

// bssEmulation is BSS's ListRateOnPeriodDetail, PayOrders and order queries, scoped to the account (X-Domain-Id).
var bssEmulation = emulation{name: "huawei/bss", routes: append([]route{
	huaweiOp{method: http.MethodPost, path: bssRatePath, scope: scopeDomain, call: CallBSSRate, internal: bssInternal,
		invalid: "CBC.0100", answer: rateOnPeriod}.rest(),
	huaweiOp{method: http.MethodPost, path: bssPayPath, scope: scopeDomain, call: CallBSSPay, internal: bssInternal,
		invalid: "CBC.0100", answer: payOrder}.rest(),
}, bssOrderOps...)} // billing_huawei.go

func bssInvalid(problems []string) *apiError {
	return &apiError{http.StatusBadRequest, "CBC.0100", "Invalid parameter: " + strings.Join(problems, "; ")}
}

// periodProduct is PeriodProductInfo as it arrives.
type periodProduct struct {
	ID               string `json:"id"`
	CloudServiceType string `json:"cloud_service_type"`
	ResourceType     string `json:"resource_type"`
	ResourceSpec     string `json:"resource_spec"`
	Region           string `json:"region"`
	ResourceSize     *int32 `json:"resource_size"`
	SizeMeasureID    *int32 `json:"size_measure_id"`
	PeriodType       int32  `json:"period_type"`
	PeriodNum        int32  `json:"period_num"`
	SubscriptionNum  int32  `json:"subscription_num"`
}

func rateOnPeriod(_ *Server, c *huaweiRequest) (int, any, *apiError) {
	body := c.body
	var req struct {
		ProjectID    string          `json:"project_id"`
		ProductInfos []periodProduct `json:"product_infos"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return 0, nil, bssInvalid([]string{"body: " + err.Error()})
	}
	var problems []string
	if !ownProject(req.ProjectID) {
		problems = append(problems, "project_id: must be a project of this account")
	}
	if len(req.ProductInfos) == 0 {
		problems = append(problems, "product_infos: at least one product is needed")
	}
	var results []map[string]any
	var total int64
	seen := map[string]bool{}
	for i, p := range req.ProductInfos {
		at := fmt.Sprintf("product_infos[%d]", i)
		amount, why := priceItem(p)
		if p.ID == "" || seen[p.ID] {
			why = append(why, "id: must be set and unique in the inquiry")
		}
		seen[p.ID] = true
		for _, w := range why {
			problems = append(problems, at+"."+w)
		}
		total += amount
		results = append(results, map[string]any{"id": p.ID, "product_id": DSCProductID(p.Region, p.ResourceSpec, p.PeriodType),
			"official_website_amount": json.Number(yuan(amount)), "measure_id": 1})
	}
	if len(problems) > 0 {
		return 0, nil, bssInvalid(problems)
	}
	return http.StatusOK, map[string]any{
		"official_website_rating_result": map[string]any{"official_website_amount": json.Number(yuan(total)), "measure_id": 1,
			"product_rating_results": results},
		"optional_discount_rating_results": []any{},
		"currency":                         "CNY",
	}, nil
}

// priceItem prices one item in fen, or says which rules it breaks.
func priceItem(p periodProduct) (int64, []string) {
	var why []string
	lp, known := dscListPrices[p.ResourceSpec]
	switch {
	case p.CloudServiceType != "hws.service.type.sdg":
		why = append(why, "cloud_service_type: the sandbox prices DSC items (hws.service.type.sdg) only")
	case !known:
		why = append(why, fmt.Sprintf("resource_spec: %q is not a DSC spec code", p.ResourceSpec))
	case p.ResourceType != lp.resourceType:
		why = append(why, fmt.Sprintf("resource_type: %s is sold as %s", p.ResourceSpec, lp.resourceType))
	}
	if !regionKnown(p.Region) {
		why = append(why, fmt.Sprintf("region: %q is not a region of this account", p.Region))
	}
	months := int64(0)
	switch p.PeriodType {
	case 2:
		months = int64(p.PeriodNum)
	case 3:
		months = 10 * int64(p.PeriodNum)
	default:
		why = append(why, "period_type: DSC is sold by month (2) or year (3)")
	}
	if p.PeriodNum < 1 {
		why = append(why, "period_num: must be at least 1")
	}
	if p.SubscriptionNum < 1 {
		why = append(why, "subscription_num: must be at least 1")
	}
	size := int64(1)
	if lp.resourceType != "hws.resource.type.dsc.base" && known {
		if p.ResourceSize == nil || *p.ResourceSize < 1 {
			why = append(why, "resource_size: expansion packages need a size of at least 1")
		} else {
			size = int64(*p.ResourceSize)
		}
	}
	if len(why) > 0 {
		return 0, why
	}
	return lp.monthly * months * int64(p.SubscriptionNum) * size, nil
}

// regionKnown reports whether DSC serves region (the items priced here are DSC's).
func regionKnown(region string) bool { return slices.Contains(dscRegions, region) }

// yuan renders fen as a decimal amount with two places, e.g. 375000 → "3750.00".
func yuan(fen int64) string { return fmt.Sprintf("%d.%02d", fen/100, fen%100) }

func payOrder(s *Server, c *huaweiRequest) (int, any, *apiError) {
	body, requestID := c.body, c.requestID
	var req struct {
		OrderID     string `json:"order_id"`
		UseCoupon   string `json:"use_coupon"`
		UseDiscount string `json:"use_discount"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return 0, nil, bssInvalid([]string{"body: " + err.Error()})
	}
	var problems []string
	for name, v := range map[string]string{"use_coupon": req.UseCoupon, "use_discount": req.UseDiscount} {
		if v != "YES" && v != "NO" {
			problems = append(problems, name+": must be YES or NO")
		}
	}
	if len(problems) > 0 {
		return 0, nil, bssInvalid(problems)
	}
	// Under the state file's lock (state.go): a payment made by another sandbox process is
	// seen, and this one is kept for the next.
	var refused *apiError
	err := s.syncState(func() bool {
		// Only an order BSS holds unpaid can be paid: not another cloud's, not one created paid.
		found := false
		for _, o := range s.orders {
			bill := s.billing[o.API]
			found = found || (o.OrderID == req.OrderID && bill != nil && bill.centre == huaweiBSS && bill.unpaid(o.Body))
		}
		if !found {
			refused = bssInvalid([]string{"order_id: no unpaid order " + quoteOrMissing(req.OrderID) + " in this account"})
			return false
		}
		for _, p := range s.paid {
			if p.OrderID == req.OrderID {
				refused = bssInvalid([]string{"order_id: order " + req.OrderID + " has already been paid"})
				return false
			}
		}
		s.paid = append(s.paid, Payment{OrderID: req.OrderID, RequestID: requestID, At: s.now()})
		return true
	})
	switch {
	case err != nil:
		e := c.op.internal
		e.Message += " (" + s.stateTrouble(err) + ")"
		return 0, nil, &e
	case refused != nil:
		return 0, nil, refused
	}
	return http.StatusNoContent, nil, nil
}

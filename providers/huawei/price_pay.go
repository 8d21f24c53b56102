package huawei

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	bss "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bss/v2"
	bssmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bss/v2/model"
	bssintl "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bssintl/v2"
	bssintlmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bssintl/v2/model"
	dscmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1/model"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// DSC prices and payment through BSS: ListRateOnPeriodDetail (POST /v2/bills/ratings/period-
// resources/subscribe-rate) prices each product_infos item and answers its product_id — the
// way Terraform's DSC resource fills product_id (huaweicloud/terraform-provider-huaweicloud,
// huaweicloud/services/dsc/resource_huaweicloud_dsc_instance.go); PayOrders (POST /v3/orders/
// customer-orders/pay) pays the order DSC creates unpaid.

const dscBaseType = "hws.resource.type.dsc.base"

// periodItem is one BSS inquiry item. The edition itself is sent without a size, as Terraform
// does; expansion packages carry their size and its measure.
func periodItem(id, serviceType, resourceType, spec, region string, size, measure, periodType, periodNum int32) bssmodel.PeriodProductInfo {
	it := bssmodel.PeriodProductInfo{Id: id, CloudServiceType: serviceType, ResourceType: resourceType, ResourceSpec: spec,
		Region: region, PeriodType: periodType, PeriodNum: periodNum, SubscriptionNum: 1}
	if resourceType != dscBaseType {
		it.ResourceSize, it.SizeMeasureId = &size, &measure
	}
	return it
}

// rate asks BSS (the account's site) for the list prices of items.
func (p *Provider) rate(ctx context.Context, region, projectID string, items []bssmodel.PeriodProductInfo) (*bssmodel.ListRateOnPeriodDetailResponse, error) {
	if projectID == "" {
		return nil, invalid(fmt.Errorf("no project id: the BSS price inquiry needs one of the account's project ids"))
	}
	c, err := p.bssCall(ctx, region)
	if err != nil {
		return nil, asLookupError(err)
	}
	req := &bssmodel.ListRateOnPeriodDetailRequest{Body: &bssmodel.RateOnPeriodReq{ProjectId: projectID, ProductInfos: items}}
	return onSite(p, c, "ask BSS for the list price (ListRateOnPeriodDetail)", req,
		bss.NewBssClient(c.hc).ListRateOnPeriodDetail, bssintl.NewBssintlClient(c.hc).ListRateOnPeriodDetail)
}

func (p *Provider) intl() bool { return p.opts.BSSSite == SiteIntl || p.opts.BSSSite == SiteEU }

// onSite sends one read-only BSS request (what names it in errors) on the account's site and
// answers in the bss model. The bss and bssintl models share their JSON shapes: on the
// international and European sites the request is converted to bssintl's model and the answer
// back; a request that cannot be converted is not sent (Invalid), an answer that cannot be
// converted after the request went out is Unknown.
func onSite[Req, Resp, IntlReq, IntlResp any](p *Provider, c *call, what string, req *Req,
	domestic func(*Req) (*Resp, error), international func(*IntlReq) (*IntlResp, error)) (*Resp, error) {
	if !p.intl() {
		resp, err := domestic(req)
		if err != nil {
			return nil, classify(what, err, c.reach())
		}
		return resp, nil
	}
	ir := new(IntlReq)
	if err := convert(req, ir); err != nil {
		return nil, invalid(err)
	}
	answer, err := international(ir)
	if err == nil {
		resp := new(Resp)
		if err = convert(answer, resp); err == nil {
			return resp, nil
		}
	}
	return nil, classify(what, err, c.reach())
}

// convert copies between the bss and bssintl models, which share their JSON shapes.
func convert(from, to any) error {
	b, err := json.Marshal(from)
	if err != nil {
		return fmt.Errorf("convert %T: %w", from, err)
	}
	if err := json.Unmarshal(b, to); err != nil {
		return fmt.Errorf("convert to %T: %w", to, err)
	}
	return nil
}

// asLookupError keeps a classified error (an IAM answer while finding the account id) and
// marks anything else as not sent.
func asLookupError(err error) error {
	if _, ok := err.(*providers.Error); ok {
		return err
	}
	return invalid(err)
}

// dscProductID prices one DSC item and offers its product id, labelled with the price.
func (p *Provider) dscProductID(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	in := q.Inputs
	if in["resource_type"] == "" || in["resource_spec_code"] == "" {
		return nil, invalid(fmt.Errorf("choose the item's resource type and spec code first: the product id is looked up for them"))
	}
	region := in["region_id"]
	if region == "" {
		region = q.Region
	}
	service := in["cloud_service_type"]
	if service == "" {
		service = "hws.service.type.sdg"
	}
	nums, err := int32s(in, "period_type", "period_num", "resource_size", "resource_size_measure_id")
	if err != nil {
		return nil, invalid(err)
	}
	item := periodItem("1", service, in["resource_type"], in["resource_spec_code"], region,
		nums["resource_size"], nums["resource_size_measure_id"], nums["period_type"], nums["period_num"])
	resp, err := p.rate(ctx, q.Region, q.ProjectID, []bssmodel.PeriodProductInfo{item})
	if err != nil {
		return nil, err
	}
	currency := deref(resp.Currency)
	period := periodText(nums["period_type"], nums["period_num"])
	var out []flows.Option
	for _, r := range ratingResults(resp) {
		id := deref(r.ProductId)
		if id == "" {
			continue
		}
		amount := ""
		if r.OfficialWebsiteAmount != nil {
			amount = r.OfficialWebsiteAmount.StringFixed(2)
		}
		// The label sits beside the value in every picker: say the price, not the id again.
		en := providers.JoinNonEmpty(" · ", joinSpace(amount, currency), period.EN)
		zh := providers.JoinNonEmpty(" · ", joinSpace(amount, currency), period.ZH)
		out = append(out, flows.Option{Value: id, Label: i18n.T(en, zh), Help: providers.ListPriceCaveat})
	}
	if len(out) == 0 {
		return nil, &providers.Error{Kind: providers.Rejected, Message: "BSS priced the item but named no product id for it"}
	}
	return out, nil
}

func ratingResults(resp *bssmodel.ListRateOnPeriodDetailResponse) []bssmodel.PeriodProductOfficialRatingResult {
	if resp.OfficialWebsiteRatingResult == nil || resp.OfficialWebsiteRatingResult.ProductRatingResults == nil {
		return nil
	}
	return *resp.OfficialWebsiteRatingResult.ProductRatingResults
}

// int32s reads the named inputs as integers ("" = 0).
func int32s(in map[string]string, names ...string) (map[string]int32, error) {
	out := map[string]int32{}
	for _, n := range names {
		if in[n] == "" {
			continue
		}
		v, err := strconv.ParseInt(in[n], 10, 32)
		if err != nil {
			return nil, fmt.Errorf("%s must be a whole number, not %q", n, in[n])
		}
		out[n] = int32(v)
	}
	return out, nil
}

// periodText is "1 month" / "2 years" (2 month, 3 year, as both DSC and BSS number them).
func periodText(periodType, n int32) i18n.Text {
	switch periodType {
	case 2:
		if n == 1 {
			return i18n.T("1 month", "1 个月")
		}
		return i18n.Tf("%d months", "%d 个月", n)
	case 3:
		if n == 1 {
			return i18n.T("1 year", "1 年")
		}
		return i18n.Tf("%d years", "%d 年", n)
	}
	return i18n.Tf("period type %d × %d", "周期类型 %d × %d", periodType, n)
}

func joinSpace(a, b string) string {
	switch {
	case a == "":
		return ""
	case b == "":
		return a
	}
	return a + " " + b
}

// Quote prices an order with its API's price inquiry; an API without a documented inquiry
// says so rather than guessing.
func (p *Provider) Quote(ctx context.Context, o flows.Order) (providers.Quote, error) {
	s, err := p.apis.Spec(o.API, "price")
	if err != nil {
		return providers.Quote{}, err
	}
	if s.quote == nil {
		return providers.Quote{Note: providers.NoPriceInquiry}, nil
	}
	q, err := s.quote(ctx, p, o)
	return q, p.scrub(err)
}

// quoteDSC prices a DSC order through BSS, item by item (DSC's quote, dsc.go).
func quoteDSC(ctx context.Context, p *Provider, o flows.Order) (providers.Quote, error) {
	var b dscmodel.PeriodOrderRequest
	if err := decodeStrict(o.CompactBody(), &b); err != nil {
		return providers.Quote{}, invalid(err)
	}
	if b.ChargingMode != 0 {
		return providers.Quote{Note: i18n.T("only yearly/monthly (charging_mode 0) DSC orders have a price inquiry",
			"只有包周期(charging_mode 0)的数据安全中心订单可以询价")}, nil
	}
	items := make([]bssmodel.PeriodProductInfo, len(b.ProductInfos))
	for i, it := range b.ProductInfos {
		items[i] = periodItem(strconv.Itoa(i), it.CloudServiceType, it.ResourceType, it.ResourceSpecCode, b.RegionId,
			it.ResourceSize, it.ResourceSizeMeasureId, b.PeriodType, b.PeriodNum)
	}
	resp, err := p.rate(ctx, o.Region, o.ProjectID, items)
	if err != nil {
		return providers.Quote{}, err
	}
	q := providers.Quote{Priced: true, Currency: deref(resp.Currency), Period: periodText(b.PeriodType, b.PeriodNum),
		Note: providers.ListPriceCaveat}
	if r := resp.OfficialWebsiteRatingResult; r != nil && r.OfficialWebsiteAmount != nil {
		q.Total = r.OfficialWebsiteAmount.StringFixed(2)
	}
	byID := map[string]bssmodel.PeriodProductOfficialRatingResult{}
	for _, r := range ratingResults(resp) {
		byID[deref(r.Id)] = r
	}
	for i, it := range b.ProductInfos {
		pi := providers.PriceItem{Path: fmt.Sprintf("body.product_infos[%d]", i), Label: it.ResourceSpecCode, Sends: it.ProductId}
		if r, ok := byID[strconv.Itoa(i)]; ok {
			pi.ProductID = deref(r.ProductId)
			if r.OfficialWebsiteAmount != nil {
				pi.Amount = r.OfficialWebsiteAmount.StringFixed(2)
			}
		}
		q.Items = append(q.Items, pi)
	}
	return q, nil
}

// PayOrder pays an order the API created unpaid, with no coupon or discount, exactly once.
func (p *Provider) PayOrder(ctx context.Context, pay providers.Payment) (providers.Result, error) {
	res, err := p.payOrder(ctx, pay)
	return p.scrubResult(res), p.scrub(err)
}

func (p *Provider) payOrder(ctx context.Context, pay providers.Payment) (providers.Result, error) {
	switch {
	case p.apis.Of(pay.API).submit == nil: // not an API of this provider
		return providers.Result{}, invalid(fmt.Errorf("the Huawei Cloud provider does not pay %s orders", pay.API))
	case pay.OrderID == "":
		return providers.Result{}, invalid(fmt.Errorf("no order id to pay"))
	case ctx.Err() != nil: // as an order whose context ended first (alibaba submitPAI)
		return providers.Result{}, &providers.Error{Kind: providers.NotSent, Message: context.Cause(ctx).Error(), Err: ctx.Err()}
	}
	c, err := p.bssCall(ctx, pay.Region)
	if err != nil {
		return providers.Result{}, unpaid(err)
	}
	// The body journaled is the body sent: decoded strictly from Payment.Body into the site's
	// model and checked to encode back to the same JSON, as an order's is (submit.go).
	if p.intl() {
		body := &bssintlmodel.PayCustomerOrderV3Req{}
		if err := exactly(pay.Body(), body); err != nil {
			return providers.Result{}, invalid(err)
		}
		_, err = bssintl.NewBssintlClient(c.hc).PayOrders(&bssintlmodel.PayOrdersRequest{Body: body})
	} else {
		body := &bssmodel.PayCustomerOrderV3Req{}
		if err := exactly(pay.Body(), body); err != nil {
			return providers.Result{}, invalid(err)
		}
		_, err = bss.NewBssClient(c.hc).PayOrders(&bssmodel.PayOrdersRequest{Body: body})
	}
	if err != nil {
		return providers.Result{}, classify("pay order "+pay.OrderID+" (BSS PayOrders)", err, c.reach())
	}
	return providers.Result{OrderID: pay.OrderID, RequestID: c.RequestID(), Response: map[string]any{"paid": true}}, nil
}

// unpaid classifies a failure before the payment left (the credentials, or IAM's account id
// that BSS needs): nothing was paid. Settings the cloud refused, or none, are Invalid; IAM not
// reached or not answering is NotSent — the payment itself is provably not sent and safe to
// try again — not Invalid, which would send the person to their settings.
func unpaid(err error) error {
	var pe *providers.Error
	if errors.As(err, &pe) && (pe.Kind == providers.NotSent || pe.Kind == providers.Unknown) {
		return &providers.Error{Kind: providers.NotSent, Message: pe.Message, RequestID: pe.RequestID, Err: err}
	}
	return invalid(err)
}

// Unpaid: an API whose Spec says unpaid (DSC) creates its orders unpaid: they are paid in the
// Billing Center, or with PayOrder. The link is the Billing Center's order list of the
// account's site.
func (p *Provider) Unpaid(api flows.APIID) (bool, string) {
	if !p.apis.Of(api).unpaid {
		return false, ""
	}
	if p.intl() {
		return true, "https://account-intl.huaweicloud.com/usercenter/#/userindex/allOrders"
	}
	return true, "https://account.huaweicloud.com/usercenter/#/userindex/allOrders"
}

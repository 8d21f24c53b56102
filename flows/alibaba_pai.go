package flows

import (
	"strings"

	"cloudorder/i18n"
)

// Alibaba Cloud PAI / AIWorkSpace CreateProductOrders (the Chinese and English API reference,
// https://help.aliyun.com/zh/pai/developer-reference/api-aiworkspace-2021-02-04-createproductorders):
// POST /api/v1/productorders activates pay-as-you-go DataWorks, MaxCompute, PAI and OSS.
//
// Both doc pages mark every field optional. cloudorder still requires ProductCode (an order
// without a product buys nothing) and offers every other field with the documented value
// preselected, so the body a reviewer reads says exactly what is bought.

// Product codes (all are the pay-as-you-go "_share" SKUs).
const (
	dataWorksShare  = "DataWorks_share"
	maxComputeShare = "MaxCompute_share"
	paiShare        = "PAI_share"
	ossShare        = "OSS_share"
)

// alibabaRegions are the regions with an AIWorkSpace endpoint of their own,
// aiworkspace.<region>.aliyuncs.com, in the official SDKs' endpoint map (e.g.
// https://github.com/aliyun/alibabacloud-typescript-sdk/blob/master/aiworkspace-20210204/src/client.ts);
// providers/alibaba/endpoint.go resolves them and the regions the map sends elsewhere.
var alibabaRegions = []Option{
	{Value: "cn-hangzhou", Label: i18n.T("China (Hangzhou)", "华东1(杭州)")},
	{Value: "cn-shanghai", Label: i18n.T("China (Shanghai)", "华东2(上海)")},
	{Value: "cn-beijing", Label: i18n.T("China (Beijing)", "华北2(北京)")},
	{Value: "cn-shenzhen", Label: i18n.T("China (Shenzhen)", "华南1(深圳)")},
	{Value: "cn-guangzhou", Label: i18n.T("China (Guangzhou)", "华南3(广州)")},
	{Value: "cn-heyuan", Label: i18n.T("China (Heyuan)", "华南2(河源)")},
	{Value: "cn-wulanchabu", Label: i18n.T("China (Ulanqab)", "华北6(乌兰察布)")},
	{Value: "cn-hongkong", Label: i18n.T("China (Hong Kong)", "中国香港")},
	{Value: "cn-shanghai-finance-1", Label: i18n.T("China East 2 Finance", "华东2 金融云")},
	{Value: "ap-southeast-1", Label: i18n.T("Singapore", "新加坡")},
	{Value: "ap-southeast-3", Label: i18n.T("Malaysia (Kuala Lumpur)", "马来西亚(吉隆坡)")},
	{Value: "ap-southeast-5", Label: i18n.T("Indonesia (Jakarta)", "印度尼西亚(雅加达)")},
	{Value: "ap-southeast-7", Label: i18n.T("Thailand (Bangkok)", "泰国(曼谷)")},
	{Value: "ap-southeast-8", Label: i18n.T("Philippines (Manila)", "菲律宾(马尼拉)")},
	{Value: "ap-northeast-1", Label: i18n.T("Japan (Tokyo)", "日本(东京)")},
	{Value: "ap-northeast-2", Label: i18n.T("South Korea (Seoul)", "韩国(首尔)")},
	{Value: "ap-south-1", Label: i18n.T("India (Mumbai)", "印度(孟买)")},
	{Value: "eu-central-1", Label: i18n.T("Germany (Frankfurt)", "德国(法兰克福)")},
	{Value: "us-east-1", Label: i18n.T("US (Virginia)", "美国(弗吉尼亚)")},
	{Value: "us-west-1", Label: i18n.T("US (Silicon Valley)", "美国(硅谷)")},
	{Value: "us-southeast-1", Label: i18n.T("US (Atlanta)", "美国(亚特兰大)")},
	{Value: "na-south-1", Label: i18n.T("Mexico", "墨西哥")},
}

// regionIDPattern is the shape of a region id, "cn-hangzhou" or "ap-southeast-1".
const regionIDPattern = `^[a-z]{2,}(-[a-z0-9]+)+$`

var regionIDRule = i18n.T("is not a region id (like cn-hangzhou)", "不是区域 ID(形如 cn-hangzhou)")

// checkOrderRegion warns about an order's region (already shaped like a region id) that has
// no AIWorkSpace endpoint of its own.
func checkOrderRegion(_ Ctx, v string) *Problem {
	if !offered(alibabaRegions, v) {
		return &Problem{Warning: true, Msg: i18n.Tf("%[1]s has no AIWorkSpace endpoint of its own: the order goes to the central aiworkspace.aliyuncs.com where the official SDKs say so, else to aiworkspace.%[1]s.aliyuncs.com, which may not exist; regions with their own endpoint: %[2]s",
			"%[1]s 没有自己的 AIWorkSpace 接入地址:官方 SDK 指定时订单发往中心地址 aiworkspace.aliyuncs.com,否则发往可能不存在的 aiworkspace.%[1]s.aliyuncs.com;有自己接入地址的地域:%[2]s", v, regionList())}
	}
	return nil
}

func regionList() string {
	ids := make([]string, len(alibabaRegions))
	for i, o := range alibabaRegions {
		ids[i] = o.Value
	}
	return strings.Join(ids, ", ")
}

// maxComputeSiteRules warns when a MaxCompute_share product has no odps_specification_type
// and nobody chose the outside-mainland site in the wizard (a loaded file): that order is only
// right for accounts outside mainland China.
func maxComputeSiteRules(a *Answers) []Problem {
	var out []Problem
	for i := range a.Count("body.Products") {
		p := ItemPath("body.Products", i)
		if a.Get(p+".ProductCode") != maxComputeShare || a.Given(p+".InstanceProperties.odps_specification_type") || a.isTouched(p+".site") {
			continue
		}
		out = append(out, Problem{Path: p + ".InstanceProperties", Warning: true, Msg: i18n.T(
			"MaxCompute_share without odps_specification_type is the order for accounts outside mainland China (international bid); an account inside mainland China must add odps_specification_type = OdpsStandard",
			"没有 odps_specification_type 的 MaxCompute_share 订单只适用于中国内地以外的账号(国际 bid);中国内地账号必须添加 odps_specification_type = OdpsStandard")})
	}
	return out
}

// product reports whether the enclosing product item has one of the codes.
func product(c Ctx, codes ...string) bool {
	pc := c.Sibling("ProductCode")
	for _, code := range codes {
		if pc == code {
			return true
		}
	}
	return false
}

// pricingCycles: the docs say DataWorks_share supports only Month, OSS_share and MaxCompute_share
// only Hour. PAI_share's cycle is not stated (the English page literally gives it neither):
// cloudorder offers both, preselects Hour like the other metered SKUs, and warns.
func pricingCycles(c Ctx) []Option {
	month := Option{Value: "Month", Label: i18n.T("Month", "按月"), Help: i18n.T("Monthly billing.", "按月计价。")}
	hour := Option{Value: "Hour", Label: i18n.T("Hour", "按小时"), Help: i18n.T("Hourly billing.", "按小时计价。")}
	switch c.Sibling("ProductCode") {
	case dataWorksShare:
		return []Option{month}
	case ossShare, maxComputeShare:
		return []Option{hour}
	}
	return []Option{hour, month}
}

func checkPricingCycle(c Ctx, v string) *Problem {
	pc := c.Sibling("ProductCode")
	switch {
	case pc == dataWorksShare && v != "Month":
		return &Problem{Msg: i18n.T("DataWorks_share supports only Month", "DataWorks_share 只支持 Month")}
	case (pc == ossShare || pc == maxComputeShare) && v != "Hour":
		return &Problem{Msg: i18n.Tf("%s supports only Hour", "%s 只支持 Hour", pc)}
	case pc == paiShare && (v == "Hour" || v == "Month"):
		return &Problem{Warning: true, Msg: i18n.T("the docs do not say which PricingCycle PAI_share accepts; Hour matches the other pay-as-you-go products",
			"文档未说明 PAI_share 支持的计价单位;Hour 与其他后付费产品一致")}
	}
	return nil
}

// PAI is Alibaba Cloud PAI (AIWorkSpace 2021-02-04) CreateProductOrders.
var PAI = alibabaPAI()

func alibabaPAI() *API {
	yesNo := []Option{
		{Value: "true", Label: i18n.T("Yes", "是")},
		{Value: "false", Label: i18n.T("No", "否")},
	}
	onlyPostpay := i18n.T("only POSTPAY is supported", "目前只支持 POSTPAY")
	onlyBuy := i18n.T("only BUY is supported", "目前只支持 BUY")
	onlyOne := i18n.T("only 1 is supported", "目前只支持 1")

	products := &Field{
		Name: "Products", Kind: Array, Step: StepProducts, MinItems: 1, SummaryKey: "ProductCode",
		Label: i18n.T("Products", "产品"),
		Help: i18n.T("The products to buy in this order. Each product is activated pay-as-you-go; add one item per product.",
			"本次购买的产品列表。每个产品均为后付费开通;每个产品添加一项。"),
		Fields: []*Field{
			{
				Name: "AutoRenew", Kind: Boolean, Step: StepBilling, Default: "false", Options: yesNo,
				Label: i18n.T("Auto-renew", "自动续费"),
				Help: i18n.T("Whether the product renews automatically. The docs give no default; cloudorder starts from No, which never costs more.",
					"是否自动续费。文档未给默认值;cloudorder 默认“否”,不会产生额外费用。"),
				Decision: i18n.T("The docs give no default (their example says true); cloudorder starts from false, which never costs more.",
					"文档未给默认值(示例为 true);cloudorder 默认 false,不会产生额外费用。"),
			},
			{
				Name: "ProductCode", Kind: String, Step: StepProducts, Required: true, Default: dataWorksShare, Selects: true,
				RequiredWhy: i18n.T("an order without a product code buys nothing (the docs mark every field optional)", "没有产品代码的订单什么也不会购买(文档将所有字段标为可选)"),
				Decision: i18n.T("Both doc pages mark every field optional; cloudorder requires ProductCode, and decides by it which PricingCycle and InstanceProperties apply.",
					"两个文档页面都将所有字段标为可选;cloudorder 要求 ProductCode,并据此决定适用的 PricingCycle 与 InstanceProperties。"),
				Label: i18n.T("Product code", "产品代码"),
				Help:  i18n.T("Which pay-as-you-go product this item activates; it decides the pricing cycle and the instance properties the item takes. Nothing is paid upfront: the product bills for what is used.", "此项开通的后付费产品;它决定适用的计费周期与实例属性。开通时无预付费用:产品按实际用量计费。"),
				Options: []Option{
					{Value: dataWorksShare, Label: i18n.T("DataWorks (pay-as-you-go)", "DataWorks 后付费"), Help: i18n.T("DataWorks pay-as-you-go; billed monthly.", "DataWorks 后付费商品;按月计价。")},
					{Value: maxComputeShare, Label: i18n.T("MaxCompute (pay-as-you-go)", "MaxCompute 后付费"), Help: i18n.T("MaxCompute pay-as-you-go; billed hourly.", "MaxCompute 后付费商品;按小时计价。")},
					{Value: paiShare, Label: i18n.T("PAI (pay-as-you-go)", "PAI 后付费"), Help: i18n.T("Platform for AI pay-as-you-go; needs no instance properties.", "PAI 后付费商品;无需实例属性。")},
					{Value: ossShare, Label: i18n.T("OSS (pay-as-you-go)", "OSS 后付费"), Help: i18n.T("Object Storage Service pay-as-you-go; billed hourly.", "对象存储 OSS 后付费商品;按小时计价。")},
				},
			},
			{
				Name: "site", Kind: String, Local: true, Step: StepProducts, Default: "mainland", Rank: 1,
				Applies: func(c Ctx) bool { return product(c, maxComputeShare) },
				Label:   i18n.T("MaxCompute account site", "MaxCompute 账号站点"),
				Help: i18n.T("MaxCompute takes different instance properties for accounts inside and outside mainland China (China / international bid). Not sent; it decides the properties.",
					"MaxCompute 对中国内地账号(中国站)与内地以外账号(国际 bid)要求的实例属性不同。此项不发送,只决定实例属性。"),
				Options: []Option{
					{Value: "mainland", Label: i18n.T("Inside mainland China", "中国内地(中国站)"), Help: i18n.T("Adds odps_specification_type = OdpsStandard.", "需要 odps_specification_type = OdpsStandard。")},
					{Value: "international", Label: i18n.T("Outside mainland China", "中国内地以外(国际站)"), Help: i18n.T("No odps_specification_type.", "不需要 odps_specification_type。")},
				},
			},
			{
				Name: "ChargeType", Kind: String, Step: StepBilling, Default: "POSTPAY", OptionsRule: &onlyPostpay,
				Label:   i18n.T("Charge type", "付费类型"),
				Help:    i18n.T("How the product is paid for. Only pay-as-you-go (POSTPAY) is supported.", "付费类型,目前只支持后付费 POSTPAY。"),
				Options: []Option{{Value: "POSTPAY", Label: i18n.T("Pay-as-you-go", "后付费"), Help: i18n.T("Pay after use.", "先用后付。")}},
			},
			{
				Name: "OrderType", Kind: String, Step: StepBilling, Default: "BUY", OptionsRule: &onlyBuy,
				Label:   i18n.T("Order type", "订单类型"),
				Help:    i18n.T("The kind of order. Only a new purchase (BUY) is supported.", "订单类型,目前只支持新购 BUY。"),
				Options: []Option{{Value: "BUY", Label: i18n.T("Buy", "新购"), Help: i18n.T("A new purchase.", "新购买。")}},
			},
			{
				Name: "PricingCycle", Kind: String, Step: StepBilling, OptionsFor: pricingCycles, OptionsBy: "ProductCode", Check: checkPricingCycle,
				CheckSays: i18n.T("DataWorks_share takes only Month; OSS_share and MaxCompute_share only Hour; PAI_share either, with a warning.",
					"DataWorks_share 只能为 Month;OSS_share 与 MaxCompute_share 只能为 Hour;PAI_share 两者皆可,但会给出警告。"),
				Decision: i18n.T("The docs do not say which cycle PAI_share takes: cloudorder offers both, starts from Hour like the other pay-as-you-go products, and warns.",
					"文档未说明 PAI_share 的计价单位:cloudorder 两者都提供,默认 Hour(与其他后付费产品一致),并给出警告。"),
				DefaultFor: func(c Ctx) string { return pricingCycles(c)[0].Value },
				Label:      i18n.T("Pricing cycle", "计价单位"),
				Help: i18n.T("The billing unit: DataWorks_share supports only Month; OSS_share and MaxCompute_share only Hour.",
					"计价单位:DataWorks_share 只支持 Month;OSS_share、MaxCompute_share 只支持 Hour。"),
			},
			{
				Name: "Duration", Kind: Integer, Step: StepBilling, Default: "1", OptionsRule: &onlyOne,
				Label:   i18n.T("Duration", "购买时长"),
				Help:    i18n.T("How many pricing cycles to buy, used with PricingCycle. Only 1 is supported.", "购买时长,与 PricingCycle 配合使用,目前只支持 1。"),
				Options: []Option{{Value: "1", Label: i18n.T("1 cycle", "1 个周期")}},
			},
			{
				Name: "InstanceProperties", Kind: Properties, Step: StepProperties,
				Applies:     func(c Ctx) bool { return !product(c, paiShare) },
				AppliesWhen: i18n.T("to DataWorks_share, OSS_share and MaxCompute_share (PAI_share takes none)", "DataWorks_share、OSS_share 和 MaxCompute_share(PAI_share 无实例属性)"),
				Label:       i18n.T("Instance properties", "实例属性"),
				Help:        i18n.T("The product's documented instance properties; each product code takes its own set.", "产品的实例属性;每个产品代码有各自的属性集合。"),
				Fields:      instanceProperties(),
			},
		},
	}

	return &API{
		ID: AlibabaPAI, Cloud: "alibaba", Method: "POST", Path: "/api/v1/productorders",
		// OrderId: "purchase order id", a string of digits in the documented example 210292536260646.
		OrderIDPattern: `^[0-9]{1,32}$`,
		DocURL:         "https://help.aliyun.com/zh/pai/developer-reference/api-aiworkspace-2021-02-04-createproductorders",
		Title:          i18n.T("Alibaba Cloud PAI — CreateProductOrders", "阿里云 PAI — CreateProductOrders(购买产品)"),
		Help: i18n.T("Activates pay-as-you-go DataWorks, MaxCompute, PAI and OSS (AIWorkSpace API 2021-02-04, POST /api/v1/productorders).",
			"开通 DataWorks、MaxCompute、PAI、OSS 后付费(AIWorkSpace 2021-02-04,POST /api/v1/productorders)。"),
		Fields: []*Field{
			{
				Name: "region", Kind: String, Step: StepRegion, Required: true, Default: "cn-hangzhou",
				RequiredWhy: i18n.T("it picks the endpoint that receives the order", "它决定接收订单的接入地址"),
				Options:     alibabaRegions, Open: true, Check: checkOrderRegion,
				Pattern: regionIDPattern, PatternRule: regionIDRule,
				CheckSays: i18n.T("A region without an AIWorkSpace endpoint of its own is accepted with a warning.", "没有自己 AIWorkSpace 接入地址的地域可以使用,但会给出警告。"),
				Decision: i18n.T("The docs list no regions; cloudorder offers those with an endpoint of their own in the official SDKs' endpoint map.",
					"文档未列出地域;cloudorder 提供官方 SDK 接入点表中有独立接入地址的地域。"),
				Label: i18n.T("Region", "地域"),
				Help: i18n.Text{
					EN: "The region whose AIWorkSpace endpoint receives the order; not part of the body. Supported, each with its own endpoint aiworkspace.<region>.aliyuncs.com: " +
						regionList() + ". Other regions in the official SDKs' endpoint map (e.g. cn-qingdao, cn-huhehaote, eu-west-1, me-east-1) use the central aiworkspace.aliyuncs.com.",
					ZH: "接收订单的 AIWorkSpace 接入地域,不在请求体中。支持以下地域(各有接入地址 aiworkspace.<region>.aliyuncs.com):" +
						regionList() + "。官方 SDK 接入点表中的其他地域(如 cn-qingdao、cn-huhehaote、eu-west-1、me-east-1)使用中心接入地址 aiworkspace.aliyuncs.com。",
				},
			},
			{
				Name: "body", Kind: Object, Step: StepProducts,
				Fields: []*Field{
					{
						Name: "AutoPay", Kind: Boolean, Step: StepBilling, Default: "true", Options: yesNo,
						Decision: i18n.T("The docs give no default; cloudorder starts from true, the docs' example.", "文档未给默认值;cloudorder 默认 true(文档示例值)。"),
						Label:    i18n.T("Auto-pay", "自动支付"),
						Help: i18n.T("Whether all products in the order are paid automatically. With No, the order waits for payment in the console.",
							"是否自动支付订单中的全部产品。选“否”时需在控制台完成支付。"),
					},
					products,
				},
			},
		},
		Rules: []Rule{{
			Says: i18n.T("A MaxCompute_share product without odps_specification_type is the order for accounts outside mainland China; inside mainland China it needs odps_specification_type = OdpsStandard (warning).",
				"没有 odps_specification_type 的 MaxCompute_share 是中国内地以外账号的订单;中国内地账号需要 odps_specification_type = OdpsStandard(警告)。"),
			Paths: []string{"body.Products.ProductCode", "body.Products.InstanceProperties.odps_specification_type"},
			Check: maxComputeSiteRules,
		}},
		AfterLoad: func(a *Answers) {
			// A loaded MaxCompute product without odps_specification_type is the
			// outside-mainland (international bid) variant.
			for i := range a.Count("body.Products") {
				p := ItemPath("body.Products", i)
				if a.Get(p+".ProductCode") == maxComputeShare {
					site := "mainland"
					if !a.Has(p + ".InstanceProperties.odps_specification_type") {
						site = "international"
					}
					a.put(p+".site", site)
				}
			}
		},
	}
}

// instanceProperties declares the documented property set of each product code:
// DataWorks_share: region; OSS_share: commodity_type, ord_time (sent with Names);
// MaxCompute_share: region, odps_specification_type (mainland only), ord_time; PAI_share: none.
func instanceProperties() []*Field {
	return []*Field{
		{
			Name: "region", Kind: String, Step: StepProperties, Required: true, Open: true,
			RequiredWhy: i18n.T("the docs' DataWorks_share and MaxCompute_share examples set it: the region the product is activated in", "文档中 DataWorks_share 与 MaxCompute_share 的示例都设置了它:开通产品的地域"),
			Options:     alibabaRegions, Pattern: regionIDPattern, PatternRule: regionIDRule,
			DefaultFor:  func(c Ctx) string { return c.Get("region") },
			Applies:     func(c Ctx) bool { return product(c, dataWorksShare, maxComputeShare) },
			AppliesWhen: i18n.T("to DataWorks_share and MaxCompute_share", "DataWorks_share 和 MaxCompute_share"),
			Label:       i18n.T("Product region", "产品地域"),
			Decision: i18n.T("Whether regions other than the docs' examples are accepted here is not stated; cloudorder starts from the order's region.",
				"文档未说明此处是否接受示例以外的地域;cloudorder 默认使用订单的地域。"),
			Help: i18n.T("The region the product is activated in (docs' examples: cn-shanghai for DataWorks, cn-hangzhou for MaxCompute). Starts as the order's region.",
				"开通产品的地域(文档示例:DataWorks 为 cn-shanghai,MaxCompute 为 cn-hangzhou)。默认与订单地域相同。"),
		},
		{
			Name: "commodity_type", Kind: String, Step: StepProperties, Required: true, Default: "oss", PropName: "对象存储 OSS",
			RequiredWhy: i18n.T("the docs' OSS_share example sets it", "文档中 OSS_share 的示例设置了它"),
			Options:     []Option{{Value: "oss", Label: i18n.T("Object Storage Service", "对象存储 OSS")}},
			Applies:     func(c Ctx) bool { return product(c, ossShare) },
			AppliesWhen: i18n.T("to OSS_share", "OSS_share"),
			Label:       i18n.T("Commodity type", "商品类型"),
			Help:        i18n.T("The OSS commodity; the documented value is oss.", "OSS 商品类型;文档取值为 oss。"),
		},
		{
			Name: "odps_specification_type", Kind: String, Step: StepProperties, Required: true, Default: "OdpsStandard",
			RequiredWhy: i18n.T("the docs' MaxCompute_share example for accounts inside mainland China sets it", "文档中面向中国内地账号的 MaxCompute_share 示例设置了它"),
			Options:     []Option{{Value: "OdpsStandard", Label: i18n.T("Standard", "标准版"), Help: i18n.T("MaxCompute standard edition.", "MaxCompute 标准版。")}},
			Applies: func(c Ctx) bool {
				return product(c, maxComputeShare) && c.Sibling("site") != "international"
			},
			AppliesWhen: i18n.T("to MaxCompute_share for accounts inside mainland China", "中国内地账号(中国站)的 MaxCompute_share"),
			Label:       i18n.T("MaxCompute specification", "MaxCompute 规格类型"),
			Help:        i18n.T("The MaxCompute edition activated, for accounts inside mainland China (China site) only; the documented value is OdpsStandard. International accounts leave it out.", "开通的 MaxCompute 规格,仅中国内地账号(中国站)需要;文档取值为 OdpsStandard。国际站账号不填。"),
		},
		{
			Name: "ord_time", Kind: String, Step: StepProperties, Required: true, Default: "1:Hour",
			RequiredWhy: i18n.T("the docs' OSS_share and MaxCompute_share examples set it", "文档中 OSS_share 与 MaxCompute_share 的示例设置了它"),
			Options:     []Option{{Value: "1:Hour", Label: i18n.T("1 hour", "1 小时")}},
			Applies:     func(c Ctx) bool { return product(c, ossShare, maxComputeShare) },
			AppliesWhen: i18n.T("to OSS_share and MaxCompute_share", "OSS_share 和 MaxCompute_share"),
			PropNameFor: func(c Ctx) string {
				if product(c, ossShare) {
					return "1 小时"
				}
				return ""
			},
			Label: i18n.T("Order time unit", "订购时长单位"),
			Help:  i18n.T("Metering time unit; the documented value is 1:Hour.", "计量时长;文档取值为 1:Hour。"),
		},
	}
}

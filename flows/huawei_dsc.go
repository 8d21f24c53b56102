package flows

import "cloudorder/i18n"

// Huawei Cloud Data Security Center (DSC) 实例下单 (https://support.huaweicloud.com/api-dsc/CreateProductOrder.html):
// POST /v1/{project_id}/period/order buys a DSC edition and its expansion packages.
//
// Required fields follow the SDK model (non-pointer fields of PeriodOrderRequest and
// ProductInfoBean), which match the doc's 是否必选 column. The catalog (service type, resource
// types, spec codes, measure ids) comes from the Terraform provider's DSC resource, the only
// public source that lists it. The order is created unpaid; pay it in the console or via BSS.

// DSC catalog values.
const (
	dscServiceType = "hws.service.type.sdg"
	dscBase        = "hws.resource.type.dsc.base"
	dscDB          = "hws.resource.type.dsc.db"
	dscOBS         = "hws.resource.type.dsc.obs"
)

var dscRegions = []Option{cnNorth4, cnNorth1, cnNorth9, cnEast2, cnEast3, cnSouth1, cnSW2,
	apSE1, apSE2, apSE3, saBrazil1, laSouth2, laNorth2, afSouth1, trWest1, euWest101}

// dscSpecs are the spec codes of each resource type; standard pairs with standard.
var dscSpecs = map[string][]Option{
	dscBase: {
		{Value: "base_standard", Label: i18n.T("Standard edition", "标准版"), Help: i18n.T("DSC standard edition.", "数据安全中心标准版。")},
		{Value: "base_professional", Label: i18n.T("Professional edition", "专业版"), Help: i18n.T("DSC professional edition.", "数据安全中心专业版。")},
	},
	dscDB: {
		{Value: "DB_standard", Label: i18n.T("Database package (standard)", "数据库扩展包(标准版)"), Help: i18n.T("Database expansion package for the standard edition.", "标准版的数据库扩展包。")},
		{Value: "DB_professional", Label: i18n.T("Database package (professional)", "数据库扩展包(专业版)"), Help: i18n.T("Database expansion package for the professional edition.", "专业版的数据库扩展包。")},
	},
	dscOBS: {
		{Value: "OBS_standard", Label: i18n.T("OBS package (standard)", "OBS 扩展包(标准版)"), Help: i18n.T("OBS expansion package for the standard edition.", "标准版的 OBS 扩展包。")},
		{Value: "OBS_professional", Label: i18n.T("OBS package (professional)", "OBS 扩展包(专业版)"), Help: i18n.T("OBS expansion package for the professional edition.", "专业版的 OBS 扩展包。")},
	},
}

// dscMeasures: 14/15/17 are the doc's examples; 30 (database package) and 47 (OBS package)
// are what the Terraform provider sends for expansion packages.
var dscMeasures = []Option{
	{Value: "14", Label: i18n.T("14 · count", "14 · 个/次"), Help: i18n.T("Count (个/次); used here for the edition itself.", "个/次;此处用于版本本身。")},
	{Value: "15", Label: i18n.T("15 · Mbps", "15 · Mbps"), Help: i18n.T("Bandwidth in Mbps.", "带宽,Mbps。")},
	{Value: "17", Label: i18n.T("17 · GB", "17 · GB"), Help: i18n.T("Capacity in GB.", "容量,GB。")},
	{Value: "30", Label: i18n.T("30 · database packages", "30 · 数据库扩展包"), Help: i18n.T("One database expansion package = one database.", "一个数据库扩展包 = 一个数据库。")},
	{Value: "47", Label: i18n.T("47 · OBS packages", "47 · OBS 扩展包"), Help: i18n.T("One OBS expansion package = 1 TB of OBS scanning.", "一个 OBS 扩展包 = 1 TB OBS 扫描量。")},
}

// dscDefaultMeasure: DB → 30, OBS → 47 (Terraform). The base edition is sold by count: the
// SDK always sends resource_size and its measure (non-pointer), so cloudorder sends 1 × 14
// rather than the zeros an unset int32 would put on the wire. (The doc's example shows 30/30
// on the base item, which looks copied from a database package.)
func dscDefaultMeasure(c Ctx) string {
	switch c.Sibling("resource_type") {
	case dscDB:
		return "30"
	case dscOBS:
		return "47"
	}
	return "14"
}

// dscEdition returns "standard" or "professional" from the order's base item, "" if none.
func dscEdition(a *Answers) string {
	for i := range a.Count("body.product_infos") {
		p := ItemPath("body.product_infos", i)
		if a.Get(p+".resource_type") == dscBase {
			switch a.Get(p + ".resource_spec_code") {
			case "base_standard":
				return "standard"
			case "base_professional":
				return "professional"
			}
		}
	}
	return ""
}

// DSC is Huawei Cloud Data Security Center's CreateProductOrder.
var DSC = huaweiDSC()

func huaweiDSC() *API {
	serviceType := []Option{{Value: dscServiceType, Label: i18n.T("Data Security Center", "数据安全中心"), Help: i18n.T("DSC's cloud service type.", "数据安全中心的云服务类型。")}}
	onlySDG := i18n.T("DSC orders use hws.service.type.sdg", "数据安全中心订单使用 hws.service.type.sdg")
	item := []*Field{
		{
			Name: "all_resource_names", Kind: StringList, Step: StepProperties, Rank: 9,
			Label: i18n.T("All resource names", "资源名称列表"),
			Help: i18n.T(`Optional: the names the resources this item creates are given (the docs say only "resource names"), comma separated; write it as a JSON array (["orders,2024", "crm"]) when a name contains a comma. Names do not change what is bought or its price.`,
				`可选:该项所创建资源的名称(文档只写“资源名称列表”),以逗号分隔;名称中含逗号时写成 JSON 数组(["orders,2024", "crm"])。名称不改变购买内容与价格。`),
		},
		{
			Name: "cloud_service_type", Kind: String, Step: StepProducts, Required: true, Default: dscServiceType, Rank: 3,
			Options: serviceType, OptionsRule: &onlySDG,
			Label: i18n.T("Cloud service type", "云服务类型"),
			Help:  i18n.T("The item's cloud service type; for DSC always hws.service.type.sdg.", "该产品的云服务类型;数据安全中心固定为 hws.service.type.sdg。"),
		},
		{
			Name: "display_id", Kind: String, Step: StepProperties, Rank: 9,
			Label: i18n.T("Display ID", "展示 ID"),
			Help: i18n.T("Optional: an ID the order shows for this item (the docs say only \"display ID\"). It does not change what is bought or its price; leave it out unless Huawei Cloud gave you one.",
				"可选:订单中该项的展示 ID(文档只写“展示ID”)。不改变购买内容与价格;除非华为云提供了该值,否则不填。"),
		},
		{
			Name: "product_id", Kind: String, Step: StepProducts, Required: true, Rank: 2,
			// BSS ListRateOnPeriodDetail prices the item and answers its product id; it asks
			// again whenever the item's type, spec, size, the region or the period changes.
			Lookup: LookupDSCProductID, Placeholder: pickOrTypeID,
			LookupInputs: []LookupInput{
				{Name: "cloud_service_type", From: "cloud_service_type"},
				{Name: "resource_type", From: "resource_type"},
				{Name: "resource_spec_code", From: "resource_spec_code"},
				{Name: "resource_size", From: "resource_size", Optional: true}, // the edition is priced without
				{Name: "resource_size_measure_id", From: "resource_size_measure_id", Optional: true},
				{Name: "region_id", From: "/body.region_id"},
				{Name: "period_type", From: "/body.period_type"},
				{Name: "period_num", From: "/body.period_num"},
			},
			Label: i18n.T("Product ID", "产品 ID"),
			Help: i18n.T("The catalog product ID of this edition or package in this region, as returned by the BSS price inquiry (ListRateOnPeriodDetail) for the spec code.",
				"该版本或扩展包在本区域的产品 ID,可通过 BSS 包周期询价接口(ListRateOnPeriodDetail)按产品编码查询。"),
			Pattern: productIDPattern, PatternRule: productIDRule, Decision: productIDDecision,
		},
		{
			Name: "product_spec_desc", Kind: String, Step: StepProperties, Rank: 9,
			Label: i18n.T("Spec description", "产品规格描述"),
			Help: i18n.T("Optional: a text describing the item's specification, carried with the order for display. It does not choose the specification: resource_spec_code does, and the price follows that.",
				"可选:描述该项规格的文字,随订单展示。它不决定规格:规格由 resource_spec_code 决定,价格也随之而定。"),
		},
		{
			Name: "resource_name", Kind: String, Step: StepProperties, Rank: 9,
			Label: i18n.T("Resource name", "资源名称"),
			Help: i18n.T("Optional: the name the resource this item creates is given, as the console and bill show it. It does not change what is bought or its price.",
				"可选:该项所创建资源的名称,显示在控制台与账单中。不改变购买内容与价格。"),
		},
		{
			Name: "resource_size", Kind: Integer, Step: StepProperties, Required: true, Default: "1", Rank: 1,
			HasMin: true, Min: 1,
			Label: i18n.T("Resource size", "资源数量"),
			Help: i18n.T("How much of the item: the number of databases (database packages) or of 1 TB OBS scanning packages; 1 for the edition itself.",
				"购买数量:数据库扩展包为数据库个数,OBS 扩展包为 OBS 扫描量(每包 1 TB);版本本身填 1。"),
		},
		{
			Name: "resource_size_measure_id", Kind: Integer, Step: StepProperties, Required: true, Rank: 2, HasMin: true, Min: 1,
			Options: dscMeasures, Open: true, DefaultFor: dscDefaultMeasure,
			CheckSays: i18n.T("Database packages are measured in 30, OBS packages in 47 (a warning otherwise).", "数据库扩展包的度量单位为 30,OBS 扩展包为 47(否则警告)。"),
			Decision: i18n.T("The docs list only 14, 15 and 17 as examples, and their example puts 30 on the edition itself; cloudorder sends 1 × 14 for the edition and, as the official Terraform provider does, 30 for database and 47 for OBS packages.",
				"文档只举例 14、15、17,且示例在版本本身上写了 30;cloudorder 为版本发送 1 × 14,并与官方 Terraform 一致,为数据库扩展包发送 30、OBS 扩展包发送 47。"),
			Check: func(c Ctx, v string) *Problem {
				if want := dscDefaultMeasure(c); c.Sibling("resource_type") != dscBase && v != want {
					return &Problem{Warning: true, Msg: i18n.Tf("expansion packages of this type are measured with %s", "此类扩展包的度量单位为 %s", want)}
				}
				return nil
			},
			Label: i18n.T("Size measure ID", "资源容量度量标识"),
			Help:  i18n.T("The unit of resource_size: 14 count, 15 Mbps, 17 GB, 30 database packages, 47 OBS packages.", "resource_size 的单位:14 个/次,15 Mbps,17 GB,30 数据库扩展包,47 OBS 扩展包。"),
		},
		{
			Name: "resource_spec_code", Kind: String, Step: StepProducts, Required: true, Rank: 1, OptionsBy: "resource_type",
			CheckSays: i18n.T("Expansion packages normally match the order's edition: standard with standard, professional with professional (a warning otherwise).",
				"扩展包通常与订单版本一致:标准版配标准版,专业版配专业版(否则警告)。"),
			Decision:   i18n.T("The docs name no spec codes; the catalog is the official Terraform provider's.", "文档未列出产品编码;目录取自官方 Terraform provider。"),
			OptionsFor: func(c Ctx) []Option { return dscSpecs[c.Sibling("resource_type")] },
			DefaultFor: func(c Ctx) string {
				opts := dscSpecs[c.Sibling("resource_type")]
				if len(opts) == 0 {
					return ""
				}
				// The edition defaults to the docs' example (professional); packages follow it.
				if c.Sibling("resource_type") != dscBase && dscEdition(c.A) == "standard" {
					return opts[0].Value
				}
				return opts[1].Value
			},
			Check: func(c Ctx, v string) *Problem {
				ed := dscEdition(c.A)
				if c.Sibling("resource_type") == dscBase || ed == "" {
					return nil
				}
				if (ed == "standard") != (v == "DB_standard" || v == "OBS_standard") {
					return &Problem{Warning: true, Msg: i18n.Tf("the order's edition is %s; expansion packages normally match it", "订单版本为%s,扩展包通常应与之匹配", ed)}
				}
				return nil
			},
			Label: i18n.T("Spec code", "产品编码"),
			Help: i18n.T("The edition or package: base_standard / base_professional for the edition, DB_* and OBS_* for expansion packages (standard with standard).",
				"版本或扩展包:版本为 base_standard / base_professional,扩展包为 DB_* 与 OBS_*(标准版配标准版)。"),
		},
		{
			Name: "resource_type", Kind: String, Step: StepProducts, Required: true, Rank: 0,
			// The first item is the edition; an item added after an edition is an expansion
			// package (an order buys one edition). Only earlier items are read: no cycle.
			DefaultFor: func(c Ctx) string {
				for i := range c.A.Count("body.product_infos") {
					p := ItemPath("body.product_infos", i)
					if p == c.Item {
						break
					}
					if c.A.Get(p+".resource_type") == dscBase {
						return dscDB
					}
				}
				return dscBase
			},
			Label: i18n.T("Resource type", "资源类型"),
			Help:  i18n.T("What this item buys: the DSC edition, a database expansion package, or an OBS expansion package.", "该项购买的内容:数据安全中心版本、数据库扩展包或 OBS 扩展包。"),
			Options: []Option{
				{Value: dscBase, Label: i18n.T("DSC edition", "数据安全中心版本"), Help: i18n.T("The edition itself (one per order).", "版本本身(每单一个)。")},
				{Value: dscDB, Label: i18n.T("Database expansion package", "数据库扩展包"), Help: i18n.T("Adds databases to protect.", "增加可防护的数据库数量。")},
				{Value: dscOBS, Label: i18n.T("OBS expansion package", "OBS 扩展包"), Help: i18n.T("Adds OBS scanning volume, 1 TB per package.", "增加 OBS 扫描量,每包 1 TB。")},
			},
		},
		{
			Name: "usage_factor", Kind: String, Step: StepProperties, Rank: 9,
			Label: i18n.T("Usage factor", "已使用系数"),
			Help: i18n.T("Optional: the usage factor an on-demand item is metered by, as Huawei's billing names it (e.g. Duration), with usage_value and usage_measure_id. A yearly/monthly order (charging_mode 0) is priced by its period, not by usage: leave it out.",
				"可选:按需计费项所依据的使用量因子(华为云计费中的名称,如 Duration),与 usage_value、usage_measure_id 一起使用。包周期订单(charging_mode 0)按周期计价,不按用量:不填。"),
		},
		{
			Name: "usage_measure_id", Kind: Integer, Step: StepProperties, Rank: 9, HasMin: true, Min: 1,
			Label: i18n.T("Usage measure ID", "已使用容量度量标识"),
			Help: i18n.T("Optional: the unit of usage_value in Huawei's billing (e.g. 4 = hour). Only meaningful with usage_factor for on-demand billing; a yearly/monthly order leaves it out.",
				"可选:usage_value 在华为云计费中的单位(如 4 = 小时)。仅在按需计费且给出 usage_factor 时有意义;包周期订单不填。"),
		},
		{
			Name: "usage_value", Kind: Number, Step: StepProperties, Rank: 9,
			Label: i18n.T("Usage value", "已使用值"),
			Help: i18n.T("Optional: how much of usage_factor, in usage_measure_id units (e.g. 1 hour), a JSON number. Only meaningful for on-demand billing; a yearly/monthly order leaves it out.",
				"可选:usage_factor 的用量(单位为 usage_measure_id,如 1 小时),JSON 数字。仅在按需计费时有意义;包周期订单不填。"),
		},
	}
	optional := func(name string, label, help i18n.Text) *Field {
		return &Field{Name: name, Kind: String, Step: StepBilling, Rank: 9, Label: label, Help: help}
	}
	return &API{
		ID: HuaweiDSC, Cloud: "huawei", Method: "POST", Path: "/v1/{project_id}/period/order",
		OrderIDPattern: huaweiOrderIDPattern,
		DocURL:         "https://support.huaweicloud.com/api-dsc/CreateProductOrder.html",
		Title:          i18n.T("Huawei Cloud DSC — instance order", "华为云数据安全中心 — 实例下单"),
		Help: i18n.T("Buys a Data Security Center edition and its expansion packages by billing mode and period (POST /v1/{project_id}/period/order). The order is created unpaid.",
			"按计费模式与周期购买数据安全中心版本及扩展包(POST /v1/{project_id}/period/order)。订单创建后待支付。"),
		Fields: []*Field{
			huaweiRegionField(dscRegions, i18n.T("The region whose DSC endpoint (sdg.<region>.myhuaweicloud.com) receives the order.",
				"接收订单的数据安全中心终端节点所在区域(sdg.<region>.myhuaweicloud.com)。")),
			projectIDField(),
			{
				Name: "body", Kind: Object, Step: StepProducts,
				Fields: []*Field{
					{
						Name: "charging_mode", Kind: Integer, Step: StepBilling, Required: true, Default: "0", Rank: 0,
						Label: i18n.T("Charging mode", "计费模式"),
						Help:  i18n.T("0 yearly/monthly (prepaid period), 1 on demand, 2 one-off.", "0 包周期计费,1 按需计费,2 一次性计费。"),
						Options: []Option{
							{Value: "0", Label: i18n.T("Yearly/monthly", "包周期"), Help: i18n.T("Prepaid for the period below.", "按下方周期预付。")},
							{Value: "1", Label: i18n.T("On demand", "按需"), Help: i18n.T("Billed by use.", "按使用量计费。")},
							{Value: "2", Label: i18n.T("One-off", "一次性"), Help: i18n.T("Charged once.", "一次性计费。")},
						},
						CheckSays: i18n.T("1 and 2 are accepted with a warning: DSC editions are sold yearly/monthly.", "1 与 2 可以使用,但会给出警告:数据安全中心版本按包周期售卖。"),
						Check: func(_ Ctx, v string) *Problem {
							if v == "1" || v == "2" {
								return &Problem{Warning: true, Msg: i18n.T("DSC editions are sold yearly/monthly; the console and Terraform only place charging_mode 0 orders",
									"数据安全中心版本按包周期售卖;控制台与 Terraform 只下 charging_mode 为 0 的订单")}
							}
							return nil
						},
					},
					{
						Name: "cloud_service_type", Kind: String, Step: StepProducts, Required: true, Default: dscServiceType,
						Options: serviceType, OptionsRule: &onlySDG,
						Label: i18n.T("Cloud service type", "云服务类型"),
						Help:  i18n.T("The order's cloud service type; for DSC always hws.service.type.sdg.", "订单的云服务类型;数据安全中心固定为 hws.service.type.sdg。"),
					},
					optional("composite_product_id", i18n.T("Combo package ID", "组合套餐 ID"),
						i18n.T("Optional: the ID of a combo package (组合套餐) this order buys as a bundle, priced as the package rather than item by item. Leave it out to buy the items on their own.",
							"可选:以组合套餐方式购买时的套餐 ID,按套餐而非逐项计价。不填则逐项购买。")),
					optional("discount_id", i18n.T("Discount ID", "折扣 ID"),
						i18n.T("Optional: the ID of a discount granted to your account to apply to this order; it lowers the amount to pay. Leave it out for the list price.",
							"可选:账号获得的、用于此订单的折扣 ID;会降低应付金额。不填则按官网价。")),
					{
						Name: "is_auto_renew", Kind: Integer, Step: StepBilling, Default: "0", Options: autoRenewOptions, Rank: 3,
						Label: i18n.T("Auto-renew", "自动续费"), Help: i18n.T("Whether the subscription renews automatically when its period ends, and is charged for the next one: 0 no, 1 yes.", "订购到期时是否自动续费并为下一周期扣费:0 否,1 是。"),
					},
					{
						Name: "period_num", Kind: Integer, Step: StepBilling, Required: true, Default: "1", HasMin: true, Min: 1, Rank: 2,
						Label: i18n.T("Number of periods", "订购周期数"),
						Help:  i18n.T("How many months or years to buy (at least 1; the docs state no upper bound).", "订购的月数或年数(至少 1;文档未给上限)。"),
					},
					{
						Name: "period_type", Kind: Integer, Step: StepBilling, Required: true, Default: "2", Rank: 1,
						Label: i18n.T("Period type", "订购周期类型"), Help: i18n.T("The unit of the period: 2 month, 3 year.", "订购周期单位:2 月,3 年。"),
						Options: []Option{
							{Value: "2", Label: i18n.T("Month", "月"), Help: i18n.T("Monthly period.", "按月订购。")},
							{Value: "3", Label: i18n.T("Year", "年"), Help: i18n.T("Yearly period.", "按年订购。")},
						},
					},
					{
						Name: "product_infos", Kind: Array, Step: StepProducts, Required: true, MinItems: 1, SummaryKey: "resource_spec_code",
						Label: i18n.T("Product items", "产品信息"),
						Help: i18n.T("One item per thing bought: the edition (one) and any database or OBS expansion packages.",
							"每项对应一种购买内容:版本(一个)以及数据库或 OBS 扩展包。"),
						Fields: item,
					},
					optional("promotion_activity_id", i18n.T("Promotion ID", "促销 ID"),
						i18n.T("Optional: the ID of a promotion campaign the order takes part in; the campaign's price applies. Leave it out for the list price.",
							"可选:订单参加的促销活动 ID;按活动价格计价。不填则按官网价。")),
					optional("promotion_info", i18n.T("Promotion info", "促销信息"),
						i18n.T("Optional: the promotion's details as the campaign gave them, sent with promotion_activity_id. Leave it out without a promotion.",
							"可选:促销活动提供的促销信息,与 promotion_activity_id 一起发送。没有促销时不填。")),
					{
						Name: "region_id", Kind: String, Step: StepRegion, Required: true, OptionsBy: "/region",
						CheckSays: i18n.T("Must equal the order's region (the project's region).", "必须与订单的区域(项目所在区域)相同。"),
						OptionsFor: func(c Ctx) []Option {
							return []Option{{Value: c.Get("region"), Label: i18n.T("The order's region", "订单所在区域")}}
						},
						DefaultFor: func(c Ctx) string { return c.Get("region") },
						Check: func(c Ctx, v string) *Problem {
							if r := c.Get("region"); v != r {
								return &Problem{Msg: i18n.Tf("must be the region of the project, %s", "必须是项目所在区域 %s", r)}
							}
							return nil
						},
						Label: i18n.T("Region ID", "区域 ID"),
						Help:  i18n.T("The region of the project, e.g. cn-north-4; follows the region chosen above.", "当前项目所在区域的 ID,如 cn-north-4;随上方所选区域变化。"),
					},
					{
						Name: "zone", Kind: String, Step: StepRegion, Required: true, Default: "CH", Open: true,
						Options: []Option{{Value: "CH", Label: i18n.T("CH (the docs' example)", "CH(文档示例)")}},
						Label:   i18n.T("Country area", "所属国家区域"),
						Decision: i18n.T("The docs' only example is CH and they give no list; the SDK sends the field always, the Terraform provider never. cloudorder requires it and starts from CH.",
							"文档唯一示例为 CH,未给出取值列表;SDK 总是发送该字段,Terraform provider 从不发送。cloudorder 要求填写,默认 CH。"),
						Help: i18n.T("The country area the order belongs to. The docs' only example is CH; the SDK requires the field.",
							"订单所属国家区域。文档唯一示例为 CH;SDK 要求此字段。"),
					},
				},
			},
		},
		Rules: []Rule{{
			Says: i18n.T("An order buys one DSC edition (hws.resource.type.dsc.base): a second one is an error; none is a warning, as expansion packages need an edition already bought.",
				"一个订单只购买一个版本(hws.resource.type.dsc.base):多于一个为错误;没有版本为警告,因为扩展包需要已购买的版本。"),
			Paths: []string{"body.product_infos.resource_type"},
			Check: dscRules,
		}},
	}
}

// dscRules: an order buys at most one edition.
func dscRules(a *Answers) []Problem {
	var out []Problem
	bases := 0
	for i := range a.Count("body.product_infos") {
		p := ItemPath("body.product_infos", i)
		if a.Get(p+".resource_type") == dscBase {
			bases++
			if bases > 1 {
				out = append(out, Problem{Path: p + ".resource_type", Msg: i18n.T("an order buys one DSC edition; remove the extra hws.resource.type.dsc.base item",
					"一个订单只能购买一个版本;请删除多余的 hws.resource.type.dsc.base 项")})
			}
		}
	}
	if bases == 0 && a.Count("body.product_infos") > 0 {
		out = append(out, Problem{Path: "body.product_infos", Warning: true, Msg: i18n.T("no DSC edition (hws.resource.type.dsc.base) in the order: expansion packages need an edition already bought",
			"订单中没有版本(hws.resource.type.dsc.base):扩展包需要已购买的版本")})
	}
	return out
}

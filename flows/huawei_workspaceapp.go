package flows

import (
	"fmt"
	"net/url"

	"cloudorder/i18n"
)

// Huawei Cloud Workspace App (云应用) 创建订单 (https://support.huaweicloud.com/api-workspace/CreateOrder.html):
// POST /v1/{project_id}/bundles/subscribe/order orders yearly/monthly app servers.
//
// Required fields follow the SDK model (CreateOrderReq, Resource, CreateServices, Volume) and
// the generated OpenAPI definition: exactly one resource; type only createApps. The doc text
// calls period_type 必填 although the SDK field is optional: cloudorder requires it.

var workspaceAppRegions = []Option{cnNorth4, cnEast3, cnSouth1, cnNorth9, cnSW2, cnEast5, cnNorth11,
	apSE1, apSE2, apSE3, afSouth1, afNorth1, saBrazil1, laSouth2, laNorth2, trWest1, meEast1}

// volumeTypes are the documented disk types (available ones per AZ come from ListVolumeType).
var volumeTypes = []Option{
	{Value: "ESSD", Label: i18n.T("ESSD · extreme SSD", "ESSD · 极速型SSD"), Help: i18n.T("Extreme SSD.", "极速型 SSD。")},
	{Value: "SSD", Label: i18n.T("SSD · ultra-high I/O", "SSD · 超高IO"), Help: i18n.T("Ultra-high I/O.", "超高 IO。")},
	{Value: "GPSSD", Label: i18n.T("GPSSD · general purpose SSD", "GPSSD · 通用型SSD"), Help: i18n.T("General purpose SSD.", "通用型 SSD。")},
	{Value: "SAS", Label: i18n.T("SAS · high I/O", "SAS · 高IO"), Help: i18n.T("High I/O.", "高 IO。")},
	{Value: "SATA", Label: i18n.T("SATA · common I/O", "SATA · 普通IO"), Help: i18n.T("Common I/O.", "普通 IO。")},
}

// volumeFields declares a Volume: a type, a size in GB that is a multiple of 10 within
// [10, max] (system disk 1024, data disk 32768), and an optional storage pool.
func volumeFields(step Step, max int64, defaultSize string, disk i18n.Text) []*Field {
	return []*Field{
		{
			Name: "type", Kind: String, Step: step, Required: true, Default: "SSD", Options: volumeTypes,
			Label: i18n.T("Disk type", "磁盘类型"),
			Help:  i18n.Text{EN: "The " + disk.EN + " type; which types an AZ sells comes from ListVolumeType.", ZH: disk.ZH + "类型;可用区可售类型见 ListVolumeType。"},
		},
		{
			Name: "size", Kind: Integer, Step: step, Required: true, Default: defaultSize,
			HasMin: true, Min: 10, HasMax: true, Max: max, Multiple: 10,
			Label: i18n.T("Size (GB)", "容量(GB)"),
			// Each language names the disk in its own words.
			Help: i18n.T(fmt.Sprintf("The %s size in GB: a multiple of 10, from 10 to %d.", disk.EN, max),
				fmt.Sprintf("%s容量,单位 GB:10 的倍数,范围 10 到 %d。", disk.ZH, max)),
		},
		{
			Name: "cluster_id", Kind: String, Step: step,
			Label: i18n.T("Storage pool ID", "存储池 ID"),
			Help: i18n.Text{EN: "Optional: the ID of the dedicated storage pool (DSS) the " + disk.EN + " is created in. Left out, the disk is created in the shared storage of its type.",
				ZH: "可选:" + disk.ZH + "所在专属存储池(DSS)的 ID。不填则在该类型的公共存储中创建。"},
		},
	}
}

// WorkspaceApp is Huawei Cloud Workspace App's CreateOrder.
var WorkspaceApp = huaweiWorkspaceApp()

func huaweiWorkspaceApp() *API {
	onlyCreateApps := i18n.T("only createApps is supported", "目前只支持 createApps")
	createServices := &Field{
		Name: "create_services", Kind: Object, Step: StepProducts, Required: true,
		Label: i18n.T("Service to create", "云服务下单实体"),
		Help:  i18n.T("The app servers this order creates: their product and flavor, OS, disks, network and server group. subscription_num says how many.", "本订单创建的云应用服务器:产品与规格、操作系统、磁盘、网络和服务器组。数量由 subscription_num 决定。"),
		Fields: []*Field{
			{
				Name: "availability_zone", Kind: String, Step: StepRegion, Open: true, Lookup: LookupWorkspaceAppAvailabilityZones,
				Label: i18n.T("Availability zone", "可用分区"), Example: "cn-north-4a",
				Help: i18n.T("Where the servers are created; left empty, the service picks one at random (ListAvailabilityZone).",
					"服务创建的可用分区;不指定时系统随机选择(见 ListAvailabilityZone)。"),
			},
			{
				Name: "data_volumes", Kind: Array, Step: StepVolumes, MaxItems: 10, SummaryKey: "type",
				Label: i18n.T("Data disks", "数据盘"), Help: i18n.T("Data disks each server gets besides its system disk, at most 10; each disk is billed by its type and size. Leave the list empty for servers with only a system disk.", "每台服务器在系统盘之外的数据盘,最多 10 块;每块盘按类型与大小计费。服务器只需系统盘时留空。"),
				Fields: volumeFields(StepVolumes, 32768, "100", i18n.T("data disk", "数据盘")),
			},
			{
				Name: "nics", Kind: Array, Step: StepProperties, SummaryKey: "subnet_id", Rank: 9,
				Label: i18n.T("NICs", "网卡"), Help: i18n.T("Network interfaces; the docs say this field is currently unused.", "网卡信息;文档说明该字段当前未使用。"),
				Decision: i18n.T("The docs call nics currently unused: cloudorder sends it when given, with a warning that it has no effect.", "文档说明 nics 当前未使用:cloudorder 在给出时发送,并警告其不起作用。"),
				Fields: []*Field{
					{Name: "ip_address", Kind: String, Step: StepProperties, Label: i18n.T("IP address", "IP 地址"),
						Help: i18n.T("The fixed IP address this network interface would get in its subnet. The API does not use nics yet, so it has no effect on the order.",
							"该网卡在子网中的固定 IP 地址。接口目前未使用 nics,因此对订单不起作用。")},
					{Name: "subnet_id", Kind: String, Step: StepProperties, Label: i18n.T("Subnet ID", "子网 ID"),
						Help: i18n.T("The subnet this network interface would be attached to. The API does not use nics yet, so it has no effect on the order.",
							"该网卡所连接的子网 ID。接口目前未使用 nics,因此对订单不起作用。")},
				},
			},
			{
				Name: "ou_name", Kind: String, Step: StepProperties, Rank: 5,
				Label: i18n.T("OU name", "OU 名称"),
				Help:  i18n.T("Optional: the Active Directory OU the servers join; it must already exist in AD.", "可选:对接 AD 时使用的 OU 名称,需提前在 AD 中创建。"),
			},
			{
				Name: "product_id", Kind: String, Step: StepProducts, Required: true, Open: true, Lookup: LookupWorkspaceAppProducts,
				Label: i18n.T("Product ID", "产品 ID"), Example: "workspace.appstream.general.xlarge.4",
				Help:    i18n.T("The app server product (package) to buy, from ListProduct.", "要购买的云应用产品套餐 ID,见 ListProduct。"),
				Pattern: productIDPattern, PatternRule: productIDRule, Decision: productIDDecision,
			},
			{
				Name: "flavor_id", Kind: String, Step: StepProducts, Example: "c3.large.4",
				Label: i18n.T("Flavor ID", "规格 ID"),
				Help: i18n.T("Optional: the server flavor (vCPUs and memory, e.g. c3.large.4) each app server gets; ListProduct gives the flavor that belongs to the product. Left out, the product's own flavor is used.",
					"可选:每台云应用服务器的规格(vCPU 与内存,如 c3.large.4);ListProduct 给出产品对应的规格。不填则使用产品自身的规格。"),
			},
			{
				Name: "os_type", Kind: String, Step: StepProducts, Default: "Windows",
				Label: i18n.T("OS type", "操作系统类型"), Help: i18n.T("The servers' OS; the docs say only Windows is currently supported.", "操作系统类型;文档说明当前仅支持 Windows。"),
				Options: []Option{
					{Value: "Windows", Label: i18n.T("Windows", "Windows"), Help: i18n.T("Supported.", "当前支持。")},
					{Value: "Linux", Label: i18n.T("Linux", "Linux"), Help: i18n.T("Listed, but not yet supported.", "已列出,但当前不支持。")},
				},
				CheckSays: i18n.T("Linux is accepted with a warning: the docs say only Windows is currently supported.", "Linux 可以使用,但会给出警告:文档说明当前仅支持 Windows。"),
				Check: func(_ Ctx, v string) *Problem {
					if v == "Linux" {
						return &Problem{Warning: true, Msg: i18n.T("the docs say only Windows is currently supported", "文档说明当前仅支持 Windows")}
					}
					return nil
				},
			},
			{
				Name: "root_volume", Kind: Object, Step: StepVolumes, Required: true,
				Label: i18n.T("System disk", "系统盘"), Help: i18n.T("The disk each app server boots from: its type and size are bought with every server and priced with it.", "每台云应用服务器的启动盘:其类型与容量随每台服务器购买并计价。"),
				Decision: i18n.T("The docs bound the size (10–1024 GB) but give no default; cloudorder starts from 80 GB, as the official Terraform example does.",
					"文档只给出容量范围(10–1024 GB),未给默认值;cloudorder 默认 80 GB(与官方 Terraform 示例一致)。"),
				// 80 GB follows the official Terraform example; the docs only bound it (10–1024).
				Fields: volumeFields(StepVolumes, 1024, "80", i18n.T("system disk", "系统盘")),
			},
			{
				Name: "server_group_id", Kind: String, Step: StepProducts, Required: true,
				Lookup: LookupWorkspaceAppServerGroups, Placeholder: pickOrTypeID,
				Label: i18n.T("Server group ID", "服务器组 ID"),
				Help:  i18n.T("The app server group the servers join (created in Workspace App).", "服务器加入的服务器组 ID(在云应用中创建服务器组时生成)。"),
			},
			{
				Name: "service_type", Kind: String, Step: StepProperties, Open: true, Rank: 6,
				Options: []Option{{Value: "DEDICATED", Label: i18n.T("DEDICATED", "DEDICATED"), Help: i18n.T("Fixed for cloud desktops.", "云桌面固定取值。")}},
				Label:   i18n.T("Service type", "云服务类型"),
				Help: i18n.T("Optional: the kind of cloud service the servers are created for; the docs fix it to DEDICATED for cloud desktops and say nothing else. Left out, the service decides.",
					"可选:服务器所属的云服务类型;文档只说明云桌面固定为 DEDICATED。不填则由服务决定。"),
			},
			{
				Name: "subnet_id", Kind: String, Step: StepProperties, Required: true, Rank: 1,
				// The chosen VPC's subnets; the server group's own subnet first.
				Lookup: LookupSubnets, Placeholder: pickOrTypeID,
				LookupInputs: []LookupInput{{Name: "vpc_id", From: "create_services.vpc_id"}, {Name: "server_group_id", From: "create_services.server_group_id", Optional: true}},
				Label:        i18n.T("Subnet ID", "子网 ID"), Help: i18n.T("The subnet of vpc_id the servers' network interfaces are created in; their private IP addresses come from it.", "服务器网卡所在的子网(属于 vpc_id),服务器的私有 IP 地址从中分配。"),
			},
			{
				Name: "vpc_id", Kind: String, Step: StepProperties, Required: true, Rank: 0,
				// The account's VPCs; the server group's (through its subnet) first.
				Lookup: LookupVPCs, Placeholder: pickOrTypeID,
				LookupInputs: []LookupInput{{Name: "server_group_id", From: "create_services.server_group_id", Optional: true}},
				Label:        i18n.T("VPC ID", "VPC ID"), Help: i18n.T("The VPC; used when the account is provisioned for the first time (LiteAs).", "VPC ID;自动开户时(LiteAs 首次开户)使用。"),
			},
			{
				Name: "security_groups", Kind: Array, Step: StepProperties, SummaryKey: "name", Rank: 9,
				Label: i18n.T("Security groups", "安全组"),
				Help:  i18n.T("Security groups of the servers; reserved, currently unused (the server agent's groups apply).", "服务器使用的安全组;预留属性,目前未使用(默认使用服务器代理中指定的安全组)。"),
				Fields: []*Field{
					{Name: "id", Kind: String, Step: StepProperties, Label: i18n.T("Security group ID", "安全组 ID"),
						Help: i18n.T("The ID of a security group whose rules the servers would get. Reserved and unused by the API: the server agent's groups apply whatever is given.",
							"服务器将使用其规则的安全组 ID。预留属性,接口未使用:无论填写什么,都使用服务器代理中指定的安全组。")},
					{Name: "name", Kind: String, Step: StepProperties, Label: i18n.T("Security group name", "安全组名称"),
						Help: i18n.T("The name of that security group, for people reading the order. Reserved and unused by the API.",
							"该安全组的名称,便于阅读订单。预留属性,接口未使用。")},
				},
			},
			{
				Name: "update_access_agent", Kind: Boolean, Step: StepProperties, Rank: 7,
				Options: []Option{{Value: "true", Label: i18n.T("Yes", "是")}, {Value: "false", Label: i18n.T("No", "否")}},
				Label:   i18n.T("Auto-upgrade access agent", "自动升级 HDA"),
				Help: i18n.T("Whether the access agent (HDA) upgrades automatically. A JSON boolean: the docs' example sends the string \"true\", which is wrong.",
					"是否自动升级 HDA 版本。取值为 JSON 布尔值:文档示例中的字符串 \"true\" 是错误的。"),
				Decision: i18n.T("The docs' table says Boolean, their example the string \"true\": cloudorder follows the table and the SDK (a JSON boolean).",
					"文档表格写 Boolean,示例却是字符串 \"true\":cloudorder 以表格与 SDK 为准(JSON 布尔值)。"),
			},
		},
	}
	resource := []*Field{
		{
			Name: "add_volumes", Kind: Object, Step: StepVolumes,
			Label: i18n.T("Add disks", "磁盘订单"), Help: i18n.T("Optional: a disk order placed with the servers — data disks added to an existing service (service_id), billed in this order. Left out, the order buys only the servers.", "可选:随服务器一起下的磁盘订单——为已有服务(service_id)追加数据盘,计入本订单。不填则只购买服务器。"),
			Fields: []*Field{
				{
					Name: "service_id", Kind: String, Step: StepVolumes,
					Label: i18n.T("Service ID", "服务 ID"), Help: i18n.T("The ID of the existing service whose servers get the disks (1–255 characters); the disks are billed with this order.", "获得这些磁盘的已有服务 ID(1–255 个字符);磁盘随本订单计费。"),
					MinLen: 1, MaxLen: 255,
					Decision: i18n.T("The docs mark service_id optional; cloudorder requires it once add_volumes is given, since a disk order adds disks to a named service.",
						"文档将 service_id 标为可选;给出 add_volumes 时 cloudorder 要求填写,因为磁盘订单是为指定服务追加磁盘。"),
				},
				{
					Name: "volumes", Kind: Array, Step: StepVolumes, MaxItems: 10, SummaryKey: "type",
					Label: i18n.T("Disks to add", "追加的磁盘"), Help: i18n.T("The disks the disk order adds, 1–10, each with its type and size; each is billed by them.", "磁盘订单追加的磁盘,1–10 块,各自给出类型与大小,并按其计费。"),
					Fields: volumeFields(StepVolumes, 32768, "100", i18n.T("data disk", "数据盘")),
				},
			},
		},
		{
			Name: "cloud_service_console_url", Kind: String, Step: StepBilling, Rank: 9,
			Label: i18n.T("Console URL after payment", "支付后跳转地址"),
			Help: i18n.T("Optional: the page the console opens once this order is paid (an http(s) URL). It does not change what is bought; left out, the console shows its own order page.",
				"可选:订单支付后控制台跳转的页面(http(s) 地址)。不改变购买内容;不填则显示控制台自己的订单页面。"),
			Pattern: `^https?://[^/?#\s]+`, PatternRule: i18n.T("must be an http(s) URL", "必须是 http(s) 地址"),
			Check: func(_ Ctx, v string) *Problem {
				if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					return &Problem{Msg: i18n.T("must be an http(s) URL", "必须是 http(s) 地址")}
				}
				return nil
			},
		},
		createServices,
		{
			Name: "is_auto_renew", Kind: Integer, Step: StepBilling, Default: "0", Options: autoRenewOptions, Rank: 3,
			Label: i18n.T("Auto-renew", "自动续费"), Help: i18n.T("Whether the subscription renews automatically when its period ends, and is charged for the next one: 0 no, 1 yes.", "订购到期时是否自动续费并为下一周期扣费:0 否,1 是。"),
		},
		{
			Name: "period_num", Kind: Integer, Step: StepBilling, Default: "1", HasMin: true, Min: 1, Rank: 1,
			Label: i18n.T("Number of periods", "订购周期数"), Help: i18n.T("How many months or years (period_type) the servers are bought for; greater than 0. The price is for the whole term.", "服务器订购的月数或年数(由 period_type 决定),取值大于 0。价格覆盖整个订购期。"),
		},
		{
			Name: "period_type", Kind: Integer, Step: StepBilling, Required: true, Default: "2", Rank: 0,
			Label:     i18n.T("Period type", "订购周期类型"),
			CheckSays: i18n.T("4, 5 and 6 are accepted with a warning naming the only scenario each is for.", "4、5、6 可以使用,但会给出警告,说明各自唯一适用的场景。"),
			Decision:  i18n.T("The SDK model makes period_type optional, the docs' text calls it required (必填): cloudorder requires it.", "SDK 模型中 period_type 可选,文档文字却写“必填”:cloudorder 要求填写。"),
			Help:      i18n.T("The period unit: 2 month, 3 year; 4, 5 and 6 are for special scenarios only.", "订购周期类型:2 月,3 年;4、5、6 仅用于特定场景。"),
			Options: []Option{
				{Value: "2", Label: i18n.T("Month", "月"), Help: i18n.T("Monthly subscription.", "按月订购。")},
				{Value: "3", Label: i18n.T("Year", "年"), Help: i18n.T("Yearly subscription.", "按年订购。")},
				{Value: "4", Label: i18n.T("Hourly package", "包小时"), Help: i18n.T("Only for bandwidth add-on packages.", "仅限带宽加油包购买场景使用。")},
				{Value: "5", Label: i18n.T("Absolute time", "绝对时间"), Help: i18n.T("Only when attaching resources to an existing one, e.g. adding disks to a server.", "追加附属资源场景使用,比如主机上追加云硬盘。")},
				{Value: "6", Label: i18n.T("One-off", "一次性"), Help: i18n.T("Only for one-off charging (chargingMode=1).", "一次性计费场景使用(chargingMode=1)。")},
			},
			Check: func(_ Ctx, v string) *Problem {
				notes := map[string]i18n.Text{
					"4": i18n.T("period_type 4 (hourly) is only for bandwidth add-on packages", "period_type 4(包小时)仅限带宽加油包购买场景"),
					"5": i18n.T("period_type 5 (absolute time) is only for attaching resources such as disks to an existing server", "period_type 5(绝对时间)仅用于在已有主机上追加云硬盘等附属资源"),
					"6": i18n.T("period_type 6 (one-off) is only for one-off charging (chargingMode=1)", "period_type 6(一次性)仅用于一次性计费场景(chargingMode=1)"),
				}
				if msg, ok := notes[v]; ok {
					return &Problem{Warning: true, Msg: msg}
				}
				return nil
			},
		},
		{
			Name: "subscription_num", Kind: Integer, Step: StepBilling, Required: true, Default: "1", HasMin: true, Min: 1, Rank: 2,
			Label: i18n.T("Quantity", "订购数量"), Help: i18n.T("How many app servers this order creates, each as create_services describes; the price is for all of them.", "本订单创建的云应用服务器台数,每台均按 create_services 的描述创建;价格为全部服务器的总价。"),
		},
	}
	return &API{
		ID: HuaweiWorkspaceApp, Cloud: "huawei", Method: "POST", Path: "/v1/{project_id}/bundles/subscribe/order",
		OrderIDPattern: huaweiOrderIDPattern,
		DocURL:         "https://support.huaweicloud.com/api-workspace/CreateOrder.html",
		Title:          i18n.T("Huawei Cloud Workspace App — create order", "华为云云应用 — 创建订单"),
		Help: i18n.T("Orders yearly/monthly Workspace App servers with their disks (POST /v1/{project_id}/bundles/subscribe/order).",
			"包周期订购云应用服务器及其磁盘(POST /v1/{project_id}/bundles/subscribe/order)。"),
		Fields: []*Field{
			huaweiRegionField(workspaceAppRegions, i18n.T("The region whose Workspace App endpoint receives the order.", "接收订单的云应用终端节点所在区域。")),
			projectIDField(),
			{
				Name: "body", Kind: Object, Step: StepProducts,
				Fields: []*Field{
					{
						Name: "resources", Kind: Array, Step: StepProducts, Required: true, MinItems: 1, MaxItems: 1,
						Label:  i18n.T("Resource", "包周期资源"),
						Help:   i18n.T("The yearly/monthly resource this order buys — its servers, disks and term; the API takes exactly one.", "本订单购买的包周期资源(服务器、磁盘与订购期);接口只接受一个。"),
						Fields: resource,
					},
					{
						Name: "type", Kind: String, Step: StepProducts, Required: true, Default: "createApps", Rank: -1, OptionsRule: &onlyCreateApps,
						Label:   i18n.T("Order type", "订单类型"),
						Help:    i18n.T("What the order does; only createApps (add cloud apps) is supported.", "订单类型;目前只支持 createApps(添加云应用)。"),
						Options: []Option{{Value: "createApps", Label: i18n.T("Add cloud apps", "添加云应用"), Help: i18n.T("Create app servers.", "创建云应用服务器。")}},
					},
				},
			},
		},
		Rules: []Rule{{
			Says:  i18n.T("A monthly or yearly period_type (2, 3) needs period_num.", "按月或按年订购(period_type 为 2、3)时必须填写 period_num。"),
			Paths: []string{"body.resources.period_type", "body.resources.period_num"},
			Check: periodNumRule,
		}, {
			Says:  i18n.T("A disk order (add_volumes), once given, names its service_id and has 1–10 disks.", "磁盘订单(add_volumes)一旦给出,必须填写 service_id,并包含 1–10 块磁盘。"),
			Paths: []string{"body.resources.add_volumes.service_id", "body.resources.add_volumes.volumes"},
			Check: func(a *Answers) []Problem {
				return eachResource(a, func(p string) []Problem { return addVolumesRules(a, p+".add_volumes") })
			},
		}, {
			Says:  i18n.T("nics and security_groups are reserved and unused by the API: sent when given, with a warning.", "nics 与 security_groups 为预留属性,接口未使用:给出时会发送,并给出警告。"),
			Paths: []string{"body.resources.create_services.nics", "body.resources.create_services.security_groups"},
			Check: reservedRule,
		}},
	}
}

// eachResource gathers fn's problems over every item of body.resources.
func eachResource(a *Answers, fn func(item string) []Problem) []Problem {
	var out []Problem
	for i := range a.Count("body.resources") {
		out = append(out, fn(ItemPath("body.resources", i))...)
	}
	return out
}

// periodNumRule: a monthly or yearly subscription needs its number of periods.
func periodNumRule(a *Answers) []Problem {
	return eachResource(a, func(p string) []Problem {
		if pt := a.Get(p + ".period_type"); (pt == "2" || pt == "3") && a.Get(p+".period_num") == "" {
			return []Problem{{Path: p + ".period_num", Msg: i18n.T("is needed with a monthly or yearly period_type", "按月或按年订购时必须填写")}}
		}
		return nil
	})
}

// reservedRule: the fields the docs call reserved or unused are sent only with a warning.
func reservedRule(a *Answers) []Problem {
	return eachResource(a, func(p string) []Problem {
		var out []Problem
		for _, name := range []string{"nics", "security_groups"} {
			if path := p + ".create_services." + name; a.Count(path) > 0 || a.isEmpty(path) {
				out = append(out, Problem{Path: path, Warning: true, Msg: i18n.Tf("%s is reserved and currently unused by the API: it is sent, but has no effect",
					"%s 为预留属性,接口目前未使用:会被发送,但不起作用", name)})
			}
		}
		return out
	})
}

// addVolumesRules: a disk order, once given at all, needs its service_id and 1–10 disks.
func addVolumesRules(a *Answers, av string) []Problem {
	sid, vols := av+".service_id", av+".volumes"
	if !a.isEmpty(av) && !a.Given(sid) && a.Count(vols) == 0 && !a.isEmpty(vols) {
		return nil // no disk order
	}
	if _, stuck := a.Stuck(vols); stuck {
		return nil
	}
	var out []Problem
	if !a.Given(sid) {
		out = append(out, Problem{Path: sid, Msg: i18n.T("cloudorder requires this: a disk order adds disks to an existing service, named here", "cloudorder 要求填写:磁盘订单为此处指定的已有服务追加磁盘")})
	}
	if n := a.Count(vols); n < 1 {
		out = append(out, Problem{Path: vols, Msg: i18n.Tf("a disk order needs 1–10 disks, has %d", "磁盘订单需要 1–10 块磁盘,当前 %d 块", n)})
	}
	return out
}

package flows

import "cloudorder/i18n"

// Shared parts of the two Huawei Cloud APIs: the project, regions and 0/1 flags.

// projectIDField is the project the order is placed in: the {project_id} of the path.
// The SDK must always be given it, or it sends a literal "{project_id}" (the path parameter is filled
// from the request model only when set).
func projectIDField() *Field {
	return &Field{
		Name: "project_id", Kind: String, Step: StepRegion, Required: true,
		// The account's projects in the region (IAM KeystoneListAuthProjects); the one named
		// after the region comes first, the default.
		Lookup: LookupHuaweiProjects, Placeholder: pickOrTypeID,
		Label: i18n.T("Project ID", "项目 ID"),
		Help: i18n.T("The IAM project of the region the order is placed in (32 hex characters; console: My Credentials → Projects). HUAWEICLOUD_SDK_PROJECT_ID pre-fills it.",
			"下单所在区域的 IAM 项目 ID(32 位十六进制;控制台“我的凭证 → 项目列表”)。可由 HUAWEICLOUD_SDK_PROJECT_ID 预填。"),
		Pattern: `^[0-9a-f]{32}$`, PatternRule: i18n.T("must be 32 lower-case hex characters", "必须是 32 位小写十六进制字符"),
	}
}

// huaweiRegionField is the region whose endpoint receives the order; regions are the SDK's
// region table for the service, so an unknown one is an error rather than a guess.
func huaweiRegionField(regions []Option, help i18n.Text) *Field {
	return &Field{
		Name: "region", Kind: String, Step: StepRegion, Required: true, Default: "cn-north-4",
		Options: regions, Label: i18n.T("Region", "区域"), Help: help,
	}
}

func huaweiRegion(id, en, zh string) Option { return Option{Value: id, Label: i18n.T(en, zh)} }

var (
	cnNorth4  = huaweiRegion("cn-north-4", "CN North-Beijing4", "华北-北京四")
	cnNorth1  = huaweiRegion("cn-north-1", "CN North-Beijing1", "华北-北京一")
	cnNorth9  = huaweiRegion("cn-north-9", "CN North-Ulanqab1", "华北-乌兰察布一")
	cnNorth11 = huaweiRegion("cn-north-11", "CN North-Ulanqab-Auto1", "华北-乌兰察布-汽车一")
	cnEast2   = huaweiRegion("cn-east-2", "CN East-Shanghai2", "华东-上海二")
	cnEast3   = huaweiRegion("cn-east-3", "CN East-Shanghai1", "华东-上海一")
	cnEast5   = huaweiRegion("cn-east-5", "CN East-Qingdao", "华东-青岛")
	cnSouth1  = huaweiRegion("cn-south-1", "CN South-Guangzhou", "华南-广州")
	cnSW2     = huaweiRegion("cn-southwest-2", "CN Southwest-Guiyang1", "西南-贵阳一")
	apSE1     = huaweiRegion("ap-southeast-1", "CN-Hong Kong", "中国-香港")
	apSE2     = huaweiRegion("ap-southeast-2", "AP-Bangkok", "亚太-曼谷")
	apSE3     = huaweiRegion("ap-southeast-3", "AP-Singapore", "亚太-新加坡")
	afSouth1  = huaweiRegion("af-south-1", "AF-Johannesburg", "非洲-约翰内斯堡")
	afNorth1  = huaweiRegion("af-north-1", "AF-Cairo", "非洲-开罗")
	saBrazil1 = huaweiRegion("sa-brazil-1", "LA-Sao Paulo1", "拉美-圣保罗一")
	laSouth2  = huaweiRegion("la-south-2", "LA-Santiago", "拉美-圣地亚哥")
	laNorth2  = huaweiRegion("la-north-2", "LA-Mexico City2", "拉美-墨西哥城二")
	trWest1   = huaweiRegion("tr-west-1", "TR-Istanbul", "土耳其-伊斯坦布尔")
	meEast1   = huaweiRegion("me-east-1", "ME-Riyadh", "中东-利雅得")
	euWest101 = huaweiRegion("eu-west-101", "EU-Dublin", "欧洲-都柏林")
)

// autoRenewOptions are the 0/1 integer flags both Huawei APIs use for auto-renewal.
var autoRenewOptions = []Option{
	{Value: "0", Label: i18n.T("No", "否"), Help: i18n.T("Do not renew automatically.", "不自动续费。")},
	{Value: "1", Label: i18n.T("Yes", "是"), Help: i18n.T("Renew automatically at the end of each period.", "到期自动续费。")},
}

// huaweiOrderIDPattern is the shape of a Huawei order id (BSS's customer orders): 1 to 255
// characters in the OpenAPI schema of Workspace App's CreateOrder answer, letters and digits in
// its example CS23060117315YQ6Z and in the BSS order APIs' examples.
const huaweiOrderIDPattern = `^[A-Za-z0-9]{1,255}$`

// productIDPattern is what cloudorder accepts as a catalog product id: an id is never free
// text, and anything else would reach the cloud's request path or body unchecked.
const productIDPattern = `^[A-Za-z0-9._-]{1,64}$`

var productIDRule = i18n.T("must be 1–64 letters, digits, '.', '_' or '-'", "必须是 1–64 位字母、数字、“.”、“_”或“-”")

// productIDDecision: the docs give product ids no format.
var productIDDecision = i18n.T("The docs give the id no format; cloudorder accepts 1–64 letters, digits, '.', '_' and '-', the shape of every catalog id.",
	"文档未规定 ID 的格式;cloudorder 接受 1–64 位字母、数字、“.”、“_”和“-”,即所有目录 ID 的形式。")

// pickOrTypeID is the placeholder of an ID the account's look-up offers.
var pickOrTypeID = i18n.T("pick from the list or type an ID", "从列表中选择或输入 ID")

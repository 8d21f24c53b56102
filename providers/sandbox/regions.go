package sandbox

import "slices"

// Regions the sandbox knows, as the clouds publish them. An order is judged in its region: the
// one its endpoint host names, else (Huawei) its project's, else the API's default.

// alibabaRegions are Alibaba Cloud's public region ids
// (https://help.aliyun.com/document_detail/40654.html).
var alibabaRegions = []string{
	"cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu", "cn-hangzhou",
	"cn-shanghai", "cn-nanjing", "cn-fuzhou", "cn-shenzhen", "cn-heyuan", "cn-guangzhou",
	"cn-chengdu", "cn-hongkong", "cn-shanghai-finance-1", "cn-shenzhen-finance-1", "cn-beijing-finance-1",
	"ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
	"ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ap-southeast-8", "ap-south-1", "us-east-1",
	"us-west-1", "us-southeast-1", "eu-west-1", "eu-central-1", "me-east-1", "me-central-1", "na-south-1",
}

func alibabaRegionKnown(id string) bool { return slices.Contains(alibabaRegions, id) }

// dscRegions are the regions Data Security Center's endpoints serve
// (huaweicloud-sdk-go-v3 services/dsc/v1/region/region.go).
var dscRegions = []string{
	"cn-north-4", "cn-north-1", "cn-north-9", "cn-east-2", "cn-east-3", "cn-south-1", "cn-southwest-2",
	"ap-southeast-2", "ap-southeast-1", "ap-southeast-3", "sa-brazil-1", "la-south-2", "af-south-1",
	"la-north-2", "tr-west-1", "eu-west-101",
}

// workspaceAppRegions are the regions Workspace App's endpoints serve
// (huaweicloud-sdk-go-v3 services/workspaceapp/v1/region/region.go).
var workspaceAppRegions = []string{
	"cn-north-9", "cn-southwest-2", "cn-north-4", "cn-east-3", "cn-south-1", "la-south-2", "sa-brazil-1",
	"la-north-2", "ap-southeast-3", "ap-southeast-1", "cn-east-5", "me-east-1", "af-south-1",
	"tr-west-1", "cn-north-11", "af-north-1", "ap-southeast-2",
}

func huaweiRegionKnown(id string) bool {
	return slices.Contains(dscRegions, id) || slices.Contains(workspaceAppRegions, id)
}

package alibaba

import "slices"

// AIWorkSpace endpoints, as the official SDKs resolve them: their generated client carries an
// endpoint map (e.g. https://github.com/aliyun/alibabacloud-typescript-sdk/blob/master/aiworkspace-20210204/src/client.ts,
// the same in the Go, Java and Python SDKs) and falls back to the "regional" rule
// aiworkspace.<region>.aliyuncs.com for regions it does not list.
//
// Regions the map gives an endpoint of their own are flows' documented AIWorkSpace regions
// (flows/alibaba_pai.go) and need no entry here. The map sends the regions below to the
// central endpoint instead. One deliberate exception: the map names the VPC-only
// aiworkspace-vpc.ap-southeast-5.aliyuncs.com for ap-southeast-5, which cannot be reached from
// outside Alibaba Cloud; cloudorder uses the public aiworkspace.ap-southeast-5.aliyuncs.com
// listed in the product's public endpoint table (OpenAPI metadata of AIWorkSpace 2021-02-04).
const centralHost = "aiworkspace.aliyuncs.com"

// centralRegions are the public regions the SDKs' endpoint map sends to centralHost (the
// map's internal and test region ids are left out: no account orders there).
var centralRegions = []string{
	"ap-southeast-2", "cn-beijing-finance-1", "cn-fujian", "cn-hangzhou-finance", "cn-huhehaote",
	"cn-qingdao", "cn-shenzhen-finance-1", "cn-wuhan", "cn-zhangbei", "eu-west-1", "me-east-1",
}

// host returns the AIWorkSpace host for region.
func host(region string) string {
	if slices.Contains(centralRegions, region) {
		return centralHost
	}
	return "aiworkspace." + region + ".aliyuncs.com"
}

package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	alierrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/global"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	bss "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bss/v2"
	bssmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bss/v2/model"
	wsamodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1/model"
)

// The official aliyun CLI sends ROA requests as CommonRequests without an ApiName, so no
// x-acs-action header (alibaba-cloud-sdk-go sdk/requests/roa_request.go initWithCommonRequest):
// ROA routes by method and path, and the signature is still checked.
func TestAliyunCLIStyleROARequestWithoutAction(t *testing.T) {
	s := startSandbox(t, Options{})
	req := newAlibabaRequest(t, s, alibabaBody)
	req.ApiName = "" // what `aliyun aiworkspace CreateProductOrders --body …` sends
	resp, err := alibabaClient(t, AlibabaAccessKeySecret).ProcessCommonRequest(req)
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ OrderId string }
	if err := json.Unmarshal(resp.GetHttpContentBytes(), &out); err != nil || out.OrderId == "" || len(s.Orders()) != 1 {
		t.Fatalf("answer %s, %v, orders %d", resp.GetHttpContentString(), err, len(s.Orders()))
	}
	req = newAlibabaRequest(t, s, alibabaBody)
	req.ApiName = ""
	_, err = alibabaClient(t, "not-the-secret").ProcessCommonRequest(req)
	var se *alierrors.ServerError
	if !errors.As(err, &se) || se.ErrorCode() != "SignatureDoesNotMatch" {
		t.Fatalf("wrong secret without x-acs-action: %v", err)
	}
	if len(s.Orders()) != 1 {
		t.Error("a badly signed request was accepted")
	}
}

func TestHealthNamesTheSandbox(t *testing.T) {
	s := startSandbox(t, Options{})
	var h map[string]string
	if getJSON(t, s.URL()+"/_sandbox/health", &h) != 200 || h["service"] != HealthService || h["status"] != "ok" {
		t.Fatalf("health %v", h)
	}
}

func TestCallFaultsAreChecked(t *testing.T) {
	for body, want := range map[string]string{
		`{"kind":"http500","call":"bss/rate"}`:                                       "",
		`{"kind":"latency","delay":"3s","call":"lookups"}`:                           "",
		`{"kind":"http500","call":"bss/nothing"}`:                                    "unknown call",
		`{"kind":"http500","call":"vpc/vpcs","api":"huawei/dsc/CreateProductOrder"}`: "exclude",
	} {
		var f Fault
		err := json.Unmarshal([]byte(body), &f)
		if err == nil {
			err = f.check()
		}
		if (want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), want)) {
			t.Errorf("%s: %v", body, err)
		}
	}
}

// A look-up fault leaves orders alone, and an order fault leaves look-ups alone.
func TestCallFaultsAndOrderFaultsAreSeparate(t *testing.T) {
	s := startSandbox(t, Options{})
	s.SetFault(Fault{Kind: FaultHTTP500}) // every order endpoint, until cleared
	c := wsaClient(t, s, HuaweiSK, ProjectID, 0)
	if _, err := c.ListServerGroups(&wsamodel.ListServerGroupsRequest{}); err != nil {
		t.Fatalf("an order fault hit a look-up: %v", err)
	}
	s.ClearFaults()
	s.SetFault(Fault{Kind: FaultThrottle, Call: CallLookups})
	_, err := c.ListServerGroups(&wsamodel.ListServerGroupsRequest{})
	var se *sdkerr.ServiceResponseError
	if !errors.As(err, &se) || se.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("throttled look-up: %v", err)
	}
	if _, err := wsaOrder(t, c, wsaBody); err != nil {
		t.Fatalf("a look-up fault hit an order: %v", err)
	}
	if s.CallHits(CallServerGroups) != 2 || s.Hits("huawei/workspaceapp/CreateOrder") != 1 {
		t.Errorf("hits: server groups %d, orders %d", s.CallHits(CallServerGroups), s.Hits("huawei/workspaceapp/CreateOrder"))
	}
}

func TestDSCProductIDIsStableAndShaped(t *testing.T) {
	a := DSCProductID("cn-north-4", "base_standard", 2)
	if a != DSCProductID("cn-north-4", "base_standard", 2) || len(a) != 22 || !strings.HasPrefix(a, "OFFI") ||
		a == DSCProductID("cn-north-4", "base_professional", 2) || a == DSCProductID("cn-east-3", "base_standard", 2) {
		t.Errorf("product id %q", a)
	}
}

// BSS is global: a request that does not name the account (X-Domain-Id) is refused, even
// when correctly signed.
func TestBSSNeedsTheAccountID(t *testing.T) {
	s := startSandbox(t, Options{})
	for _, domain := range []string{"", DomainID} {
		b := global.NewCredentialsBuilder().WithAk(HuaweiAK).WithSk(HuaweiSK)
		if domain != "" {
			b = b.WithDomainId(domain)
		}
		creds, err := b.SafeBuild()
		if err != nil {
			t.Fatal(err)
		}
		hc, err := bss.BssClientBuilder().WithEndpoints([]string{s.URL()}).WithCredential(creds).WithHttpConfig(httpConfig(0)).SafeBuild()
		if err != nil {
			t.Fatal(err)
		}
		one := int32(1)
		_, err = bss.NewBssClient(hc).ListRateOnPeriodDetail(&bssmodel.ListRateOnPeriodDetailRequest{Body: &bssmodel.RateOnPeriodReq{
			ProjectId: ProjectID, ProductInfos: []bssmodel.PeriodProductInfo{{Id: "1", CloudServiceType: "hws.service.type.sdg",
				ResourceType: "hws.resource.type.dsc.db", ResourceSpec: "DB_standard", Region: "cn-north-4", ResourceSize: &one,
				SizeMeasureId: &one, PeriodType: 2, PeriodNum: 1, SubscriptionNum: 1}}}})
		var se *sdkerr.ServiceResponseError
		switch {
		case domain == "" && (!errors.As(err, &se) || se.StatusCode != 401 || !strings.Contains(se.ErrorMessage, "X-Domain-Id")):
			t.Errorf("without X-Domain-Id: %v", err)
		case domain != "" && err != nil:
			t.Errorf("with X-Domain-Id: %v", err)
		}
	}
}

// IDs from the sandbox's look-ups must fit together, as in a real account.
func TestOrdersWithInconsistentAccountIDsAreRefused(t *testing.T) {
	s := startSandbox(t, Options{})
	wrongSubnet := strings.Replace(wsaBody, `"subnet_id":"`+SubnetAppsID+`"`, `"subnet_id":"`+SubnetDefaultID+`"`, 1)
	_, err := wsaOrder(t, wsaClient(t, s, HuaweiSK, ProjectID, 0), wrongSubnet)
	var se *sdkerr.ServiceResponseError
	if !errors.As(err, &se) || se.StatusCode != 400 || !strings.Contains(se.ErrorMessage, "create_services.subnet_id: subnet "+SubnetDefaultID+" is in VPC "+VPCDefaultID) {
		t.Fatalf("subnet outside the VPC: %v", err)
	}
	right := wsaBody
	if _, err := wsaOrder(t, wsaClient(t, s, HuaweiSK, ProjectID, 0), right); err != nil {
		t.Fatalf("consistent network: %v", err)
	}
	stale := strings.Replace(dscBody, "OFFI740586375358963717", DSCProductID("cn-north-4", "base_standard", 2), 1) // body buys base_professional
	_, err = dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), stale)
	if !errors.As(err, &se) || se.StatusCode != 400 || !strings.Contains(se.ErrorMessage, "product_infos[0].product_id") {
		t.Fatalf("stale product id: %v", err)
	}
	fresh := strings.Replace(dscBody, "OFFI740586375358963717", DSCProductID("cn-north-4", "base_professional", 2), 1)
	if _, err := dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), fresh); err != nil {
		t.Fatalf("looked-up product id: %v", err)
	}
}

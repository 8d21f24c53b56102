package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	dsc "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1"
	dscmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1/model"
	wsa "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1"
	wsamodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1/model"
)

// Test helpers: a started sandbox and REAL SDK clients pointed at it.

func startSandbox(t *testing.T, opts Options) *Server {
	t.Helper()
	s := New(opts)
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func port(t *testing.T, s *Server) string {
	t.Helper()
	u, err := url.Parse(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	return u.Port()
}

// Documented example bodies (seeds 000/001/003), the bytes a caller hands the SDKs.
const (
	alibabaBody = `{"AutoPay":true,"Products":[{"AutoRenew":false,"ProductCode":"MaxCompute_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Hour","Duration":1,"InstanceProperties":[{"Code":"region","Value":"cn-hangzhou"},{"Code":"odps_specification_type","Value":"OdpsStandard"},{"Code":"ord_time","Value":"1:Hour"}]},{"AutoRenew":false,"ProductCode":"PAI_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Hour","Duration":1}]}`
	dscBody     = `{"charging_mode":0,"cloud_service_type":"hws.service.type.sdg","is_auto_renew":0,"period_num":1,"period_type":2,"region_id":"cn-north-4","zone":"CH","product_infos":[{"cloud_service_type":"hws.service.type.sdg","product_id":"OFFI740586375358963717","resource_size":1,"resource_size_measure_id":14,"resource_spec_code":"base_professional","resource_type":"hws.resource.type.dsc.base"}]}`
	wsaBody     = `{"resources":[{"create_services":{"availability_zone":"cn-north-4a","product_id":"workspacehost.s.large2.p01","flavor_id":"c3.large.4","os_type":"Windows","root_volume":{"type":"SSD","size":80},"server_group_id":"` + ServerGroupOfficeID + `","subnet_id":"` + SubnetAppsID + `","vpc_id":"` + VPCWorkspaceID + `"},"is_auto_renew":0,"period_num":1,"period_type":2,"subscription_num":1}],"type":"createApps"}`
)

func alibabaClient(t *testing.T, secret string) *sdk.Client {
	t.Helper()
	return alibabaClientAK(t, AlibabaAccessKeyID, secret)
}

func alibabaClientAK(t *testing.T, ak, secret string) *sdk.Client {
	t.Helper()
	c, err := sdk.NewClientWithOptions("cn-hangzhou", sdk.NewConfig(), credentials.NewStaticAKCredentialsProvider(ak, secret))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newAlibabaRequest is CreateProductOrders as a ROA CommonRequest, the other way an SDK user could send it.
func newAlibabaRequest(t *testing.T, s *Server, body string) *requests.CommonRequest {
	t.Helper()
	req := requests.NewCommonRequest()
	req.Method = requests.POST
	req.Product = "AIWorkSpace"
	req.Version = "2021-02-04"
	req.ApiName = "CreateProductOrders"
	req.PathPattern = "/api/v1/productorders"
	req.Content = []byte(body)
	req.SetContentType("application/json")
	req.Scheme = requests.HTTP
	req.Domain = "127.0.0.1"
	req.Port = port(t, s)
	return req
}

// alibabaOrder sends an order with the sandbox's AK and the given secret.
func alibabaOrder(t *testing.T, s *Server, secret, body string, timeout time.Duration) (*responses.CommonResponse, error) {
	t.Helper()
	req := newAlibabaRequest(t, s, body)
	if timeout > 0 {
		req.SetReadTimeout(timeout)
	}
	return alibabaClient(t, secret).ProcessCommonRequest(req)
}

func huaweiCreds(t *testing.T, sk, pid string) *basic.Credentials {
	t.Helper()
	b := basic.NewCredentialsBuilder().WithAk(HuaweiAK).WithSk(sk)
	if pid != "" {
		b = b.WithProjectId(pid)
	}
	c, err := b.SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func httpConfig(timeout time.Duration) *config.HttpConfig {
	c := config.DefaultHttpConfig().WithUserAgent("cloudorder-test")
	if timeout > 0 {
		c = c.WithTimeout(timeout)
	}
	return c
}

func dscClient(t *testing.T, s *Server, sk, pid string, timeout time.Duration) *dsc.DscClient {
	t.Helper()
	hc, err := dsc.DscClientBuilder().WithEndpoints([]string{s.URL()}).WithCredential(huaweiCreds(t, sk, pid)).
		WithHttpConfig(httpConfig(timeout)).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	return dsc.NewDscClient(hc)
}

func wsaClient(t *testing.T, s *Server, sk, pid string, timeout time.Duration) *wsa.WorkspaceAppClient {
	t.Helper()
	hc, err := wsa.WorkspaceAppClientBuilder().WithEndpoints([]string{s.URL()}).WithCredential(huaweiCreds(t, sk, pid)).
		WithHttpConfig(httpConfig(timeout)).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	return wsa.NewWorkspaceAppClient(hc)
}

func dscOrder(t *testing.T, c *dsc.DscClient, body string) (*dscmodel.CreateProductOrderResponse, error) {
	t.Helper()
	var b dscmodel.PeriodOrderRequest
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		t.Fatal(err)
	}
	return c.CreateProductOrder(&dscmodel.CreateProductOrderRequest{Body: &b})
}

func wsaOrder(t *testing.T, c *wsa.WorkspaceAppClient, body string) (*wsamodel.CreateOrderResponse, error) {
	t.Helper()
	var b wsamodel.CreateOrderReq
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		t.Fatal(err)
	}
	return c.CreateOrder(&wsamodel.CreateOrderRequest{Body: &b})
}

// postBearer posts body to path with a bearer token ("" for none) and returns the status and
// the JSON answer, failing t if the answer names the tool.
func postBearer(t *testing.T, s *Server, path, ctype, token, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.URL()+path, strings.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if strings.Contains(strings.ToLower(string(raw)), "cloudorder") {
		t.Errorf("answer names the tool: %s", raw)
	}
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return resp.StatusCode, out
}

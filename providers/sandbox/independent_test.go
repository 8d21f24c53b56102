package sandbox_test

// The sandbox judged by clients that are not cloudorder's and by the clouds' documents, not by
// cloudorder's validation: Alibaba's current SDK core (darabonba-openapi, V3 signature by
// default, ROA "acs" without Content-MD5 on request), requests replayed byte for byte,
// Huawei requests signed by the Huawei SDK's own signer, bodies sent straight to the API. Every
// answer of every test here is checked not to name cloudorder.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer"
	hwconfig "github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	hwrequest "github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	dsc "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1"
	dscmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1/model"
	wsa "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1"
	wsamodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1/model"

	"cloudorder/providers/sandbox"
)

// exchange is one request as it reached the sandbox and the answer it got.
type exchange struct {
	method, path string
	header       http.Header
	body         []byte
	status       int
	answer       []byte
	answerHeader http.Header
}

// judge is a sandbox behind a loopback recorder: every exchange is kept, so a test can replay a
// request byte for byte and check what was answered.
type judge struct {
	s   *sandbox.Server
	url string
	mu  sync.Mutex
	log []exchange
}

func newJudge(t *testing.T, opts sandbox.Options) *judge {
	t.Helper()
	j := &judge{s: sandbox.New(opts)}
	h := j.s.Handler()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
		j.mu.Lock()
		j.log = append(j.log, exchange{r.Method, r.URL.RequestURI(), r.Header.Clone(), body, rec.Code, rec.Body.Bytes(), rec.Header().Clone()})
		j.mu.Unlock()
	}))
	j.url = ts.URL
	t.Cleanup(func() {
		ts.Close()
		_ = j.s.Close()
		j.mu.Lock()
		defer j.mu.Unlock()
		for _, e := range j.log {
			var hdr strings.Builder
			_ = e.answerHeader.Write(&hdr)
			if strings.Contains(strings.ToLower(string(e.answer)+hdr.String()), "cloudorder") {
				t.Errorf("the answer to %s %s names cloudorder: %s", e.method, e.path, e.answer)
			}
		}
	})
	return j
}

func (j *judge) host() string { u, _ := url.Parse(j.url); return u.Host }

// last is the last exchange whose path starts with prefix.
func (j *judge) last(t *testing.T, prefix string) exchange {
	t.Helper()
	j.mu.Lock()
	defer j.mu.Unlock()
	for i := len(j.log) - 1; i >= 0; i-- {
		if strings.HasPrefix(j.log[i].path, prefix) {
			return j.log[i]
		}
	}
	t.Fatalf("no request to %s", prefix)
	return exchange{}
}

// replay sends e again, byte for byte, and returns the answer's status and body.
func (j *judge) replay(t *testing.T, e exchange) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(e.method, j.url+e.path, bytes.NewReader(e.body))
	req.Header = e.header.Clone()
	req.Host = e.header.Get("Host")
	if req.Host == "" {
		req.Host = j.host()
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// teaClient is Alibaba's current SDK core pointed at the judge; signatureAlgorithm "" is its
// default (V3, ACS3-HMAC-SHA256), "v2" its ROA "acs" signature.
func teaClient(t *testing.T, j *judge, signatureAlgorithm string) *openapi.Client {
	t.Helper()
	cfg := &openapiutil.Config{AccessKeyId: dara.String(sandbox.AlibabaAccessKeyID),
		AccessKeySecret: dara.String(sandbox.AlibabaAccessKeySecret), Endpoint: dara.String(j.host()),
		Protocol: dara.String("HTTP"), RegionId: dara.String("cn-hangzhou")}
	if signatureAlgorithm != "" {
		cfg.SignatureAlgorithm = dara.String(signatureAlgorithm)
	}
	c, err := openapi.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// createProductOrders sends body as CreateProductOrders, as the generated aiworkspace-20210204
// client does (ROA, JSON body).
func createProductOrders(c *openapi.Client, body map[string]any) (map[string]any, error) {
	params := &openapiutil.Params{Action: dara.String("CreateProductOrders"), Version: dara.String("2021-02-04"),
		Protocol: dara.String("HTTP"), Pathname: dara.String("/api/v1/productorders"), Method: dara.String("POST"),
		AuthType: dara.String("AK"), Style: dara.String("ROA"), ReqBodyType: dara.String("json"), BodyType: dara.String("json")}
	return c.CallApi(params, &openapiutil.OpenApiRequest{Body: body}, &dara.RuntimeOptions{})
}

// teaError is the code and message of the Tea SDK's error for an error answer.
func teaError(err error) (code, message string) {
	var se *tea.SDKError
	if !errors.As(err, &se) {
		return "", ""
	}
	return tea.StringValue(se.Code), tea.StringValue(se.Message)
}

func mustJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// The documented examples of CreateProductOrders, one product each, as the reference lists
// their InstanceProperties
// (https://help.aliyun.com/zh/pai/developer-reference/api-aiworkspace-2021-02-04-createproductorders).
var documentedPAIExamples = map[string]string{
	"DataWorks_share": `{"AutoPay":true,"Products":[{"AutoRenew":true,"ProductCode":"DataWorks_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Month","Duration":1,
		"InstanceProperties":[{"Code":"region","Value":"cn-shanghai"}]}]}`,
	"OSS_share": `{"AutoPay":true,"Products":[{"AutoRenew":false,"ProductCode":"OSS_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Hour","Duration":1,
		"InstanceProperties":[{"Code":"commodity_type","Value":"oss","Name":"对象存储 OSS"},{"Code":"ord_time","Value":"1:Hour","Name":"1 小时"}]}]}`,
	"PAI_share": `{"AutoPay":true,"Products":[{"AutoRenew":false,"ProductCode":"PAI_share","ChargeType":"POSTPAY","OrderType":"BUY","Duration":1}]}`,
	"MaxCompute_share (China)": `{"AutoPay":true,"Products":[{"AutoRenew":false,"ProductCode":"MaxCompute_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Hour","Duration":1,
		"InstanceProperties":[{"Code":"region","Value":"cn-hangzhou"},{"Code":"odps_specification_type","Value":"OdpsStandard"},{"Code":"ord_time","Value":"1:Hour"}]}]}`,
	"MaxCompute_share (international)": `{"AutoPay":true,"Products":[{"AutoRenew":false,"ProductCode":"MaxCompute_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Hour","Duration":1,
		"InstanceProperties":[{"Code":"region","Value":"cn-hangzhou"},{"Code":"ord_time","Value":"1:Hour"}]}]}`,
}

func TestTeaCoreV3PlacesEveryDocumentedExample(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	c := teaClient(t, j, "")
	for name, body := range documentedPAIExamples {
		out, err := createProductOrders(c, mustJSON(t, body))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		answer, _ := out["body"].(map[string]any)
		if id, _ := answer["OrderId"].(string); len(id) != 15 || answer["Message"] != "正常" {
			t.Errorf("%s: answer %v", name, out)
		}
		e := j.last(t, "/api/v1/productorders")
		if auth := e.header.Get("Authorization"); !strings.HasPrefix(auth, "ACS3-HMAC-SHA256 Credential="+sandbox.AlibabaAccessKeyID+",") {
			t.Errorf("%s: not a V3 request: %q", name, auth)
		}
	}
	if n := len(j.s.Orders()); n != len(documentedPAIExamples) {
		t.Errorf("%d orders, want %d", n, len(documentedPAIExamples))
	}
}

// The ROA "acs" signature as the Tea SDK sends it: no Content-MD5 (optional, the reference
// says), every absent header an empty line of the string to sign.
func TestTeaCoreROAWithoutContentMD5(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	out, err := createProductOrders(teaClient(t, j, "v2"), mustJSON(t, documentedPAIExamples["OSS_share"]))
	if err != nil {
		t.Fatal(err)
	}
	e := j.last(t, "/api/v1/productorders")
	if !strings.HasPrefix(e.header.Get("Authorization"), "acs ") || e.header.Get("Content-MD5") != "" {
		t.Fatalf("not an acs request without Content-MD5: %v", e.header)
	}
	if answer, _ := out["body"].(map[string]any); answer["OrderId"] == nil || len(j.s.Orders()) != 1 {
		t.Fatalf("answer %v, orders %d", out, len(j.s.Orders()))
	}
}

// A request signed with Tea's own exported ROA signer and no x-acs-version: the API's newest
// version serves it; Accept, Content-MD5 and Content-Type absent take empty lines.
func TestROAWithoutVersionOrOptionalHeaders(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	body := `{"Products":[{"ProductCode":"PAI_share"}]}`
	req := dara.NewRequest()
	req.Method = dara.String("POST")
	req.Pathname = dara.String("/api/v1/productorders")
	req.Headers = map[string]*string{"date": openapiutil.GetDateUTCString(), "x-acs-signature-nonce": openapiutil.GetNonce(),
		"x-acs-action": dara.String("CreateProductOrders")}
	sig := openapiutil.GetROASignature(openapiutil.GetStringToSign(req), dara.String(sandbox.AlibabaAccessKeySecret))
	hr, _ := http.NewRequest(http.MethodPost, j.url+"/api/v1/productorders", strings.NewReader(body))
	for k, v := range req.Headers {
		hr.Header.Set(k, *v)
	}
	hr.Header.Set("Authorization", "acs "+sandbox.AlibabaAccessKeyID+":"+*sig)
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(j.s.Orders()) != 1 {
		t.Fatalf("%d %s", resp.StatusCode, answer)
	}
}

// The same signed request sent twice: the second is refused as Alibaba refuses a reused
// signature nonce, in both signatures, and places nothing.
func TestReplayedNonceIsRefused(t *testing.T) {
	for _, alg := range []string{"", "v2"} {
		j := newJudge(t, sandbox.Options{})
		if _, err := createProductOrders(teaClient(t, j, alg), mustJSON(t, documentedPAIExamples["PAI_share"])); err != nil {
			t.Fatal(err)
		}
		status, answer := j.replay(t, j.last(t, "/api/v1/productorders"))
		if status != 400 || answer["Code"] != "SignatureNonceUsed" || answer["Message"] != "Specified signature nonce was used already." {
			t.Errorf("signature %q: replay answered %d %v", alg, status, answer)
		}
		if n := len(j.s.Orders()); n != 1 {
			t.Errorf("signature %q: %d orders after a replay", alg, n)
		}
	}
}

// A request signed 20 minutes ago is refused as expired (the gateways allow 15).
func TestStaleSignatureIsRefused(t *testing.T) {
	j := newJudge(t, sandbox.Options{Now: func() time.Time { return time.Now().Add(20 * time.Minute) }})
	_, err := createProductOrders(teaClient(t, j, ""), mustJSON(t, documentedPAIExamples["PAI_share"]))
	if code, _ := teaError(err); code != "InvalidTimeStamp.Expired" || len(j.s.Orders()) != 0 {
		t.Fatalf("stale request: %v", err)
	}
}

// Bodies the reference accepts though cloudorder's own rules are stricter: the sandbox
// accepts them, as the API would.
func TestDocumentedButUnusualAlibabaBodiesAreAccepted(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	c := teaClient(t, j, "")
	for name, body := range map[string]string{
		"empty InstanceProperties on PAI_share": `{"Products":[{"ProductCode":"PAI_share","ChargeType":"POSTPAY","OrderType":"BUY","InstanceProperties":[]}]}`,
		"an unknown property code":              `{"Products":[{"ProductCode":"OSS_share","PricingCycle":"Hour","InstanceProperties":[{"Code":"storage_class","Value":"standard"}]}]}`,
		"no optional parameter at all":          `{"Products":[{}]}`,
	} {
		if _, err := createProductOrders(c, mustJSON(t, body)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Bodies that break the reference are refused in Alibaba's words, naming the parameter.
func TestUndocumentedAlibabaBodiesAreRefused(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	c := teaClient(t, j, "")
	for body, want := range map[string]string{
		`{"Products":[{"ProductCode":"ECS_share"}]}`:                                                           `"Products.1.ProductCode" is not valid`,
		`{"Products":[{"ProductCode":"PAI_share","Duration":2}]}`:                                              `"Products.1.Duration" is not valid`,
		`{"Products":[{"ProductCode":"DataWorks_share","PricingCycle":"Hour"}]}`:                               `"Products.1.PricingCycle" is not valid`,
		`{"Products":[{"ProductCode":"PAI_share","ChargeType":"PREPAY"}]}`:                                     `"Products.1.ChargeType" is not valid`,
		`{"AutoPay":"yes","Products":[]}`:                                                                      `"AutoPay" is not valid`,
		`{"Products":[{"ProductCode":"OSS_share","InstanceProperties":[{"Code":"region","Value":"mars-1"}]}]}`: `"Products.1.InstanceProperties.1.Value" is not valid`,
	} {
		_, err := createProductOrders(c, mustJSON(t, body))
		if code, msg := teaError(err); code != "InvalidParameter" || !strings.Contains(msg, want) {
			t.Errorf("%s: got %v, want InvalidParameter %s", body, err, want)
		}
	}
	if n := len(j.s.Orders()); n != 0 {
		t.Errorf("%d invalid orders placed", n)
	}
}

// Huawei: the SDK's own signer signs headers given in any order and case; the sandbox
// verifies them.
func TestHuaweiSignerWithHeadersInOtherOrders(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	path := "/v1/" + sandbox.ProjectID + "/period/order"
	body := dscExample(t, "cn-north-4", sandbox.ProjectID)
	for i, headers := range [][][2]string{
		{{"X-Project-Id", sandbox.ProjectID}, {"Content-Type", "application/json"}, {"User-Agent", "independent/1"}},
		{{"User-Agent", "independent/1"}, {"x-custom-b", "2"}, {"X-Project-Id", sandbox.ProjectID}, {"X-Custom-A", "1"}, {"Content-Type", "application/json"}},
		{{"Content-Type", "application/json"}, {"X-Custom-A", "  padded value  "}},
	} {
		resp := postSigned(t, j, path, body, headers)
		answer, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("header order %d: %d %s", i, resp.StatusCode, answer)
		}
	}
}

// dscExample is the reference's example order, made consistent with the account: its
// project's region and the catalogue's product.
func dscExample(t *testing.T, region, _ string) string {
	t.Helper()
	return `{"charging_mode":0,"cloud_service_type":"hws.service.type.sdg","is_auto_renew":0,"period_num":1,"period_type":2,` +
		`"region_id":"` + region + `","zone":"CH","product_infos":[{"cloud_service_type":"hws.service.type.sdg",` +
		`"product_id":"` + sandbox.DSCProductID(region, "base_professional", 2) + `","resource_size":30,"resource_size_measure_id":30,` +
		`"resource_spec_code":"base_professional","resource_type":"hws.resource.type.dsc.base"}]}`
}

func huaweiClientConfig(endpointHost string, sandboxAddr string) *hwconfig.HttpConfig {
	c := hwconfig.DefaultHttpConfig().WithUserAgent("independent-test")
	if endpointHost != "" {
		// The endpoint names a region; the connection still goes to the loopback sandbox.
		c = c.WithDialContext(func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, sandboxAddr)
		})
	}
	return c
}

func dscClientAt(t *testing.T, j *judge, endpoint, pid string) *dsc.DscClient {
	t.Helper()
	creds, err := basic.NewCredentialsBuilder().WithAk(sandbox.HuaweiAK).WithSk(sandbox.HuaweiSK).WithProjectId(pid).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	host := ""
	if endpoint != j.url {
		host = endpoint
	}
	hc, err := dsc.DscClientBuilder().WithEndpoints([]string{endpoint}).WithCredential(creds).
		WithHttpConfig(huaweiClientConfig(host, j.host())).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	return dsc.NewDscClient(hc)
}

func placeDSC(t *testing.T, c *dsc.DscClient, body string) error {
	t.Helper()
	var b dscmodel.PeriodOrderRequest
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		t.Fatal(err)
	}
	_, err := c.CreateProductOrder(&dscmodel.CreateProductOrderRequest{Body: &b})
	return err
}

func hwError(err error) (int, string, string) {
	var se *sdkerr.ServiceResponseError
	if !errors.As(err, &se) {
		return 0, "", ""
	}
	return se.StatusCode, se.ErrorCode, se.ErrorMessage
}

// Orders are judged in their region: the project's, or the one the endpoint host names.
func TestProjectOfAnotherRegionIsRefused(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	east := sandbox.ProjectFor("cn-east-3")
	// A cn-east-3 order carrying cn-north-4's project.
	err := placeDSC(t, dscClientAt(t, j, j.url, sandbox.ProjectID), dscExample(t, "cn-east-3", ""))
	if status, code, msg := hwError(err); status != 400 || code != "dsc.40000011" || !strings.Contains(msg, "region_id") {
		t.Errorf("cn-east-3 body, cn-north-4 project: %v", err)
	}
	// cn-north-4's project at cn-east-3's endpoint.
	port := j.host()[strings.LastIndex(j.host(), ":"):]
	err = placeDSC(t, dscClientAt(t, j, "http://sdg.cn-east-3.myhuaweicloud.com"+port, sandbox.ProjectID), dscExample(t, "cn-north-4", ""))
	if status, code, _ := hwError(err); status != 403 || code != "dsc.40300001" {
		t.Errorf("cn-north-4 project at the cn-east-3 endpoint: %v", err)
	}
	// cn-east-3's own project, at its endpoint and on loopback.
	for _, endpoint := range []string{"http://sdg.cn-east-3.myhuaweicloud.com" + port, j.url} {
		if err := placeDSC(t, dscClientAt(t, j, endpoint, east), dscExample(t, "cn-east-3", "")); err != nil {
			t.Errorf("cn-east-3 order at %s: %v", endpoint, err)
		}
	}
	if orders := j.s.Orders(); len(orders) != 2 || orders[0].Region != "cn-east-3" || orders[0].ProjectID != east {
		t.Errorf("orders %+v", orders)
	}
}

func wsaClientAt(t *testing.T, j *judge) *wsa.WorkspaceAppClient {
	t.Helper()
	creds, err := basic.NewCredentialsBuilder().WithAk(sandbox.HuaweiAK).WithSk(sandbox.HuaweiSK).WithProjectId(sandbox.ProjectID).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	hc, err := wsa.WorkspaceAppClientBuilder().WithEndpoints([]string{j.url}).WithCredential(creds).
		WithHttpConfig(huaweiClientConfig("", "")).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	return wsa.NewWorkspaceAppClient(hc)
}

// rawWSA posts body as it is (the SDK model would drop or retype what it does not know), signed
// by the SDK's signer.
func rawWSA(t *testing.T, j *judge, body string) (int, map[string]string) {
	t.Helper()
	return rawHuaweiPost(t, j, "/v1/"+sandbox.ProjectID+"/bundles/subscribe/order", body, [2]string{"X-Project-Id", sandbox.ProjectID})
}

// rawHuaweiPost posts body as it is to path with a JSON Content-Type and header, signed by
// the SDK's signer, and returns the answer's status and its string fields.
func rawHuaweiPost(t *testing.T, j *judge, path, body string, header ...[2]string) (int, map[string]string) {
	t.Helper()
	resp := postSigned(t, j, path, body, append([][2]string{{"Content-Type", "application/json"}}, header...))
	defer resp.Body.Close()
	var out map[string]string
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// postSigned posts body to path with headers, added in their order, signed by the SDK's signer.
func postSigned(t *testing.T, j *judge, path, body string, headers [][2]string) *http.Response {
	t.Helper()
	b := hwrequest.NewHttpRequestBuilder().WithEndpoint(j.url).WithMethod(http.MethodPost).WithPath(path).WithBody("", body)
	for _, h := range headers {
		b = b.AddHeaderParam(h[0], h[1])
	}
	req := b.Build()
	added, err := signer.Sign(req, sandbox.HuaweiAK, sandbox.HuaweiSK)
	if err != nil {
		t.Fatal(err)
	}
	hr, _ := http.NewRequest(http.MethodPost, j.url+path, strings.NewReader(body))
	for k, v := range req.GetHeaderParams() {
		hr.Header.Set(k, v)
	}
	for k, v := range added {
		hr.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// wsaResource is one resource of the account's network (vpc-workspace, subnet-apps,
// office-apps) with the given extra fields.
func wsaResource(extra string) string {
	return `{"create_services":{"availability_zone":"cn-north-4a","product_id":"workspace.appstream.general.xlarge.4","flavor_id":"s7.xlarge.4",` +
		`"os_type":"Windows","root_volume":{"type":"SAS","size":80},"server_group_id":"` + sandbox.ServerGroupOfficeID + `",` +
		`"subnet_id":"` + sandbox.SubnetAppsID + `","vpc_id":"` + sandbox.VPCWorkspaceID + `"` + extra + `},"period_num":1,"subscription_num":1` +
		`,"period_type":2}`
}

func TestDocumentedButUnusualWorkspaceAppBodiesAreAccepted(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	noPeriodType := strings.Replace(wsaResource(""), `,"period_type":2`, "", 1)
	for name, body := range map[string]string{
		"two resources": `{"type":"createApps","resources":[` + wsaResource("") + `,` + wsaResource("") + `]}`,
		"no period_type (optional in the SDK model)":   `{"type":"createApps","resources":[` + noPeriodType + `]}`,
		"update_access_agent as the example's string":  `{"type":"createApps","resources":[` + wsaResource(`,"update_access_agent":"true"`) + `]}`,
		"no availability zone (a random one is taken)": `{"type":"createApps","resources":[` + strings.Replace(wsaResource(""), `"availability_zone":"cn-north-4a",`, "", 1) + `]}`,
		"the account's storage pool, any service_id (the reference does not say what it names)": `{"type":"createApps","resources":[` +
			strings.Replace(strings.Replace(wsaResource(`,"data_volumes":[{"type":"SSD","size":10,"cluster_id":"`+sandbox.StoragePoolExampleID+`"}]`),
				`"size":80}`, `"size":80,"cluster_id":"`+sandbox.StoragePoolExampleID+`"}`, 1),
				`"period_num":1`, `"add_volumes":{"service_id":"any-service","volumes":[{"type":"SSD","size":10,"cluster_id":"`+sandbox.StoragePoolExampleID+`"}]},"period_num":1`, 1) + `]}`,
	} {
		if status, out := rawWSA(t, j, body); status != 200 || out["order_id"] == "" {
			t.Errorf("%s: %d %v", name, status, out)
		}
	}
}

func TestUndocumentedWorkspaceAppBodiesAreRefused(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	wrap := func(res string) string { return `{"type":"createApps","resources":[` + res + `]}` }
	for name, tc := range map[string]struct{ body, want string }{
		"placeholder vpc_id":         {wrap(strings.Replace(wsaResource(""), sandbox.VPCWorkspaceID, "string", 1)), `vpc_id: VPC "string" does not exist`},
		"zone of another region":     {wrap(strings.Replace(wsaResource(""), "cn-north-4a", "cn-east-3a", 1)), `"cn-east-3a" is not an availability zone of cn-north-4`},
		"flavor of another product":  {wrap(strings.Replace(wsaResource(""), "s7.xlarge.4", "c3.large.4", 1)), `flavor_id: "c3.large.4" is not the flavor`},
		"unknown product":            {wrap(strings.Replace(wsaResource(""), "workspace.appstream.general.xlarge.4", "xxxxxxxxxxxx", 1)), `product "xxxxxxxxxxxx" does not exist`},
		"disk size not a multiple":   {wrap(strings.Replace(wsaResource(""), `"size":80`, `"size":85`, 1)), "root_volume.size 85 is not a multiple of 10"},
		"unknown disk type":          {wrap(strings.Replace(wsaResource(""), `"SAS"`, `"NVME"`, 1)), `root_volume.type "NVME" is not one of`},
		"another order type":         {`{"type":"createDesktops","resources":[` + wsaResource("") + `]}`, `type "createDesktops" is not one of createApps`},
		"missing subscription_num":   {wrap(strings.Replace(wsaResource(""), `,"subscription_num":1`, "", 1)), "resources[0].subscription_num is required"},
		"period_type outside 2 to 6": {wrap(strings.Replace(wsaResource(""), `"period_type":2`, `"period_type":1`, 1)), "period_type 1 is not one of 2, 3, 4, 5, 6"},
		"the reference's storage pool placeholder on a data disk": {wrap(wsaResource(`,"data_volumes":[{"type":"SSD","size":10,"cluster_id":"c950ee97-0000-4f24-8a74-3367e3da570f"}]`)),
			`data_volumes[0].cluster_id: storage pool "c950ee97-0000-4f24-8a74-3367e3da570f" does not exist`},
		"a storage pool not the account's on the system disk": {wrap(strings.Replace(wsaResource(""), `"size":80}`, `"size":80,"cluster_id":"pool-1"}`, 1)),
			`create_services.root_volume.cluster_id: storage pool "pool-1" does not exist`},
		"a storage pool not the account's on an added disk": {wrap(strings.Replace(wsaResource(""), `"period_num":1`, `"add_volumes":{"volumes":[{"type":"SSD","size":10,"cluster_id":"pool-2"}]},"period_num":1`, 1)),
			`add_volumes.volumes[0].cluster_id: storage pool "pool-2" does not exist`},
	} {
		status, out := rawWSA(t, j, tc.body)
		if status != 400 || out["error_code"] != "WKS.00211102" || !strings.Contains(out["error_msg"], tc.want) {
			t.Errorf("%s: %d %v, want WKS.00211102 %s", name, status, out, tc.want)
		}
	}
	// The SDK's own model, with the documented example's placeholders: refused as unknown.
	var b wsamodel.CreateOrderReq
	example := strings.NewReplacer(sandbox.VPCWorkspaceID, "string", sandbox.SubnetAppsID, "197c1aa4-0000-48bd-a3af-ac4ce2c17c4c").Replace(wrap(wsaResource("")))
	if err := json.Unmarshal([]byte(example), &b); err != nil {
		t.Fatal(err)
	}
	_, err := wsaClientAt(t, j).CreateOrder(&wsamodel.CreateOrderRequest{Body: &b})
	if status, code, _ := hwError(err); status != 400 || code != "WKS.00211102" {
		t.Errorf("placeholders through the SDK: %v", err)
	}
	if n := len(j.s.Orders()); n != 0 {
		t.Errorf("%d invalid orders placed", n)
	}
}

func TestUndocumentedDSCBodiesAreRefused(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	c := dscClientAt(t, j, j.url, sandbox.ProjectID)
	good := dscExample(t, "cn-north-4", "")
	for name, tc := range map[string]struct{ body, want string }{
		"the reference's placeholder product id": {strings.Replace(good, sandbox.DSCProductID("cn-north-4", "base_professional", 2), "xxxxxxxxxxxx", 1), `product_id "xxxxxxxxxxxx" is not the product`},
		"the reference's placeholder region":     {strings.Replace(good, `"region_id":"cn-north-4"`, `"region_id":"xxxxxxxxxxxx"`, 1), `region_id "xxxxxxxxxxxx" is not the region`},
		"a yearly order with a monthly product":  {strings.Replace(good, `"period_type":2`, `"period_type":3`, 1), "is not the product of base_professional in cn-north-4 for period_type 3"},
		"spec code sold as another type":         {strings.Replace(good, "hws.resource.type.dsc.base", "hws.resource.type.dsc.db", 1), `resource_type "hws.resource.type.dsc.db" does not match`},
		"charging mode outside 0 to 2":           {strings.Replace(good, `"charging_mode":0`, `"charging_mode":3`, 1), "charging_mode 3 is not one of 0, 1, 2"},
	} {
		err := placeDSC(t, c, tc.body)
		if status, code, msg := hwError(err); status != 400 || code != "dsc.40000011" || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: %v, want dsc.40000011 %s", name, err, tc.want)
		}
	}
	// Required by the reference, sent raw (the SDK model always sends its non-pointer fields).
	status, out := rawDSC(t, j, strings.Replace(good, `"zone":"CH",`, "", 1))
	if status != 400 || out["error_code"] != "dsc.40000011" || !strings.Contains(out["error_msg"], "zone is required") {
		t.Errorf("no zone: %d %v", status, out)
	}
	if n := len(j.s.Orders()); n != 0 {
		t.Errorf("%d invalid orders placed", n)
	}
}

func rawDSC(t *testing.T, j *judge, body string) (int, map[string]string) {
	t.Helper()
	return rawHuaweiPost(t, j, "/v1/"+sandbox.ProjectID+"/period/order", body)
}

// Errors of the gateways themselves (unknown paths and keys, bad signatures) do not name
// cloudorder either: newJudge checks every answer of this test.
func TestGatewayErrorsDoNotNameTheClient(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	for _, p := range []string{"/api/v2/things", "/v1/" + sandbox.ProjectID + "/nothing", "/?Action=Nothing", "/elsewhere"} {
		resp, err := http.Get(j.url + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Errorf("%s: %d", p, resp.StatusCode)
		}
	}
	cfg := &openapiutil.Config{AccessKeyId: dara.String("LTAI5tSomeoneElse000000"), AccessKeySecret: dara.String("x"),
		Endpoint: dara.String(j.host()), Protocol: dara.String("HTTP")}
	c, _ := openapi.NewClient(cfg)
	if _, err := createProductOrders(c, mustJSON(t, documentedPAIExamples["PAI_share"])); err == nil {
		t.Error("an unknown key was accepted")
	}
	if err := placeDSC(t, dscClientAt(t, j, j.url, "ffffffffffffffffffffffffffffffff"), dscExample(t, "cn-north-4", "")); err == nil {
		t.Error("a project of another account was accepted")
	}
}

// An RPC operation (BssOpenApi QueryOrders) called by the Tea core with its V3 signature, and
// the same request replayed.
func TestTeaCoreV3RPCCall(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	if _, err := createProductOrders(teaClient(t, j, ""), mustJSON(t, documentedPAIExamples["PAI_share"])); err != nil {
		t.Fatal(err)
	}
	params := &openapiutil.Params{Action: dara.String("QueryOrders"), Version: dara.String("2017-12-14"),
		Protocol: dara.String("HTTP"), Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"),
		Style: dara.String("RPC"), ReqBodyType: dara.String("formData"), BodyType: dara.String("json")}
	out, err := teaClient(t, j, "").CallApi(params, &openapiutil.OpenApiRequest{Query: map[string]*string{"PageSize": dara.String("20")}},
		&dara.RuntimeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := out["body"].(map[string]any)
	data, _ := body["Data"].(map[string]any)
	if data["TotalCount"] != float64(1) && data["TotalCount"] != json.Number("1") {
		t.Errorf("QueryOrders answered %v", out)
	}
	e := j.last(t, "/?")
	if !strings.HasPrefix(e.header.Get("Authorization"), "ACS3-HMAC-SHA256 ") {
		t.Errorf("not a V3 request: %v", e.header)
	}
	if status, answer := j.replay(t, e); status != 400 || answer["Code"] != "SignatureNonceUsed" {
		t.Errorf("replay answered %d %v", status, answer)
	}
}

// Alibaba orders are judged in the region their endpoint host names: the Tea core sends to
// aiworkspace.cn-shanghai.aliyuncs.com (through the sandbox as its HTTP proxy, so nothing
// leaves the machine) and the order is judged, and its products named, in cn-shanghai.
func TestAlibabaOrderJudgedInItsEndpointsRegion(t *testing.T) {
	j := newJudge(t, sandbox.Options{})
	c := teaClient(t, j, "")
	c.Endpoint = dara.String("aiworkspace.cn-shanghai.aliyuncs.com")
	params := &openapiutil.Params{Action: dara.String("CreateProductOrders"), Version: dara.String("2021-02-04"),
		Protocol: dara.String("HTTP"), Pathname: dara.String("/api/v1/productorders"), Method: dara.String("POST"),
		AuthType: dara.String("AK"), Style: dara.String("ROA"), ReqBodyType: dara.String("json"), BodyType: dara.String("json")}
	out, err := c.CallApi(params, &openapiutil.OpenApiRequest{Body: mustJSON(t, documentedPAIExamples["PAI_share"])},
		&dara.RuntimeOptions{HttpProxy: dara.String(j.url)})
	if err != nil {
		t.Fatal(err)
	}
	orders := j.s.Orders()
	if len(orders) != 1 || orders[0].Region != "cn-shanghai" {
		t.Fatalf("orders %+v (answer %v)", orders, out)
	}
	body, _ := out["body"].(map[string]any)
	if ids, _ := body["ProductIds"].([]any); len(ids) != 1 || !strings.HasPrefix(ids[0].(string), "pai_share-cn-") {
		t.Errorf("answer %v", out)
	}
}

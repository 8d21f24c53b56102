package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	alierrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
)

func TestAlibabaOrderAcceptedThroughRealSDK(t *testing.T) {
	s := startSandbox(t, Options{})
	resp, err := alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 0)
	if err != nil {
		t.Fatal(err)
	}
	if resp.GetHttpStatus() != http.StatusOK {
		t.Fatalf("status %d: %s", resp.GetHttpStatus(), resp.GetHttpContentString())
	}
	var got struct {
		RequestId, OrderId, Message, BuyProductRequestId string
		ProductIds                                       []string
	}
	if err := json.Unmarshal(resp.GetHttpContentBytes(), &got); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$`).MatchString(got.RequestId) {
		t.Errorf("RequestId %q is not an upper-case UUID", got.RequestId)
	}
	if !regexp.MustCompile(`^[1-9][0-9]{14}$`).MatchString(got.OrderId) {
		t.Errorf("OrderId %q is not a 15-digit number", got.OrderId)
	}
	if got.Message != "正常" || got.BuyProductRequestId == "" || len(got.ProductIds) != 2 {
		t.Errorf("response %+v: want Message 正常, a BuyProductRequestId and one product id per product", got)
	}
	orders := s.Orders()
	if len(orders) != 1 || orders[0].API != PAIOrders || orders[0].OrderID != got.OrderId ||
		orders[0].RequestID != got.RequestId || string(orders[0].Body) != alibabaBody || orders[0].ProjectID != "" {
		t.Errorf("recorded %+v", orders)
	}
	if s.Hits(PAIOrders) != 1 {
		t.Errorf("hits %d, want 1", s.Hits(PAIOrders))
	}
}

// alibabaServerError sends an order and returns the SDK's *errors.ServerError.
func alibabaServerError(t *testing.T, s *Server, secret, body string) *alierrors.ServerError {
	t.Helper()
	_, err := alibabaOrder(t, s, secret, body, 0)
	var se *alierrors.ServerError
	if !errors.As(err, &se) {
		t.Fatalf("want *errors.ServerError, got %T %v", err, err)
	}
	if se.RequestId() == "" {
		t.Errorf("error without RequestId: %v", se)
	}
	return se
}

func TestAlibabaWrongSecretIsSignatureDoesNotMatch(t *testing.T) {
	s := startSandbox(t, Options{})
	se := alibabaServerError(t, s, "not-the-sandbox-secret", alibabaBody)
	if se.HttpStatus() != 400 || se.ErrorCode() != "SignatureDoesNotMatch" {
		t.Fatalf("got %d %s", se.HttpStatus(), se.ErrorCode())
	}
	// Same string-to-sign on both sides: the SDK concludes the secret is wrong (not an SDK bug).
	if !strings.Contains(se.Recommend(), "InvalidAccessKeySecret") {
		t.Errorf("Recommend %q: the server's string to sign should match the SDK's", se.Recommend())
	}
	if strings.Contains(se.Message(), "not-the-sandbox-secret") || strings.Contains(se.Message(), AlibabaAccessKeySecret) {
		t.Error("error message leaks a secret")
	}
	if len(s.Orders()) != 0 || s.Hits(PAIOrders) != 1 {
		t.Errorf("orders %d hits %d", len(s.Orders()), s.Hits(PAIOrders))
	}
}

func TestAlibabaUnknownAccessKey(t *testing.T) {
	s := startSandbox(t, Options{})
	req := newAlibabaRequest(t, s, alibabaBody)
	_, err := alibabaClientAK(t, "LTAI5tSomebodyElse00000", AlibabaAccessKeySecret).ProcessCommonRequest(req)
	var se *alierrors.ServerError
	if !errors.As(err, &se) || se.HttpStatus() != 404 || se.ErrorCode() != "InvalidAccessKeyId.NotFound" {
		t.Fatalf("got %v", err)
	}
}

func TestAlibabaExpiredDate(t *testing.T) {
	s := startSandbox(t, Options{Now: func() time.Time { return time.Now().Add(16 * time.Minute) }})
	se := alibabaServerError(t, s, AlibabaAccessKeySecret, alibabaBody)
	if se.HttpStatus() != 400 || se.ErrorCode() != "InvalidTimeStamp.Expired" {
		t.Fatalf("got %d %s", se.HttpStatus(), se.ErrorCode())
	}
}

func TestAlibabaDateWithinSkewAccepted(t *testing.T) {
	s := startSandbox(t, Options{Now: func() time.Time { return time.Now().Add(-14 * time.Minute) }})
	if _, err := alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 0); err != nil {
		t.Fatal(err)
	}
}

// The reference: DataWorks_share is billed by Month only, OSS_share and MaxCompute_share by Hour
// only; the answer names the parameter as Alibaba does (Products.1.PricingCycle).
func TestAlibabaInvalidBodyNamesPathAndRule(t *testing.T) {
	s := startSandbox(t, Options{})
	body := strings.Replace(alibabaBody, `"MaxCompute_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Hour"`,
		`"MaxCompute_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Month"`, 1)
	se := alibabaServerError(t, s, AlibabaAccessKeySecret, body)
	if se.HttpStatus() != 400 || se.ErrorCode() != "InvalidParameter" {
		t.Fatalf("got %d %s %s", se.HttpStatus(), se.ErrorCode(), se.Message())
	}
	if !strings.Contains(se.Message(), `"Products.1.PricingCycle"`) {
		t.Errorf("message %q does not name the path", se.Message())
	}
	if len(s.Orders()) != 0 {
		t.Error("an invalid order was recorded")
	}
}

func TestAlibabaRejectsMalformedAndFormBodies(t *testing.T) {
	s := startSandbox(t, Options{})
	for _, body := range []string{`{"AutoPay":`, `[]`, `{"AutoPay":true} x`} {
		se := alibabaServerError(t, s, AlibabaAccessKeySecret, body)
		if se.ErrorCode() != "InvalidParameter" {
			t.Errorf("body %q: got %s %s", body, se.ErrorCode(), se.Message())
		}
	}
	req := newAlibabaRequest(t, s, "")
	req.FormParams["body"] = alibabaBody // the mistake a generated request type with a tagged Body field makes
	delete(req.Headers, "Content-Type")
	_, err := alibabaClient(t, AlibabaAccessKeySecret).ProcessCommonRequest(req)
	var se *alierrors.ServerError
	if !errors.As(err, &se) || se.ErrorCode() != "InvalidParameter" {
		t.Fatalf("form body: got %v", err)
	}
}

func TestAlibabaWrongAPIVersionOrAction(t *testing.T) {
	s := startSandbox(t, Options{})
	req := newAlibabaRequest(t, s, alibabaBody)
	req.Version = "2020-01-01"
	_, err := alibabaClient(t, AlibabaAccessKeySecret).ProcessCommonRequest(req)
	var se *alierrors.ServerError
	if !errors.As(err, &se) || se.ErrorCode() != "InvalidVersion" {
		t.Fatalf("version: got %v", err)
	}
	req = newAlibabaRequest(t, s, alibabaBody)
	req.ApiName = "ListProducts"
	_, err = alibabaClient(t, AlibabaAccessKeySecret).ProcessCommonRequest(req)
	if !errors.As(err, &se) || se.HttpStatus() != 404 || se.ErrorCode() != "InvalidAction.NotFound" {
		t.Fatalf("action: got %v", err)
	}
}

// createProductOrders is providers/alibaba/request.go's way: a custom ROA request type sent
// with DoAction, the shape a provider built on the generated-request pattern uses.
type createProductOrders struct{ *requests.RoaRequest }

type createProductOrdersResponse struct {
	*responses.BaseResponse
	RequestId, OrderId, Message, BuyProductRequestId string
	ProductIds                                       []string
}

func TestAlibabaOrderAsCustomRoaRequest(t *testing.T) {
	s := startSandbox(t, Options{})
	req := &createProductOrders{&requests.RoaRequest{}}
	req.InitWithApiInfo("AIWorkSpace", "2021-02-04", "CreateProductOrders", "/api/v1/productorders", "", "")
	req.Method = requests.POST
	req.SetContent([]byte(alibabaBody))
	req.SetContentType(requests.Json)
	req.Scheme, req.Domain, req.Port = requests.HTTP, "127.0.0.1", port(t, s)
	resp := &createProductOrdersResponse{BaseResponse: &responses.BaseResponse{}}
	if err := alibabaClient(t, AlibabaAccessKeySecret).DoAction(req, resp); err != nil {
		t.Fatal(err)
	}
	if resp.OrderId == "" || resp.RequestId == "" || len(resp.ProductIds) != 2 {
		t.Errorf("response %+v", resp)
	}
}

func TestAlibabaSignatureCoversQueryParameters(t *testing.T) {
	s := startSandbox(t, Options{})
	req := newAlibabaRequest(t, s, alibabaBody)
	req.QueryParams["ClientToken"] = "a b&c=é"
	req.QueryParams["Empty"] = ""
	if _, err := alibabaClient(t, AlibabaAccessKeySecret).ProcessCommonRequest(req); err != nil {
		t.Fatal(err)
	}
}

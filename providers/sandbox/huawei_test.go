package sandbox

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	wsamodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1/model"
)

var huaweiOrderID = regexp.MustCompile(`^CS[0-9]{10}[A-Z0-9]{5}$`)

func TestDSCOrderAcceptedThroughRealSDK(t *testing.T) {
	s := startSandbox(t, Options{})
	resp, err := dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), dscBody)
	if err != nil {
		t.Fatal(err)
	}
	if resp.HttpStatusCode != 200 || resp.OrderId == nil || !huaweiOrderID.MatchString(*resp.OrderId) {
		t.Fatalf("response %+v", resp)
	}
	orders := s.Orders()
	if len(orders) != 1 || orders[0].API != DSCOrders || orders[0].OrderID != *resp.OrderId ||
		orders[0].ProjectID != ProjectID || len(orders[0].RequestID) != 32 {
		t.Fatalf("recorded %+v", orders)
	}
	// The SDK re-encodes the body (struct order, trailing newline); the record is its JSON.
	if !strings.Contains(string(orders[0].Body), `"resource_spec_code":"base_professional"`) || strings.HasSuffix(string(orders[0].Body), "\n") {
		t.Errorf("body %s", orders[0].Body)
	}
	if s.Hits(DSCOrders) != 1 || s.Hits(WorkspaceAppOrders) != 0 {
		t.Errorf("hits dsc %d wsa %d", s.Hits(DSCOrders), s.Hits(WorkspaceAppOrders))
	}
}

func TestWorkspaceAppOrderAcceptedThroughRealSDK(t *testing.T) {
	s := startSandbox(t, Options{})
	resp, err := wsaOrder(t, wsaClient(t, s, HuaweiSK, ProjectID, 0), wsaBody)
	if err != nil {
		t.Fatal(err)
	}
	if resp.OrderId == nil || !huaweiOrderID.MatchString(*resp.OrderId) {
		t.Fatalf("response %+v", resp)
	}
	if o := s.Orders(); len(o) != 1 || o[0].API != WorkspaceAppOrders || s.Hits(WorkspaceAppOrders) != 1 {
		t.Fatalf("recorded %+v", o)
	}
}

// huaweiError unwraps the SDK's *sdkerr.ServiceResponseError.
func huaweiError(t *testing.T, err error) *sdkerr.ServiceResponseError {
	t.Helper()
	var se *sdkerr.ServiceResponseError
	if !errors.As(err, &se) {
		t.Fatalf("want *sdkerr.ServiceResponseError, got %T %v", err, err)
	}
	if len(se.RequestId) != 32 {
		t.Errorf("request id %q: the SDK reads it from X-Request-Id", se.RequestId)
	}
	return se
}

func TestHuaweiWrongSecretOrKey(t *testing.T) {
	s := startSandbox(t, Options{})
	_, err := dscOrder(t, dscClient(t, s, "not-the-sandbox-sk", ProjectID, 0), dscBody)
	se := huaweiError(t, err)
	if se.StatusCode != 401 || se.ErrorCode != "APIGW.0301" || !strings.Contains(se.ErrorMessage, "verify aksk signature fail") {
		t.Fatalf("got %d %s %s", se.StatusCode, se.ErrorCode, se.ErrorMessage)
	}
	_, err = wsaOrder(t, wsaClient(t, s, "not-the-sandbox-sk", ProjectID, 0), wsaBody)
	if se := huaweiError(t, err); se.StatusCode != 401 || se.ErrorCode != "APIGW.0301" {
		t.Fatalf("wsa: got %d %s", se.StatusCode, se.ErrorCode)
	}
	if len(s.Orders()) != 0 {
		t.Error("an unsigned order was recorded")
	}
}

func TestHuaweiExpiredDate(t *testing.T) {
	s := startSandbox(t, Options{Now: func() time.Time { return time.Now().Add(-16 * time.Minute) }})
	_, err := dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), dscBody)
	se := huaweiError(t, err)
	if se.StatusCode != 401 || se.ErrorCode != "APIGW.0301" || !strings.Contains(se.ErrorMessage, "15 minutes") {
		t.Fatalf("got %d %s %s", se.StatusCode, se.ErrorCode, se.ErrorMessage)
	}
}

func TestHuaweiWrongProjectIsForbidden(t *testing.T) {
	s := startSandbox(t, Options{})
	other := "ffffffffffffffffffffffffffffffff"
	_, err := dscOrder(t, dscClient(t, s, HuaweiSK, other, 0), dscBody)
	if se := huaweiError(t, err); se.StatusCode != 403 || se.ErrorCode != "dsc.40300001" || !strings.Contains(se.ErrorMessage, other) {
		t.Fatalf("dsc: got %d %s %s", se.StatusCode, se.ErrorCode, se.ErrorMessage)
	}
	_, err = wsaOrder(t, wsaClient(t, s, HuaweiSK, other, 0), wsaBody)
	if se := huaweiError(t, err); se.StatusCode != 403 || se.ErrorCode != "WKS.00081102" {
		t.Fatalf("wsa: got %d %s", se.StatusCode, se.ErrorCode)
	}
}

func TestHuaweiMissingProjectID(t *testing.T) {
	s := startSandbox(t, Options{})
	// An endpoint-only client without a project id sends a literal {project_id}.
	_, err := dscOrder(t, dscClient(t, s, HuaweiSK, "", 0), dscBody)
	se := huaweiError(t, err)
	if se.StatusCode != 400 || se.ErrorCode != "dsc.40000011" || !strings.Contains(se.ErrorMessage, "project_id") {
		t.Fatalf("got %d %s %s", se.StatusCode, se.ErrorCode, se.ErrorMessage)
	}
}

func TestHuaweiInvalidBodyNamesPathAndRule(t *testing.T) {
	s := startSandbox(t, Options{})
	{
		bad := strings.Replace(dscBody, `"region_id":"cn-north-4"`, `"region_id":"cn-north-1"`, 1)
		bad = strings.Replace(bad, `"period_type":2`, `"period_type":7`, 1)
		_, err := dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), bad)
		se := huaweiError(t, err)
		if se.StatusCode != 400 || se.ErrorCode != "dsc.40000011" || !strings.HasPrefix(se.ErrorMessage, "Invalid parameter: ") ||
			!strings.Contains(se.ErrorMessage, "period_type 7 is not one of 2, 3") {
			t.Fatalf("dsc: got %d %s %s", se.StatusCode, se.ErrorCode, se.ErrorMessage)
		}
	}
	{
		bad := strings.Replace(wsaBody, `"size":80`, `"size":85`, 1)
		_, err := wsaOrder(t, wsaClient(t, s, HuaweiSK, ProjectID, 0), bad)
		se := huaweiError(t, err)
		if se.StatusCode != 400 || se.ErrorCode != "WKS.00211102" || !strings.Contains(se.ErrorMessage, "resources[0].create_services.root_volume.size 85 is not a multiple of 10") {
			t.Fatalf("wsa: got %d %s %s", se.StatusCode, se.ErrorCode, se.ErrorMessage)
		}
		// The SDK sends a nil required pointer as JSON null: rejected, not crashed on.
		_, err = wsaClient(t, s, HuaweiSK, ProjectID, 0).CreateOrder(&wsamodel.CreateOrderRequest{Body: &wsamodel.CreateOrderReq{
			Type: "createApps", Resources: []wsamodel.Resource{{SubscriptionNum: 1}}}})
		if se := huaweiError(t, err); se.StatusCode != 400 || !strings.Contains(se.ErrorMessage, "create_services") {
			t.Fatalf("wsa null: got %d %s", se.StatusCode, se.ErrorMessage)
		}
	}
	if len(s.Orders()) != 0 {
		t.Error("an invalid order was recorded")
	}
}

func TestListProductThroughRealSDK(t *testing.T) {
	s := startSandbox(t, Options{})
	c := wsaClient(t, s, HuaweiSK, ProjectID, 0)
	resp, err := c.ListProduct(&wsamodel.ListProductRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Products == nil || len(*resp.Products) < 3 {
		t.Fatalf("products %+v", resp.Products)
	}
	p := (*resp.Products)[0]
	if p.ProductId == nil || p.FlavorId == nil || p.Cpu == nil || p.Memory == nil || p.Descriptions == nil ||
		p.Status == nil || *p.Status != "normal" || p.ChargeMode == nil {
		t.Errorf("first product %+v", p)
	}
	// Query filters are signed too (canonical query string) and honoured.
	one := "workspacehost.s.large2.p01"
	resp, err = c.ListProduct(&wsamodel.ListProductRequest{ProductId: &one})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Products == nil || len(*resp.Products) != 1 || *(*resp.Products)[0].ProductId != one {
		t.Errorf("filtered products %+v", resp.Products)
	}
	// Several keys and characters the canonical query must percent-encode.
	odd, mode, osType := "a b/c+d=é", "1", "Windows"
	resp, err = c.ListProduct(&wsamodel.ListProductRequest{FlavorId: &odd, ChargeMode: &mode, OsType: &osType})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Products == nil || len(*resp.Products) != 0 {
		t.Errorf("no product has flavor %q: got %+v", odd, resp.Products)
	}
}

func TestListAvailabilityZoneAndVolumeTypeThroughRealSDK(t *testing.T) {
	s := startSandbox(t, Options{})
	c := wsaClient(t, s, HuaweiSK, ProjectID, 0)
	az, err := c.ListAvailabilityZone(&wsamodel.ListAvailabilityZoneRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if az.AvailabilityZones == nil || len(*az.AvailabilityZones) == 0 || *(*az.AvailabilityZones)[0].AvailabilityZone != "cn-north-4a" ||
		az.TotalCount == nil || int(*az.TotalCount) != len(*az.AvailabilityZones) {
		t.Errorf("zones %+v", az)
	}
	vt, err := c.ListVolumeType(&wsamodel.ListVolumeTypeRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if vt.VolumeTypes == nil || len(*vt.VolumeTypes) == 0 || *(*vt.VolumeTypes)[0].VolumeType != "SSD" || (*vt.VolumeTypes)[0].Name == nil {
		t.Errorf("volume types %+v", vt)
	}
	// Look-ups are checked like orders.
	_, err = wsaClient(t, s, "wrong", ProjectID, 0).ListVolumeType(&wsamodel.ListVolumeTypeRequest{})
	if se := huaweiError(t, err); se.StatusCode != 401 {
		t.Errorf("wrong secret: got %d", se.StatusCode)
	}
	if s.Hits(WorkspaceAppOrders) != 0 {
		t.Error("look-ups must not count as order hits")
	}
}

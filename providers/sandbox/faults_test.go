package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	alierrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	dscmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1/model"
	wsamodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1/model"
)

// postFault sets a fault over HTTP, as a test of another package would.
func postFault(t *testing.T, s *Server, fault string) {
	t.Helper()
	resp, err := http.Post(s.URL()+"/_sandbox/faults", "application/json", strings.NewReader(fault))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST /_sandbox/faults %s: status %d", fault, resp.StatusCode)
	}
}

func TestFaultHTTP500AnsweredOnceThenNormal(t *testing.T) {
	s := startSandbox(t, Options{})
	s.SetFault(Fault{Kind: FaultHTTP500, Count: 1})
	_, err := alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 0)
	var se *alierrors.ServerError
	if !errors.As(err, &se) || se.HttpStatus() != 500 || se.ErrorCode() != "InternalError" {
		t.Fatalf("first: got %v", err)
	}
	if s.Hits(PAIOrders) != 1 {
		t.Fatalf("the SDK must not retry a 500 by itself: hits %d", s.Hits(PAIOrders))
	}
	if _, err := alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 0); err != nil {
		t.Fatalf("second: %v", err)
	}
	if s.Hits(PAIOrders) != 2 || len(s.Orders()) != 1 {
		t.Errorf("hits %d orders %d", s.Hits(PAIOrders), len(s.Orders()))
	}

	postFault(t, s, `{"kind":"http500","api":"huawei/dsc/CreateProductOrder","count":1}`)
	_, err = dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), dscBody)
	if se := huaweiError(t, err); se.StatusCode != 500 || se.ErrorCode != "dsc.50000001" {
		t.Fatalf("dsc: got %d %s", se.StatusCode, se.ErrorCode)
	}
	if _, err := dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), dscBody); err != nil {
		t.Fatalf("dsc second: %v", err)
	}
}

func TestFaultThrottleInEachCloudsShape(t *testing.T) {
	s := startSandbox(t, Options{})
	postFault(t, s, `{"kind":"throttle"}`)
	_, err := alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 0)
	var se *alierrors.ServerError
	if !errors.As(err, &se) || se.HttpStatus() != 400 || se.ErrorCode() != "Throttling.User" {
		t.Fatalf("alibaba: got %v", err)
	}
	_, err = wsaOrder(t, wsaClient(t, s, HuaweiSK, ProjectID, 0), wsaBody)
	if he := huaweiError(t, err); he.StatusCode != 429 || he.ErrorCode != "APIGW.0308" {
		t.Fatalf("wsa: got %d %s", he.StatusCode, he.ErrorCode)
	}
	if len(s.Orders()) != 0 {
		t.Error("a throttled order was recorded")
	}
	// Faults are for order endpoints; the pickers' look-ups keep working.
	if _, err := wsaClient(t, s, HuaweiSK, ProjectID, 0).ListVolumeType(&wsamodel.ListVolumeTypeRequest{}); err != nil {
		t.Errorf("look-up under a fault: %v", err)
	}
}

func TestFaultOnlyHitsItsAPI(t *testing.T) {
	s := startSandbox(t, Options{})
	s.SetFault(Fault{Kind: FaultThrottle, API: DSCOrders})
	if _, err := wsaOrder(t, wsaClient(t, s, HuaweiSK, ProjectID, 0), wsaBody); err != nil {
		t.Fatalf("wsa must not be throttled: %v", err)
	}
	if _, err := dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), dscBody); err == nil {
		t.Fatal("dsc should be throttled")
	}
	s.ClearFaults()
	if _, err := dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), dscBody); err != nil {
		t.Fatalf("after ClearFaults: %v", err)
	}
}

func TestFaultResetIsATransportError(t *testing.T) {
	s := startSandbox(t, Options{})
	s.SetFault(Fault{Kind: FaultReset})
	_, err := alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 0)
	var se *alierrors.ServerError
	if err == nil || errors.As(err, &se) {
		t.Fatalf("alibaba: want a transport error, got %T %v", err, err)
	}
	_, err = dscOrder(t, dscClient(t, s, HuaweiSK, ProjectID, 0), dscBody)
	var he *sdkerr.ServiceResponseError
	if err == nil || errors.As(err, &he) {
		t.Fatalf("dsc: want a transport error, got %T %v", err, err)
	}
	if s.Hits(PAIOrders) != 1 || s.Hits(DSCOrders) != 1 || len(s.Orders()) != 0 {
		t.Errorf("hits %d/%d orders %d: each order sent once, none recorded",
			s.Hits(PAIOrders), s.Hits(DSCOrders), len(s.Orders()))
	}
}

func TestFaultHangOutlastsTheClientTimeout(t *testing.T) {
	s := startSandbox(t, Options{})
	s.SetFault(Fault{Kind: FaultHang})
	start := time.Now()
	_, err := wsaOrder(t, wsaClient(t, s, HuaweiSK, ProjectID, 300*time.Millisecond), wsaBody)
	if err == nil || time.Since(start) < 300*time.Millisecond || time.Since(start) > 3*time.Second {
		t.Fatalf("wsa: err %v after %v", err, time.Since(start))
	}
	start = time.Now()
	_, err = alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 300*time.Millisecond)
	if err == nil || time.Since(start) > 3*time.Second {
		t.Fatalf("alibaba: err %v after %v", err, time.Since(start))
	}
	if s.Hits(WorkspaceAppOrders) != 1 || s.Hits(PAIOrders) != 1 || len(s.Orders()) != 0 {
		t.Errorf("hits %d/%d orders %d", s.Hits(WorkspaceAppOrders), s.Hits(PAIOrders), len(s.Orders()))
	}
}

func TestFaultHangEndsWhenTheServerCloses(t *testing.T) {
	s := New(Options{})
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	s.SetFault(Fault{Kind: FaultHang})
	errc := make(chan error, 1)
	c := dscClient(t, s, HuaweiSK, ProjectID, 10*time.Second)
	go func() {
		_, err := c.CreateProductOrder(&dscmodel.CreateProductOrderRequest{})
		errc <- err
	}()
	for deadline := time.Now().Add(2 * time.Second); s.Hits(DSCOrders) == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the request never arrived")
		}
	}
	start := time.Now()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("Close took %v", time.Since(start))
	}
	select {
	case err := <-errc:
		if err == nil {
			t.Error("a hung order must not end in an answer")
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the client still waits after Close")
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestFaultLatencyDelaysThenAnswers(t *testing.T) {
	s := startSandbox(t, Options{})
	postFault(t, s, `{"kind":"latency","delay":"250ms","count":1}`)
	start := time.Now()
	if _, err := alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 0); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 250*time.Millisecond {
		t.Errorf("answered after %v, want at least 250ms", d)
	}
	if len(s.Orders()) != 1 {
		t.Error("a delayed order is still accepted")
	}
	start = time.Now()
	if _, err := alibabaOrder(t, s, AlibabaAccessKeySecret, alibabaBody, 0); err != nil || time.Since(start) > 200*time.Millisecond {
		t.Errorf("count 1 should delay only once: %v after %v", err, time.Since(start))
	}
}

func TestFaultJSON(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Fault
	}{
		{`{"kind":"latency","delay":"2s"}`, Fault{Kind: "latency", Delay: 2 * time.Second}},
		{`{"kind":"latency","delay":1500000000,"count":2}`, Fault{Kind: "latency", Delay: 1500 * time.Millisecond, Count: 2}},
		{`{"kind":"reset","api":"huawei/workspaceapp/CreateOrder"}`, Fault{Kind: "reset", API: WorkspaceAppOrders}},
	} {
		var f Fault
		if err := json.Unmarshal([]byte(tc.in), &f); err != nil || f != tc.want || f.check() != nil {
			t.Errorf("%s: got %+v, %v, check %v", tc.in, f, err, f.check())
		}
	}
	for _, bad := range []string{`{"kind":"latency"}`, `{"kind":"explode"}`, `{"kind":"hang","api":"aws/ec2"}`,
		`{"kind":"hang","count":-1}`, `{"kind":"latency","delay":"soon"}`, `{"kind":"hang","cuont":1}`} {
		var f Fault
		err := json.Unmarshal([]byte(bad), &f)
		if err == nil {
			err = f.check()
		}
		if err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
	// A Go-side Fault round-trips through JSON (Delay as nanoseconds).
	out, _ := json.Marshal(Fault{Kind: "latency", Delay: time.Second})
	if !bytes.Contains(out, []byte(`"delay":1000000000`)) {
		t.Errorf("marshal: %s", out)
	}
}

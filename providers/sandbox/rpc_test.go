package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	alierrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
)

// rpcEcho is an RPC operation for the helper's own test: it answers the parameters it got.
var rpcEcho = alibabaOp{product: "Test", action: "Echo", versions: []string{"2017-12-14"}, call: "test/echo",
	answer: func(_ *Server, c *alibabaRequest) (any, *apiError) {
		return map[string]string{"RequestId": c.requestID, "Got": c.params.Get("Word")}, nil
	}}

// An RPC request signed by alibaba-cloud-sdk-go (RPC signature HMAC-SHA1 over the sorted
// parameters) is verified and answered; a wrong secret is SignatureDoesNotMatch.
func TestAlibabaRPCSignedByTheSDK(t *testing.T) {
	s := New(Options{})
	rt := rpcEcho.rpc(http.MethodPost)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := matchPath(rt.path, r.URL.Path); !ok || r.URL.Query().Get("Action") != rt.action {
			notFound(w, r)
			return
		}
		rt.serve(s, w, r, nil)
	}))
	defer ts.Close()
	u, _ := url.Parse(ts.URL)
	send := func(secret string) (*requests.CommonRequest, error) {
		req := requests.NewCommonRequest()
		req.Method = requests.POST
		req.Scheme = requests.HTTP
		req.Domain = u.Host
		req.Version = "2017-12-14"
		req.ApiName = "Echo"
		req.QueryParams["Word"] = "hello world*~"
		resp, err := alibabaClient(t, secret).ProcessCommonRequest(req)
		if err == nil {
			var out map[string]string
			if json.Unmarshal(resp.GetHttpContentBytes(), &out) != nil || out["Got"] != "hello world*~" {
				t.Errorf("answer %s", resp.GetHttpContentString())
			}
		}
		return req, err
	}
	if _, err := send(AlibabaAccessKeySecret); err != nil {
		t.Fatal(err)
	}
	_, err := send("not-the-secret")
	var se *alierrors.ServerError
	if !errors.As(err, &se) || se.ErrorCode() != "SignatureDoesNotMatch" {
		t.Fatalf("wrong secret: %v", err)
	}
	if s.CallHits("test/echo") != 2 {
		t.Errorf("hits %d", s.CallHits("test/echo"))
	}
}

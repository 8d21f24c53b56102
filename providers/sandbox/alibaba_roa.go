package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Alibaba Cloud's two request styles share the gateway (alibaba_auth.go), the error shape and
// the region taken from the endpoint host; an API's own file declares each operation as an
// alibabaOp and gets its route from alibabaOp.roa (here) or alibabaOp.rpc (alibaba_rpc.go).

const maxBody = 1 << 20

// alibabaOp is one Alibaba Cloud operation as its API reference documents it.
type alibabaOp struct {
	product string // e.g. "AIWorkSpace": names the product in error recommendations
	action  string // e.g. "CreateProductOrders"
	// versions are the documented API versions; the last is the newest, which a request
	// without x-acs-version is served by.
	versions []string
	method   string
	path     string // ROA only: the documented path
	// api names an order endpoint: its requests are counted (Hits), faulted by API and its
	// accepted orders recorded. Otherwise call names it for CallHits and call faults.
	api  API
	call string
	// defaultRegion is the region when the endpoint host names none (a loopback address).
	defaultRegion string
	// answer judges the request against the API's documented rules and the account, and
	// returns the API's own answer shape, or the error the API answers.
	answer func(s *Server, c *alibabaRequest) (any, *apiError)
}

// alibabaRequest is one authenticated request as an answer sees it.
type alibabaRequest struct {
	r         *http.Request
	body      []byte
	params    url.Values // RPC: the query and form parameters
	region    string     // from the endpoint host, else the operation's default
	requestID string
	op        alibabaOp
}

// place records an accepted order; an order book that cannot be kept (state.go) is the
// cloud's internal error.
func (c *alibabaRequest) place(s *Server, orderID string) *apiError {
	if err := s.record(Order{API: c.op.api, OrderID: orderID, RequestID: c.requestID, Region: c.region,
		Body: append(json.RawMessage{}, c.body...), At: s.now()}); err != nil {
		e := alibabaInternal
		e.Message += " (" + s.stateTrouble(err) + ")"
		return &e
	}
	return nil
}

// apiError is one error answer; each cloud writes it in its own shape.
type apiError struct {
	Status  int
	Code    string
	Message string
}

// Alibaba's generic gateway errors, as alibaba-cloud-sdk-go parses them (sdk/errors/server_error.go).
var (
	alibabaNotFound = apiError{http.StatusNotFound, "InvalidAction.NotFound",
		"Specified api is not found, please check your url and method."}
	alibabaThrottle = apiError{http.StatusBadRequest, "Throttling.User",
		"Request was denied due to user flow control."}
	alibabaInternal = apiError{http.StatusInternalServerError, "InternalError",
		"The request processing has failed due to some unknown error, exception or failure."}
)

// writeAlibabaError answers in the shape both Alibaba SDK generations parse (RequestId,
// HostId, Code, Message, Recommend).
func writeAlibabaError(w http.ResponseWriter, r *http.Request, requestID, product string, e apiError) {
	if product == "" {
		product = "Unknown"
	}
	w.Header().Set("x-acs-request-id", requestID)
	writeJSON(w, e.Status, map[string]string{
		"RequestId": requestID,
		"HostId":    r.Host,
		"Code":      e.Code,
		"Message":   e.Message,
		"Recommend": "https://api.aliyun.com/troubleshoot?q=" + e.Code + "&product=" + product,
	})
}

// roa is op's route in the ROA style: method and path, the signature in headers, a JSON body.
func (op alibabaOp) roa() route {
	return route{method: op.method, path: op.path, serve: func(s *Server, w http.ResponseWriter, r *http.Request, _ map[string]string) {
		s.serveAlibaba(w, r, op, nil)
	}}
}

// serveAlibaba reads, authenticates, faults and answers one request of op (rpcParams nil for
// ROA).
func (s *Server) serveAlibaba(w http.ResponseWriter, r *http.Request, op alibabaOp, rpcParams url.Values) {
	requestID := strings.ToUpper(newRequestID())
	fail := func(e apiError) { writeAlibabaError(w, r, requestID, op.product, e) }
	s.count(op.api, op.call)
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		fail(apiError{http.StatusBadRequest, "InvalidParameter", "The request body could not be read."})
		return
	}
	if rpcParams != nil && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		form, _ := url.ParseQuery(string(body))
		for k, v := range form {
			rpcParams[k] = v
		}
	}
	// ROA routes by method and path: the SDKs' generated requests also send x-acs-action, the
	// aliyun CLI's ROA requests do not. A header naming another action finds no API.
	if a := r.Header.Get("x-acs-action"); rpcParams == nil && a != "" && a != op.action {
		fail(alibabaNotFound)
		return
	}
	if e := op.checkVersion(r, rpcParams); e != nil {
		fail(*e)
		return
	}
	if _, e := s.verifyAlibaba(r, body, rpcParams); e != nil {
		fail(*e)
		return
	}
	// Only a request the gateway would pass on takes a fault: a stray or mis-signed request
	// must not use up the fault a test set for its order.
	fa := faultAnswers{throttle: alibabaThrottle, internal: alibabaInternal,
		write: func(w http.ResponseWriter, r *http.Request, e apiError) {
			writeAlibabaError(w, r, requestID, op.product, e)
		}}
	if !s.applyFault(w, r, op.api, op.call, fa) {
		return
	}
	region := alibabaHostRegion(r.Host)
	if region == "" {
		region = op.defaultRegion
	}
	c := &alibabaRequest{r: r, body: body, params: rpcParams, region: region, requestID: requestID, op: op}
	v, e := op.answer(s, c)
	if e != nil {
		forgetResetAfterPlacing(r) // nothing was placed
		fail(*e)
		return
	}
	if placedThenReset(w, r) { // a reset-after-placing fault: placed, never answered (orderbook.go)
		return
	}
	w.Header().Set("x-acs-request-id", requestID)
	writeJSON(w, http.StatusOK, v)
}

// checkVersion refuses an API version the reference does not document; none means the newest.
func (op alibabaOp) checkVersion(r *http.Request, rpcParams url.Values) *apiError {
	v := r.Header.Get("x-acs-version")
	if v == "" && rpcParams != nil {
		v = rpcParams.Get("Version")
	}
	if v == "" {
		return nil
	}
	for _, known := range op.versions {
		if v == known {
			return nil
		}
	}
	return &apiError{http.StatusBadRequest, "InvalidVersion", "Specified parameter Version is not valid."}
}

// alibabaHostRegion is the region an endpoint host names ("aiworkspace.cn-shanghai.aliyuncs.com"
// → "cn-shanghai"), "" for a host that names none (a loopback address, a central endpoint).
func alibabaHostRegion(host string) string {
	h := strings.ToLower(host)
	if i := strings.LastIndex(h, ":"); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	labels := strings.Split(strings.TrimSuffix(h, ".aliyuncs.com"), ".")
	if !strings.HasSuffix(h, ".aliyuncs.com") || len(labels) < 2 {
		return ""
	}
	if r := labels[len(labels)-1]; alibabaRegionKnown(r) {
		return r
	}
	return ""
}

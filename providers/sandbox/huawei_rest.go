package sandbox

import (
	"crypto/hmac"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Huawei Cloud's REST style: every API behind the API gateway (APIG) shares the AK/SK
// signature (sign_huawei.go; https://support.huaweicloud.com/devg-apisign/api-sign-algorithm.html),
// the {"error_code","error_msg"} shape with X-Request-Id, and — for project-scoped APIs — the
// project in the path, which must be the account's and, when the endpoint host names a region,
// of that region. An API's own file declares each operation as a huaweiOp.

// huaweiScope is what a Huawei operation is scoped to.
type huaweiScope int

const (
	scopeNone    huaweiScope = iota // signature only (IAM's own listings)
	scopeProject                    // {project_id} in the path
	scopeDomain                     // global services (BSS): X-Domain-Id
)

// huaweiOp is one Huawei Cloud operation as its API reference documents it.
type huaweiOp struct {
	method, path string
	scope        huaweiScope
	// regions are the regions the service's endpoints serve (nil = every region): a project
	// of another region finds no such API.
	regions []string
	// api names an order endpoint (counted by Hits, faulted by API, recorded); otherwise call
	// names it for CallHits and call faults.
	api  API
	call string
	// invalid and forbidden are the service's codes for a request it refuses (400) and for a
	// project that is not the caller's (403); internal its answer to an internal error.
	invalid, forbidden string
	internal           apiError
	// answer judges the request and returns the status and answer (nil = no content) or the
	// service's error.
	answer func(s *Server, c *huaweiRequest) (int, any, *apiError)
}

// huaweiRequest is one authenticated request as an answer sees it.
type huaweiRequest struct {
	r         *http.Request
	body      []byte
	params    map[string]string // the path's parameters
	projectID string
	region    string // the project's region (project-scoped operations)
	requestID string
	op        huaweiOp
}

// place records an accepted order; an order book that cannot be kept (state.go) is the
// service's internal error.
func (c *huaweiRequest) place(s *Server, orderID string) *apiError {
	if err := s.record(Order{API: c.op.api, OrderID: orderID, RequestID: c.requestID, Region: c.region,
		Body: json.RawMessage(strings.TrimSpace(string(c.body))), At: s.now(), ProjectID: c.projectID}); err != nil {
		e := c.op.internal
		e.Message += " (" + s.stateTrouble(err) + ")"
		return &e
	}
	return nil
}

// invalidParameter is the service's 400 answer naming what is wrong.
func (c *huaweiRequest) invalidParameter(why string) *apiError {
	return &apiError{http.StatusBadRequest, c.op.invalid, "Invalid parameter: " + why}
}

// Gateway (APIG) errors, shared by every service:
// https://support.huaweicloud.com/devg-apisign/api-sign-0001.html
var (
	huaweiAuthFailed = apiError{http.StatusUnauthorized, "APIGW.0301",
		"Incorrect IAM authentication information: verify aksk signature fail"}
	huaweiNoSuchAPI = apiError{http.StatusNotFound, "APIGW.0101",
		"The API does not exist or has not been published in the environment"}
	huaweiThrottle = apiError{http.StatusTooManyRequests, "APIGW.0308",
		"The throttling threshold has been reached: policy user over ratelimit"}
)

// writeHuaweiError answers {"error_code","error_msg"} with the request id in X-Request-Id,
// the only place huaweicloud-sdk-go-v3 reads it from.
func writeHuaweiError(w http.ResponseWriter, e apiError) {
	id := newHuaweiRequestID()
	w.Header().Set("X-Request-Id", id)
	body := map[string]string{"error_code": e.Code, "error_msg": e.Message}
	if strings.HasPrefix(e.Code, "APIGW.") {
		body["request_id"] = id // the gateway also puts it in the body
	}
	writeJSON(w, e.Status, body)
}

// rest is op's route.
func (op huaweiOp) rest() route {
	return route{method: op.method, path: op.path, serve: func(s *Server, w http.ResponseWriter, r *http.Request, params map[string]string) {
		s.serveHuawei(w, r, op, params)
	}}
}

func (s *Server) serveHuawei(w http.ResponseWriter, r *http.Request, op huaweiOp, params map[string]string) {
	s.count(op.api, op.call)
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeHuaweiError(w, apiError{http.StatusBadRequest, "APIGW.0201", "Request body could not be read"})
		return
	}
	c := &huaweiRequest{r: r, body: body, params: params, requestID: newHuaweiRequestID(), op: op}
	if e := s.checkHuawei(c); e != nil {
		writeHuaweiError(w, *e)
		return
	}
	// Only a request the gateway would pass on takes a fault (see serveAlibaba).
	fa := faultAnswers{throttle: huaweiThrottle, internal: op.internal,
		write: func(w http.ResponseWriter, _ *http.Request, e apiError) { writeHuaweiError(w, e) }}
	if !s.applyFault(w, r, op.api, op.call, fa) {
		return
	}
	status, v, e := op.answer(s, c)
	if e != nil {
		forgetResetAfterPlacing(r) // nothing was placed
		writeHuaweiError(w, *e)
		return
	}
	if placedThenReset(w, r) { // a reset-after-placing fault: placed, never answered (orderbook.go)
		return
	}
	w.Header().Set("X-Request-Id", c.requestID)
	if v == nil {
		w.WriteHeader(status)
		return
	}
	writeJSON(w, status, v)
}

// checkHuawei checks the project in the path, the signature and its date, then the scope:
// the project is the account's and of the endpoint's region, or the domain is the account's.
func (s *Server) checkHuawei(c *huaweiRequest) *apiError {
	r, op := c.r, c.op
	pid, hasProject := c.params["project_id"]
	if hasProject && pid == "{project_id}" {
		// What an SDK client given an endpoint but no project id sends: the path keeps its
		// literal {project_id}.
		return &apiError{http.StatusBadRequest, op.invalid, "Invalid parameter: project_id"}
	}
	if e := s.verifyHuawei(r, c.body); e != nil {
		return e
	}
	switch op.scope {
	case scopeProject:
		p, ok := projectByID(pid)
		hostRegion := huaweiHostRegion(r.Host)
		if !ok || (r.Header.Get("X-Project-Id") != "" && r.Header.Get("X-Project-Id") != pid) {
			return &apiError{http.StatusForbidden, op.forbidden, "Forbidden: project " + pid + " does not belong to this account"}
		}
		if hostRegion != "" && p.region != hostRegion {
			return &apiError{http.StatusForbidden, op.forbidden, "Forbidden: project " + pid + " belongs to region " + p.region + ", not to " + hostRegion}
		}
		if op.regions != nil && !slices.Contains(op.regions, p.region) {
			return &huaweiNoSuchAPI
		}
		c.projectID, c.region = pid, p.region
	case scopeDomain:
		if d := r.Header.Get("X-Domain-Id"); d != DomainID {
			e := huaweiAuthFailed
			e.Message = "Incorrect IAM authentication information: the X-Domain-Id " + quoteOrMissing(d) + " is not the account of this access key"
			return &e
		}
	}
	return nil
}

// verifyHuawei checks the SDK-HMAC-SHA256 signature and that X-Sdk-Date is within 15 minutes:
// the gateway's defence against replay (its signature has no nonce).
func (s *Server) verifyHuawei(r *http.Request, body []byte) *apiError {
	a, ok := parseHuaweiAuth(r.Header.Get("Authorization"))
	if !ok {
		return &huaweiAuthFailed
	}
	sk, known := s.huaweiSecret(a.AK, r.Header.Get("X-Security-Token")) // federation.go: temporary keys too
	if !known {
		e := huaweiAuthFailed
		e.Message = "Incorrect IAM authentication information: AK access failed to reach the limit or the AK does not exist"
		return &e
	}
	date := r.Header.Get("X-Sdk-Date")
	t, err := time.Parse(huaweiDateFormat, date)
	if err != nil {
		e := huaweiAuthFailed
		e.Message = "Incorrect IAM authentication information: x-sdk-date is not in the format YYYYMMDDTHHMMSSZ"
		return &e
	}
	if skew := s.now().Sub(t); skew > maxSkew || skew < -maxSkew {
		e := huaweiAuthFailed
		e.Message = "Incorrect IAM authentication information: signature expired, x-sdk-date is more than 15 minutes from the server time"
		return &e
	}
	want := huaweiSignature(huaweiCanonicalRequest(r, a.SignedHeaders, body), date, sk)
	if !hmac.Equal([]byte(a.Signature), []byte(want)) {
		return &huaweiAuthFailed
	}
	return nil
}

// huaweiHostRegion is the region an endpoint host names ("sdg.cn-east-3.myhuaweicloud.com" →
// "cn-east-3"), "" for a host that names none (a loopback address).
func huaweiHostRegion(host string) string {
	h := strings.ToLower(host)
	if i := strings.LastIndex(h, ":"); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	for _, suffix := range []string{".myhuaweicloud.com", ".myhuaweicloud.eu"} {
		if rest, ok := strings.CutSuffix(h, suffix); ok {
			labels := strings.Split(rest, ".")
			if len(labels) >= 2 && huaweiRegionKnown(labels[len(labels)-1]) {
				return labels[len(labels)-1]
			}
		}
	}
	return ""
}

func quoteOrMissing(v string) string {
	if v == "" {
		return "nothing"
	}
	return "\"" + v + "\""
}

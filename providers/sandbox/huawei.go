package sandbox

import (
	"crypto/hmac"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"

	"cloudorder/flows"
)

// Huawei Cloud APIs behind the API gateway (APIG): what their order endpoints share (signature,
// error shape, project check). Each API's own file (dsc.go, workspaceapp.go) says what differs,
// in a huaweiAPI; Workspace App's GET look-ups are in lookups.go.

// huaweiAPI is what differs between the services' order endpoints.
type huaweiAPI struct {
	id         flows.APIID
	invalid    string // error code for a body that breaks a documented rule
	forbidden  string // error code for a project that is not the caller's
	internal   apiError
	regionFrom func(body []byte) string
}

// emulateHuawei registers api's order endpoint.
func emulateHuawei(api huaweiAPI, e emulation) {
	e.api = flows.Find(api.id)
	e.order = func(s *Server, w http.ResponseWriter, r *http.Request, pid string) { s.huaweiOrder(w, r, pid, api) }
	emulate(e)
}

// Gateway (APIG) errors, shared by both services.
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

// huawei routes /v1/{project_id}/… to a look-up (the order endpoints are routed by
// emulation.go).
func (s *Server) huawei(w http.ResponseWriter, r *http.Request) {
	parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/v1/"), "/", 2)
	if len(parts) != 2 {
		writeHuaweiError(w, huaweiNoSuchAPI)
		return
	}
	pid, rest := parts[0], parts[1]
	switch {
	case lookups[rest] != nil && r.Method == http.MethodGet:
		s.huaweiLookup(w, r, pid, rest)
	default:
		writeHuaweiError(w, huaweiNoSuchAPI)
	}
}

func (s *Server) huaweiOrder(w http.ResponseWriter, r *http.Request, pid string, api huaweiAPI) {
	s.hit(api.id)
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeHuaweiError(w, apiError{http.StatusBadRequest, api.invalid, "Invalid parameter: body: " + err.Error()})
		return
	}
	if e := s.checkHuaweiRequest(r, pid, body, api); e != nil {
		writeHuaweiError(w, *e)
		return
	}
	// Only an order the gateway would pass on takes a fault (see alibabaOrder).
	fa := faultAnswers{throttle: huaweiThrottle, internal: api.internal,
		write: func(w http.ResponseWriter, _ *http.Request, e apiError) { writeHuaweiError(w, e) }}
	if !s.applyFault(w, r, api.id, fa) {
		return
	}
	problems := validateBody(api.id, api.regionFrom(body), pid, body)
	if problems = append(problems, accountProblems(api.id, body)...); len(problems) > 0 { // consistency.go
		forgetResetAfterPlacing(r)
		writeHuaweiError(w, apiError{http.StatusBadRequest, api.invalid, invalidParameter(problems)})
		return
	}
	at := s.now()
	orderID := newHuaweiOrderID(at)
	requestID := newHuaweiRequestID()
	s.record(Order{API: api.id, OrderID: orderID, RequestID: requestID,
		Body: json.RawMessage(strings.TrimSpace(string(body))), At: at, ProjectID: pid})
	if placedThenReset(w, r) { // orderbook.go
		return
	}
	w.Header().Set("X-Request-Id", requestID)
	writeJSON(w, http.StatusOK, map[string]string{"order_id": orderID})
}

// checkHuaweiRequest checks the project in the path, then the signature and its date, then that
// the project is the sandbox account's.
func (s *Server) checkHuaweiRequest(r *http.Request, pid string, body []byte, api huaweiAPI) *apiError {
	if pid == "{project_id}" {
		// What an SDK client given an endpoint but no project id sends: the path keeps its
		// literal {project_id}.
		return &apiError{http.StatusBadRequest, api.invalid,
			"Invalid parameter: project_id: the project id was not set (the path has a literal {project_id}); give the SDK credentials a project id (HUAWEICLOUD_SDK_PROJECT_ID)"}
	}
	if e := s.verifyHuawei(r, body); e != nil {
		return e
	}
	if !ownProject(pid) || (r.Header.Get("X-Project-Id") != "" && r.Header.Get("X-Project-Id") != pid) {
		return &apiError{http.StatusForbidden, api.forbidden,
			"Forbidden: project " + pid + " does not belong to this account (the sandbox account's project is " + ProjectID + ")"}
	}
	return nil
}

// verifyHuawei checks the SDK-HMAC-SHA256 signature and that X-Sdk-Date is within 15 minutes.
func (s *Server) verifyHuawei(r *http.Request, body []byte) *apiError {
	a, ok := parseHuaweiAuth(r.Header.Get("Authorization"))
	if !ok || a.AK != HuaweiAK {
		return &huaweiAuthFailed
	}
	date := r.Header.Get("X-Sdk-Date")
	t, err := time.Parse(huaweiDateFormat, date)
	if err != nil {
		e := huaweiAuthFailed
		e.Message += ": X-Sdk-Date must be " + huaweiDateFormat
		return &e
	}
	if skew := s.now().Sub(t); skew > maxSkew || skew < -maxSkew {
		e := huaweiAuthFailed
		e.Message += ": X-Sdk-Date is more than 15 minutes from the server time " + s.now().UTC().Format(huaweiDateFormat)
		return &e
	}
	want := huaweiSignature(huaweiCanonicalRequest(r, a.SignedHeaders, body), date, HuaweiSK)
	if !hmac.Equal([]byte(a.Signature), []byte(want)) {
		return &huaweiAuthFailed
	}
	return nil
}

package sandbox

import (
	"crypto/hmac"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"cloudorder/flows"
)

// Alibaba Cloud ROA APIs: what their order endpoints share (signature, error shape). Each API's
// own file (pai.go) says what differs, in an alibabaAPI.

const maxBody = 1 << 20

// alibabaAPI is what differs between Alibaba order endpoints.
type alibabaAPI struct {
	api     *flows.API // method and path come from its declaration
	version string     // x-acs-version
	action  string     // x-acs-action, when the client sends one
	region  string     // the body names no region; validation needs one
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

var alibabaFaults = faultAnswers{throttle: alibabaThrottle, internal: alibabaInternal,
	write: func(w http.ResponseWriter, r *http.Request, e apiError) { writeAlibabaError(w, r, newRequestID(), e) }}

// writeAlibabaError answers in the shape alibaba-cloud-sdk-go parses into *errors.ServerError.
func writeAlibabaError(w http.ResponseWriter, r *http.Request, requestID string, e apiError) {
	w.Header().Set("x-acs-request-id", requestID)
	writeJSON(w, e.Status, map[string]string{
		"RequestId": requestID,
		"HostId":    r.Host,
		"Code":      e.Code,
		"Message":   e.Message,
		"Recommend": "https://api.aliyun.com/troubleshoot?q=" + e.Code + "&product=AIWorkSpace",
	})
}

// checkAlibabaRequest verifies the API identity, the signature and its inputs, in the order a
// gateway would: which API, who signs, when, what was sent, whether the signature holds.
func (s *Server) checkAlibabaRequest(r *http.Request, body []byte, api alibabaAPI) *apiError {
	if v := r.Header.Get("x-acs-version"); v != api.version {
		return &apiError{http.StatusBadRequest, "InvalidVersion",
			"Specified parameter Version is not valid: x-acs-version must be " + api.version + ", got " + quoteOrMissing(v) + "."}
	}
	// ROA routes by method and path: the SDK's generated requests also send x-acs-action, the
	// aliyun CLI's ROA requests do not (it sends x-acs-version and signs the rest). A header
	// naming another action is refused; no header is the CLI's request and accepted.
	if a := r.Header.Get("x-acs-action"); a != "" && a != api.action {
		e := alibabaNotFound
		e.Message += " x-acs-action must be " + api.action + " (or absent) for " + api.api.Method + " " + api.api.Path + ", got " + quoteOrMissing(a) + "."
		return &e
	}
	ak, sig, ok := parseAlibabaAuth(r.Header.Get("Authorization"))
	if !ok {
		return &apiError{http.StatusBadRequest, "IncompleteSignature",
			"The request signature does not conform to Aliyun standards: the Authorization header must be \"acs <AccessKeyId>:<Signature>\"."}
	}
	secret, e := s.alibabaSecret(ak, r.Header.Get("x-acs-security-token"), false) // sts.go: temporary keys too
	if e != nil {
		return e
	}
	date, err := http.ParseTime(r.Header.Get("Date"))
	if err != nil {
		return &apiError{http.StatusBadRequest, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted: the Date header must be RFC 1123 GMT."}
	}
	if skew := s.now().Sub(date); skew > maxSkew || skew < -maxSkew {
		return &apiError{http.StatusBadRequest, "InvalidTimeStamp.Expired",
			"Specified time stamp or date value is expired: the Date header is more than 15 minutes from the server time " + s.now().UTC().Format(http.TimeFormat) + "."}
	}
	if r.Header.Get("Content-MD5") != contentMD5(body) {
		return &apiError{http.StatusBadRequest, "ContentMD5NotMatched", "The Content-MD5 you specified did not match what we received."}
	}
	sts := alibabaStringToSign(r)
	if !hmac.Equal([]byte(sig), []byte(alibabaSignature(sts, secret))) {
		// The SDK compares the text after "server string to sign is:" with its own to tell a
		// wrong secret from an SDK bug (sdk/errors/signature_does_not_match_wrapper.go).
		return &apiError{http.StatusBadRequest, "SignatureDoesNotMatch",
			"The request signature does not conform to Aliyun standards. server string to sign is:" + sts}
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return &apiError{http.StatusBadRequest, "InvalidParameter",
			"Invalid parameter: body: must be JSON sent with Content-Type application/json, got " + quoteOrMissing(ct) + " (a body sent as form field \"body\" is not read)."}
	}
	return nil
}

// alibabaProductIDs makes one product id per entry of Products, as the English doc describes.
func alibabaProductIDs(body []byte) []string {
	var v struct {
		Products []struct{ ProductCode string }
	}
	_ = json.Unmarshal(body, &v)
	ids := make([]string, len(v.Products))
	for i, p := range v.Products {
		ids[i] = newAlibabaProductID(p.ProductCode)
	}
	return ids
}

func quoteOrMissing(v string) string {
	if v == "" {
		return "nothing"
	}
	return "\"" + v + "\""
}

// alibabaOrder answers an order request of api.
func (s *Server) alibabaOrder(w http.ResponseWriter, r *http.Request, api alibabaAPI) {
	requestID := strings.ToUpper(newRequestID())
	if r.Method != api.api.Method {
		writeAlibabaError(w, r, requestID, alibabaNotFound)
		return
	}
	s.hit(api.api.ID)
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeAlibabaError(w, r, requestID, apiError{http.StatusBadRequest, "InvalidParameter", "The request body could not be read: " + err.Error()})
		return
	}
	if e := s.checkAlibabaRequest(r, body, api); e != nil {
		writeAlibabaError(w, r, requestID, *e)
		return
	}
	// Only an order the gateway would pass on takes a fault: a stray or mis-signed request
	// must not use up the fault a test set for its order.
	if !s.applyFault(w, r, api.api.ID, alibabaFaults) {
		return
	}
	if problems := validateBody(api.api.ID, api.region, "", body); len(problems) > 0 {
		forgetResetAfterPlacing(r)
		writeAlibabaError(w, r, requestID, apiError{http.StatusBadRequest, "InvalidParameter", invalidParameter(problems)})
		return
	}
	orderID := newAlibabaOrderID()
	s.record(Order{API: api.api.ID, OrderID: orderID, RequestID: requestID, Body: append(json.RawMessage{}, body...), At: s.now()})
	if placedThenReset(w, r) { // orderbook.go
		return
	}
	w.Header().Set("x-acs-request-id", requestID)
	writeJSON(w, http.StatusOK, map[string]any{
		"RequestId":           requestID,
		"OrderId":             orderID,
		"Message":             "正常",
		"BuyProductRequestId": newRequestID(),
		"ProductIds":          alibabaProductIDs(body),
	})
}

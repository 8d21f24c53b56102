package sandbox

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Alibaba BssOpenApi 2017-12-14 order queries, RPC style: a request to "/" whose parameters
// (query string, and for POST the form body) name the Action. GetOrderDetail (OrderId) and
// QueryOrders (CreateTimeStart/CreateTimeEnd "yyyy-MM-ddTHH:mm:ssZ", ProductCode,
// SubscriptionType, OrderType, PaymentStatus, PageNum, PageSize; the last hour when no time
// is given), answered as {"Code","Message","RequestId","Success","Data":{…,"OrderList":
// {"Order":[…]}}} (alibaba-cloud-sdk-go services/bssopenapi models; the BssOpenApi reference
// https://www.alibabacloud.com/help/en/user-center/developer-reference/api-queryorders).
//
// The RPC signature is checked as Alibaba documents it ("Signature method" of the RPC
// request mechanism, https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism):
// every parameter but Signature, names and values percent-encoded (RFC 3986: only
// A-Z a-z 0-9 - _ . ~ kept, space as %20), sorted by name, joined "k=v" with "&"; the string
// to sign is METHOD + "&%2F&" + the percent-encoded joined string; the signature is
// base64(HMAC-SHA1(secret + "&", string to sign)). Timestamp is ISO 8601 UTC, within 15
// minutes; a SignatureNonce is used once.

const (
	bssOpenAPIVersion = "2017-12-14"
	rpcTimeLayout     = "2006-01-02T15:04:05Z"
)

// rpcNonces are the SignatureNonce values each server has seen.
var rpcNonces sync.Map // key rpcNonce

type rpcNonce struct {
	s     *Server
	nonce string
}

// billingAlibaba answers BssOpenApi RPC requests to "/"; it reports whether r was one.
func (s *Server) billingAlibaba(w http.ResponseWriter, r *http.Request) bool {
	if r.URL.Path != "/" || (r.Method != http.MethodGet && r.Method != http.MethodPost) {
		return false
	}
	requestID := strings.ToUpper(newRequestID())
	params, err := rpcParams(w, r)
	if err != nil {
		writeAlibabaError(w, r, requestID, apiError{http.StatusBadRequest, "InvalidParameter", "The request parameters could not be read: " + err.Error()})
		return true
	}
	var call string
	var answer func(*Server, url.Values) (any, *apiError)
	switch params.Get("Action") {
	case "GetOrderDetail":
		call, answer = CallBSSOpenAPIOrderDetail, getOrderDetail
	case "QueryOrders":
		call, answer = CallBSSOpenAPIOrders, queryOrders
	default:
		writeAlibabaError(w, r, requestID, apiError{http.StatusNotFound, "InvalidAction.NotFound",
			"Specified api is not found, please check your url and method: Action " + quoteOrMissing(params.Get("Action")) + "."})
		return true
	}
	if f, faulted := s.takeCallFault(call); faulted && !s.actOut(w, r, f, alibabaFaults) {
		return true
	}
	if e := s.checkRPC(r, params); e != nil {
		writeAlibabaError(w, r, requestID, *e)
		return true
	}
	data, e := answer(s, params)
	if e != nil {
		writeAlibabaError(w, r, requestID, *e)
		return true
	}
	w.Header().Set("x-acs-request-id", requestID)
	writeJSON(w, http.StatusOK, map[string]any{"Code": "Success", "Message": "Successful!", "RequestId": requestID,
		"Success": true, "Data": data})
	return true
}

// rpcParams are the query parameters and, for a form POST, the body's.
func rpcParams(w http.ResponseWriter, r *http.Request) (url.Values, error) {
	params := r.URL.Query()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return nil, err
	}
	if len(body) > 0 && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, err
		}
		for k, vs := range form {
			params[k] = append(params[k], vs...)
		}
	}
	return params, nil
}

// checkRPC verifies version, key, time, nonce and signature, in that order.
func (s *Server) checkRPC(r *http.Request, params url.Values) *apiError {
	if v := params.Get("Version"); v != bssOpenAPIVersion {
		return &apiError{http.StatusBadRequest, "InvalidVersion", "Specified parameter Version is not valid: must be " + bssOpenAPIVersion + ", got " + quoteOrMissing(v) + "."}
	}
	for _, name := range []string{"AccessKeyId", "Signature", "SignatureNonce", "Timestamp"} {
		if params.Get(name) == "" {
			return &apiError{http.StatusBadRequest, "Missing" + name, name + " is mandatory for this action."}
		}
	}
	if params.Get("SignatureMethod") != "HMAC-SHA1" {
		return &apiError{http.StatusBadRequest, "InvalidSignatureMethod", "Specified signature method is not supported: use HMAC-SHA1."}
	}
	if params.Get("AccessKeyId") != AlibabaAccessKeyID {
		return &apiError{http.StatusNotFound, "InvalidAccessKeyId.NotFound", "Specified access key is not found."}
	}
	at, err := time.Parse(rpcTimeLayout, params.Get("Timestamp"))
	if err != nil {
		return &apiError{http.StatusBadRequest, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted: Timestamp must be yyyy-MM-ddTHH:mm:ssZ (UTC)."}
	}
	if skew := s.now().Sub(at); skew > maxSkew || skew < -maxSkew {
		return &apiError{http.StatusBadRequest, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired: more than 15 minutes from the server time " + s.now().UTC().Format(rpcTimeLayout) + "."}
	}
	sts := rpcStringToSign(r.Method, params)
	mac := hmac.New(sha1.New, []byte(AlibabaAccessKeySecret+"&"))
	mac.Write([]byte(sts))
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(params.Get("Signature")), []byte(want)) {
		return &apiError{http.StatusBadRequest, "SignatureDoesNotMatch",
			"Specified signature is not matched with our calculation. server string to sign is:" + sts}
	}
	if _, used := rpcNonces.LoadOrStore(rpcNonce{s, params.Get("SignatureNonce")}, true); used {
		return &apiError{http.StatusBadRequest, "SignatureNonceUsed", "Specified signature nonce was used already."}
	}
	return nil
}

// rpcStringToSign is METHOD&%2F&percentEncode(canonicalized parameters).
func rpcStringToSign(method string, params url.Values) string {
	names := make([]string, 0, len(params))
	for k := range params {
		if k != "Signature" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	pairs := make([]string, len(names))
	for i, k := range names {
		pairs[i] = percentEncode(k) + "=" + percentEncode(params.Get(k))
	}
	return method + "&" + percentEncode("/") + "&" + percentEncode(strings.Join(pairs, "&"))
}

// percentEncode is RFC 3986 percent-encoding of every byte but A-Z a-z 0-9 - _ . ~.
func percentEncode(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// alibabaBook is the account's Alibaba orders.
func (s *Server) alibabaBook() []bookOrder { return s.book(alibabaBSSOpenAPI) }

// paiBilling: a PAI order is paid at once when its body says AutoPay true.
var paiBilling = &billingOf{centre: alibabaBSSOpenAPI, lines: bssOrderRows, unpaid: func(body []byte) bool {
	var b struct{ AutoPay *bool }
	return json.Unmarshal(body, &b) != nil || b.AutoPay == nil || !*b.AutoPay
}}

func getOrderDetail(s *Server, params url.Values) (any, *apiError) {
	id := params.Get("OrderId")
	if id == "" {
		return nil, &apiError{http.StatusBadRequest, "MissingOrderId", "OrderId is mandatory for this action."}
	}
	for _, o := range s.alibabaBook() {
		if o.OrderID == id {
			rows := o.bill.lines(o)
			return orderData(rows, 1, 20, len(rows)), nil
		}
	}
	return nil, &apiError{http.StatusBadRequest, "InvalidParameter", "The specified order " + id + " does not exist in this account."}
}

func queryOrders(s *Server, params url.Values) (any, *apiError) {
	end, start := s.now(), s.now().Add(-time.Hour) // the documented default: the last hour
	var problems []string
	for name, t := range map[string]*time.Time{"CreateTimeStart": &start, "CreateTimeEnd": &end} {
		if v := params.Get(name); v != "" {
			parsed, err := time.Parse(rpcTimeLayout, v)
			if err != nil {
				problems = append(problems, name+": must be yyyy-MM-ddTHH:mm:ssZ (UTC), got "+quoteOrMissing(v))
			}
			*t = parsed
		}
	}
	page, size := 1, 20
	for name, n := range map[string]*int{"PageNum": &page, "PageSize": &size} {
		if v := params.Get(name); v != "" {
			parsed, err := strconv.Atoi(v)
			if err != nil || parsed < 1 || (name == "PageSize" && parsed > 300) {
				problems = append(problems, name+": must be a positive whole number (PageSize at most 300), got "+quoteOrMissing(v))
			}
			*n = parsed
		}
	}
	if st := params.Get("SubscriptionType"); st != "" && st != "Subscription" && st != "PayAsYouGo" {
		problems = append(problems, "SubscriptionType: must be Subscription or PayAsYouGo")
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, &apiError{http.StatusBadRequest, "InvalidParameter", "Invalid parameter: " + strings.Join(problems, "; ")}
	}
	var rows []map[string]any
	for _, o := range s.alibabaBook() {
		if o.At.Before(start) || o.At.After(end) {
			continue
		}
		for _, row := range o.bill.lines(o)[:1] { // QueryOrders: one row per order, its main product
			if rowMatches(row, params) {
				rows = append(rows, row)
			}
		}
	}
	total := len(rows)
	from := min((page-1)*size, total)
	return orderData(rows[from:min(from+size, total)], page, size, total), nil
}

// rowMatches applies QueryOrders' filters.
func rowMatches(row map[string]any, params url.Values) bool {
	for _, name := range []string{"ProductCode", "SubscriptionType", "OrderType", "PaymentStatus"} {
		if v := params.Get(name); v != "" && !strings.EqualFold(v, row[name].(string)) {
			return false
		}
	}
	return true
}

func orderData(rows []map[string]any, page, size, total int) map[string]any {
	return map[string]any{"HostName": "sandbox", "PageNum": page, "PageSize": size, "TotalCount": total,
		"OrderList": map[string]any{"Order": nonNil(rows)}}
}

// bssOrderRows are o's rows, one per product of its body.
func bssOrderRows(o bookOrder) []map[string]any {
	var b struct {
		Products []struct{ ProductCode, ChargeType string }
	}
	_ = json.Unmarshal(o.Body, &b)
	status, paidAt := "Paid", o.paidAt.UTC().Format(rpcTimeLayout)
	if o.state == bookUnpaid {
		status, paidAt = "Unpaid", ""
	}
	var rows []map[string]any
	for i, p := range b.Products {
		sub := "PayAsYouGo"
		if p.ChargeType == "PREPAY" {
			sub = "Subscription"
		}
		rows = append(rows, map[string]any{"OrderId": o.OrderID, "SubOrderId": fmt.Sprintf("%s%02d", o.OrderID, i+1),
			"ProductCode": p.ProductCode, "CommodityCode": p.ProductCode, "ProductType": "", "SubscriptionType": sub,
			"OrderType": "New", "CreateTime": o.At.UTC().Format(rpcTimeLayout), "PaymentStatus": status, "PaymentTime": paidAt,
			"Region": "cn-hangzhou", "Currency": "CNY", "PaymentCurrency": "CNY", "PretaxGrossAmount": "0.00", "PretaxAmount": "0.00",
			"PretaxAmountLocal": "0.00", "AfterTaxAmount": "0.00", "Tax": "0.00", "Quantity": "1", "Config": "",
			"OriginalConfig": "", "InstanceIDs": "", "Operator": "sandbox", "RelatedOrderId": "", "OrderSubType": "",
			"UsageStartTime": "", "UsageEndTime": ""})
	}
	return rows
}

package sandbox

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// How Alibaba Cloud's gateway authenticates a request, in the three documented signatures:
//
//   - ROA "acs" (HMAC-SHA1): https://help.aliyun.com/document_detail/315525.html
//     Authorization: acs AK:base64(hmac_sha1(secret, METHOD\n Accept\n Content-MD5\n
//     Content-Type\n Date\n x-acs-*… resource)); an absent header still takes its line, empty
//     ("若值不存在则以 \n 补齐"); Content-MD5 is optional and, when sent, must be the body's.
//   - RPC (HMAC-SHA1 over the sorted parameters):
//     https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism
//   - V3 ACS3-HMAC-SHA256, for both styles (the Tea SDKs' default):
//     https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature
//
// Each refuses a date more than 15 minutes from the server's clock and a signature nonce it
// has seen before (SignatureNonceUsed). Messages are the gateway's wording
// (https://help.aliyun.com/document_detail/435312.html).

// alibabaSigner is who signed a request and how, once verified.
type alibabaSigner struct {
	ak     string
	scheme string // "acs", "ACS3-HMAC-SHA256" or "rpc"
	// date is the request's signed time, nonce its x-acs-signature-nonce / SignatureNonce
	// ("" when the scheme does not require one and none was sent).
	date  time.Time
	nonce string
}

func alibabaErr(status int, code, msg string) *apiError { return &apiError{status, code, msg} }

var (
	errIncompleteSignature = alibabaErr(http.StatusBadRequest, "IncompleteSignature",
		"The request signature does not conform to Aliyun standards.")
	errNonceUsed = alibabaErr(http.StatusBadRequest, "SignatureNonceUsed",
		"Specified signature nonce was used already.")
	errTimeStampExpired = alibabaErr(http.StatusBadRequest, "InvalidTimeStamp.Expired",
		"Specified time stamp or date value is expired.")
	errTimeStampFormat = alibabaErr(http.StatusBadRequest, "InvalidTimeStamp.Format",
		"Specified time stamp or date value is not well formatted.")
	errContentMD5 = alibabaErr(http.StatusBadRequest, "ContentMD5NotMatched",
		"The Content-MD5 you specified did not match what we received.")
)

func signatureMismatch(stringToSign string) *apiError {
	// alibaba-cloud-sdk-go compares the text after "server string to sign is:" with its own to
	// tell a wrong secret from an SDK bug (sdk/errors/signature_does_not_match_wrapper.go).
	return alibabaErr(http.StatusBadRequest, "SignatureDoesNotMatch",
		"Specified signature is not matched with our calculation. server string to sign is:"+stringToSign)
}

// verifyAlibaba authenticates an ROA request (acs or V3) or, with rpcParams, an RPC request
// (its query and form parameters; V3 or the RPC signature).
func (s *Server) verifyAlibaba(r *http.Request, body []byte, rpcParams url.Values) (alibabaSigner, *apiError) {
	auth := r.Header.Get("Authorization")
	var signer alibabaSigner
	var e *apiError
	switch {
	case strings.HasPrefix(auth, alibabaV3Algorithm+" "):
		signer, e = s.verifyAlibabaV3(r, body, auth)
	case rpcParams != nil && rpcParams.Get("Signature") != "":
		signer, e = s.verifyAlibabaRPC(r, rpcParams)
	case rpcParams == nil && strings.HasPrefix(auth, "acs "):
		signer, e = s.verifyAlibabaACS(r, body, auth)
	default:
		return alibabaSigner{}, errIncompleteSignature
	}
	if e != nil {
		return alibabaSigner{}, e
	}
	if skew := s.now().Sub(signer.date); skew > maxSkew || skew < -maxSkew {
		return alibabaSigner{}, errTimeStampExpired
	}
	if signer.nonce != "" && !s.nonces.first(signer.ak, signer.nonce, s.now()) {
		return alibabaSigner{}, errNonceUsed
	}
	return signer, nil
}

// verifyAlibabaACS checks the ROA "acs AK:signature" scheme.
func (s *Server) verifyAlibabaACS(r *http.Request, body []byte, auth string) (alibabaSigner, *apiError) {
	ak, sig, ok := strings.Cut(strings.TrimPrefix(auth, "acs "), ":")
	if !ok || ak == "" || sig == "" {
		return alibabaSigner{}, errIncompleteSignature
	}
	secret, e := s.alibabaSecret(ak, r.Header.Get("x-acs-security-token"), false) // sts.go: temporary keys too
	if e != nil {
		return alibabaSigner{}, e
	}
	date, err := http.ParseTime(r.Header.Get("Date"))
	if err != nil {
		return alibabaSigner{}, errTimeStampFormat
	}
	// Content-MD5 is optional; when sent it must be the body's.
	if md := r.Header.Get("Content-MD5"); md != "" && md != contentMD5(body) {
		return alibabaSigner{}, errContentMD5
	}
	sts := alibabaROAStringToSign(r)
	if !hmac.Equal([]byte(sig), []byte(hmacSHA1Base64(sts, secret))) {
		return alibabaSigner{}, signatureMismatch(sts)
	}
	return alibabaSigner{ak: ak, scheme: "acs", date: date, nonce: r.Header.Get("x-acs-signature-nonce")}, nil
}

// alibabaROAStringToSign is METHOD, then Accept, Content-MD5, Content-Type and Date each on its
// own line (empty when absent), every x-acs-* header as "name:value" (lower-case names,
// sorted), then the resource.
func alibabaROAStringToSign(r *http.Request) string {
	var b strings.Builder
	b.WriteString(r.Method + "\n")
	for _, h := range []string{"Accept", "Content-MD5", "Content-Type", "Date"} {
		b.WriteString(r.Header.Get(h) + "\n")
	}
	var acs []string
	values := map[string]string{}
	for name, v := range r.Header {
		lower := strings.ToLower(name)
		if strings.HasPrefix(lower, "x-acs-") && len(v) > 0 {
			acs = append(acs, lower)
			values[lower] = v[0]
		}
	}
	sort.Strings(acs)
	for _, name := range acs {
		b.WriteString(name + ":" + values[name] + "\n")
	}
	b.WriteString(alibabaResource(r.URL))
	return b.String()
}

// alibabaResource is the decoded path plus, if any, "?" and the decoded query sorted by key
// ("k=v", or "k" alone for an empty value): the SDKs sign the query before URL-encoding it.
func alibabaResource(u *url.URL) string {
	q := u.Query()
	if len(q) == 0 {
		return u.Path
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k
		if v := q.Get(k); v != "" {
			parts[i] += "=" + v
		}
	}
	return u.Path + "?" + strings.Join(parts, "&")
}

const alibabaV3Algorithm = "ACS3-HMAC-SHA256"

// verifyAlibabaV3 checks "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex".
// Every common header present except Authorization must be signed (host, x-acs-*; the SDKs
// also sign content-type); x-acs-date, x-acs-signature-nonce, x-acs-action and x-acs-version
// are required.
func (s *Server) verifyAlibabaV3(r *http.Request, body []byte, auth string) (alibabaSigner, *apiError) {
	var ak, signed, sig string
	for _, part := range strings.Split(strings.TrimPrefix(auth, alibabaV3Algorithm+" "), ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			ak = v
		case "SignedHeaders":
			signed = v
		case "Signature":
			sig = v
		}
	}
	if ak == "" || signed == "" || sig == "" {
		return alibabaSigner{}, errIncompleteSignature
	}
	secret, e := s.alibabaSecret(ak, r.Header.Get("x-acs-security-token"), false)
	if e != nil {
		return alibabaSigner{}, e
	}
	for _, h := range []string{"x-acs-date", "x-acs-signature-nonce", "x-acs-action", "x-acs-version"} {
		if r.Header.Get(h) == "" {
			return alibabaSigner{}, alibabaErr(http.StatusBadRequest, "MissingParameter",
				"The input parameter \""+h+"\" that is mandatory for processing this request is not supplied.")
		}
	}
	names := strings.Split(signed, ";")
	inList := map[string]bool{}
	for _, n := range names {
		inList[n] = true
	}
	for name := range r.Header {
		lower := strings.ToLower(name)
		if strings.HasPrefix(lower, "x-acs-") && !inList[lower] {
			return alibabaSigner{}, errIncompleteSignature
		}
	}
	if !inList["host"] {
		return alibabaSigner{}, errIncompleteSignature
	}
	date, err := time.Parse("2006-01-02T15:04:05Z", r.Header.Get("x-acs-date"))
	if err != nil {
		return alibabaSigner{}, errTimeStampFormat
	}
	// The canonical request carries the hash of the body that arrived: a body changed on the
	// way (or an x-acs-content-sha256 that is not its hash) no longer matches the signature.
	sum := sha256.Sum256(body)
	payload := hex.EncodeToString(sum[:])
	var headers strings.Builder
	for _, n := range names {
		v := strings.Join(r.Header.Values(n), ",")
		if n == "host" {
			v = r.Host
		}
		headers.WriteString(n + ":" + strings.TrimSpace(v) + "\n")
	}
	canonical := strings.Join([]string{r.Method, alibabaV3URI(r.URL), alibabaV3Query(r.URL.Query()),
		headers.String(), signed, payload}, "\n")
	hashed := sha256.Sum256([]byte(canonical))
	sts := alibabaV3Algorithm + "\n" + hex.EncodeToString(hashed[:])
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(sts))
	if !hmac.Equal([]byte(sig), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		return alibabaSigner{}, signatureMismatch(sts)
	}
	return alibabaSigner{ak: ak, scheme: alibabaV3Algorithm, date: date, nonce: r.Header.Get("x-acs-signature-nonce")}, nil
}

// alibabaV3URI is the path as sent, RFC 3986-encoded ("/" when empty).
func alibabaV3URI(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		return "/"
	}
	return p
}

// alibabaV3Query is the query sorted by key, keys and values percent-encoded (RFC 3986),
// "k=" for an empty value.
func alibabaV3Query(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, percentEncode(k)+"="+percentEncode(q.Get(k)))
	}
	return strings.Join(parts, "&")
}

// percentEncode is RFC 3986 encoding as Alibaba specifies it: url.QueryEscape with "+" as
// %20, "*" as %2A and "~" kept.
func percentEncode(s string) string {
	e := url.QueryEscape(s)
	e = strings.ReplaceAll(e, "+", "%20")
	e = strings.ReplaceAll(e, "*", "%2A")
	return strings.ReplaceAll(e, "%7E", "~")
}

// verifyAlibabaRPC checks the RPC signature: Signature = base64(hmac_sha1(secret+"&",
// METHOD&%2F&percentEncode(sorted "k=v" of every parameter but Signature))).
func (s *Server) verifyAlibabaRPC(r *http.Request, params url.Values) (alibabaSigner, *apiError) {
	for _, p := range []string{"AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"} {
		if params.Get(p) == "" {
			return alibabaSigner{}, alibabaErr(http.StatusBadRequest, "MissingParameter",
				"The input parameter \""+p+"\" that is mandatory for processing this request is not supplied.")
		}
	}
	if params.Get("SignatureMethod") != "HMAC-SHA1" {
		return alibabaSigner{}, alibabaErr(http.StatusBadRequest, "InvalidParameter",
			"The specified parameter \"SignatureMethod\" is not valid.")
	}
	secret, e := s.alibabaSecret(params.Get("AccessKeyId"), params.Get("SecurityToken"), false)
	if e != nil {
		return alibabaSigner{}, e
	}
	date, err := time.Parse("2006-01-02T15:04:05Z", params.Get("Timestamp"))
	if err != nil {
		return alibabaSigner{}, errTimeStampFormat
	}
	keys := make([]string, 0, len(params))
	for k := range params {
		if k != "Signature" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	pairs := make([]string, len(keys))
	for i, k := range keys {
		pairs[i] = percentEncode(k) + "=" + percentEncode(params.Get(k))
	}
	sts := r.Method + "&" + percentEncode("/") + "&" + percentEncode(strings.Join(pairs, "&"))
	if !hmac.Equal([]byte(params.Get("Signature")), []byte(hmacSHA1Base64(sts, secret+"&"))) {
		return alibabaSigner{}, signatureMismatch(sts)
	}
	return alibabaSigner{ak: params.Get("AccessKeyId"), scheme: "rpc", date: date, nonce: params.Get("SignatureNonce")}, nil
}

func hmacSHA1Base64(stringToSign, secret string) string {
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write([]byte(stringToSign))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// contentMD5 is base64(MD5(body)), the Content-MD5 a client may send.
func contentMD5(body []byte) string {
	sum := md5.Sum(body)
	return base64.StdEncoding.EncodeToString(sum[:])
}

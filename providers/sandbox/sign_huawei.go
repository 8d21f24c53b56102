package sandbox

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sort"
	"strings"
)

// Huawei SDK-HMAC-SHA256 (huaweicloud-sdk-go-v3 core/auth/signer/signer.go; https://support.huaweicloud.com/devg-apisign/api-sign-algorithm.html), rebuilt from what arrived exactly as
// huaweicloud-sdk-go-v3 builds it (core/auth/signer/signer.go). Implemented here rather than
// through the SDK's signer so the server depends on the wire format, not on SDK internals; the
// tests prove it against requests the real SDK signed.

const (
	huaweiAlgorithm  = "SDK-HMAC-SHA256"
	huaweiDateFormat = "20060102T150405Z"
)

// huaweiAuth is the parsed Authorization header.
type huaweiAuth struct {
	AK            string
	SignedHeaders []string
	Signature     string
}

// parseHuaweiAuth splits "SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex".
func parseHuaweiAuth(v string) (huaweiAuth, bool) {
	rest, ok := strings.CutPrefix(v, huaweiAlgorithm+" ")
	if !ok {
		return huaweiAuth{}, false
	}
	var a huaweiAuth
	for _, part := range strings.Split(rest, ",") {
		k, val, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Access":
			a.AK = val
		case "SignedHeaders":
			a.SignedHeaders = strings.Split(val, ";")
		case "Signature":
			a.Signature = val
		}
	}
	return a, a.AK != "" && a.Signature != "" && len(a.SignedHeaders) > 0
}

// huaweiCanonicalRequest is METHOD, canonical URI (escaped segments, trailing "/"), canonical
// query, the signed headers as "name:trimmed value" lines, the signed-header list and the hex
// SHA-256 of the exact body.
func huaweiCanonicalRequest(r *http.Request, signed []string, body []byte) string {
	var headers strings.Builder
	for _, name := range signed {
		v := r.Header.Get(name)
		if name == "host" {
			v = r.Host
		}
		headers.WriteString(name + ":" + strings.TrimSpace(v) + "\n")
	}
	payload := r.Header.Get("X-Sdk-Content-Sha256")
	if payload != "UNSIGNED-PAYLOAD" {
		sum := sha256.Sum256(body)
		payload = hex.EncodeToString(sum[:])
	}
	return strings.Join([]string{r.Method, huaweiCanonicalURI(r.URL.Path), huaweiCanonicalQuery(r),
		headers.String(), strings.Join(signed, ";"), payload}, "\n")
}

func huaweiCanonicalURI(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = huaweiEscape(s)
	}
	uri := strings.Join(segs, "/")
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	return uri
}

func huaweiCanonicalQuery(r *http.Request) string {
	q := r.URL.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		vals := append([]string{}, q[k]...)
		sort.Strings(vals)
		for _, v := range vals {
			parts = append(parts, huaweiEscape(k)+"="+huaweiEscape(v))
		}
	}
	return strings.Join(parts, "&")
}

// huaweiEscape percent-encodes everything but A-Z a-z 0-9 _ - ~ . (upper-case hex).
func huaweiEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '~' || c == '.' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte("0123456789ABCDEF"[c>>4])
		b.WriteByte("0123456789ABCDEF"[c&15])
	}
	return b.String()
}

// huaweiSignature is hex HMAC-SHA256(sk, "SDK-HMAC-SHA256\n<date>\n<hex sha256(canonical)>").
func huaweiSignature(canonical, date, sk string) string {
	sum := sha256.Sum256([]byte(canonical))
	sts := huaweiAlgorithm + "\n" + date + "\n" + hex.EncodeToString(sum[:])
	mac := hmac.New(sha256.New, []byte(sk))
	mac.Write([]byte(sts))
	return hex.EncodeToString(mac.Sum(nil))
}

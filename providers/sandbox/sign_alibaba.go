package sandbox

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"encoding/base64"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// Alibaba ROA signature v1 (alibaba-cloud-sdk-go sdk/auth/roa_signature_composer.go), rebuilt from what arrived exactly as
// alibaba-cloud-sdk-go builds it before sending (sdk/auth/roa_signature_composer.go).

// alibabaStringToSign is METHOD, the non-empty Accept/Content-MD5/Content-Type/Date values,
// every x-acs-* header as "name:value" (lower-case names, sorted), then the resource.
func alibabaStringToSign(r *http.Request) string {
	var b strings.Builder
	b.WriteString(r.Method + "\n")
	for _, h := range []string{"Accept", "Content-MD5", "Content-Type", "Date"} {
		if v := r.Header.Get(h); v != "" {
			b.WriteString(v + "\n")
		}
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
// ("k=v", or "k" alone for an empty value): the SDK signs the query before URL-encoding it.
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

// alibabaSignature is base64(HMAC-SHA1(secret, stringToSign)).
func alibabaSignature(stringToSign, secret string) string {
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write([]byte(stringToSign))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// contentMD5 is base64(MD5(body)), the Content-MD5 the SDK sends.
func contentMD5(body []byte) string {
	sum := md5.Sum(body)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// parseAlibabaAuth splits "acs <AccessKeyId>:<Signature>".
func parseAlibabaAuth(v string) (ak, sig string, ok bool) {
	rest, found := strings.CutPrefix(v, "acs ")
	if !found {
		return "", "", false
	}
	ak, sig, ok = strings.Cut(rest, ":")
	return ak, sig, ok && ak != "" && sig != ""
}

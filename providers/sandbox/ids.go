package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"
)

// newRequestID is a random UUID (version 4), Alibaba's request-id shape.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// newHuaweiRequestID is 32 lower-case hex characters, like the X-Request-Id Huawei's gateway sends.
func newHuaweiRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// newAlibabaOrderID is a 15-digit number as a string, like the documented 210292536260646.
func newAlibabaOrderID() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(9e14))
	return fmt.Sprintf("%d", n.Int64()+1e14)
}

// newHuaweiOrderID is "CS" + yyMMddHHmm + 5 random upper-case letters/digits (17 characters),
// shaped like the documented Workspace App example CS23060117315YQ6Z.
func newHuaweiOrderID(at time.Time) string {
	return "CS" + at.UTC().Format("0601021504") + randomChars(5, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
}

// newAlibabaProductID names one bought product, shaped like Alibaba instance ids
// (e.g. "dataworks_share-cn-4591ppl8w02").
func newAlibabaProductID(productCode, region string) string {
	code := strings.ToLower(productCode)
	if code == "" {
		code = "product"
	}
	prefix, _, _ := strings.Cut(region, "-")
	if prefix == "" {
		prefix = "cn"
	}
	return code + "-" + prefix + "-" + randomChars(11, "abcdefghijklmnopqrstuvwxyz0123456789")
}

func randomChars(n int, alphabet string) string {
	out := make([]byte, n)
	for i := range out {
		k, _ := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		out[i] = alphabet[k.Int64()]
	}
	return string(out)
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

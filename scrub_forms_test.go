package main

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"cloudorder/providers/sandbox"
)

// A server that echoes the security token — as the order id on a 200, URL-encoded or base64
// in a 4xx message — gets it onto neither stdout, --output json, stderr nor the history: the
// real binary, the real Huawei SDK, a loopback endpoint that is not the sandbox.
func TestEchoedTokenInAnyFormIsScrubbed(t *testing.T) {
	const token = "StsTokenEchoed/By+The=Server0000000"
	for name, answer := range map[string]func(w http.ResponseWriter, tok string){
		"200 order id": func(w http.ResponseWriter, tok string) {
			_ = json.NewEncoder(w).Encode(map[string]string{"order_id": tok})
		},
		"400 url-encoded and base64": func(w http.ResponseWriter, tok string) {
			w.WriteHeader(http.StatusBadRequest)
			_ = json.NewEncoder(w).Encode(map[string]string{"error_code": "CBC.0100", "error_msg": "bad request token=" +
				url.QueryEscape(tok) + " auth=" + base64.StdEncoding.EncodeToString([]byte("x:"+tok))})
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/_sandbox/health" {
					http.NotFound(w, r)
					return
				}
				w.Header().Set("Content-Type", "application/json")
				w.Header().Set("X-Request-Id", "req-"+base64.URLEncoding.EncodeToString([]byte(r.Header.Get("X-Security-Token"))))
				answer(w, r.Header.Get("X-Security-Token"))
			}))
			defer srv.Close()
			env := submitEnv(t)
			env["HUAWEICLOUD_SDK_AK"], env["HUAWEICLOUD_SDK_SK"], env["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = sandbox.HuaweiAK, sandbox.HuaweiSK, token
			for _, output := range []string{"text", "json"} {
				out, errOut, _ := runMain(t, env, "submit", "testdata/orders/huawei-dsc.json", "--endpoint", srv.URL, "--yes", "--allow-duplicate", "--output", output)
				history, _ := os.ReadFile(historyFile(env))
				for where, text := range map[string]string{"stdout": out, "stderr": errOut, "history": string(history)} {
					for _, form := range []string{token, url.QueryEscape(token), "StsTokenEchoed", base64.URLEncoding.EncodeToString([]byte(token))[:20]} {
						if strings.Contains(text, form) {
							t.Errorf("%s, %s: %s holds %q:\n%s", name, output, where, form, text)
						}
					}
				}
				if !strings.Contains(out+errOut, "****") {
					t.Errorf("%s, %s: nothing was scrubbed — the test proves nothing:\n%s%s", name, output, out, errOut)
				}
			}
		})
	}
}

package sandbox

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// imdsEmulation is the ECS metadata service's token and RAM role paths, answered by imds.
var imdsEmulation = emulation{name: "alibaba/ecs-metadata", routes: []route{
	imdsRoute(http.MethodPut, "/latest/api/token"),
	imdsRoute(http.MethodGet, "/latest/meta-data/ram/security-credentials/"),
	imdsRoute(http.MethodGet, "/latest/meta-data/ram/security-credentials/{role}"),
}}

func imdsRoute(method, path string) route {
	return route{method: method, path: path, serve: func(s *Server, w http.ResponseWriter, r *http.Request, _ map[string]string) { s.imds(w, r) }}
}

// imds answers the ECS instance metadata service's RAM role endpoints as an instance with the
// role AlibabaECSRoleName attached would
// (https://www.alibabacloud.com/help/en/ecs/user-guide/view-instance-metadata): an IMDSv2
// token from PUT /latest/api/token, the role's name, and the role's temporary key. A request
// that sends a token must send a valid one; plain requests (IMDSv1) are answered too.
func (s *Server) imds(w http.ResponseWriter, r *http.Request) {
	const credPath = "/latest/meta-data/ram/security-credentials/"
	text := func(status int, body string) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
	if r.URL.Path == "/latest/api/token" {
		if r.Method != http.MethodPut {
			text(http.StatusMethodNotAllowed, "405 - Method Not Allowed")
			return
		}
		ttl, err := strconv.Atoi(r.Header.Get("X-aliyun-ecs-metadata-token-ttl-seconds"))
		if err != nil || ttl < 1 || ttl > 21600 {
			text(http.StatusBadRequest, "400 - Bad Request: X-aliyun-ecs-metadata-token-ttl-seconds must be 1 to 21600")
			return
		}
		tok := "AQAEAFandbox" + randomHex(16)
		s.creds.mu.Lock()
		s.creds.init()
		s.creds.imdsToken[tok] = s.now().Add(time.Duration(ttl) * time.Second)
		s.creds.mu.Unlock()
		text(http.StatusOK, tok)
		return
	}
	if r.Method != http.MethodGet {
		text(http.StatusMethodNotAllowed, "405 - Method Not Allowed")
		return
	}
	if tok := r.Header.Get("X-aliyun-ecs-metadata-token"); tok != "" {
		s.creds.mu.Lock()
		exp, ok := s.creds.imdsToken[tok]
		s.creds.mu.Unlock()
		if !ok || !s.now().Before(exp) {
			text(http.StatusUnauthorized, "401 - Unauthorized: the metadata token is not valid")
			return
		}
	}
	switch role := strings.TrimPrefix(r.URL.Path, credPath); {
	case !strings.HasPrefix(r.URL.Path, credPath):
		text(http.StatusNotFound, "404 - Not Found")
	case role == "":
		text(http.StatusOK, AlibabaECSRoleName)
	case role != AlibabaECSRoleName:
		text(http.StatusNotFound, "404 - Not Found: the instance has no RAM role "+role)
	default:
		id, k := s.issueAlibaba("acs:ram::" + AlibabaAccountID + ":assumed-role/" + AlibabaECSRoleName + "/ecs-instance")
		now := s.now().UTC()
		writeJSON(w, http.StatusOK, map[string]string{"Code": "Success", "AccessKeyId": id, "AccessKeySecret": k.secret,
			"SecurityToken": k.token, "Expiration": k.expires.UTC().Format("2006-01-02T15:04:05Z"),
			"LastUpdated": now.Format("2006-01-02T15:04:05Z")})
	}
}

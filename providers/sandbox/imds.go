package sandbox

import (
	"net/http"
	"strings"
)

// imdsEmulation is the ECS metadata service's token and RAM role paths, answered by imds.
var imdsEmulation = emulation{name: "alibaba/ecs-metadata", routes: []route{
	metadataRoute(http.MethodPut, "/latest/api/token", (*Server).imds),
	metadataRoute(http.MethodGet, "/latest/meta-data/ram/security-credentials/", (*Server).imds),
	metadataRoute(http.MethodGet, "/latest/meta-data/ram/security-credentials/{role}", (*Server).imds),
}}

// alibabaMetadataTokens is the Alibaba ECS metadata service's IMDSv2 token protocol.
var alibabaMetadataTokens = metadataTokens{path: "/latest/api/token", ttlHeader: "X-aliyun-ecs-metadata-token-ttl-seconds",
	header: "X-aliyun-ecs-metadata-token", prefix: "AQAEAFandbox", sep: " - "}

// imds answers the ECS instance metadata service's RAM role endpoints as an instance with the
// role AlibabaECSRoleName attached would
// (https://www.alibabacloud.com/help/en/ecs/user-guide/view-instance-metadata): an IMDSv2
// token from PUT /latest/api/token, the role's name, and the role's temporary key. A request
// that sends a token must send a valid one; plain requests (IMDSv1) are answered too.
func (s *Server) imds(w http.ResponseWriter, r *http.Request) {
	const credPath = "/latest/meta-data/ram/security-credentials/"
	if !s.metadataStart(alibabaMetadataTokens, w, r) {
		return
	}
	if tok := r.Header.Get(alibabaMetadataTokens.header); tok != "" && !s.metadataTokenLive(tok) {
		plainText(w, http.StatusUnauthorized, "401 - Unauthorized: the metadata token is not valid")
		return
	}
	switch role := strings.TrimPrefix(r.URL.Path, credPath); {
	case !strings.HasPrefix(r.URL.Path, credPath):
		plainText(w, http.StatusNotFound, "404 - Not Found")
	case role == "":
		plainText(w, http.StatusOK, AlibabaECSRoleName)
	case role != AlibabaECSRoleName:
		plainText(w, http.StatusNotFound, "404 - Not Found: the instance has no RAM role "+role)
	default:
		id, k := s.issueAlibaba("acs:ram::" + AlibabaAccountID + ":assumed-role/" + AlibabaECSRoleName + "/ecs-instance")
		now := s.now().UTC()
		writeJSON(w, http.StatusOK, map[string]string{"Code": "Success", "AccessKeyId": id, "AccessKeySecret": k.secret,
			"SecurityToken": k.token, "Expiration": k.expires.UTC().Format("2006-01-02T15:04:05Z"),
			"LastUpdated": now.Format("2006-01-02T15:04:05Z")})
	}
}
